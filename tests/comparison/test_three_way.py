"""Three professions side by side: the same sections with three columns, in both renderers."""

from __future__ import annotations

import pytest

from bot import messages
from bot.answers import Answers
from bot.comparison import Fig, Kind, Sheet, compare
from bot.comparison.figures import highest
from bot.model import Profession, Section
from bot.render.embeds import TAGS, render_pages
from bot.render.text import render_text

SRC = Section("BLS OEWS May 2025", 2025)
OTHER = Section("Zippia comparison page (zippia.com)", None)


def fig(number: float | None, unit: str = "$", section: Section = SRC) -> Fig:
    return Fig(str(number), section, number, unit)


def test_highest_of_three_leads_the_next() -> None:
    assert highest([fig(50_000), fig(70_000), fig(60_000)]) == (
        1,
        "$10,000 (17%) more than the next",
    )
    assert highest([fig(4.5, "%pts"), fig(-8, "%pts"), fig(1, "%pts")]) == (
        0,
        "3.5 pts higher than the next",
    )
    _, text = highest([fig(50_000), fig(40_000, section=OTHER), fig(1)])
    assert text == "$10,000 (25%) more than the next · different sources"


def test_highest_of_three_ties_gaps_and_units() -> None:
    assert highest([fig(5), fig(5), fig(5)]) == (None, "same")
    assert highest([fig(5), fig(5), fig(3)]) == (None, None)  # two lead together: no winner
    assert highest([fig(5), None, fig(3)]) == (0, "$2 (67%) more than the next")
    assert highest([fig(5), None, fig(5)]) == (None, None)  # not "same": one is unknown
    assert highest([fig(5), None, None]) == (None, None)
    assert highest([fig(5), fig(3, "jobs"), fig(4)]) == (None, None)
    assert highest([fig(5), fig(3)]) == (0, "$2 (67%) more")  # two columns: as before


@pytest.fixture(scope="module")
def trio(shipped_answers: Answers) -> tuple[Profession, Profession, Profession]:
    by_id = shipped_answers.dataset.by_id
    return by_id["registered-nurses"], by_id["electricians"], by_id["pharmacists"]


@pytest.fixture(scope="module")
def sheet(shipped_answers: Answers, trio: tuple[Profession, ...]) -> Sheet:
    return shipped_answers.compare(*trio)


def test_three_columns_in_every_section(sheet: Sheet, trio: tuple[Profession, ...]) -> None:
    assert sheet.columns == tuple(p.title for p in trio)
    assert sheet.ids == tuple(p.id for p in trio)
    assert sheet.title == "Registered Nurses vs Electricians vs Pharmacists"
    keys = [b.key for b in sheet.blocks if not b.empty]
    assert keys == ["summary", "about", "pay", "education", "demographics", "outlook"]
    for block in sheet.blocks:
        for row in block.rows:
            assert len(row.values) == (1 if block.key == "about" else 3), (block.key, row.label)
    about = sheet.block("about")
    assert about is not None and [r.label for r in about.rows] == list(sheet.columns)


def test_the_best_paid_is_marked_and_named_first(
    sheet: Sheet, trio: tuple[Profession, ...]
) -> None:
    summary = sheet.block("summary")
    assert summary is not None
    yearly = next(r for r in summary.rows if r.label == "Yearly salary")
    pays = [v.number or 0 for v in yearly.values]
    assert yearly.higher == pays.index(max(pays)) and yearly.ranked
    assert (yearly.difference or "").endswith("more than the next")
    text = sheet.summary or ""
    assert text.startswith("Pharmacists earn a mean of $")
    assert "more than registered nurses ($" in text and ") and electricians ($" in text
    assert text.count("for ") >= 3  # the top skills of all three


def test_the_embed_pages_tag_three_columns(sheet: Sheet) -> None:
    pages = render_pages(sheet)
    assert len(pages) == 6
    for embed in pages:
        legend = (embed.description or "").split("\n")
        assert [line.split(" ", 1)[0] for line in legend[:3]] == list(TAGS)
    first = pages[0]
    yearly = next(f for f in first.fields if f.name == "Yearly salary")
    lines = (yearly.value or "").split("\n")
    assert [line.split(" ", 1)[0] for line in lines] == list(TAGS)
    assert "▲" in lines[2] and "more than the next" in lines[2]  # pharmacists pay most


def test_the_text_has_three_columns(sheet: Sheet) -> None:
    text = render_text(sheet, width=120)
    header = next(line for line in text.splitlines() if line.startswith(" ") and line.strip())
    assert header.split() == ["Registered", "Nurses", "Electricians", "Pharmacists"]
    assert "more than the next" in text
    assert text.count("Summary\n-------") == 1


def test_two_columns_are_unchanged(shipped_answers: Answers, trio: tuple[Profession, ...]) -> None:
    two = shipped_answers.compare(*trio[:2])
    assert two.title == "Registered Nurses vs Electricians"
    assert two.summary is not None and "and electricians" not in two.summary
    assert "more than electricians ($" in two.summary


def test_four_professions_are_refused(trio: tuple[Profession, ...]) -> None:
    with pytest.raises(ValueError, match="2 to 3"):
        compare(*trio, trio[0])
    with pytest.raises(ValueError, match="2 to 3"):
        compare(trio[0])


def test_three_in_a_place(shipped_answers: Answers, trio: tuple[Profession, ...]) -> None:
    place = shipped_answers.places.resolve("texas").place
    assert place is not None
    sheet = shipped_answers.sheet(Kind.COMPARE, trio, place)
    assert sheet.title.endswith("in Texas") and sheet.columns == tuple(p.title for p in trio)
    pay = sheet.block("pay")
    assert pay is not None and all(len(r.values) == 3 for r in pay.rows)
    assert sheet.summary == "Registered Nurses, Electricians and Pharmacists in Texas."
    for embed in render_pages(sheet):
        assert all(
            [line.split(" ", 1)[0] for line in (f.value or "").split("\n")][:3] == list(TAGS)
            for f in embed.fields
            if f.name in {"Average salary", "Median salary"}
        )


def test_a_repeated_profession(trio: tuple[Profession, ...]) -> None:
    nurse, electrician, _ = trio
    found = [nurse, electrician, nurse]
    note = messages.repeated_professions(["nurse", "electrician", "RN"], found)
    assert note == "Registered Nurses is named twice: this compares it with Electricians."
    assert messages.repeated_professions(["a", "b", "c"], list(trio)) is None
    alone = messages.repeated_professions(["nurse", "Nurse", "NURSE"], [nurse] * 3)
    assert alone is not None and alone.startswith("All three names are Registered Nurses")
    mixed = messages.repeated_professions(["nurse", "RN", "registered nurse"], [nurse] * 3)
    assert mixed is not None and "“nurse”, “RN” and “registered nurse” are all" in mixed
    two = messages.repeated_professions(["nurse", "RN"], [nurse] * 2)
    assert two == messages.same_profession("nurse", "RN", nurse.title)
