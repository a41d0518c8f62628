"""Reader for BLS OEWS state and metro-area wages (all industries), as typed records.

One record per (occupation, area) cell for every state/territory (54) and every metropolitan
and nonmetropolitan area (528), for every occupation code OEWS publishes there: the detailed
occupations and the major groups (OEWS publishes no minor or broad groups below the nation).

BLS's own markers are kept, never turned into numbers: a value is either a number (in the
units of the table's fields) or a :class:`Mark` saying why it is absent (not released, top-coded,
not published for this pay basis).
"""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bot.places.table import FIELDS, Mark

OEWS_FILE = "bls-oews-2025/oews-2025.sqlite.gz"


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


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.deserialize(gzip.decompress(path.read_bytes()))
    return con


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


def read_area_wages(sources: Path) -> AreaWages:
    """Every state and metro-area cell of the OEWS file under ``sources``."""
    con = _connect(sources / OEWS_FILE)
    try:
        meta = _meta(con)
        occupations = {
            code: (name.strip(), int(level))
            for code, name, level in con.execute(
                "SELECT occupation_code, occupation_name, display_level FROM occupation"
            )
        }
        areas = _areas(con)
        cells = tuple(_cells(con, occupations))
    finally:
        con.close()
    return AreaWages(meta["release"], meta["release_code"], areas, occupations, cells)
