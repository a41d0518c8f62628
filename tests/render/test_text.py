"""Terminal rendering: the seed page's figures, sources, and layout."""

from __future__ import annotations

from bot.answers import Answers
from bot.render.text import render_text

from ..seed_figures import SEED_ROWS, SEED_SKILLS


def seed_text(mini_answers: Answers, width: int = 200) -> str:
    d = mini_answers.dataset
    view = mini_answers.compare(
        d.by_id["collections-specialist"], d.by_id["loss-mitigation-specialist"]
    )
    return render_text(view, width=width)


def test_every_seed_figure_is_printed(mini_answers: Answers) -> None:
    text = seed_text(mini_answers)
    for _, a, b in SEED_ROWS:
        assert a in text and b in text, (a, b)
    for names in SEED_SKILLS:
        for name in names:
            assert name in text


def test_one_source_is_named_not_numbered(mini_answers: Answers) -> None:
    text = seed_text(mini_answers)
    assert "Source:\n  Zippia comparison page (zippia.com) (no year given)" in text
    assert "[1]" not in text and "$35,164 " in text


def test_several_sources_are_numbered(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    sheet = mini_answers.career(d.by_id["bill-and-account-collectors"])
    assert len(sheet.sources) > 1
    text = render_text(sheet, width=200)
    assert "Sources:\n  [1] " in text and "[2] " in text
    salary = next(line for line in text.splitlines() if line.startswith("Yearly salary"))
    assert salary.rstrip().endswith("]")


def test_narrow_terminal_wraps_without_losing_figures(mini_answers: Answers) -> None:
    text = seed_text(mini_answers, width=60)
    for _, a, b in SEED_ROWS:
        for fig in (a, b):
            if " " not in fig:
                assert fig in text, fig
    assert max(len(line) for line in text.splitlines()) <= 90


def test_salary_and_profile_render(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    salary = render_text(mini_answers.salary(d.by_id["registered-nurses"]))
    assert "$98,430" in salary and "$47.32/hr" in salary and "BLS OEWS May 2025" in salary
    profile = render_text(mini_answers.career(d.by_id["bill-and-account-collectors"]))
    assert "What they do" in profile and "Similar careers" in profile
