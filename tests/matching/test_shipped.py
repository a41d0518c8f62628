"""The matcher on the full shipped dataset: official titles, lay titles, pick lists."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.matching import Status


def test_every_official_title_resolves_to_its_own_occupation(shipped_answers: Answers) -> None:
    m = shipped_answers.matcher
    wrong = []
    occupation_titles = {p.title for p in shipped_answers.dataset if not p.is_group}
    for prof in shipped_answers.dataset:
        if prof.is_group and prof.title in occupation_titles:
            continue  # 41-2010 Cashiers: the occupation of that title answers
        res = m.resolve(prof.title)
        if res.status is not Status.EXACT or res.profession is None or res.profession.id != prof.id:
            wrong.append((prof.title, res.status, [c.profession.id for c in res.candidates[:3]]))
    assert wrong == []


def test_every_title_and_id_is_offered_by_autocomplete(shipped_answers: Answers) -> None:
    m = shipped_answers.matcher
    for prof in shipped_answers.dataset:
        assert prof.id in [s.id for s in m.suggest(prof.title)], prof.title


@pytest.mark.parametrize(
    ("query", "soc"),
    [
        ("debt collector", "43-3011"),
        ("RN", "29-1141"),
        ("registered nurse", "29-1141"),
        ("nurses", "29-1141"),
        ("truck driver", "53-3032"),
        ("software engineer", "15-1252"),
        ("lawyer", "23-1011"),
        ("attorney", "23-1011"),
        ("cop", "33-3051"),
        ("CNA", "31-1131"),
        ("LPN", "29-2061"),
        ("CEO", "11-1011"),
        ("accountant", "13-2011"),
        ("plumber", "47-2152"),
        ("electrician", "47-2111"),
        ("cashier", "41-2011"),
        ("data scientist", "15-2051"),
        ("registred nurse", "29-1141"),
        ("electrican", "47-2111"),
        ("sofware developer", "15-1252"),
        ("truckdriver", "53-3032"),
    ],
)
def test_lay_titles_abbreviations_and_typos(shipped_answers: Answers, query: str, soc: str) -> None:
    res = shipped_answers.matcher.resolve(query)
    assert res.profession is not None, (
        query,
        res.status,
        [c.profession.title for c in res.candidates[:3]],
    )
    assert res.profession.soc == soc


def test_seed_roles_and_their_public_twins(shipped_answers: Answers) -> None:
    def resolved(query: str) -> str | None:
        profession = shipped_answers.matcher.resolve(query).profession
        return None if profession is None else profession.id

    assert resolved("loss mitigation specialist") == "loss-mitigation-specialist"
    assert resolved("collections specialist") == "collections-specialist"
    assert resolved("Bill and Account Collectors") == "bill-and-account-collectors"
    d = shipped_answers.dataset
    assert d.by_id["collections-specialist"].closest == "bill-and-account-collectors"
    assert d.by_id["loss-mitigation-specialist"].closest == "loan-officers"


@pytest.mark.parametrize("query", ["teacher", "engineer", "manager", "sales"])
def test_generic_words_answer_with_the_family(shipped_answers: Answers, query: str) -> None:
    """A generic word answers with its occupation group when the data has one, else asks
    with the group's members."""
    res = shipped_answers.matcher.resolve(query)
    if res.status is Status.EXACT:  # "engineer": the BLS group 17-2000 Engineers answers
        assert res.profession is not None and res.profession.is_group
        return
    assert res.status is Status.AMBIGUOUS
    first = res.candidates[0].profession
    assert query in first.title.lower()  # a real title with the word, not an odd alias
    assert 2 <= len(res.candidates) <= 10


def test_autocomplete_from_two_letters(shipped_answers: Answers) -> None:
    m = shipped_answers.matcher
    assert "registered-nurses" in [s.id for s in m.suggest("nu")][:10]
    assert "registered-nurses" in [s.id for s in m.suggest("regis")][:3]
    assert [s.id for s in m.suggest("debt c")][0] == "bill-and-account-collectors"
    for prefix in ["a", "ab", "el", "so", "tr", "zz", "qu"]:
        got = m.suggest(prefix)
        assert len(got) <= 25 and len({s.id for s in got}) == len(got)


@pytest.mark.parametrize(
    ("query", "soc"),
    [
        ("insurance sales", "41-3021"),  # not Salem
        ("child care", "39-9011"),  # not Cary
        ("mortgage loan", "13-2072"),  # not Logan
        ("home care", "31-1120"),  # not Rome, nor Cary
    ],
)
def test_trailing_words_of_job_names_are_no_misspelt_place(
    shipped_answers: Answers, query: str, soc: str
) -> None:
    res = shipped_answers.matcher.resolve(query)
    assert res.place is None
    assert soc in [c.profession.soc for c in res.candidates[:5]], query


def test_a_misspelt_trailing_place_is_still_kept_apart(shipped_answers: Answers) -> None:
    res = shipped_answers.matcher.resolve("nurse dalas")
    assert (res.place, res.profession and res.profession.soc) == ("dalas", "29-1141")
