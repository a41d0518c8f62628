"""The OEWS area wage reader and the wage table (``areas_table``) on the committed extract."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.model import Money
from bot.places import Places
from bot.places.model import NATIONAL, PlaceKind
from bot.places.table import AreaTable, Mark
from tools.build_data.areas_table import table_bytes
from tools.build_data.readers.oews import open_oews
from tools.build_data.readers.oews_areas import AreaWages, parse_value, read_area_wages
from tools.build_data.release import PATHS


@pytest.fixture(scope="module")
def wages(sources: Path) -> AreaWages:
    with open_oews(sources / PATHS["oews"]) as con:
        return read_area_wages(con)


def test_the_build_writes_the_table(built: Path, wages: AreaWages) -> None:
    assert (built.parent / "oews-areas.bin").read_bytes() == table_bytes(wages)


def _cell(wages: AreaWages, occ: str, area: str) -> tuple[int, ...]:
    return next(c.values for c in wages.cells if c.occupation == occ and c.area == area)


def test_parse_value_keeps_bls_markers() -> None:
    assert parse_value("1,234", None, 1) == 1234
    assert parse_value("45.86", None, 100) == 4586
    assert parse_value("#", None, 1) == Mark.TOP_CODED
    assert parse_value("-", "5", 1) == Mark.TOP_CODED
    assert parse_value("*", None, 1) == Mark.NOT_RELEASED
    assert parse_value("-", "8", 1) == Mark.NOT_RELEASED
    assert parse_value("-", "4", 100) == Mark.NOT_PUBLISHED
    assert parse_value("-", None, 1) == Mark.NOT_AVAILABLE
    with pytest.raises(ValueError):
        parse_value("1.234", None, 100)  # more precision than the field keeps


def test_reader_reads_states_and_metros_only(wages: AreaWages) -> None:
    kinds = {a.kind for a in wages.areas}
    assert kinds == {"S", "M"}
    assert [a.kind for a in wages.areas] == sorted((a.kind for a in wages.areas), reverse=True)
    assert wages.release == "May 2025"
    assert {c.area for c in wages.cells} <= {a.code for a in wages.areas}


def test_reader_marks_suppressed_and_top_coded(wages: AreaWages) -> None:
    # 29-1216 California: annual mean top-coded (footnote 5), hourly mean published
    values = _cell(wages, "291216", "0600000")
    assert values[4] == Mark.TOP_CODED and values[3] == 13138
    # 13-2071 California: employment not released (footnote 8)
    assert _cell(wages, "132071", "0600000")[0] == Mark.NOT_RELEASED


def test_table_is_deterministic_and_reads_back(wages: AreaWages, tmp_path: Path) -> None:
    data = table_bytes(wages)
    assert data == table_bytes(wages)
    table = AreaTable(data)
    index = {a.code: a.index for a in table.areas}
    for cell in wages.cells:
        block = table.block(cell.occupation)
        assert block is not None and block.values(index[cell.area]) == cell.values


def test_lookups_over_the_fixture_table(wages: AreaWages, tmp_path: Path) -> None:
    (tmp_path / "oews-areas.bin").write_bytes(table_bytes(wages))
    (tmp_path / "places.yaml").write_text(
        'states: {"06": [CA], "25": [MA], "36": [NY], "56": [WY], "72": [PR]}\n'
        "nicknames: {}\nambiguous: {}\nnational: [US]\n",
        encoding="utf-8",
    )
    places = Places(tmp_path)
    california = places.resolve("CA").place
    assert california is not None and california.kind is PlaceKind.STATE
    pay = places.pay("29-1216", california)
    assert pay is not None
    assert pay.annual_mean == Money(239_200, at_least=True)
    assert pay.missing["annual_mean"] is Mark.TOP_CODED
    assert places.pay("29-1216", NATIONAL) is None
    tops = places.top("29-1216", PlaceKind.STATE)
    assert tops[0].annual_mean is not None and tops[0].annual_mean.at_least
