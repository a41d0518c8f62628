"""The shipped area table: its format, its validation, and 100 cells against the raw OEWS file."""

from __future__ import annotations

import gzip
import os
import random
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.dataset import default_data_dir
from bot.format import money
from bot.places import Places
from bot.places.check import check_table
from bot.places.model import MARK_REASONS, Place, PlaceKind
from bot.places.table import FIELDS, AreaTable, Mark, TableError, encode_table

ROOT = Path(__file__).resolve().parents[2]
RAW = Path(os.environ.get("CAREER_BOT_RAW_DATA", ROOT.parent / "shared" / "data"))
OEWS = RAW / "bls-oews-2025" / "oews-2025.sqlite.gz"
N = len(FIELDS)


def _table(rows: dict[str, list[tuple[int, list[int]]]]) -> AreaTable:
    areas = [("0100000", "S", "01", "Alabama", 100), ("0010180", "M", "48", "Abilene, TX", 50)]
    return AreaTable(encode_table({"release": "test"}, areas, rows))


def test_round_trip_keeps_markers_and_odd_differences() -> None:
    plain = list(range(1, N + 1))
    odd = [5, 1000, 120, 4000, 1, *range(1000, 6000, 1000), *range(10, 60, 10)]  # annual ≪ hourly
    marked = (
        [int(Mark.NOT_RELEASED)] * 3
        + [13138, int(Mark.TOP_CODED)]
        + [int(m) for m in Mark] * 2
        + [1, 2]
    )
    table = _table({"111011": [(0, plain), (1, odd)], "291216": [(1, marked)]})
    block = table.block("111011")
    assert block is not None
    assert block.values(0) == tuple(plain) and block.values(1) == tuple(odd)
    other = table.block("291216")
    assert other is not None and other.values(1) == tuple(marked) and other.values(0) is None
    assert table.block("999999") is None


def test_damaged_tables_fail_loudly() -> None:
    good = encode_table({}, [("0100000", "S", "01", "Alabama", 1)], {"111011": [(0, [1] * N)]})
    with pytest.raises(TableError):
        AreaTable(b"not a table")
    with pytest.raises(TableError):
        AreaTable(good[:12])
    broken = AreaTable(good[:-3] + b"xyz")
    with pytest.raises((TableError, zlib.error)):
        broken.block("111011")


def test_check_table_names_bad_rows() -> None:
    bad = [1] * N
    bad[FIELDS.index(("annual_p10", 1))] = 90_000  # p10 above the median
    bad[FIELDS.index(("employment", 1))] = -7  # unknown marker
    problems = check_table(_table({"111011": [(0, bad)]}))
    assert any("out of order" in p for p in problems)
    assert any("unknown marker -7" in p for p in problems)


@pytest.fixture(scope="module")
def shipped_places() -> Places:
    return Places(default_data_dir())


@pytest.mark.slow_data
def test_shipped_table_is_valid(shipped_places: Places) -> None:
    table = shipped_places.wages.table
    assert check_table(table) == []
    assert sum(a.is_state for a in table.areas) == 54
    assert sum(not a.is_state for a in table.areas) == 528


# ----------------------------------------------------------------- against the raw OEWS file

RAW_FIELDS = {
    "employment": "01",
    "annual_mean": "04",
    "hourly_mean": "03",
    "annual_median": "13",
    "annual_p10": "11",
    "annual_p25": "12",
    "annual_p75": "14",
    "annual_p90": "15",
    "location_quotient": "17",
    "per_1000": "16",
}


@pytest.fixture(scope="module")
def raw() -> Iterator[sqlite3.Connection]:
    if not OEWS.exists():
        pytest.skip(f"raw OEWS file not found at {OEWS}")
    con = sqlite3.connect(":memory:")
    con.deserialize(gzip.decompress(OEWS.read_bytes()))
    yield con
    con.close()


def _sample(con: sqlite3.Connection) -> list[tuple[str, ...]]:
    """100 cells: 80 drawn at random, plus 10 top-coded and 10 with a figure not released."""
    cols = ", ".join(f"v{c}, f{c}" for c in RAW_FIELDS.values())
    base = f"SELECT key, {cols} FROM cell WHERE substr(key, 4, 1) IN ('S', 'M') AND substr(key, 12, 6) = '000000'"
    rows = con.execute(base).fetchall()
    rng = random.Random(20250515)
    top = [r for r in rows if "5" in r[2::2]]
    hidden = [r for r in rows if "8" in r[2::2]]
    return rng.sample(rows, 80) + rng.sample(top, 10) + rng.sample(hidden, 10)


def _expected(value: str, note: str | None, name: str) -> str:
    """The figure as a person should read it, straight from the raw text."""
    if value.strip() not in {"-", "*", "#", ""}:
        number = float(value.replace(",", ""))
        if name in {"location_quotient", "per_1000"}:
            return f"{number:g}"
        if name == "employment":
            return f"{int(number):,}"
        return f"${number:,.2f}/hr" if name.startswith("hourly") else f"${number:,.0f}"
    if (note or "").strip() == "5":
        return "≥ $115.00/hr" if name.startswith("hourly") else "≥ $239,200"
    return "—"


def _shown(pay: object, name: str) -> str:
    value = getattr(pay, name)
    if value is None:
        return "—"
    if name in {"location_quotient", "per_1000"}:
        return f"{value:g}"
    if name == "employment":
        return f"{value:,}"
    return money(value, hourly=name.startswith("hourly"))


@pytest.mark.slow_data
def test_100_cells_equal_the_raw_file(raw: sqlite3.Connection, shipped_places: Places) -> None:
    by_code = {p.code: p for p in shipped_places.all}
    checked = {"top": 0, "hidden": 0}
    for row in _sample(raw):
        key = row[0]
        place: Place = by_code[key[4:11]]
        pay = shipped_places.pay(f"{key[17:19]}-{key[19:23]}", place)
        assert pay is not None, key
        for i, name in enumerate(RAW_FIELDS):
            value, note = row[1 + 2 * i], row[2 + 2 * i]
            assert _shown(pay, name) == _expected(value, note, name), (key, name)
            if (note or "").strip() == "5":
                checked["top"] += 1
                assert pay.reason(name) == MARK_REASONS[Mark.TOP_CODED]
            elif value.strip() in {"-", "*"}:
                checked["hidden"] += 1
                assert pay.reason(name) is not None, (key, name)
        assert place.kind in {PlaceKind.STATE, PlaceKind.METRO}
    assert checked["top"] >= 10 and checked["hidden"] >= 10
