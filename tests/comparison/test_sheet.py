"""The sheet itself: its pages, its note line, and footnotes only when there are several
sources."""

from __future__ import annotations

from bot.answers import Answers
from bot.comparison import Kind
from bot.render.embeds import render_pages
from bot.render.text import render_text

NOTE = "“uber driver” → Taxi Drivers and Chauffeurs"


def test_a_note_line_heads_every_surface(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    for kind, ids in (
        (Kind.SALARY, ["registered-nurses"]),
        (Kind.CAREER, ["bill-and-account-collectors"]),
        (Kind.COMPARE, ["cashiers", "lawyers"]),
    ):
        plain = mini_answers.sheet(kind, [d.by_id[i] for i in ids])
        sheet = plain.noted(NOTE)
        assert sheet.note == NOTE and plain.note is None  # cached sheets stay as they were
        assert sheet.noted(NOTE) is sheet
        text = render_text(sheet, width=100)
        assert text.splitlines()[2] == NOTE
        first = render_pages(sheet)[0]
        assert first.description is not None and first.description.startswith(f"*{NOTE}*")


def test_pages_are_a_property_of_the_sheet(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    compare = mini_answers.compare(d.by_id["cashiers"], d.by_id["lawyers"])
    assert compare.paged and len(compare.pages) == len(compare.page_titles) > 1
    assert all(len(page) == 1 and not page[0].empty for page in compare.pages)
    salary = mini_answers.salary(d.by_id["cashiers"])
    assert not salary.paged and salary.page_titles == (salary.title,)
    assert len(render_pages(salary)) == 1


def test_one_source_is_named_without_numbers(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    sheet = mini_answers.salary(d.by_id["registered-nurses"])
    assert len(sheet.sources) == 1 and not sheet.footnoted
    footer = render_pages(sheet)[0].footer.text or ""
    assert footer == f"Source: {sheet.sources[0]}"
    several = mini_answers.career(d.by_id["bill-and-account-collectors"])
    assert several.footnoted
    assert (render_pages(several)[0].footer.text or "").startswith("Sources: ¹ ")
