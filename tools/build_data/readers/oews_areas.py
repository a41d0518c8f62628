"""OEWS state and metro figures (all industries).

``read_areas``: each area's employment and annual mean, to name the highest-paying state and
metro area of every occupation (``pay.top_state``, ``pay.top_metro``).

``read_area_wages``: every figure of every cell, for the wage table of the location answers
(``data/oews-areas.bin``): one record per (occupation, area) for every state and territory (54)
and every metropolitan and nonmetropolitan area (528), for every occupation code OEWS publishes
there (the detailed occupations and the major groups; OEWS publishes no minor or broad groups
below the nation). BLS's markers are kept, never turned into numbers: a value is a number in
the units of the table's fields, or a :class:`~bot.places.table.Mark` saying why it is absent.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from bot.places.table import FIELDS, Mark

from .oews import NamedWages, cells, mean_and_jobs, soc_of

STATE, METRO = "OEUS", "OEUM"  # key prefixes


@dataclass
class OewsAreas:
    states: dict[str, list[NamedWages]]  # SOC -> (state name, wages), in area code order
    metros: dict[str, list[NamedWages]]  # SOC -> (metro area name, wages); no nonmetro areas


def read_areas(con: sqlite3.Connection, socs: Collection[str]) -> OewsAreas:
    """Employment and annual mean of every occupation (or group) in ``socs``, by area."""
    names = {
        code: name.strip() for code, name in con.execute("SELECT area_code, area_name FROM area")
    }
    found: dict[str, dict[str, list[NamedWages]]] = {}
    for prefix in (STATE, METRO):
        by_soc: dict[str, list[NamedWages]] = defaultdict(list)
        for key, values, notes in cells(con, prefix, ("01", "04")):
            area, ind, soc = key[4:11], key[11:17], soc_of(key[17:23])
            if ind != "000000" or soc not in socs:
                continue
            name = names.get(area, "")
            if prefix == METRO and "nonmetropolitan" in name.lower():
                continue
            by_soc[soc].append(NamedWages(names[area], mean_and_jobs(values, notes)))
        found[prefix] = dict(by_soc)
    return OewsAreas(found[STATE], found[METRO])


# field (as named in the table) -> OEWS datatype code
DATATYPES = {
    "employment": "01",
    "per_1000": "16",
    "location_quotient": "17",
    "hourly_mean": "03",
    "annual_mean": "04",
    "hourly_p10": "06",
    "hourly_p25": "07",
    "hourly_median": "08",
    "hourly_p75": "09",
    "hourly_p90": "10",
    "annual_p10": "11",
    "annual_p25": "12",
    "annual_median": "13",
    "annual_p75": "14",
    "annual_p90": "15",
}
FOOTNOTE_MARKS = {"8": Mark.NOT_RELEASED, "5": Mark.TOP_CODED, "4": Mark.NOT_PUBLISHED}


@dataclass(frozen=True, slots=True)
class Area:
    code: str  # OEWS 7-digit area code
    kind: str  # "S" state/territory, "M" metropolitan or nonmetropolitan area
    state_fips: str  # the area's (first) state's FIPS code
    name: str  # full OEWS name, e.g. "Dallas-Fort Worth-Arlington, TX"


@dataclass(frozen=True, slots=True)
class Cell:
    occupation: str  # OEWS 6-digit code, e.g. "291141"
    area: str
    values: tuple[int, ...]  # one per table field: the scaled figure, or a Mark (negative)


@dataclass(frozen=True, slots=True)
class AreaWages:
    release: str  # "May 2025"
    release_code: str  # "2025A01"
    areas: tuple[Area, ...]  # states first, then metro areas, each in code order
    occupations: dict[str, tuple[str, int]]  # code -> (title, OEWS display level)
    cells: tuple[Cell, ...]  # in (occupation, area) order


def parse_value(value: str | None, footnote: str | None, scale: int) -> int:
    """One OEWS value as a scaled integer, or the :class:`Mark` saying why there is none."""
    text = (value or "").strip().replace(",", "")
    if text == "#":
        return int(Mark.TOP_CODED)
    if text == "*":
        return int(Mark.NOT_RELEASED)
    try:
        number = Decimal(text)
    except InvalidOperation:
        mark = FOOTNOTE_MARKS.get((footnote or "").strip(), Mark.NOT_AVAILABLE)
        return int(mark)
    scaled = (number * scale).to_integral_value()
    if scaled != number * scale or scaled < 0:
        raise ValueError(f"unexpected OEWS value {value!r} for scale {scale}")
    return int(scaled)


def _meta(con: sqlite3.Connection) -> dict[str, str]:
    return {k: v for k, v in con.execute("SELECT name, value FROM meta")}


def _areas(con: sqlite3.Connection) -> tuple[Area, ...]:
    rows = con.execute(
        "SELECT area_code, areatype_code, state_code, area_name FROM area "
        "WHERE areatype_code IN ('S', 'M') ORDER BY areatype_code DESC, area_code"
    )
    return tuple(Area(c, k, s, n.strip()) for c, k, s, n in rows)


def _cells(con: sqlite3.Connection, occupations: dict[str, tuple[str, int]]) -> Iterator[Cell]:
    codes = [DATATYPES[name] for name, _ in FIELDS]
    cols = ", ".join([f"v{c}" for c in codes] + [f"f{c}" for c in codes])
    query = (
        f"SELECT substr(key, 18, 6) AS occ, substr(key, 5, 7) AS area, {cols} FROM cell "
        "WHERE substr(key, 4, 1) IN ('S', 'M') AND substr(key, 12, 6) = '000000' "
        "ORDER BY occ, area"
    )
    n = len(FIELDS)
    for row in con.execute(query):
        if row[0] not in occupations:
            continue
        values, notes = row[2 : 2 + n], row[2 + n :]
        parsed = tuple(
            parse_value(v, f, scale) for v, f, (_, scale) in zip(values, notes, FIELDS, strict=True)
        )
        yield Cell(row[0], row[1], parsed)


def read_area_wages(con: sqlite3.Connection) -> AreaWages:
    """Every figure of every state and metro-area cell (all industries), markers kept."""
    meta = _meta(con)
    occupations = {
        code: (name.strip(), int(level))
        for code, name, level in con.execute(
            "SELECT occupation_code, occupation_name, display_level FROM occupation"
        )
    }
    areas = _areas(con)
    cells = tuple(_cells(con, occupations))
    return AreaWages(meta["release"], meta["release_code"], areas, occupations, cells)
