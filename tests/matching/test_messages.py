"""Saying what was matched, "A vs B", and /compare of one profession."""

from __future__ import annotations

from bot import messages
from bot.answers import Answers


def test_the_answer_says_what_a_typed_name_was_understood_as(shipped_answers: Answers) -> None:
    m = shipped_answers.matcher
    assert messages.matched(m.resolve("cop")) == "“cop” → Police and Sheriff's Patrol Officers"
    assert messages.matched(m.resolve("Cops!")) == "“cop” → Police and Sheriff's Patrol Officers"
    assert messages.matched(m.resolve("Registered Nurses")) is None  # the title itself
    assert messages.matched(m.resolve("registered-nurses")) is None  # an autocomplete pick
    res = m.resolve("how much does a cop make in TX")
    assert messages.matched(res) == "“cop” → Police and Sheriff's Patrol Officers"
    assert res.place == "TX"  # kept apart: the surfaces answer for it


def test_a_place_is_not_mistaken_for_a_job(shipped_answers: Answers) -> None:
    res = shipped_answers.matcher.resolve("electrician in texas")
    assert res.profession is not None and res.profession.title == "Electricians"
    assert res.place == "texas"
    assert messages.matched(res) is None  # nothing to say: the title is what was asked


def test_versus_points_to_compare(shipped_answers: Answers) -> None:
    text = messages.not_found(shipped_answers.matcher.resolve("nurse vs teacher"))
    assert "/compare a:nurse b:teacher" in text


def test_a_note_for_no_official_occupation(shipped_answers: Answers) -> None:
    text = messages.ambiguous(shipped_answers.matcher.resolve("youtuber"))
    assert text.startswith("No official occupation")


def test_compare_with_itself_is_answered_kindly() -> None:
    assert "same profession (Registered Nurses)" in messages.same_profession(
        "nurse", "rn", "Registered Nurses"
    )
    assert "Both names are" in messages.same_profession("nurse", "Nurse", "Registered Nurses")
