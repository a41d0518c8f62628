"""Labels say what the figures are, with their units, over every occupation; curated profiles
lead with the official figures."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.comparison import Sheet
from bot.comparison.layouts import JOBS
from bot.render.text import render_text

NEVER = {"Employment", "Employed", "Highest paying city", "Most common degree", "Openings"}
MONEY = ("Yearly salary", "Average salary", "Median salary", "Hourly (mean)", "Hourly (median)")


def _rows(sheet: Sheet) -> list[tuple[str, str]]:
    return [(r.label, v.text) for b in sheet.blocks for r in b.rows for v in r.values]


def check_sheet(sheet: Sheet, curated: bool) -> None:
    for label, text in _rows(sheet):
        assert label not in NEVER, (sheet.title, label)
        if text.startswith("—"):
            continue
        if label == JOBS:
            assert text.endswith((" jobs", " job")), (sheet.title, label, text)
        if label in MONEY:
            assert text.startswith(("$", "≥ $")), (sheet.title, label, text)
        if label == "Most common major":
            assert curated, (sheet.title, label)
        if label == "Average age":
            assert curated, (sheet.title, label)  # public data publishes a median
    assert not (sheet.summary or "").startswith("SOC"), sheet.summary
    assert len(sheet.title) <= 70, sheet.title
    for block in sheet.blocks:
        assert not any("median" in b.lower() for b in block.bullets if "percentile" in b)


@pytest.mark.slow_data
def test_labels_and_units_over_every_occupation(shipped_answers: Answers) -> None:
    for p in shipped_answers.dataset:
        for sheet in (shipped_answers.salary(p), shipped_answers.career(p)):
            check_sheet(sheet, p.curated)
        pay = p.pay
        industry = pay.top_industry if pay else None
        shown = any(
            label == "Best-paying industry" for label, _ in _rows(shipped_answers.salary(p))
        )
        if pay and industry and industry.annual_mean and pay.annual_mean and shown:
            assert industry.annual_mean.value >= pay.annual_mean.value, p.id


@pytest.mark.slow_data
def test_similar_careers_have_figures_and_no_catch_alls(shipped_answers: Answers) -> None:
    for p in shipped_answers.dataset:
        block = shipped_answers.career(p).block("similar")
        if block is None:
            continue
        catch_alls = [b for b in block.bullets if ", All Other" in b]
        assert not catch_alls or len(catch_alls) == len(block.bullets), (p.id, block.bullets)
        assert all(" · $" in b or " · " in b for b in block.bullets), block.bullets


@pytest.mark.slow_data
def test_one_source_is_never_numbered(shipped_answers: Answers) -> None:
    for p in list(shipped_answers.dataset)[::7]:
        for sheet in (shipped_answers.salary(p), shipped_answers.career(p)):
            text = render_text(sheet, width=200)
            if len(sheet.sources) == 1:
                assert "[1]" not in text, sheet.title


@pytest.mark.parametrize("command", ["salary", "career"])
def test_curated_profiles_lead_with_the_official_figure(
    mini_answers: Answers, command: str
) -> None:
    d = mini_answers.dataset
    for pid, official in (
        ("collections-specialist", "Bill and account collectors"),
        ("loss-mitigation-specialist", "Loan officers"),
    ):
        sheet = getattr(mini_answers, command)(d.get(pid))
        tables = [b for b in sheet.blocks if b.rows]
        assert tables[0].key == "official", [b.key for b in tables]
        assert sheet.summary.startswith(f"{official} earn a mean of $"), sheet.summary
        assert "closest to a " in sheet.summary
        curated_blocks = [b for b in tables[1:] if "curated page" in b.title]
        assert curated_blocks, [b.title for b in tables]


@pytest.mark.slow_data
def test_links_lead_with_the_handbook_where_it_has_a_page(shipped_answers: Answers) -> None:
    with_ooh = [p for p in shipped_answers.dataset if p.ooh_url]
    assert with_ooh
    for p in with_ooh:
        sheet = shipped_answers.career(p)
        block = sheet.block("links")
        assert block is not None and block.links[0].url == p.ooh_url == sheet.url, p.id
