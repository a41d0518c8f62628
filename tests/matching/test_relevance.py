"""Relevance first, on the shipped data: the examples that hurt users, pick lists a person
would write, and autocomplete that knows the same everyday words."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.matching import Matcher, Status


@pytest.fixture(scope="module")
def m(shipped_answers: Answers) -> Matcher:
    return shipped_answers.matcher


def _socs(m: Matcher, query: str, n: int = 10) -> list[str | None]:
    return [c.profession.soc for c in m.resolve(query).candidates[:n]]


@pytest.mark.parametrize(
    ("query", "wanted", "never"),
    [
        ("uber driver", {"53-3053", "53-3054"}, "45-4029"),  # not "Lumber Driver"
        ("lyft driver", {"53-3053", "53-3054"}, "45-4029"),
        ("influencer", {"27-3099", "27-2099", "27-4099"}, "41-9012"),  # not Models
        ("streamer", {"27-3099", "27-2099", "27-4099"}, "53-7061"),  # not "Steamer"
        ("family doctor", {"29-1215"}, "31-1120"),
        ("it support", {"15-1232"}, "53-7065"),
        ("ux designer", {"15-1255"}, "15-1253"),
        ("cybersecurity", {"15-1212"}, None),
        ("pilot", {"53-2010", "53-2011", "53-2012"}, "53-3032"),
        ("vet", {"29-1131"}, None),
        ("gp", {"29-1215"}, None),
        ("cop", {"33-3051"}, "53-2011"),
    ],
)
def test_the_obvious_job_comes_first(m: Matcher, query: str, wanted: set[str], never: str) -> None:
    socs = _socs(m, query)
    assert socs and socs[0] in wanted, (query, socs)
    assert never not in socs


def test_doctor_means_physicians_never_naturopaths(m: Matcher) -> None:
    res = m.resolve("doctor")
    assert res.candidates
    for c in res.candidates:
        assert c.profession.soc is not None and c.profession.soc.startswith("29-12"), c
    assert res.candidates[0].profession.soc != "29-1299"


def test_a_word_missing_the_informative_word_is_never_confident(m: Matcher) -> None:
    # "zorblax" is known to no name: drivers explain only the common word
    res = m.resolve("zorblax driver")
    assert res.status is not Status.MATCH and res.status is not Status.EXACT


@pytest.mark.parametrize(
    "query",
    [
        "engineer", "teacher", "doctor", "manager", "mechanic", "cook", "driver", "nurse", "tech",
        "technician", "specialist", "worker", "sales", "assistant", "operator", "analyst",
        "hvac repair", "truck", "kindergarten aide", "nurse in a hospital", "cruise ship nurse",
        "pencil", "x", "data", "bus", "health", "computer", "senior software engineer",
    ],
)  # fmt: skip
def test_pick_lists_a_person_would_write(m: Matcher, query: str) -> None:
    res = m.resolve(query)
    if res.status is Status.AMBIGUOUS:
        assert 2 <= len(res.candidates) <= 10  # never "could mean several" with one option
        scores = [c.score for c in res.candidates]
        assert scores == sorted(scores, reverse=True)  # relevance order
        assert len({c.profession.id for c in res.candidates}) == len(res.candidates)
    else:
        assert len(res.candidates) <= 10


@pytest.mark.parametrize(
    ("query", "soc"),
    [
        ("electricain", "47-2111"),
        ("pharmasist", "29-1051"),
        ("nurce", "29-1141"),
        ("hvac repair guy", "49-9021"),
    ],
)
def test_typos_still_find_the_job(m: Matcher, query: str, soc: str) -> None:
    assert _socs(m, query, 3)[0] == soc


@pytest.mark.parametrize(
    ("typed", "soc"),
    [
        ("RN", "29-1141"),
        ("rn", "29-1141"),
        ("np", "29-1171"),
        ("gp", "29-1215"),
        ("it", "15-1232"),
        ("ux", "15-1255"),
        ("cop", "33-3051"),
        ("lpn", "29-2061"),
    ],
)
def test_autocomplete_answers_abbreviations_and_slang_first(
    shipped_answers: Answers, typed: str, soc: str
) -> None:
    m = shipped_answers.matcher
    got = m.suggest(typed)
    assert got, typed
    first = shipped_answers.dataset.get(got[0].id)
    assert first is not None and first.soc == soc
    assert got[0].label == f"{typed.lower()} → {first.title}"  # shown with the official title


@pytest.mark.parametrize(
    ("typed", "then"),
    [
        ("RN", {"29-2061", "29-1171", "29-1151", "29-1161"}),  # the other nurses
        ("gp", {"29-1216", "29-1214", "29-1221"}),  # other physicians
        ("cop", {"33-3021", "33-1012", "33-3052"}),  # detectives, police supervisors
        ("doctor", {"29-1215", "29-1216", "29-1214"}),  # physicians, not "doctor's assistant"
        ("np", {"29-1141", "29-1161"}),
        ("ux", {"27-1024", "15-1254"}),
        ("it", {"15-1231", "15-1244", "15-1211"}),
    ],
)
def test_autocomplete_offers_the_family_after_the_expansion(
    shipped_answers: Answers, typed: str, then: set[str]
) -> None:
    got = [shipped_answers.dataset.get(s.id) for s in shipped_answers.matcher.suggest(typed)[:8]]
    socs = [p.soc for p in got if p is not None]
    assert len(socs) >= 4, (typed, socs)
    assert then & set(socs[1:6]), (typed, socs)


def test_autocomplete_of_a_two_letter_abbreviation_skips_words_that_merely_start_alike(
    m: Matcher,
) -> None:
    labels = [s.label for s in m.suggest("pa")]
    assert labels[0].startswith("pa → Physician Assistants")
    assert not any(label.startswith(("Pa", "pa")) and "→" not in label for label in labels[1:])


def test_autocomplete_of_doctor_shows_physicians(m: Matcher) -> None:
    got = m.suggest("doctor")[:8]
    titles = [s.label for s in got]
    assert any("Physician" in t or t.endswith("ologists") for t in titles), titles


def test_questions_are_understood(m: Matcher) -> None:
    res = m.resolve("how much do nurses make")
    assert res.profession is not None and res.profession.soc == "29-1141"
    res = m.resolve("electrician in texas")
    assert res.profession is not None and res.profession.soc == "47-2111"
    assert res.place == "texas"  # kept apart, never matched as a job
    res = m.resolve("nurse vs teacher")
    assert res.status is Status.NONE and res.versus == ("nurse", "teacher")
    res = m.resolve("salary of a plumber")
    assert res.profession is not None and res.profession.soc == "47-2152"


def test_a_name_that_looks_like_a_question_is_still_a_name(m: Matcher) -> None:
    # "pay" and "in" are words of real titles: exact names are never parsed as questions
    res = m.resolve("Payroll and Timekeeping Clerks")
    assert res.status is Status.EXACT
