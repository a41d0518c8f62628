"""What charts show and say, without drawing: specs and alt text over the whole dataset."""

from __future__ import annotations

from typing import Any

import pytest

from bot import format as fmt
from bot.charts import specs
from bot.charts.specs import ALT_MAX, Range, alt_text, answer_specs
from bot.charts.tiles import BY_CODE, TILES, tile
from bot.comparison.sheet import Kind
from bot.dataset import Dataset
from bot.model import Money, Pay, Profession


def _pay(**figures: float) -> Pay:
    money: dict[str, Any] = {k: Money(v) for k, v in figures.items()}
    return Pay(source="BLS OEWS", year=2025, **money)


def _prof(pay: Pay | None = None, title: str = "Welders") -> Profession:
    return Profession(id=title.lower(), title=title, pay=pay)


FULL = _pay(p10=30_000, p25=40_000, annual_median=50_000, p75=60_000, p90=70_000)


def test_tile_grid_has_every_state_once_in_distinct_cells() -> None:
    assert len(TILES) == 52  # 50 states, DC, Puerto Rico
    assert len({(t.row, t.col) for t in TILES}) == len(TILES)
    assert tile("tx") == tile("Texas") == BY_CODE["TX"]
    assert tile("Atlantis") is None


def test_salary_chart_national_range_in_the_salary_colour() -> None:
    chart = specs.salary_chart(_prof(FULL))
    assert chart is not None and len(chart.rows) == 1
    assert chart.rows[0].colour == specs.SALARY_COLOUR
    for text in ("$30,000", "$40,000", "$50,000", "$60,000", "$70,000", "BLS OEWS (2025)"):
        assert text in alt_text(chart)


def test_place_beside_the_national_range() -> None:
    tx = Range("Texas", Money(1), Money(2), Money(3), Money(4), Money(239_200, True), "#57F287")
    chart = specs.salary_chart(_prof(FULL), tx)
    assert chart is not None
    assert [r.label for r in chart.rows] == ["Texas", "United States"]
    assert chart.rows[1].colour == specs.REFERENCE_COLOUR
    alt = alt_text(chart)
    assert "90th percentile at least $239,200 (top-coded)" in alt
    assert alt.index("Texas") < alt.index("United States")


def test_missing_percentiles_are_said_not_invented() -> None:
    partial = _pay(p10=30_000, annual_median=50_000, p90=70_000)
    chart = specs.salary_chart(_prof(partial))
    assert chart is not None
    assert "25th percentile not published" in alt_text(chart)
    assert specs.salary_chart(_prof(_pay(annual_mean=50_000))) is None  # nothing to draw
    assert specs.salary_chart(_prof(None)) is None


def test_compare_needs_both_ranges_and_uses_both_side_colours() -> None:
    a, b = _prof(FULL, "Welders"), _prof(FULL, "Plumbers")
    chart = specs.compare_chart(a, b)
    assert chart is not None and tuple(r.colour for r in chart.rows) == specs.SIDE_COLOURS[:2]
    assert chart.source == "BLS OEWS (2025)"  # one citation when both share it
    assert specs.compare_chart(a, _prof(None)) is None


def test_map_alt_text_names_highest_lowest_the_asked_state_and_suppressed_ones() -> None:
    states: dict[str, Money | None] = {
        t.code: Money(50_000 + 1000 * i) for i, t in enumerate(TILES)
    }
    states["WY"] = None
    del states["PR"]
    chart = specs.map_chart(_prof(FULL), states, "BLS OEWS May 2025", highlight="TX")
    assert chart is not None
    alt = alt_text(chart)
    assert "Highest: Florida" in alt and "Lowest: Alaska $50,000" in alt
    assert f"Texas (outlined): {fmt.money(states['TX'])}" in alt
    assert "Not published (BLS suppresses unreliable estimates): Wyoming, Puerto Rico." in alt
    assert len(alt) <= ALT_MAX
    outlined_suppressed = specs.map_chart(_prof(FULL), states, "x", highlight="WY")
    assert outlined_suppressed is not None
    assert "Wyoming (outlined): not published" in alt_text(outlined_suppressed)
    assert specs.map_chart(_prof(FULL), {"TX": Money(1)}, "x") is None  # one state: no map


def test_outlook_alt_text(shipped: Dataset) -> None:
    nurses = shipped.get("registered-nurses")
    assert nurses is not None and nurses.outlook is not None
    chart = specs.outlook_chart(nurses)
    assert chart is not None
    alt = alt_text(chart)
    o = nurses.outlook
    assert f"{o.employment_start:,} in {o.start_year}" in alt
    assert f"{o.employment_end:,} in {o.end_year}" in alt
    assert f"{o.annual_openings:,} openings a year" in alt


@pytest.mark.slow_data
def test_every_occupation_gets_its_charts_with_alt_text_in_discords_limit(
    shipped: Dataset,
) -> None:
    """Specs for every profession: a chart whenever the data has the figures, never without."""
    professions = list(shipped)
    for i, p in enumerate(professions):
        other = professions[(i + 1) % len(professions)]
        for kind, profs in ((Kind.SALARY, (p,)), (Kind.CAREER, (p,)), (Kind.COMPARE, (p, other))):
            for spec in answer_specs(kind, profs):
                alt = alt_text(spec)
                assert 0 < len(alt) <= ALT_MAX
                assert p.title in alt or (kind is Kind.SALARY and "United States" in alt)
        has_range = p.pay is not None and p.pay.annual_median is not None
        assert bool(answer_specs(Kind.SALARY, (p,))) == (
            has_range and (p.pay is not None and (p.pay.p10 or p.pay.p90) is not None)
        )


def test_chart_colours_are_the_embed_colours() -> None:
    from bot.render.embeds import COLOURS

    assert f"#{COLOURS[Kind.SALARY]:06X}" == specs.SALARY_COLOUR
    assert f"#{COLOURS[Kind.CAREER]:06X}" == specs.CAREER_COLOUR
    assert specs.SIDE_COLOURS[0] == f"#{COLOURS[Kind.COMPARE]:06X}"
