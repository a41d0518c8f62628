"""OEWS national figures: the occupation list (detailed occupations and groups), every
occupation's national all-industries wages, and its wages by industry."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..common import to_decimal
from ..rules import GROUP_LEVELS
from .oews import OEWS_FIELDS, NamedWages, Wages, cells, mean_and_jobs, oews_value, soc_of

NATION = "OEUN0000000"  # key prefix: the nation, any industry


class Group(NamedTuple):
    """A BLS occupation group (OEWS display level 0–2)."""

    title: str
    level: str  # "major", "minor" or "broad"


@dataclass
class OewsNational:
    occupations: dict[str, str]  # SOC "43-3011" -> BLS title (detailed level only)
    major_groups: dict[str, str]  # "43" -> "Office and Administrative Support Occupations"
    groups: dict[str, Group]  # "29-1210" -> Group("Physicians", "broad"); no 00-0000
    national: dict[str, Wages]  # occupations and groups, all industries
    industries: dict[str, list[NamedWages]]  # by industry (see industry_candidates)


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


def read_occupations(con: sqlite3.Connection) -> tuple[dict[str, str], dict[str, Group]]:
    """Detailed occupations (SOC -> title) and groups (SOC -> Group), from table `occupation`."""
    rows = con.execute("SELECT occupation_code, occupation_name, display_level FROM occupation")
    occupations: dict[str, str] = {}
    groups: dict[str, Group] = {}
    for code, name, level in rows.fetchall():
        if int(level) == 3:
            occupations[soc_of(code)] = name.strip()
        elif int(level) in GROUP_LEVELS and code != "000000":
            groups[soc_of(code)] = Group(name.strip(), GROUP_LEVELS[int(level)])
    return occupations, groups


def read_national(con: sqlite3.Connection) -> OewsNational:
    occupations, groups = read_occupations(con)
    major_groups = {s[:2]: g.title for s, g in groups.items() if g.level == "major"}
    levels = {
        code: (name.strip(), int(lvl))
        for code, name, lvl in con.execute(
            "SELECT industry_code, industry_name, display_level FROM industry"
        )
    }
    inds = industry_candidates(levels)
    codes = sorted(OEWS_FIELDS)
    national: dict[str, Wages] = {}
    industries: dict[str, list[NamedWages]] = defaultdict(list)
    for key, values, notes in cells(con, NATION, codes):
        ind, soc = key[11:17], soc_of(key[17:23])
        if soc not in occupations and soc not in groups:
            continue
        if ind == "000000":
            national[soc] = _wages(codes, values, notes)
        elif ind in inds:
            pair = [codes.index("01"), codes.index("04")]
            wages = mean_and_jobs([values[i] for i in pair], [notes[i] for i in pair])
            industries[soc].append(NamedWages(levels[ind][0], wages))
    return OewsNational(occupations, major_groups, groups, national, dict(industries))


def _wages(
    codes: Sequence[str], values: Sequence[str | None], notes: Sequence[str | None]
) -> Wages:
    """A national cell with every datatype of ``codes``."""
    wages = Wages()
    for code, value, note in zip(codes, values, notes, strict=True):
        if code == "01":
            wages.employment = to_decimal(value)
        else:
            setattr(wages, OEWS_FIELDS[code], oews_value(value, note))
    return wages
