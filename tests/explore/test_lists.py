"""Lists equal an independent computation straight from the shipped YAML (not the loader's
records, not the ranking code), for every measure × education filter × five fields."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from statistics import median
from typing import Any

import pytest
import yaml

from bot.answers import Answers
from bot.explore import EDUCATION_LEVELS, Measure, education_level, find_field
from bot.render.embeds import message_payloads
from bot.render.limits import message_problems

DATA = Path(__file__).resolve().parents[2] / "data" / "professions"
FIELD_CODES = ("15", "29", "47", "35", "11")
pytestmark = pytest.mark.slow_data


def _raw() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in sorted(DATA.glob("*.yaml")):
        entries += yaml.safe_load(path.read_text(encoding="utf-8"))["professions"]
    return entries


RAW = _raw()


def _figure(e: dict[str, Any], measure: Measure, base: dict[str, float]) -> float | None:
    pay, out = e.get("pay") or {}, e.get("outlook") or {}
    mean = pay.get("annual_mean")
    mean = float(re.sub(r"[^0-9.]", "", str(mean))) if mean is not None else None
    if measure is Measure.PAY:
        return mean
    if measure is Measure.GROWTH:
        return out.get("growth_pct")
    if measure is Measure.OPENINGS:
        return out.get("annual_openings")
    if measure is Measure.JOBS:
        return pay.get("employment")
    level = out.get("entry_education")
    return mean / base[level] if mean is not None and level in base else None


def _baselines() -> dict[str, float]:
    by: dict[str, list[float]] = defaultdict(list)
    for e in RAW:
        level = (e.get("outlook") or {}).get("entry_education")
        mean = _figure(e, Measure.PAY, {})
        if level and mean is not None:
            by[level].append(mean)
    return {k: median(v) for k, v in by.items()}


def _expected(measure: Measure, education: str | None, code: str | None) -> list[str]:
    base = _baselines()
    rows = []
    for e in RAW:
        if education and (e.get("outlook") or {}).get("entry_education") != education:
            continue
        if code and not e["soc"].startswith(code + "-"):
            continue
        value = _figure(e, measure, base)
        if value is not None:
            rows.append((-value, e["title"], e["id"]))
    return [i for _, _, i in sorted(rows)]


@pytest.mark.parametrize("measure", list(Measure))
@pytest.mark.parametrize("education", [None, *EDUCATION_LEVELS])
def test_every_measure_and_education_matches_the_yaml(
    shipped_answers: Answers, measure: Measure, education: str | None
) -> None:
    for code in (None, *FIELD_CODES):
        field = find_field(code, shipped_answers.fields) if code else None
        got = shipped_answers.rankings.top(measure, education, field)
        assert [p.id for p, _ in got.rows] == _expected(measure, education, code)


def test_left_out_counts_occupations_without_the_figure(shipped_answers: Answers) -> None:
    got = shipped_answers.rankings.top(Measure.OPENINGS)
    without = [e for e in RAW if (e.get("outlook") or {}).get("annual_openings") is None]
    assert got.left_out == len(without)
    sheet = shipped_answers.top(Measure.OPENINGS)
    if without:
        assert f"{len(without)} occupation" in (sheet.summary or "")


def test_lists_never_hold_groups_or_curated_profiles(shipped_answers: Answers) -> None:
    for measure in Measure:
        for p, _ in shipped_answers.rankings.top(measure).rows:
            assert not p.is_group and not p.curated


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        ("bachelor's degree", "Bachelor's degree"),
        ("Bachelors", "Bachelor's degree"),
        ("NO FORMAL EDUCATIONAL CREDENTIAL", "No formal educational credential"),
        ("hs", "High school diploma or equivalent"),
        ("masters", "Master's degree"),
        ("PhD", "Doctoral or professional degree"),
        ("associate", "Associate's degree"),
        ("certificate", "Postsecondary nondegree award"),
        ("some college", "Some college, no degree"),
        ("astronaut school", None),
    ],
)
def test_education_levels_by_bls_name_or_short_form(typed: str, level: str | None) -> None:
    assert education_level(typed) == level


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("computer", "15"),
        ("15", "15"),
        ("15-0000", "15"),
        ("Legal Occupations", "23"),
        ("healthcare support", "31"),
        ("construction", "47"),
        ("healthcare", None),
        ("zzz", None),
    ],
)
def test_fields_by_code_title_or_word(
    shipped_answers: Answers, typed: str, code: str | None
) -> None:
    found = find_field(typed, shipped_answers.fields)
    assert (found.code if found else None) == code


def test_every_list_page_fits_discord(shipped_answers: Answers) -> None:
    for measure in Measure:
        for education in (None, *EDUCATION_LEVELS):
            for field in (None, *shipped_answers.fields):
                sheet = shipped_answers.top(measure, education, field)
                for n, payload in enumerate(message_payloads(sheet)):
                    assert message_problems(payload) == [], (measure, education, field, n)


def test_list_rows_read_well(shipped_answers: Answers) -> None:
    sheet = shipped_answers.top(Measure.PAY, "Bachelor's degree")
    first = sheet.blocks[0].bullets[0]
    assert re.match(r"1\. .+ — \$[\d,]+ a year · growth [+-]?[\d.]+% \(", first)
    assert sheet.pages and len(sheet.blocks[0].bullets) == 10
    assert "whose typical entry education is “Bachelor's degree”" in (sheet.summary or "")
