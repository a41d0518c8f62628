"""Charts in a place and the state map: their figures are the place lookups' to the dollar,
for a sample of 200 (occupation, place) pairs; the asked-for place's state is outlined."""

from __future__ import annotations

import random

import pytest

from bot import format as fmt
from bot.answers import Answers
from bot.charts import specs
from bot.charts.draw import HIGHLIGHT, draw
from bot.charts.places import answer_chart, answer_charts, short_name, state_map, state_of
from bot.charts.tiles import BY_CODE
from bot.comparison import Kind
from bot.places import Place, PlaceKind

from .helpers import decode, has_colour

SAMPLE = 200


def _place(answers: Answers, name: str) -> Place:
    return next(p for p in answers.places.all if p.name == name)


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Texas", "TX"),
        ("Dallas-Fort Worth-Arlington, TX", "TX"),
        ("Kansas City, MO-KS", "MO"),  # across state lines: the first state named
        ("District of Columbia", "DC"),
        ("Puerto Rico", "PR"),
        ("Northwest Alabama nonmetropolitan area", "AL"),
        ("Guam", None),  # no tile: nothing outlined
    ],
)
def test_the_state_a_place_lies_in(shipped_answers: Answers, name: str, state: str | None) -> None:
    assert state_of(_place(shipped_answers, name)) == state


def test_short_names_for_charts(shipped_answers: Answers) -> None:
    dallas = _place(shipped_answers, "Dallas-Fort Worth-Arlington, TX")
    assert short_name(dallas) == "Dallas area, TX"
    assert short_name(_place(shipped_answers, "Texas")) == "Texas"
    assert short_name(_place(shipped_answers, "Kansas City, MO-KS")) == "Kansas City, MO-KS"


def test_maps_and_place_ranges_carry_the_place_figures_for_200_pairs(
    shipped_answers: Answers,
) -> None:
    places = shipped_answers.places
    rnd = random.Random(20)
    occupations = [p for p in shipped_answers.dataset if p.soc and not p.curated]
    areas = [p for p in places.all if p.kind is not PlaceKind.NATIONAL]
    drawn_places = mapped = 0
    for p, place in zip(rnd.sample(occupations, SAMPLE), rnd.choices(areas, k=SAMPLE), strict=True):
        assert p.soc is not None
        us_map = state_map(places, p, p, place)
        if us_map is not None:
            mapped += 1
            assert us_map.highlight == state_of(place)
            for code, value in us_map.values:
                state = _place(shipped_answers, BY_CODE[code].name)
                pay = places.pay(p.soc, state)
                assert value == (pay.annual_mean if pay else None), (p.id, code)
        chart = answer_chart(places, Kind.SALARY, [p], [p], place)
        pay = places.pay(p.soc, place)
        if not isinstance(chart, specs.PayChart) or pay is None or len(chart.rows) == 1:
            continue
        drawn_places += 1
        here, national = chart.rows
        assert national.label == "United States" and here.label == short_name(place)
        assert here.median == pay.annual_median and here.p10 == pay.annual_p10
        alt = specs.alt_text(chart)
        assert all(fmt.money(m) in alt for m in here.points if m and not m.at_least)
    assert mapped >= 120 and drawn_places >= 60  # groups BLS publishes only nationally: no map


def test_a_place_chart_and_a_map_are_drawn(shipped_answers: Answers) -> None:
    places = shipped_answers.places
    nurse = shipped_answers.matcher.resolve("registered nurses").profession
    assert nurse is not None
    texas = _place(shipped_answers, "Texas")
    pay, us_map = answer_charts(places, Kind.SALARY, [nurse], [nurse], texas)
    assert isinstance(pay, specs.PayChart) and [r.label for r in pay.rows] == [
        "Texas",
        "United States",
    ]
    assert isinstance(us_map, specs.MapChart) and us_map.highlight == "TX"
    image = decode(draw(us_map))
    assert has_colour(image, HIGHLIGHT)
    decode(draw(pay))


def test_compare_in_a_place_shows_both_there(shipped_answers: Answers) -> None:
    places = shipped_answers.places
    a = shipped_answers.matcher.resolve("electricians").profession
    b = shipped_answers.matcher.resolve("plumbers").profession
    assert a is not None and b is not None and a.soc and b.soc
    dallas = _place(shipped_answers, "Dallas-Fort Worth-Arlington, TX")
    chart = answer_chart(places, Kind.COMPARE, [a, b], [a, b], dallas)
    assert isinstance(chart, specs.PayChart)
    assert chart.title == "Yearly pay ranges in Dallas area, TX"
    for r, p in zip(chart.rows, (a, b), strict=True):
        found = places.pay(p.soc or "", dallas)
        assert found is not None and r.median == found.annual_median
    national = answer_chart(places, Kind.COMPARE, [a, b], [a, b])
    assert isinstance(national, specs.PayChart) and national.title == "Yearly pay ranges"
