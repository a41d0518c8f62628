"""Comparison maths and view models: difference, percent, which is higher, missing values."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.comparison import Block, Fig, Sheet, compare, difference
from bot.model import Pay, Profession, Section

from ..seed_figures import SEED_DESCRIPTIONS, SEED_ROWS, SEED_SKILLS

SRC = Section("BLS OEWS May 2025", 2025)
OTHER = Section("Zippia comparison page (zippia.com)", None)


def test_difference_in_dollars_and_percent() -> None:
    hi, text = difference(Fig("$35,164", SRC, 35164, "$"), Fig("$43,251", SRC, 43251, "$"))
    assert hi == 1
    assert text == "$8,087 (23%) more"


def test_difference_hourly_and_jobs() -> None:
    assert difference(Fig("", SRC, 20.79, "$/hr"), Fig("", SRC, 16.91, "$/hr")) == (
        0,
        "$3.88/hr (23%) more",
    )
    assert (
        difference(Fig("", SRC, 40277, "jobs"), Fig("", SRC, 7596, "jobs"))[1]
        == "32,681 jobs (430%) more"
    )


def test_difference_percentage_points() -> None:
    hi, text = difference(Fig("", SRC, -8, "%pts"), Fig("", SRC, 4.5, "%pts"))
    assert (hi, text) == (1, "12.5 pts higher")


def test_same_missing_and_incomparable() -> None:
    assert difference(Fig("", SRC, 46, ""), Fig("", SRC, 46, "")) == (None, "same")
    assert difference(None, Fig("", SRC, 46, "")) == (None, None)
    assert difference(Fig("", SRC, 1, "$"), Fig("", SRC, 1, "jobs")) == (None, None)


def test_different_sources_are_labelled() -> None:
    _, text = difference(Fig("", SRC, 50000, "$"), Fig("", OTHER, 40000, "$"))
    assert (text or "").endswith("different sources")


def block(sheet: Sheet, key: str) -> Block:
    found = sheet.block(key)
    assert found is not None, f"no block {key!r} in {sheet.title!r}"
    return found


def rows(view: Sheet) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(b.key, r.label): tuple(v.text for v in r.values) for b in view.blocks for r in b.rows}


@pytest.fixture(scope="module")
def seed_view(mini_answers: Answers) -> Sheet:
    d = mini_answers.dataset
    return mini_answers.compare(
        d.by_id["collections-specialist"], d.by_id["loss-mitigation-specialist"]
    )


def test_seed_comparison_keeps_every_figure(seed_view: Sheet) -> None:
    found: dict[str, list[tuple[str, ...]]] = {}
    for block in seed_view.blocks:
        for row in block.rows:
            found.setdefault(row.label, []).append(tuple(v.text for v in row.values))
    for label, a, b in SEED_ROWS:
        assert label in found, label
        assert any(a in va and b in vb for va, vb in found[label]), (label, found[label])


def test_seed_sections_follow_the_page(seed_view: Sheet) -> None:
    assert [b.key for b in seed_view.blocks] == [
        "summary",
        "about",
        "pay",
        "education",
        "demographics",
        "outlook",
    ]
    salary = next(r for r in block(seed_view, "summary").rows if r.label == "Yearly salary")
    assert salary.higher == 1 and salary.difference == "$8,087 (23%) more"
    growth = next(r for r in block(seed_view, "summary").rows if r.label == "Growth rate")
    assert growth.difference == "same"


def test_seed_summary_and_descriptions(seed_view: Sheet) -> None:
    summary = seed_view.summary or ""
    assert "6–12 months" in summary
    assert "$43,251" in summary and "$35,164" in summary
    about = " ".join(r.values[0].text for r in block(seed_view, "about").rows)
    for text in SEED_DESCRIPTIONS:
        assert text in about
    skills = next(r for r in block(seed_view, "outlook").rows if r.label == "Top skills")
    for col, names in enumerate(SEED_SKILLS):
        for name in names:
            assert name in skills.values[col].text


def test_every_figure_has_a_source(seed_view: Sheet) -> None:
    for block in seed_view.blocks:
        for row in block.rows:
            if row.label == "Closest official occupation":  # a name, not a figure
                continue
            for v in row.values:
                assert v.missing or v.source is not None, (row.label, v)
    assert seed_view.sources == ("Zippia comparison page (zippia.com) (no year given)",)


def test_curated_pair_names_their_official_occupations(seed_view: Sheet) -> None:
    row = block(seed_view, "summary").rows[-1]
    assert row.label == "Closest official occupation"
    assert [v.text for v in row.values] == [
        "Bill and Account Collectors (SOC 43-3011)",
        "Loan Officers (SOC 13-2072)",
    ]


def test_missing_values_show_dash_and_never_crash() -> None:
    bare = Profession(id="bare", title="Bare")
    view = compare(bare, bare)
    for block in view.blocks:
        for row in block.rows:
            assert all(v.text == "— not published" and v.missing for v in row.values)
    assert view.summary


def test_mixed_sources_are_numbered(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    view = mini_answers.compare(
        d.by_id["collections-specialist"], d.by_id["bill-and-account-collectors"]
    )
    assert len(view.sources) > 1
    salary = next(r for r in block(view, "summary").rows if r.label == "Yearly salary")
    assert salary.values[0].source != salary.values[1].source
    assert (salary.difference or "").endswith("different sources")


def test_salary_view_shows_curated_and_official(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    view = mini_answers.salary(d.by_id["collections-specialist"])
    official = view.block("official")
    assert official is not None and "Bill and Account Collectors" in official.title
    assert any("$46,060" in r.values[0].text for r in official.rows)
    assert any(r.label == "Salary range" for r in block(view, "pay").rows)


def test_salary_view_percentiles_and_top_coding(mini_answers: Answers) -> None:
    view = mini_answers.salary(mini_answers.dataset.by_id["loan-officers"])
    bullets = block(view, "pay-percentiles").bullets
    assert "90th percentile: ≥ $239,200" in bullets
    assert not any("median" in b or "50th" in b for b in bullets)  # the median has its row


def test_salary_view_without_pay() -> None:
    from bot.comparison import salary

    v = salary(Profession(id="x", title="X"))
    assert v.blocks[0].text and "No pay figures" in v.blocks[0].text


def test_profile_view(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    view = mini_answers.career(d.by_id["bill-and-account-collectors"])
    assert (block(view, "about").text or "").startswith("Locate and notify")
    assert block(view, "tasks").bullets
    assert block(view, "similar").bullets[0].startswith("Loan Officers · $")
    assert view.block("education") is not None and view.block("skills") is not None
    summary = view.summary or ""
    assert summary.startswith("Bill and account collectors earn a mean of $")
    assert "SOC" not in summary
    curated = mini_answers.career(d.by_id["loss-mitigation-specialist"])
    assert block(curated, "official").title == "Official figures: Loan Officers (SOC 13-2072)"


def test_pay_only_profile() -> None:
    from bot.comparison import profile

    p = Profession(id="x", title="X", pay=Pay(source="s", year=2025))
    assert profile(p).blocks == ()
