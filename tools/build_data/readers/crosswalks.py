"""Code crosswalks: Census occupation rows → SOC (for CPS), O*NET-SOC → BLS projections (NEM)
code, and college programs (CIP) ↔ SOC."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..common import clean_text, opt_text, read_csv


@dataclass(frozen=True)
class CensusRow:
    title: str
    code: str
    pattern: str  # SOC code or group as the Census list gives it: "11-2030", "13-20XX"

    @property
    def prefix(self) -> str:
        """The SOC prefix this row covers: '13-20XX' -> '13-20', '11-2030' -> '11-203'."""
        if "X" in self.pattern:
            return self.pattern[: self.pattern.index("X")]
        return self.pattern.rstrip("0")  # detailed codes never end in 0


def read_census(path: Path) -> list[CensusRow]:
    """The Census occupation rows with a SOC code or pattern (group headers and 'none' left out;
    a repeated row kept once)."""
    out: list[CensusRow] = []
    for r in read_csv(path):
        code = r["census_2018_code"].strip()
        pattern = r["soc_2018_code"].strip()
        if not re.fullmatch(r"\d{4}", code):
            continue  # group headers carry code ranges
        if not re.fullmatch(r"\d\d-[\dX]{4}", pattern):
            continue  # 'none' (military rank not specified, unemployed)
        if not any(o.code == code for o in out):
            out.append(CensusRow(clean_text(r["census_2018_title"]), code, pattern))
    return out


@dataclass(frozen=True)
class NemLink:
    """One O*NET-SOC code's BLS projections (NEM) code."""

    onet_code: str
    nem_code: str
    ooh_url: str | None  # its Occupational Outlook Handbook profile, when BLS has one


def read_nem(path: Path) -> list[NemLink]:
    return [
        NemLink(
            r["O*NET-SOC Code"].strip(),
            r["NEM Code"].strip(),
            opt_text(r.get("OOH Profile Website")),
        )
        for r in read_csv(path)
    ]


@dataclass(frozen=True)
class ProgramLink:
    """A college program (CIP) linked to an occupation (SOC)."""

    cip: str
    title: str  # without the trailing period
    soc: str


def read_programs(path: Path) -> list[ProgramLink]:
    """Every CIP–SOC pair, except 99.9999 (no matching program)."""
    return [
        ProgramLink(
            r["CIP2020Code"].strip(),
            clean_text(r["CIP2020Title"]).rstrip(".").strip(),
            r["SOC2018Code"].strip(),
        )
        for r in read_csv(path)
        if not r["CIP2020Code"].strip().startswith("99.")
    ]
