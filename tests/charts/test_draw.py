"""Drawn charts: real PNGs of the expected size, not blank, in the answer's colours, with alt
text that names the figures — for a sample of 200 occupations and the edge cases."""

from __future__ import annotations

import random

import pytest

from bot import format as fmt
from bot.answers import Answers
from bot.charts import specs
from bot.charts.draw import HIGHLIGHT, NO_DATA, dollars_short, draw, size_px
from bot.charts.places import STATE_SOURCE, state_means
from bot.charts.specs import Chart, Range, Spec
from bot.charts.tiles import TILES
from bot.dataset import Dataset
from bot.model import Money, Profession
from bot.places import Places

from .helpers import assert_not_blank, decode, has_colour

SAMPLE = 200
MAX_BYTES = 200_000


def _check(spec: Spec, *colours: str) -> Chart:
    chart = draw(spec)
    image = decode(chart)
    assert (chart.width, chart.height) == size_px(spec)
    assert 400 <= chart.width <= 1100, "drawn at 1–2× the ≈ 550 px Discord shows"
    assert len(chart.png) <= MAX_BYTES
    assert_not_blank(image)
    for colour in colours:
        assert has_colour(image, colour), f"{colour} missing from {spec.name}"
    assert chart.alt == specs.alt_text(spec)
    return chart


def _sample(shipped: Dataset) -> list[Profession]:
    return random.Random(12).sample(list(shipped), SAMPLE)


def _charts_of(
    places: Places, p: Profession, other: Profession, i: int
) -> list[tuple[Spec, tuple[str, ...]]]:
    """Every chart of ``p`` with the colours it must carry (the map on the OEWS state figures,
    a different state outlined each time)."""
    found: list[tuple[Spec, tuple[str, ...]]] = []
    pay = specs.salary_chart(p)
    if pay is not None:
        found.append((pay, (specs.SALARY_COLOUR,)))
    pair = specs.compare_chart(p, other)
    if pair is not None:
        found.append((pair, specs.SIDE_COLOURS[:2]))
    outlook = specs.outlook_chart(p)
    if outlook is not None:
        found.append((outlook, (specs.CAREER_COLOUR,)))
    means = state_means(places, p.soc) if p.soc else {}
    us_map = specs.map_chart(p, means, STATE_SOURCE, TILES[i % len(TILES)].code)
    if us_map is not None:
        found.append((us_map, (HIGHLIGHT,)))
    return found


@pytest.mark.slow_data
def test_charts_for_a_sample_of_200_occupations(shipped: Dataset, shipped_answers: Answers) -> None:
    """Every chart of each of 200 occupations is built and its alt text names its figures;
    each occupation has one of its charts drawn and looked at, the kinds taking turns (drawing
    all ~800 costs minutes on a busy machine; 200 drawings cover every kind 50 times over)."""
    sample = _sample(shipped)
    drawn: dict[str, int] = {}
    for i, p in enumerate(sample):
        charts = _charts_of(shipped_answers.places, p, sample[(i + 1) % SAMPLE], i)
        for spec, _ in charts:
            alt = specs.alt_text(spec)
            if isinstance(spec, specs.PayChart):
                for r in spec.rows:
                    assert all(fmt.money(m) in alt for m in r.points if m and not m.at_least)
            else:
                assert p.title in alt
        spec, colours = charts[i % len(charts)]
        _check(spec, *colours)
        drawn[spec.name] = drawn.get(spec.name, 0) + 1
    assert set(drawn) == {"pay", "compare", "outlook", "map"}
    assert min(drawn.values()) >= 30


def test_top_coded_place_is_drawn_open_ended_and_said_so() -> None:
    p = Profession(id="surgeons", title="Surgeons")
    national = Range("United States", Money(100_000), Money(150_000), Money(200_000),
                     Money(239_200, True), Money(239_200, True), specs.REFERENCE_COLOUR)  # fmt: skip
    place = Range("Texas", Money(90_000), Money(140_000), Money(210_000),
                  Money(239_200, True), Money(239_200, True), specs.SALARY_COLOUR)  # fmt: skip
    spec = specs.PayChart("pay", "Yearly pay range", (place, national), "BLS OEWS May 2025")
    chart = _check(spec, specs.SALARY_COLOUR, specs.REFERENCE_COLOUR)
    assert "75th percentile at least $239,200 (top-coded)" in chart.alt
    assert p.title  # (profession only names the case)


def test_map_with_suppressed_states_hatches_them() -> None:
    p = Profession(id="x", title="Loggers")
    states: dict[str, Money | None] = {t.code: Money(40_000 + 900 * i) for i, t in enumerate(TILES)}
    for code in ("WY", "VT", "DC", "PR"):
        states[code] = None
    spec = specs.map_chart(p, states, "BLS OEWS May 2025", highlight="WY")
    assert spec is not None
    chart = _check(spec, HIGHLIGHT, NO_DATA)
    assert "Wyoming (outlined): not published" in chart.alt
    assert "Vermont, Wyoming, District of Columbia, Puerto Rico." in chart.alt


def test_dollar_ticks_are_short() -> None:
    assert [dollars_short(v) for v in (0, 500, 7500, 60_000, 125_000, 1_200_000)] == [
        "$0", "$500", "$7.5k", "$60k", "$125k", "$1.2M",
    ]  # fmt: skip


def test_a_top_coded_state_is_ranked_only_where_its_floor_places_it() -> None:
    """A top-coded mean is "at least $239,200": above every smaller figure, but of unknown
    place among larger ones (physicians' state means run to $600k)."""
    p = Profession(id="x", title="Cardiologists")
    floor = Money(239_200, True)
    below = {t.code: Money(100_000 + 1000 * i) for i, t in enumerate(TILES)}
    spec = specs.map_chart(p, below | {"HI": floor}, "BLS OEWS May 2025", highlight="HI")
    assert spec is not None
    assert specs.ranked_states(spec)[0][0] == ("HI", floor)  # the best paid of all
    assert "Hawaii (outlined): ≥ $239,200, 1 of 52." in specs.alt_text(spec)
    above = {t.code: Money(300_000 + 1000 * i) for i, t in enumerate(TILES)}
    spec = specs.map_chart(p, above | {"HI": floor, "SC": floor}, "BLS", highlight="HI")
    assert spec is not None
    ranked, unranked = specs.ranked_states(spec)
    assert unranked == ["SC", "HI"] and len(ranked) == 50  # tile order
    alt = specs.alt_text(spec)
    assert "Hawaii (outlined): ≥ $239,200, not ranked." in alt
    assert "≥ $239,200 (BLS's top code), so not ranked: South Carolina, Hawaii." in alt
    assert "Lowest: Alaska $300,000" in alt
    _check(spec, HIGHLIGHT, NO_DATA)


def test_a_three_way_comparison_draws_three_ranges_on_one_scale(shipped: Dataset) -> None:
    trio = [shipped.by_id[i] for i in ("electricians", "plumbers-pipefitters-and-steamfitters",
                                       "carpenters")]  # fmt: skip
    spec = specs.compare_chart(*trio)
    assert spec is not None and [r.label for r in spec.rows] == [p.title for p in trio]
    chart = _check(spec, *specs.SIDE_COLOURS)
    assert all(p.title in chart.alt for p in trio)


def test_a_reused_figure_keeps_nothing_of_the_chart_drawn_before(shipped: Dataset) -> None:
    """Each thread draws on one figure per chart size, adding a chart's artists and taking
    them off again: the same chart comes out byte for byte the same, whatever came between."""
    nurses, lawyers = shipped.by_id["registered-nurses"], shipped.by_id["lawyers"]
    first, other = specs.salary_chart(nurses), specs.salary_chart(lawyers)
    assert first is not None and other is not None
    before = draw(first).png
    assert draw(other).png != before
    assert draw(first).png == before
