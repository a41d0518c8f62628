#!/usr/bin/env python3
"""Build the bot's profession dataset (``data/professions/*.yaml``) from raw public sources.

Usage (from the repository root)::

    python tools/build_data.py --sources ../shared/data --out data/professions

One entry per detailed occupation in BLS OEWS May 2025 (national, all industries), one YAML file
per SOC major group. The output is deterministic: the same sources give byte-identical files
(no timestamps, stable sorting everywhere). Every rule used here is documented in
``data/SOURCES.md``; keep the two in step.

Only the standard library and PyYAML are needed (the ``.xlsx`` copies of the sources are not
read: the CSV/TSV copies next to them are used).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

# --------------------------------------------------------------------------- constants

DEFAULT_SOURCES = "../shared/data"
DEFAULT_OUT = "data/professions"

PATHS = {
    "oews": "bls-oews-2025/oews-2025.sqlite.gz",
    "ep": "bls-ep-2024-34/table1.2_occupational_projections_2024-34.csv",
    "cps_demo": "bls-cps/cpsaat11-2023.csv",
    "cps_age": "bls-cps/cpsaat11b-2025.csv",
    "census": "crosswalks/census2018_occ_to_soc2018.csv",
    "nem": "crosswalks/nem-onet-to-soc-crosswalk.csv",
    "cip": "crosswalks/CIP2020_SOC2018_Crosswalk.csv",
    "onet": "onet-29.3",
}

ONET_SOURCE = "O*NET 29.3"
ONET_YEAR = 2025
OEWS_SOURCE = "BLS OEWS May 2025"
OEWS_YEAR = 2025
EP_SOURCE = "BLS Employment Projections 2024–34"
EP_YEAR = 2025
EP_START, EP_END = 2024, 2034
CPS_DEMO_SOURCE = "BLS CPS 2023 annual averages"
CPS_DEMO_YEAR = 2023
CPS_AGE_SOURCE = "BLS CPS 2025 annual averages"
CPS_AGE_YEAR = 2025
CIP_SOURCE = "NCES CIP 2020–SOC 2018 crosswalk"
CIP_YEAR = 2020

TOP_CODED = ">=239200"  # how a BLS top-coded annual wage is written in the YAML

MAX_ID_LEN = 90
MAX_TASKS = 5
MAX_SKILLS = 8
MAX_KNOWLEDGE = 5
MAX_SIMILAR = 6
MAX_MAJORS = 5
MAX_EDU_LEVELS = 4
MIN_EDU_PCT = 5.0  # education levels below this share are not listed

# "top" state / metro / industry: only cells with a published annual mean and employment of at
# least MIN_TOP_JOBS and at least MIN_TOP_SHARE of the national employment.
MIN_TOP_JOBS = 100
MIN_TOP_SHARE = Decimal("0.01")

# Aliases kept per occupation (the best-attested first); None keeps them all. They are written as
# one text block per occupation (one alias a line), which loads ~20x faster than a YAML list.
MAX_ALIASES: int | None = None
# An alias given under more than this many different dataset occupations is too generic.
MAX_ALIAS_OCCUPATIONS = 8
# Single words that mean nothing on their own as a job title (compared case-insensitively).
GENERIC_ALIASES = frozenset(
    {
        "administrator",
        "advisor",
        "adviser",
        "agent",
        "aide",
        "analyst",
        "apprentice",
        "assistant",
        "associate",
        "attendant",
        "clerk",
        "consultant",
        "contractor",
        "coordinator",
        "director",
        "employee",
        "engineer",
        "executive",
        "foreman",
        "helper",
        "inspector",
        "intern",
        "laborer",
        "labourer",
        "lead",
        "leader",
        "manager",
        "member",
        "officer",
        "operator",
        "owner",
        "partner",
        "professional",
        "representative",
        "specialist",
        "staff",
        "supervisor",
        "tech",
        "technician",
        "trainee",
        "worker",
    }
)

# BLS occupation groups (OEWS display levels 0-2) written as answerable entries to data/groups/
GROUP_LEVELS = {0: "major", 1: "minor", 2: "broad"}
# SOC 2018 broad groups whose detailed codes span more than one run of ten (SOC 2018 manual):
# every other broad group XX-XXX0 holds the detailed codes XX-XXX1 … XX-XXX9.
BROAD_SPANS = {"29-1210": ("29-1211", "29-1229"), "29-1240": ("29-1241", "29-1249")}
# a group's published employment and the sum of its members' may differ by rounding only
GROUP_EMPLOYMENT_SLACK = Decimal("0.01")

SECTION_ORDER = (
    "pay", "outlook", "education", "majors", "demographics", "age", "skills", "similar",
)  # fmt: skip
TIER_RANK = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}
TASK_TYPE_RANK = {"Core": 0, "Supplemental": 1}

RACE_COLUMNS = (
    ("White", "pct_white"),
    ("Black or African American", "pct_black"),
    ("Asian", "pct_asian"),
)


Entry = dict[str, Any]  # one profession, or one section of it, as written to YAML


class _TopCoded:
    """Sentinel for a BLS wage published only as "at or above the top code"."""

    def __repr__(self) -> str:
        return "TOP_CODED"


TOP = _TopCoded()


# --------------------------------------------------------------------------- small helpers


def slugify(text: str) -> str:
    """Lowercase ASCII slug: every run of non-alphanumerics becomes one '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def cut_slug(slug: str, limit: int = MAX_ID_LEN) -> str:
    """Shorten a slug to at most ``limit`` characters, cutting at a '-' boundary."""
    if len(slug) <= limit:
        return slug
    head = slug[: limit + 1]
    cut = head.rfind("-")
    return (head[:cut] if cut > 0 else slug[:limit]).strip("-")


def norm_title(text: str) -> str:
    """Key for matching CPS row titles to Census titles: case, commas and spaces ignored."""
    return re.sub(r"\s+", " ", text.replace(",", " ").strip().lower())


def alias_key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def clean_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_NOT_NUMBERS = frozenset({"", "-", "—", "–", "*", "**", "#", "n/a"})


def to_decimal(text: str | None) -> Decimal | None:
    """A number from a source cell; '—', '–', '-', '*', '' and friends give None."""
    if text is None:
        return None
    text = text.strip()
    if text in _NOT_NUMBERS:
        return None
    text = text.replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def round_half_up(value: Decimal | float, places: int = 0) -> Decimal:
    quant = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP)


def as_int(value: Decimal) -> int:
    return int(round_half_up(value))


def as_float(value: Decimal, places: int) -> float:
    return float(round_half_up(value, places))


def money(value: Decimal) -> int | float:
    """A dollar figure as BLS prints it: whole dollars as int, cents kept otherwise."""
    return int(value) if value == value.to_integral_value() else float(value)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [dict(row) for row in csv.DictReader(fh)]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """O*NET tab-separated text with a header row (no quoting is used in these files)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        lines = fh.read().splitlines()
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


# --------------------------------------------------------------------------- source loaders


@dataclass
class Wages:
    """One OEWS cell (occupation x area x industry), parsed."""

    employment: Decimal | None = None
    hourly_mean: Decimal | _TopCoded | None = None
    annual_mean: Decimal | _TopCoded | None = None
    hourly_median: Decimal | _TopCoded | None = None
    p10: Decimal | _TopCoded | None = None
    p25: Decimal | _TopCoded | None = None
    annual_median: Decimal | _TopCoded | None = None
    p75: Decimal | _TopCoded | None = None
    p90: Decimal | _TopCoded | None = None


# datatype code -> Wages field (see the OEWS `datatype` table)
OEWS_FIELDS = {
    "01": "employment",
    "03": "hourly_mean",
    "04": "annual_mean",
    "08": "hourly_median",
    "11": "p10",
    "12": "p25",
    "13": "annual_median",
    "14": "p75",
    "15": "p90",
}
# footnote 5: "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
TOP_CODE_FOOTNOTE = "5"


def oews_value(value: str | None, footnote: str | None) -> Decimal | _TopCoded | None:
    """Parse one OEWS value. '#' (or a blank value with footnote 5) = top-coded; '*', '-' or a
    blank value with any other footnote (4: not published for this pay basis, 8: not released)
    = absent."""
    text = (value or "").strip()
    if text == "#":
        return TOP
    number = to_decimal(text)
    if number is not None:
        return number
    if (footnote or "").strip() == TOP_CODE_FOOTNOTE:
        return TOP
    return None


@dataclass
class Oews:
    occupations: dict[str, str]  # SOC "43-3011" -> BLS title (detailed level only)
    major_groups: dict[str, str]  # "43" -> "Office and Administrative Support Occupations"
    groups: dict[str, tuple[str, str]]  # "29-1210" -> ("Physicians", "broad")
    national: dict[str, Wages]
    states: dict[str, list[tuple[str, Wages]]]
    metros: dict[str, list[tuple[str, Wages]]]
    industries: dict[str, list[tuple[str, Wages]]]


def soc_of(oews_code: str) -> str:
    return f"{oews_code[:2]}-{oews_code[2:]}"


def industry_candidates(levels: dict[str, tuple[str, int]]) -> set[str]:
    """Industries compared for `top_industry`: the 4-digit NAICS level (OEWS display level 4),
    without the ownership re-cuts (…002/…003/…005: state-, local-, privately owned), plus any
    3-digit industry that has no 4-digit breakdown. These never overlap."""
    ownership = re.compile(r"^\d{4}0[235]$")
    level4 = {c for c, (_, lvl) in levels.items() if lvl == 4 and not ownership.match(c)}
    chosen = set(level4)
    for code, (_, lvl) in levels.items():
        if lvl == 3 and not any(c[:3] == code[:3] for c in level4):
            chosen.add(code)
    return chosen


def load_oews(path: Path) -> Oews:
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(gzip.decompress(path.read_bytes()))
        occ_rows = con.execute(
            "SELECT occupation_code, occupation_name, display_level FROM occupation"
        ).fetchall()
        occupations = {soc_of(c): n.strip() for c, n, lvl in occ_rows if int(lvl) == 3}
        major_groups = {
            c[:2]: n.strip()
            for c, n, lvl in occ_rows
            if int(lvl) == 0 and c.endswith("0000") and c != "000000"
        }
        groups = {
            soc_of(c): (n.strip(), GROUP_LEVELS[int(lvl)])
            for c, n, lvl in occ_rows
            if int(lvl) in GROUP_LEVELS and c != "000000"
        }
        areas = {
            code: (kind, name.strip())
            for code, kind, name in con.execute(
                "SELECT area_code, areatype_code, area_name FROM area"
            )
        }
        levels = {
            code: (name.strip(), int(lvl))
            for code, name, lvl in con.execute(
                "SELECT industry_code, industry_name, display_level FROM industry"
            )
        }
        inds = industry_candidates(levels)
        codes = sorted(OEWS_FIELDS)
        i_emp, i_mean = codes.index("01"), codes.index("04")
        cols = ", ".join([f"v{c}" for c in codes] + [f"f{c}" for c in codes])
        national: dict[str, Wages] = {}
        states: dict[str, list[tuple[str, Wages]]] = defaultdict(list)
        metros: dict[str, list[tuple[str, Wages]]] = defaultdict(list)
        industries: dict[str, list[tuple[str, Wages]]] = defaultdict(list)
        for row in con.execute(f"SELECT key, {cols} FROM cell ORDER BY key"):
            key = row[0]
            kind, area, ind, occ = key[3], key[4:11], key[11:17], key[17:23]
            soc = soc_of(occ)
            if soc not in occupations and soc not in groups:
                continue
            if kind == "N" and area == "0000000" and ind == "000000":
                bucket = None
            elif kind == "S" and ind == "000000":
                bucket = states
            elif kind == "M" and ind == "000000":
                if "nonmetropolitan" in areas.get(area, ("", ""))[1].lower():
                    continue
                bucket = metros
            elif kind == "N" and area == "0000000" and ind in inds:
                bucket = industries
            else:
                continue
            values = row[1 : 1 + len(codes)]
            notes = row[1 + len(codes) :]
            if bucket is None:
                wages = Wages(employment=to_decimal(values[i_emp]))
                for c, v, f in zip(codes, values, notes, strict=True):
                    if c != "01":
                        setattr(wages, OEWS_FIELDS[c], oews_value(v, f))
            else:  # areas and industries: only employment and the annual mean are used
                wages = Wages(
                    employment=to_decimal(values[i_emp]),
                    annual_mean=oews_value(values[i_mean], notes[i_mean]),
                )
            if bucket is None:
                national[soc] = wages
            elif bucket is industries:
                industries[soc].append((levels[ind][0], wages))
            else:
                bucket[soc].append((areas[area][1], wages))
    finally:
        con.close()
    return Oews(
        occupations,
        major_groups,
        groups,
        national,
        dict(states),
        dict(metros),
        dict(industries),
    )


@dataclass
class Onet:
    titles: dict[str, str]
    descriptions: dict[str, str]
    alternate: list[dict[str, str]]
    reported: list[dict[str, str]]
    tasks: dict[str, list[dict[str, str]]]
    skills: dict[str, list[tuple[str, Decimal]]]
    knowledge: dict[str, list[tuple[str, Decimal]]]
    education: dict[str, list[tuple[int, Decimal]]]
    education_names: dict[int, str]
    job_zones: dict[str, int]
    related: dict[str, list[dict[str, str]]]


def _importance(rows: Iterable[dict[str, str]]) -> dict[str, list[tuple[str, Decimal]]]:
    out: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
    for r in rows:
        if r.get("Scale ID") != "IM" or r.get("Recommend Suppress", "").strip() == "Y":
            continue
        value = to_decimal(r.get("Data Value"))
        if value is not None:
            out[r["O*NET-SOC Code"]].append((r["Element Name"].strip(), value))
    return dict(out)


def education_level_name(description: str) -> str:
    """'High School Diploma - or the equivalent (…)' -> 'High School Diploma'."""
    name = description.split(" - ")[0]
    name = name.split(" (")[0]
    return name.strip()


def load_onet(folder: Path) -> Onet:
    occ = read_tsv(folder / "Occupation Data.txt")
    tasks: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in read_tsv(folder / "Task Statements.txt"):
        tasks[r["O*NET-SOC Code"]].append(r)
    education: dict[str, list[tuple[int, Decimal]]] = defaultdict(list)
    for r in read_tsv(folder / "Education, Training, and Experience.txt"):
        if r.get("Element ID") != "2.D.1" or r.get("Scale ID") != "RL":
            continue
        # O*NET's "Recommend Suppress" (low precision) flag is deliberately not applied here:
        # dropping one category would distort the distribution (e.g. Registered Nurses'
        # bachelor's share is flagged).
        value = to_decimal(r.get("Data Value"))
        if value is not None:
            education[r["O*NET-SOC Code"]].append((int(r["Category"]), value))
    names = {
        int(r["Category"]): education_level_name(r["Category Description"])
        for r in read_tsv(folder / "Education, Training, and Experience Categories.txt")
        if r.get("Element ID") == "2.D.1" and r.get("Scale ID") == "RL"
    }
    zones = {}
    for r in read_tsv(folder / "Job Zones.txt"):
        value = to_decimal(r.get("Job Zone"))
        if value is not None:
            zones[r["O*NET-SOC Code"]] = int(value)
    related: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in read_tsv(folder / "Related Occupations.txt"):
        related[r["O*NET-SOC Code"]].append(r)
    return Onet(
        titles={r["O*NET-SOC Code"]: clean_text(r["Title"]) for r in occ},
        descriptions={r["O*NET-SOC Code"]: clean_text(r["Description"]) for r in occ},
        alternate=read_tsv(folder / "Alternate Titles.txt"),
        reported=read_tsv(folder / "Sample of Reported Titles.txt"),
        tasks=dict(tasks),
        skills=_importance(read_tsv(folder / "Skills.txt")),
        knowledge=_importance(read_tsv(folder / "Knowledge.txt")),
        education=dict(education),
        education_names=names,
        job_zones=zones,
        related=dict(related),
    )


@dataclass
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


def load_census(path: Path) -> list[CensusRow]:
    out: list[CensusRow] = []
    for r in read_csv(path):
        code = r["census_2018_code"].strip()
        pattern = r["soc_2018_code"].strip()
        if not re.fullmatch(r"\d{4}", code):
            continue  # group headers carry code ranges
        if not re.fullmatch(r"\d\d-[\dX]{4}", pattern):
            continue  # 'none' (military rank not specified, unemployed)
        row = CensusRow(clean_text(r["census_2018_title"]), code, pattern)
        if not any(o.code == code for o in out):  # the list repeats a few rows
            out.append(row)
    return out


# --------------------------------------------------------------------------- the build


@dataclass
class Context:
    oews: Oews
    onet: Onet
    ep: dict[str, dict[str, str]]
    ep_summary: dict[str, dict[str, str]]  # projections' summary rows (occupation groups)
    nem: list[dict[str, str]]
    census: list[CensusRow]
    cps_demo: dict[str, dict[str, str]]
    cps_age: dict[str, dict[str, str]]
    cip: list[dict[str, str]]
    # derived
    onet_to_soc: dict[str, str] = field(default_factory=dict)
    nem_code: dict[str, str] = field(default_factory=dict)  # O*NET code -> NEM code
    programs: dict[str, dict[str, str]] = field(default_factory=dict)
    program_spread: dict[str, int] = field(default_factory=dict)
    codes_for: dict[str, list[str]] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)


def load_sources(root: Path) -> Context:
    missing = [p for p in PATHS.values() if not (root / p).exists()]
    if missing:
        raise SystemExit(f"missing source files under {root}: {', '.join(missing)}")
    ep_rows = read_csv(root / PATHS["ep"])
    code_col = "2024 National Employment Matrix code"
    ctx = Context(
        oews=load_oews(root / PATHS["oews"]),
        onet=load_onet(root / PATHS["onet"]),
        ep={
            r[code_col].strip(): r
            for r in ep_rows
            if r.get("Occupation type", "").strip() == "Line item"
        },
        ep_summary={
            r[code_col].strip(): r
            for r in ep_rows
            if r.get("Occupation type", "").strip() == "Summary"
        },
        nem=read_csv(root / PATHS["nem"]),
        census=load_census(root / PATHS["census"]),
        cps_demo={norm_title(r["occupation"]): r for r in read_csv(root / PATHS["cps_demo"])},
        cps_age={norm_title(r["occupation"]): r for r in read_csv(root / PATHS["cps_age"])},
        cip=read_csv(root / PATHS["cip"]),
    )
    link(ctx)
    return ctx


def link(ctx: Context) -> None:
    """O*NET codes -> dataset SOC codes (via the NEM crosswalk), ordered codes per SOC, ids."""
    socs = ctx.oews.occupations
    ctx.nem_code = {r["O*NET-SOC Code"].strip(): r["NEM Code"].strip() for r in ctx.nem}
    ctx.programs, ctx.program_spread = index_programs(ctx.cip)
    for code in sorted(ctx.onet.titles):
        target = ctx.nem_code.get(code)
        if target not in socs:
            target = code[:7] if code[:7] in socs else None
        if target is not None:
            ctx.onet_to_soc[code] = target
    grouped: dict[str, list[str]] = defaultdict(list)
    for code, soc in ctx.onet_to_soc.items():
        grouped[soc].append(code)
    for soc, codes in grouped.items():
        # the SOC's own ".00" code first, then other ".00" codes, then the rest, by code
        own = f"{soc}.00"
        ctx.codes_for[soc] = sorted(codes, key=lambda c: (c != own, not c.endswith(".00"), c))
    ctx.ids = assign_ids(socs)


def assign_ids(titles: dict[str, str]) -> dict[str, str]:
    """SOC -> id: the slug of the BLS title, at most MAX_ID_LEN characters (cut at a '-'); on a
    collision the later SOC code (in code order) gets its code digits appended."""
    ids: dict[str, str] = {}
    seen: set[str] = set()
    for soc in sorted(titles):
        slug = cut_slug(slugify(titles[soc])) or "occupation"
        if slug in seen:
            digits = soc.replace("-", "")
            slug = f"{cut_slug(slug, MAX_ID_LEN - len(digits) - 1)}-{digits}"
        seen.add(slug)
        ids[soc] = slug
    return ids


# ---- pay


TOP_CODE_VALUE = Decimal(239200)


def top_place(cells: Sequence[tuple[str, Wages]], national_emp: Decimal | None) -> Entry | None:
    """Highest annual mean among cells with enough employment (see MIN_TOP_*).

    A top-coded mean (">= $239,200") is only known to be at least the top code, so it wins only
    when it is the sole top-coded candidate and every published mean is below the top code;
    otherwise the highest-paying place cannot be told and None is returned."""
    floor = Decimal(MIN_TOP_JOBS)
    if national_emp is not None:
        floor = max(floor, national_emp * MIN_TOP_SHARE)
    coded: list[str] = []
    numeric: list[tuple[Decimal, Decimal, str]] = []  # (mean, jobs, name)
    for name, w in cells:
        if w.annual_mean is None or w.employment is None or w.employment < floor:
            continue
        if isinstance(w.annual_mean, _TopCoded):
            coded.append(name)
        else:
            numeric.append((w.annual_mean, w.employment, name))
    # highest mean, then more jobs, then name A-Z
    best = min(numeric, key=lambda m: (-m[0], -m[1], m[2]), default=None)
    if coded:
        if len(coded) > 1 or (best is not None and best[0] >= TOP_CODE_VALUE):
            return None
        return Flow({"name": coded[0], "annual_mean": TOP_CODED})
    if best is None:
        return None
    return Flow({"name": best[2], "annual_mean": money(best[0])})


def build_pay(ctx: Context, soc: str) -> Entry | None:
    w = ctx.oews.national.get(soc)
    if w is None:
        return None
    pay: dict[str, Any] = {"source": OEWS_SOURCE, "year": OEWS_YEAR}

    def annual(value: Decimal | _TopCoded | None) -> Any:
        if value is None:
            return None
        return TOP_CODED if isinstance(value, _TopCoded) else money(value)

    def hourly(value: Decimal | _TopCoded | None) -> Any:
        # top-coded hourly wages (>= $115.00) cannot be written as ">=239200": left out
        if value is None or isinstance(value, _TopCoded):
            return None
        return float(value)

    fields = {
        "annual_mean": annual(w.annual_mean),
        "annual_median": annual(w.annual_median),
        "hourly_mean": hourly(w.hourly_mean),
        "hourly_median": hourly(w.hourly_median),
        "p10": annual(w.p10),
        "p25": annual(w.p25),
        "p75": annual(w.p75),
        "p90": annual(w.p90),
        "employment": None if w.employment is None else int(w.employment),
        "top_state": top_place(ctx.oews.states.get(soc, ()), w.employment),
        "top_metro": top_place(ctx.oews.metros.get(soc, ()), w.employment),
        "top_industry": top_place(ctx.oews.industries.get(soc, ()), w.employment),
    }
    pay.update({k: v for k, v in fields.items() if v is not None})
    return pay if len(pay) > 2 else None


# ---- outlook


def build_outlook(ctx: Context, soc: str) -> Entry | None:
    row = ctx.ep.get(soc)
    if row is not None:
        return outlook_of(row)
    # BLS projects some occupations only as a group: follow the NEM code of the O*NET codes
    nem_codes = [ctx.nem_code.get(code) for code in ctx.codes_for.get(soc, [])]
    line = next((c for c in nem_codes if c in ctx.ep), None)
    if line is None:
        return None
    row = ctx.ep[line]
    covered = sorted({c[:7] for c, n in ctx.nem_code.items() if n == line})
    title = clean_text(row["2024 National Employment Matrix title"])
    note = (
        f"BLS projects this occupation only as part of the broader line '{title}' "
        f"({line}), which covers {len(covered)} SOC codes; figures are for that line."
    )
    return outlook_of(row, note)


def build_group_outlook(ctx: Context, soc: str) -> Entry | None:
    """A group's projections summary row. OEWS codes a few minor groups by their only broad
    group (19-5010); the projections use the minor code (19-5000)."""
    row = ctx.ep_summary.get(soc) or ctx.ep_summary.get(soc[:5] + "00")
    return None if row is None else outlook_of(row)


def outlook_of(row: dict[str, str], note: str | None = None) -> Entry | None:
    out: dict[str, Any] = {
        "source": EP_SOURCE,
        "year": EP_YEAR,
        "start_year": EP_START,
        "end_year": EP_END,
    }

    def thousands(col: str) -> int | None:
        value = to_decimal(row.get(col))
        return None if value is None else as_int(value * 1000)

    fields = {
        "employment_start": thousands("Employment, 2024"),
        "employment_end": thousands("Employment, 2034"),
        "growth_pct": _opt_float(row.get("Employment change, percent, 2024–34")),
        "annual_openings": thousands("Occupational openings, 2024–34 annual average"),
        "entry_education": _opt_text(row.get("Typical education needed for entry")),
        "work_experience": _opt_text(row.get("Work experience in a related occupation")),
        "job_training": _opt_text(
            row.get("Typical on-the-job training needed to attain competency in the occupation")
        ),
    }
    out.update({k: v for k, v in fields.items() if v is not None})
    if note:
        out["note"] = note
    return out if len(out) > 4 else None


def _opt_float(text: str | None) -> float | None:
    value = to_decimal(text)
    return None if value is None else float(value)


def _opt_text(text: str | None) -> str | None:
    if text is None:
        return None
    text = clean_text(text)
    return None if text in {"", "—", "–", "-", "n/a"} else text


# ---- O*NET based sections


def _first_with(ctx: Context, soc: str, table: dict[str, Any]) -> str | None:
    return next((c for c in ctx.codes_for.get(soc, []) if table.get(c)), None)


def _onet_note(ctx: Context, soc: str, code: str) -> str | None:
    if code == f"{soc}.00":
        return None
    return f"O*NET data for {code} {ctx.onet.titles.get(code, '')}".strip()


def primary_code(ctx: Context, soc: str) -> str | None:
    codes = ctx.codes_for.get(soc)
    return codes[0] if codes else None


def build_tasks(ctx: Context, code: str | None) -> list[str]:
    if code is None:
        return []
    rows = ctx.onet.tasks.get(code, [])
    ordered = sorted(
        enumerate(rows),
        key=lambda ir: (TASK_TYPE_RANK.get(ir[1].get("Task Type", "").strip(), 2), ir[0]),
    )
    out: list[str] = []
    for _, r in ordered:
        text = clean_text(r["Task"])
        if text and text not in out:
            out.append(text)
        if len(out) == MAX_TASKS:
            break
    return out


def build_education(ctx: Context, soc: str) -> Entry | None:
    code = _first_with(ctx, soc, ctx.onet.education)
    zone_code = _first_with(ctx, soc, ctx.onet.job_zones)
    out: dict[str, Any] = {"source": ONET_SOURCE, "year": ONET_YEAR}
    if code is not None:
        values = sorted(ctx.onet.education[code], key=lambda cv: (-cv[1], cv[0]))
        levels: list[Entry] = []
        for cat, pct in values:
            rounded = as_float(pct, 1)
            if rounded < MIN_EDU_PCT or len(levels) == MAX_EDU_LEVELS:
                break
            name = ctx.onet.education_names.get(cat, f"Category {cat}")
            levels.append(Flow({"level": name, "pct": rounded}))
        if levels:
            out["levels"] = levels
    if zone_code is not None:
        out["job_zone"] = ctx.onet.job_zones[zone_code]
    if len(out) == 2:
        return None
    notes = {n for c in (code, zone_code) if c and (n := _onet_note(ctx, soc, c))}
    if notes:
        out["note"] = "; ".join(sorted(notes))
    return out


def _top_rated(rows: Sequence[tuple[str, Decimal]], limit: int) -> list[Entry]:
    best: dict[str, Decimal] = {}
    for name, value in rows:
        best[name] = max(value, best.get(name, value))
    ordered = sorted(best.items(), key=lambda nv: (-nv[1], nv[0]))[:limit]
    return [Flow({"name": n, "importance": as_float(v, 2)}) for n, v in ordered]


def build_skills(ctx: Context, soc: str) -> Entry | None:
    s_code = _first_with(ctx, soc, ctx.onet.skills)
    k_code = _first_with(ctx, soc, ctx.onet.knowledge)
    out: dict[str, Any] = {"source": ONET_SOURCE, "year": ONET_YEAR}
    if s_code is not None:
        out["skills"] = _top_rated(ctx.onet.skills[s_code], MAX_SKILLS)
    if k_code is not None:
        out["knowledge"] = _top_rated(ctx.onet.knowledge[k_code], MAX_KNOWLEDGE)
    if len(out) == 2:
        return None
    notes = {n for c in (s_code, k_code) if c and (n := _onet_note(ctx, soc, c))}
    if notes:
        out["note"] = "; ".join(sorted(notes))
    return out


def build_similar(ctx: Context, soc: str) -> Entry | None:
    candidates = []
    for order, code in enumerate(ctx.codes_for.get(soc, [])):
        for r in ctx.onet.related.get(code, []):
            tier = TIER_RANK.get(r.get("Relatedness Tier", "").strip(), 3)
            index = to_decimal(r.get("Index")) or Decimal(10**6)
            candidates.append((tier, index, order, r["Related O*NET-SOC Code"].strip()))
    ids: list[str] = []
    for *_, related in sorted(candidates):
        target = ctx.onet_to_soc.get(related)
        if target is None or target == soc:
            continue
        rid = ctx.ids[target]
        if rid not in ids:
            ids.append(rid)
        if len(ids) == MAX_SIMILAR:
            break
    if not ids:
        return None
    return {"source": ONET_SOURCE, "year": ONET_YEAR, "ids": FlowList(ids)}


# ---- aliases


@dataclass
class AliasInfo:
    forms: dict[str, int] = field(default_factory=dict)  # spelling -> preference rank
    sources: set[str] = field(default_factory=set)


def collect_aliases(ctx: Context) -> dict[str, dict[str, AliasInfo]]:
    """SOC -> alias key -> spellings and source tags (before any filtering)."""
    per_soc: dict[str, dict[str, AliasInfo]] = defaultdict(dict)

    def add(soc: str, text: str, tags: Iterable[str], rank: int) -> None:
        name = clean_text(text)
        if not name or name.lower() == "n/a":
            return
        info = per_soc[soc].setdefault(alias_key(name), AliasInfo())
        info.forms[name] = min(rank, info.forms.get(name, rank))
        info.sources.update(tags)

    for code, title in ctx.onet.titles.items():
        soc = ctx.onet_to_soc.get(code)
        if soc is not None:
            add(soc, title, ["onet-title"], 0)
    for r in ctx.onet.alternate:
        soc = ctx.onet_to_soc.get(r["O*NET-SOC Code"].strip())
        if soc is None:
            continue
        tags = [f"alt:{s.strip()}" for s in r.get("Source(s)", "").split(",") if s.strip()]
        tags = tags or ["alt"]
        add(soc, r.get("Alternate Title", ""), tags, 1)
        add(soc, r.get("Short Title", ""), tags, 2)
    for r in ctx.onet.reported:
        soc = ctx.onet_to_soc.get(r["O*NET-SOC Code"].strip())
        if soc is not None:
            add(soc, r.get("Reported Job Title", ""), ["reported"], 3)
    return per_soc


def nicest(forms: dict[str, int]) -> str:
    """The spelling to keep: not all-lowercase, most capitals (acronyms kept), O*NET lists
    first, then alphabetical."""
    return min(
        forms,
        key=lambda f: (f == f.lower(), -sum(ch.isupper() for ch in f), forms[f], f),
    )


def build_aliases(ctx: Context, per_soc: dict[str, dict[str, AliasInfo]]) -> dict[str, Block]:
    spread: dict[str, int] = defaultdict(int)
    for aliases in per_soc.values():
        for key in aliases:
            spread[key] += 1
    out: dict[str, Block] = {}
    for soc, aliases in per_soc.items():
        own = alias_key(ctx.oews.occupations[soc])
        kept = []
        for key, info in aliases.items():
            if key == own or spread[key] > MAX_ALIAS_OCCUPATIONS or key in GENERIC_ALIASES:
                continue
            name = nicest(info.forms)
            n = len(info.sources)
            # most sources first, then titles workers report, then shorter, then A-Z
            kept.append(((-n, "reported" not in info.sources, len(name), key), name, n))
        kept.sort()
        lines = [
            name.replace("|", "/") if n == 1 else f"{name.replace('|', '/')}|{n}"
            for _, name, n in kept[:MAX_ALIASES]
        ]
        if lines:
            out[soc] = Block("\n".join(lines) + "\n")
    return out


# ---- majors


def soc_components(ctx: Context, soc: str) -> list[str]:
    """SOC 2018 detailed codes behind a dataset code: itself, or for BLS aggregates such as
    13-1020 the codes grouped into it (from the O*NET codes mapped to it)."""
    parts = sorted(
        {c[:7] for c in ctx.codes_for.get(soc, []) if c[:7] != soc and c[:7] not in ctx.ids}
    )
    return parts or [soc]


def is_generic_program(title: str) -> bool:
    return bool(re.search(r"(?:^|[,\s])(?:General|Other)$", title))


def index_programs(
    cip_rows: Iterable[dict[str, str]],
) -> tuple[dict[str, dict[str, str]], dict[str, int]]:
    """SOC -> {CIP code: title}, and CIP code -> how many SOC codes it is linked to."""
    by_soc: dict[str, dict[str, str]] = defaultdict(dict)
    spread: dict[str, set[str]] = defaultdict(set)
    for r in cip_rows:
        code, soc = r["CIP2020Code"].strip(), r["SOC2018Code"].strip()
        if code.startswith("99."):  # 99.9999 = no matching program
            continue
        by_soc[soc][code] = clean_text(r["CIP2020Title"]).rstrip(".").strip()
        spread[code].add(soc)
    return dict(by_soc), {c: len(s) for c, s in spread.items()}


def build_majors(ctx: Context, soc: str) -> Entry | None:
    programs: dict[str, str] = {}
    for part in soc_components(ctx, soc):
        programs.update(ctx.programs.get(part, {}))
    if not programs:
        return None
    specific = {c: t for c, t in programs.items() if not is_generic_program(t)}
    pool = specific or programs
    names: list[str] = []
    for code in sorted(pool, key=lambda c: (ctx.program_spread[c], c)):
        if pool[code] not in names:
            names.append(pool[code])
        if len(names) == MAX_MAJORS:
            break
    return {"source": CIP_SOURCE, "year": CIP_YEAR, "names": names}


# ---- CPS


def census_rows_for(ctx: Context, soc: str) -> list[CensusRow]:
    rows: list[CensusRow] = []
    for part in soc_components(ctx, soc):
        matches = [r for r in ctx.census if part.startswith(r.prefix)]
        if not matches:
            continue
        best = max(matches, key=lambda r: (len(r.prefix), r.code))
        if best not in rows:
            rows.append(best)
    return rows


def _pct(text: str | None) -> Decimal | None:
    value = to_decimal(text)
    return value if value is not None and 0 <= value <= 100 else None


def build_demographics(
    ctx: Context, soc: str, rows: list[CensusRow], share: dict[str, int]
) -> Entry | None:
    found: list[tuple[CensusRow, dict[str, str]]] = []
    for r in rows:
        cps = ctx.cps_demo.get(norm_title(r.title))
        if cps is None:
            return None
        found.append((r, cps))
    if not found:
        return None

    def value(col: str) -> float | None:
        if len(found) == 1:
            v = _pct(found[0][1].get(col))
            return None if v is None else as_float(v, 1)
        # several CPS rows (a BLS aggregate such as 31-1120): employment-weighted mean,
        # only when every row publishes the figure
        total = Decimal(0)
        weighted = Decimal(0)
        for _, cps in found:
            v = _pct(cps.get(col))
            emp = to_decimal(cps.get("total_employed_thousands"))
            if v is None or emp is None:
                return None
            total += emp
            weighted += v * emp
        return None if total == 0 else as_float(weighted / total, 1)

    out: dict[str, Any] = {"source": CPS_DEMO_SOURCE, "year": CPS_DEMO_YEAR}
    women = value("pct_women")
    if women is not None:
        out["women_pct"] = women
    race = {label: v for label, col in RACE_COLUMNS if (v := value(col)) is not None}
    if race:
        out["race"] = Flow(race)
    hispanic = value("pct_hispanic")
    if hispanic is not None:
        out["hispanic_pct"] = hispanic
    if len(out) == 2:
        return None
    covers = cps_covers(ctx, soc, [r for r, _ in found], share)
    if covers:
        out["covers"] = covers
    return out


def cps_covers(ctx: Context, soc: str, rows: list[CensusRow], share: dict[str, int]) -> str | None:
    if len(rows) > 1:
        names = " and ".join(f"'{r.title}'" for r in rows)
        return f"CPS rows {names} combined, weighted by employment"
    row = rows[0]
    n = share[row.code]
    if n > 1:
        return f"CPS group '{row.title}' (covers {n} SOC codes)"
    if row.pattern != soc:
        return f"CPS group '{row.title}' (SOC {row.pattern})"
    return None


def build_age(ctx: Context, soc: str, rows: list[CensusRow], share: dict[str, int]) -> Entry | None:
    if len(rows) != 1:
        return None  # medians of several CPS rows cannot be combined
    cps = ctx.cps_age.get(norm_title(rows[0].title))
    if cps is None:
        return None
    median = to_decimal(cps.get("median_age"))
    if median is None:
        return None
    out: dict[str, Any] = {"source": CPS_AGE_SOURCE, "year": CPS_AGE_YEAR, "median": float(median)}
    covers = cps_covers(ctx, soc, rows, share)
    if covers:
        out["note"] = covers
    return out


# ---- assembling


def build_entries(ctx: Context) -> list[dict[str, Any]]:
    aliases = build_aliases(ctx, collect_aliases(ctx))
    census_for = {soc: census_rows_for(ctx, soc) for soc in ctx.oews.occupations}
    share: dict[str, int] = defaultdict(int)
    for rows in census_for.values():
        for r in rows:
            share[r.code] += 1
    entries = []
    for soc in sorted(ctx.oews.occupations):
        code = primary_code(ctx, soc)
        entry: dict[str, Any] = {
            "id": ctx.ids[soc],
            "title": ctx.oews.occupations[soc],
            "soc": soc,
        }
        if code is not None:
            entry["source"] = ONET_SOURCE
            entry["year"] = ONET_YEAR
            entry["description"] = ctx.onet.descriptions[code]
            tasks = build_tasks(ctx, code)
            if tasks:
                entry["tasks"] = tasks
        if aliases.get(soc):
            entry["aliases"] = aliases[soc]
        rows = census_for[soc]
        sections = {
            "pay": build_pay(ctx, soc),
            "outlook": build_outlook(ctx, soc),
            "education": build_education(ctx, soc),
            "majors": build_majors(ctx, soc),
            "demographics": build_demographics(ctx, soc, rows, share),
            "age": build_age(ctx, soc, rows, share),
            "skills": build_skills(ctx, soc),
            "similar": build_similar(ctx, soc),
        }
        entry.update({k: v for k, v in sections.items() if v is not None})
        entries.append(entry)
    return entries


# ---- occupation groups


def in_group(soc: str, group: str, level: str) -> bool:
    """Whether detailed code ``soc`` belongs to the SOC group ``group`` of ``level``."""
    if group in BROAD_SPANS:
        low, high = BROAD_SPANS[group]
        return low <= soc <= high
    if level == "broad" and any(low <= soc <= high for low, high in BROAD_SPANS.values()):
        return False
    prefix = group[:2] if level == "major" else group.rstrip("0")
    return soc.startswith(prefix)


def group_members(ctx: Context) -> dict[str, list[str]]:
    """Group SOC code -> its detailed occupations' SOC codes (in code order), checked against
    the employment OEWS publishes for the group (see GROUP_EMPLOYMENT_SLACK)."""
    out: dict[str, list[str]] = {}
    for group, (title, level) in sorted(ctx.oews.groups.items()):
        members = [s for s in sorted(ctx.oews.occupations) if in_group(s, group, level)]
        if not members:
            continue
        total = ctx.oews.national.get(group, Wages()).employment
        parts = [ctx.oews.national.get(s, Wages()).employment for s in members]
        if total and all(parts):
            summed = sum(p for p in parts if p is not None)
            if abs(summed - total) > total * GROUP_EMPLOYMENT_SLACK:
                raise SystemExit(
                    f"group {group} {title}: members' employment {summed} does not add up to "
                    f"the published {total}; is BROAD_SPANS up to date with the SOC?"
                )
        out[group] = members
    return out


def group_ids(ctx: Context, groups: Iterable[str]) -> dict[str, str]:
    """Group SOC -> id: the slug of its title; '-group' is appended when an occupation (or an
    earlier group) already has that id (41-2010 Cashiers)."""
    taken = set(ctx.ids.values())
    ids: dict[str, str] = {}
    for soc in sorted(groups):
        slug = cut_slug(slugify(ctx.oews.groups[soc][0])) or "group"
        if slug in taken:
            slug = f"{cut_slug(slug, MAX_ID_LEN - 6)}-group"
        taken.add(slug)
        ids[soc] = slug
    return ids


def build_groups(ctx: Context) -> list[dict[str, Any]]:
    members = group_members(ctx)
    ids = group_ids(ctx, members)
    entries = []
    for soc, socs in members.items():
        title, level = ctx.oews.groups[soc]
        entry: dict[str, Any] = {
            "id": ids[soc],
            "title": title,
            "soc": soc,
            "group": level,
            "source": OEWS_SOURCE,
            "year": OEWS_YEAR,
        }
        sections = {"pay": build_pay(ctx, soc), "outlook": build_group_outlook(ctx, soc)}
        entry.update({k: v for k, v in sections.items() if v is not None})
        entry["members"] = [ctx.ids[s] for s in socs]
        entries.append(entry)
    return entries


# --------------------------------------------------------------------------- YAML output


class Flow(dict[str, Any]):
    """A mapping written in flow style: {name: X, sources: 2}."""


class FlowList(list[Any]):
    """A list written in flow style: [a, b]."""


class Block(str):
    """Text written as a literal block (``|``): one alias a line, ``Name|N`` for N sources."""


class Dumper(getattr(yaml, "CDumper", yaml.Dumper)):  # type: ignore[misc]
    """libyaml's emitter when PyYAML has it (faster), with the flow-style markers below."""


def _repr_flow(dumper: yaml.BaseDumper, data: Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _repr_flow_list(dumper: yaml.BaseDumper, data: FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


Dumper.add_representer(Flow, _repr_flow)
Dumper.add_representer(FlowList, _repr_flow_list)


def _repr_block(dumper: yaml.BaseDumper, data: Block) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style="|")


Dumper.add_representer(Block, _repr_block)


HEADER = (
    "# Generated by tools/build_data.py from public BLS, Census, NCES and O*NET data; do not\n"
    "# edit by hand (see data/SOURCES.md). Includes information from the O*NET 29.3 Database\n"
    "# by USDOL/ETA, used under the CC BY 4.0 license.\n"
)


def dump_yaml(entries: list[dict[str, Any]]) -> str:
    body = yaml.dump(
        {"professions": entries},
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100_000,
        indent=2,
    )
    return HEADER + body


def file_name(group: str, title: str) -> str:
    title = re.sub(r"\s+Occupations$", "", title.strip())
    return f"{group}-{slugify(title)}.yaml"


def write_output(ctx: Context, entries: list[dict[str, Any]], out_dir: Path) -> list[Path]:
    """One file per SOC major group, entries in code order; stale ``*.yaml`` files removed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entries:
        groups[e["soc"][:2]].append(e)
    written = []
    for group in sorted(groups):
        title = ctx.oews.major_groups.get(group, f"Major group {group}")
        path = out_dir / file_name(group, title)
        text = dump_yaml(sorted(groups[group], key=lambda e: e["soc"]))
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    for stale in sorted(out_dir.glob("*.yaml")):
        if stale not in written:
            stale.unlink()
    return written


def summarize(entries: list[dict[str, Any]]) -> Iterator[str]:
    yield f"{len(entries)} occupations"
    n_alias = sum(len((e.get("aliases") or "").splitlines()) for e in entries)
    yield f"{n_alias} aliases"
    for key in ("description", "tasks", "aliases", *SECTION_ORDER):
        yield f"  {key}: {sum(1 for e in entries if key in e)}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", default=DEFAULT_SOURCES, type=Path, help="raw data folder")
    parser.add_argument("--out", default=DEFAULT_OUT, type=Path, help="output folder")
    parser.add_argument(
        "--groups", type=Path, help="output folder of the groups (default: OUT/../groups)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    args = parser.parse_args(argv)
    ctx = load_sources(args.sources)
    entries = build_entries(ctx)
    groups = build_groups(ctx)
    written = write_output(ctx, entries, args.out)
    written += write_output(ctx, groups, args.groups or args.out.parent / "groups")
    if not args.quiet:
        for line in summarize(entries):
            print(line)
        print(f"{len(groups)} occupation groups")
        size = sum(p.stat().st_size for p in written)
        print(f"wrote {len(written)} files, {size:,} bytes, to {args.out} and its groups folder")
    return 0


if __name__ == "__main__":
    sys.exit(main())
