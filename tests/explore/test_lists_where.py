"""Lists for a place equal an independent computation: the YAML's titles, education and national
projections, with each occupation's figures in the place looked up one by one (``Places.pay``,
the per-occupation path, not the matrices lists rank from)."""

from __future__ import annotations

from collections import defaultdict
from statistics import median
from typing import Any

import pytest

from bot.answers import Answers
from bot.explore import Measure, find_field
from bot.places import Place
from bot.render.embeds import message_payloads
from bot.render.limits import message_problems

from .test_lists import RAW

pytestmark = pytest.mark.slow_data
PLACES = ("texas", "Dallas", "Guam", "Vermont", "Bay Area")
EDUCATIONS = (None, "Bachelor's degree", "High school diploma or equivalent")


def _place(answers: Answers, name: str) -> Place:
    place = answers.places.resolve(name).place
    assert place is not None, name
    return place


def _local(answers: Answers, place: Place) -> dict[str, tuple[float | None, float | None]]:
    """Each YAML occupation's (mean annual wage, employment) in the place, if published."""
    found = {}
    for e in RAW:
        pay = answers.places.pay(e["soc"], place)
        if pay is not None:
            mean = float(pay.annual_mean.value) if pay.annual_mean else None
            found[e["id"]] = (mean, None if pay.employment is None else float(pay.employment))
    return found


def _expected(
    measure: Measure,
    education: str | None,
    code: str | None,
    local: dict[str, tuple[float | None, float | None]],
) -> tuple[list[str], int]:
    def level(e: dict[str, Any]) -> str | None:
        return (e.get("outlook") or {}).get("entry_education")

    by: dict[str, list[float]] = defaultdict(list)
    for e in RAW:
        mean = local.get(e["id"], (None, None))[0]
        if level(e) and mean is not None:
            by[level(e) or ""].append(mean)
    base = {k: median(v) for k, v in by.items()}
    rows, left = [], 0
    for e in RAW:
        if education and level(e) != education:
            continue
        if code and not e["soc"].startswith(code + "-"):
            continue
        mean, jobs = local.get(e["id"], (None, None))
        out = e.get("outlook") or {}
        value = {
            Measure.PAY: mean,
            Measure.JOBS: jobs,
            Measure.GROWTH: out.get("growth_pct") if e["id"] in local else None,
            Measure.OPENINGS: out.get("annual_openings") if e["id"] in local else None,
            Measure.PAY_FOR_EDUCATION: (
                mean / base[level(e) or ""] if mean is not None and level(e) in base else None
            ),
        }[measure]
        if value is None:
            left += 1
        else:
            rows.append((-value, e["title"], e["id"]))
    return [i for _, _, i in sorted(rows)], left


@pytest.mark.parametrize("name", PLACES)
def test_every_measure_in_a_place_matches_an_independent_computation(
    shipped_answers: Answers, name: str
) -> None:
    place = _place(shipped_answers, name)
    local = _local(shipped_answers, place)
    assert len(local) > 100, (name, len(local))
    rankings = shipped_answers.place_rankings(place)
    for measure in Measure:
        for education in EDUCATIONS:
            for code in (None, "29", "47"):
                field = find_field(code, shipped_answers.fields) if code else None
                got = rankings.top(measure, education, field)
                ids, left = _expected(measure, education, code, local)
                assert [p.id for p, _ in got.rows] == ids, (name, measure, education, code)
                assert got.left_out == left, (name, measure, education, code)


def test_a_place_list_says_whose_figures_it_shows(shipped_answers: Answers) -> None:
    texas = _place(shipped_answers, "texas")
    pay = shipped_answers.top(Measure.PAY, place=texas)
    assert pay.title == "Highest pay in Texas"
    assert "ranked by mean annual wage in Texas" in (pay.summary or "")
    assert pay.sources[0] == "BLS OEWS May 2025 — Texas"
    first = pay.blocks[0].bullets[0]
    assert " a year (national $" in first
    growth = shipped_answers.top(Measure.GROWTH, place=texas)
    assert "growth and openings are national" in (growth.summary or "")
    assert "published for Texas" in (growth.summary or "")
    national = shipped_answers.top(Measure.PAY)
    assert national.blocks[0].bullets != pay.blocks[0].bullets


def test_the_nation_is_the_national_list(shipped_answers: Answers) -> None:
    us = _place(shipped_answers, "national")
    assert shipped_answers.top(Measure.JOBS, place=us) == shipped_answers.top(Measure.JOBS)


def test_every_page_of_place_lists_fits_discord(shipped_answers: Answers) -> None:
    for name in PLACES:
        place = _place(shipped_answers, name)
        for measure in Measure:
            for education in EDUCATIONS:
                sheet = shipped_answers.top(measure, education, place=place)
                for n, payload in enumerate(message_payloads(sheet)):
                    assert message_problems(payload) == [], (name, measure, education, n)
