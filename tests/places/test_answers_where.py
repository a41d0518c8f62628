"""Location answers: /salary, /compare and /career in a place, as sheets and as Discord messages."""

from __future__ import annotations

import random

import pytest

from bot.answers import Answers
from bot.comparison import Kind, Layout, Sheet
from bot.comparison.builders.where import concentration, ordinal, versus
from bot.model import Money, Profession
from bot.places import Place, PlaceKind
from bot.places.table import Mark
from bot.render import limits
from bot.render.embeds import message_payloads
from bot.render.text import render_text


def _place(answers: Answers, text: str) -> Place:
    place = answers.places.resolve(text).place
    assert place is not None, text
    return place


def _prof(answers: Answers, name: str) -> Profession:
    prof = answers.matcher.resolve(name).profession
    assert prof is not None, name
    return prof


def _row(sheet: Sheet, key: str, label: str) -> str:
    block = sheet.block(key)
    assert block is not None, key
    return next(r.values[0].text for r in block.rows if r.label == label)


def test_wording_helpers() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"
    ]  # fmt: skip
    assert versus(Money(110), Money(100)) == "▲ 10% above national ($100)"
    assert versus(Money(90), Money(100)) == "▼ 10% below national ($100)"
    assert versus(Money(100.2), Money(100)) == "≈ national ($100)"
    assert versus(Money(239_200, at_least=True), Money(100)) == ""
    assert versus(None, Money(100)) == ""
    assert concentration(1.3) == "1.30× as concentrated as nationally"
    assert concentration(1.0) == "about as concentrated as nationally (1.00)"
    assert concentration(None) is None


def test_salary_in_a_state_beside_national(shipped_answers: Answers) -> None:
    nurse, texas = _prof(shipped_answers, "registered nurse"), _place(shipped_answers, "TX")
    sheet = shipped_answers.sheet(Kind.SALARY, [nurse], texas)
    assert sheet.kind is Kind.SALARY and sheet.columns == ("Texas",)
    assert "Texas" in sheet.title and sheet.summary and "Texas ranks" in sheet.summary
    average = _row(sheet, "pay", "Average salary")
    assert average.startswith("$") and "national ($" in average and average.count("%") == 1
    assert ("▲" in average) != ("▼" in average)
    assert " of 53 states and territories" in _row(sheet, "pay", "Rank")
    assert "jobs (" in _row(sheet, "pay", "Employed")
    assert "concentrated as nationally" in _row(sheet, "pay", "Concentration")
    assert any(s == "BLS OEWS May 2025 — Texas" for s in sheet.sources)


def test_national_salary_adds_top_states_and_metros(shipped_answers: Answers) -> None:
    nurse = _prof(shipped_answers, "registered nurse")
    for place in (None, _place(shipped_answers, "US")):
        sheet = shipped_answers.sheet(Kind.SALARY, [nurse], place)
        states, metros = sheet.block("top_states"), sheet.block("top_metros")
        assert states is not None and len(states.bullets) == 5
        assert metros is not None and len(metros.bullets) == 5
        assert not any("nonmetropolitan" in b for b in metros.bullets)
        means = [int(b.rsplit("$", 1)[1].replace(",", "")) for b in states.bullets]
        assert means == sorted(means, reverse=True)


def _cell_with(answers: Answers, field: str, mark: Mark) -> tuple[Profession, Place]:
    """The first (occupation, area) in the shipped data whose ``field`` carries ``mark``."""
    places = answers.places
    for prof in answers.dataset:
        if prof.soc is None or prof.curated:
            continue
        for place in places.all:
            pay = places.pay(prof.soc, place)
            if pay is not None and pay.missing.get(field) is mark:
                return prof, place
    raise AssertionError(f"no cell with {field} {mark}")


def test_suppressed_and_top_coded_figures_say_why(shipped_answers: Answers) -> None:
    prof, place = _cell_with(shipped_answers, "employment", Mark.NOT_RELEASED)
    sheet = shipped_answers.sheet(Kind.SALARY, [prof], place)
    assert _row(sheet, "pay", "Employed") == "—"
    notes = sheet.block("notes")
    assert notes is not None and any("not released by BLS" in b for b in notes.bullets)
    prof, place = _cell_with(shipped_answers, "annual_mean", Mark.TOP_CODED)
    sheet = shipped_answers.sheet(Kind.SALARY, [prof], place)
    assert _row(sheet, "pay", "Average salary") == "≥ $239,200"
    notes = sheet.block("notes")
    assert notes is not None and any("top code" in b for b in notes.bullets)


def test_compare_in_a_metro(shipped_answers: Answers) -> None:
    a, b = _prof(shipped_answers, "registered nurse"), _prof(shipped_answers, "software developer")
    sheet = shipped_answers.sheet(Kind.COMPARE, [a, b], _place(shipped_answers, "SF"))
    assert sheet.kind is Kind.COMPARE and sheet.columns == (a.title, b.title)
    pay = sheet.block("pay")
    assert pay is not None
    average = next(r for r in pay.rows if r.label == "Average salary")
    assert average.higher in (0, 1) and average.difference and "more" in average.difference


def test_career_outlook_is_followed_by_the_place(shipped_answers: Answers) -> None:
    dev = _prof(shipped_answers, "software developer")
    sheet = shipped_answers.sheet(Kind.CAREER, [dev], _place(shipped_answers, "Seattle"))
    keys = [b.key for b in sheet.blocks]
    assert keys[keys.index("outlook") + 1] == "where"
    where = sheet.block("where")
    assert where is not None and where.layout is Layout.TABLE and "Seattle" in where.title
    rendered = render_text(sheet)
    for source in sheet.sources:
        assert source in rendered


def test_no_figures_there_is_said_plainly(shipped_answers: Answers) -> None:
    places = shipped_answers.places
    for prof in shipped_answers.dataset:
        if prof.soc and not prof.curated and not prof.is_group:
            gap = next((p for p in places.all if places.pay(prof.soc, p) is None), None)
            if gap is not None:
                break
    assert gap is not None
    sheet = shipped_answers.sheet(Kind.SALARY, [prof], gap)
    assert sheet.blocks[0].layout is Layout.PROSE
    assert "publishes no figures" in (sheet.blocks[0].text or "")


def test_curated_profiles_answer_with_their_official_occupation(shipped_answers: Answers) -> None:
    seed = _prof(shipped_answers, "collections specialist")
    assert seed.curated and seed.closest
    sheet = shipped_answers.sheet(Kind.SALARY, [seed], _place(shipped_answers, "Dallas"))
    assert "Bill and Account Collectors" in sheet.title


@pytest.mark.slow_data
def test_every_location_answer_fits_discord_over_2000_pairs(shipped_answers: Answers) -> None:
    rng = random.Random(11)
    profs = [p for p in shipped_answers.dataset if p.soc]
    places = [p for p in shipped_answers.places.all if p.kind is not PlaceKind.NATIONAL]
    for i in range(2000):
        prof, place = rng.choice(profs), rng.choice(places)
        kind = (Kind.SALARY, Kind.CAREER, Kind.COMPARE)[i % 3]
        pair = [prof, rng.choice(profs)] if kind is Kind.COMPARE else [prof]
        sheet = shipped_answers.sheet(kind, pair, place)
        for payload in message_payloads(sheet):
            assert limits.message_problems(payload) == [], (prof.id, place.name, kind)


def test_a_group_without_area_figures_lists_its_members(shipped_answers: Answers) -> None:
    physicians = next(p for p in shipped_answers.dataset if p.is_group and p.soc == "29-1210")
    texas = _place(shipped_answers, "texas")
    sheet = shipped_answers.sheet(Kind.SALARY, [physicians], texas)
    lead = sheet.blocks[0]
    assert lead.layout is Layout.LEAD and "not for the group itself" in (lead.text or "")
    members = sheet.block("members")
    assert members is not None and len(members.rows) >= 2
    titles = {shipped_answers.dataset.get(m).title for m in physicians.members}  # type: ignore[union-attr]
    assert {r.label for r in members.rows} <= titles


def test_a_major_group_has_its_own_area_figures(shipped_answers: Answers) -> None:
    health = next(p for p in shipped_answers.dataset if p.is_group and p.soc == "29-0000")
    sheet = shipped_answers.sheet(Kind.SALARY, [health], _place(shipped_answers, "TX"))
    assert _row(sheet, "pay", "Average salary").startswith("$")
