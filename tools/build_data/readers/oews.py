"""The OEWS database (``oews-2025.sqlite.gz``): opening it, and parsing one cell's values.

Table ``cell``: key = ``OEU`` + area type (``N`` nation, ``S`` state, ``M`` metro) + 7-digit
area + 6-digit industry + 6-digit occupation; columns ``v01``…``v17`` are the datatypes of
table ``datatype``, ``f01``…``f17`` their footnotes.
"""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ..common import to_decimal
from ..release import TOP_CODE_FOOTNOTE


class TopCoded:
    """Sentinel for a BLS wage published only as "at or above the top code"."""

    def __repr__(self) -> str:
        return "TOP_CODED"


TOP = TopCoded()
Value = Decimal | TopCoded | None  # a wage: a number, top-coded, or not published


@dataclass
class Wages:
    """One OEWS cell (occupation x area x industry), parsed."""

    employment: Decimal | None = None
    hourly_mean: Value = None
    annual_mean: Value = None
    hourly_median: Value = None
    p10: Value = None
    p25: Value = None
    annual_median: Value = None
    p75: Value = None
    p90: Value = None


class NamedWages(NamedTuple):
    """A cell of one area or industry: its name and its wages."""

    name: str
    wages: Wages


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


def oews_value(value: str | None, footnote: str | None) -> Value:
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


def soc_of(oews_code: str) -> str:
    """``433011`` -> ``43-3011``."""
    return f"{oews_code[:2]}-{oews_code[2:]}"


@contextmanager
def open_oews(path: Path) -> Iterator[sqlite3.Connection]:
    """The gzipped SQLite file, decompressed into memory once for every OEWS reader."""
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(gzip.decompress(path.read_bytes()))
        yield con
    finally:
        con.close()


Row = tuple[str, Sequence[str | None], Sequence[str | None]]


def cells(con: sqlite3.Connection, prefix: str, codes: Sequence[str]) -> Iterator[Row]:
    """Every cell whose key starts with ``prefix``, in key order: (key, values, footnotes) of the
    datatypes ``codes``."""
    cols = ", ".join([f"v{c}" for c in codes] + [f"f{c}" for c in codes])
    high = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    query = f"SELECT key, {cols} FROM cell WHERE key >= ? AND key < ? ORDER BY key"  # noqa: S608
    n = len(codes)
    for row in con.execute(query, (prefix, high)):
        yield row[0], row[1 : 1 + n], row[1 + n :]


def mean_and_jobs(values: Sequence[str | None], notes: Sequence[str | None]) -> Wages:
    """A cell where only employment and the annual mean are used (areas, industries): the values
    and footnotes of datatypes ``01`` and ``04``, in that order."""
    return Wages(employment=to_decimal(values[0]), annual_mean=oews_value(values[1], notes[1]))
