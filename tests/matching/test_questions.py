"""Plain questions in a profession option: question words dropped, a trailing place kept apart,
"A vs B" noticed."""

from __future__ import annotations

import pytest

from bot.matching.questions import PlaceCheck, Question, is_us_state, parse


@pytest.mark.parametrize(
    ("text", "profession", "place"),
    [
        ("how much do nurses make", "nurses", None),
        ("how much does a plumber make?", "plumber", None),
        ("salary of a plumber", "plumber", None),
        ("what does an electrician earn", "electrician", None),
        ("average salary for teachers", "teachers", None),
        ("what is the salary of a software engineer", "software engineer", None),
        ("mechanic salary", "mechanic", None),
        ("how much do truck drivers make a year", "truck drivers", None),
        ("tell me about actuaries", "actuaries", None),
        ("how to become a firefighter", "firefighter", None),
        ("electrician in texas", "electrician", "texas"),
        ("how much do electricians make in Texas?", "electricians", "Texas"),
        ("welder in TX", "welder", "TX"),
        ("electrician tx", "electrician", "tx"),
        ("nurse, New York", "nurse", "New York"),
        ("nurse new york", "nurse", "new york"),
        ("truck driver salary in georgia", "truck driver", "georgia"),
        ("registered nurse", "registered nurse", None),
        ("medical assistant ma", "medical assistant ma", None),  # "ma" is an abbreviation
        ("Physician Assistant PA", "Physician Assistant", "PA"),  # capitals: a place
    ],
)
def test_parse(text: str, profession: str, place: str | None) -> None:
    q = parse(text)
    assert (q.profession, q.place, q.versus) == (profession, place, None)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("nurse vs teacher", "nurse", "teacher"),
        ("Nurse vs. Teacher", "Nurse", "Teacher"),
        ("plumber versus electrician", "plumber", "electrician"),
        ("registered nurse or lpn", "registered nurse", "lpn"),
        ("how much do nurses make compared to teachers", "nurses", "teachers"),
    ],
)
def test_versus(text: str, a: str, b: str) -> None:
    assert parse(text).versus == (a, b)


def test_the_place_check_is_injectable() -> None:
    q = parse("plumber, denver", is_place=lambda t: t.casefold() == "denver")
    assert (q.profession, q.place) == ("plumber", "denver")
    assert parse("plumber, denver").place is None  # the built-in check knows states only


def test_bare_trailing_name_words_are_no_misspelt_place() -> None:
    """Bare trailing words that are words of professions' names ("insurance sales": not a
    misspelt Salem) are a place only as written; after "in" (or for other words) a typo of a
    place still is one."""
    typo_tolerant = {"sales", "salem", "dalas", "dallas"}.__contains__
    check = PlaceCheck(
        typo_tolerant,
        is_known_place={"salem", "dallas"}.__contains__,
        is_name_words={"insurance", "sales", "nurse"}.__contains__,
    )
    assert parse("insurance sales", check).place is None
    assert parse("nurse dalas", check).place == "dalas"  # not a name's word: a typo of one
    assert parse("nurse salem", check).place == "salem"  # as written
    assert parse("insurance agent in sales", check).place == "sales"  # "in": the place check
    assert parse("insurance sales", typo_tolerant).place == "sales"  # a plain check decides


def test_changed() -> None:
    assert not Question("nurse", "nurse").changed
    assert parse("nurse in ohio").changed


@pytest.mark.parametrize(
    ("text", "place"),
    [("texas", True), ("TX", True), ("tx", True), ("Tex.", False), ("PA", True), ("pa", False),
     ("new  york", True), ("dallas", False), ("", False)],
)  # fmt: skip
def test_us_states(text: str, place: bool) -> None:
    assert is_us_state(text) is place
