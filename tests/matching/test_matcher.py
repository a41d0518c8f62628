"""Matcher behaviour: typos, aliases, abbreviations, plurals, ambiguity, no match, autocomplete."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.matching import Matcher, Resolution, Status, name_variants, normalize


def _id(res: Resolution) -> str | None:
    return None if res.profession is None else res.profession.id


@pytest.fixture(scope="module")
def m(mini_answers: Answers) -> Matcher:
    return mini_answers.matcher


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Registered Nurses", "registered nurse"),
        ("  REGISTERED   nurse ", "registered nurse"),
        ("Café Workers", "cafe worker"),
        ("Ｎｕｒｓｅ", "nurse"),  # full-width letters
        ("Bachelor's Degree", "bachelor degree"),
        ("Tax Examiners & Collectors", "tax examiner and collector"),
        ("secretaries", "secretary"),
        ("business analysis", "business analysis"),
        ("🙂 nurse 🙂", "nurse"),
        ("", ""),
    ],
)
def test_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


def test_parenthesised_abbreviation_gives_its_own_key() -> None:
    assert name_variants("Registered Nurse (RN)") == [
        "registered nurse rn",
        "registered nurse",
        "rn",
    ]
    assert "ceo" in name_variants("Chief Executive Officer (CEO)")
    # long parenthesised text is not an abbreviation
    assert (
        name_variants("Driver (delivery of parcels and mail)")[-1] != "delivery of parcel and mail"
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("collections specialist", "collections-specialist"),
        ("Collections Specialists", "collections-specialist"),
        ("loss mitigation specialist", "loss-mitigation-specialist"),
        ("debt collector", "bill-and-account-collectors"),
        ("RN", "registered-nurses"),
        ("rn", "registered-nurses"),
        ("LPN", "licensed-practical-and-licensed-vocational-nurses"),
        ("nurses", "registered-nurses"),
        ("truck driver", "heavy-and-tractor-trailer-truck-drivers"),
        ("software engineer", "software-developers"),
        ("lawyer", "lawyers"),
        ("Bill and Account Collectors", "bill-and-account-collectors"),
        ("loan-officers", "loan-officers"),  # an autocomplete value is the id
    ],
)
def test_exact_names_aliases_abbreviations_plurals(m: Matcher, query: str, expected: str) -> None:
    res = m.resolve(query)
    assert res.status is Status.EXACT, res
    assert res.profession is not None and res.profession.id == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("colections specialist", "collections-specialist"),
        ("registred nurse", "registered-nurses"),
        ("softwre developer", "software-developers"),
        ("loss mitigaton specialist", "loss-mitigation-specialist"),
        ("bill and acount collector", "bill-and-account-collectors"),
    ],
)
def test_typos_match_confidently(m: Matcher, query: str, expected: str) -> None:
    res = m.resolve(query)
    assert res.status is Status.MATCH, res
    assert _id(res) == expected


def test_curated_profile_wins_its_own_title(m: Matcher) -> None:
    # O*NET lists "Loss Mitigation Specialist" under retail loss prevention; the seed role wins.
    res = m.resolve("Loss Mitigation Specialist")
    assert _id(res) == "loss-mitigation-specialist"
    # "Collections Specialist" is an alias of two public occupations; the curated title wins.
    assert _id(m.resolve("collections specialist")) == "collections-specialist"


def test_alias_listed_by_more_sources_wins() -> None:
    from bot.model import Alias, Profession

    a = Profession(id="a", title="Alpha Workers", aliases=(Alias("Widget Maker", 2),))
    b = Profession(id="b", title="Beta Workers", aliases=(Alias("Widget Maker", 1),))
    c = Profession(id="c", title="Gamma Workers", aliases=(Alias("Widget Maker", 2),))
    assert _id(Matcher([a, b]).resolve("widget maker")) == "a"
    tie = Matcher([a, c]).resolve("widget maker")
    assert tie.status is Status.AMBIGUOUS
    assert {c.profession.id for c in tie.candidates[:2]} == {"a", "c"}


def test_close_scores_are_ambiguous_not_a_guess(m: Matcher) -> None:
    res = m.resolve("nurse practitioner licensed")
    assert res.candidates and res.candidates[0].profession.id == "nurse-practitioners"
    res = m.resolve("tru driv")
    assert res.status is not Status.MATCH or res.candidates[0].score - res.candidates[1].score >= 6


def test_short_fuzzy_query_never_guesses(m: Matcher) -> None:
    res = m.resolve("nurz")
    assert res.status is not Status.EXACT


@pytest.mark.parametrize("query", ["xyzzy", "qqqqqqqq", "", "   ", "!!!", "🙂🙂🙂"])
def test_no_match(m: Matcher, query: str) -> None:
    res = m.resolve(query)
    assert res.status is Status.NONE
    assert res.profession is None


def test_substring_hit_is_offered_not_guessed(m: Matcher) -> None:
    # "nurse" is inside the query, but the query says more than any name we know: not an
    # answer, but the nurses are offered.
    res = m.resolve("nurse working on cruise ships")
    assert res.status in (Status.AMBIGUOUS, Status.NONE)
    assert res.candidates[0].profession.id == "registered-nurses"


def test_huge_query_is_bounded(m: Matcher) -> None:
    res = m.resolve("nurse " * 2000)
    assert res.status in Status


def test_suggest_from_first_letters(m: Matcher) -> None:
    labels = [s.label for s in m.suggest("nu")]
    assert "Registered Nurses" in labels
    assert labels[0].lower().startswith("nu") or "Nurse" in labels[0]
    ids = [s.id for s in m.suggest("deb")]
    assert ids == ["bill-and-account-collectors"]
    assert m.suggest("deb")[0].label == "Debt Collector → Bill and Account Collectors"


def test_suggest_empty_prefix_lists_popular_jobs(m: Matcher) -> None:
    got = m.suggest("")
    assert 0 < len(got) <= 25
    assert got[0].id == "collections-specialist"  # curated profiles first


def test_suggest_typo_falls_back_to_fuzzy(m: Matcher) -> None:
    assert "software-developers" in [s.id for s in m.suggest("sofware")]


def test_suggest_limits(m: Matcher) -> None:
    for prefix in ["", "a", "s", "nurse", "x" * 500, "🙂"]:
        got = m.suggest(prefix)
        assert len(got) <= 25
        assert all(s.label and 1 <= len(s.id) <= 100 for s in got)  # labels: clipped per surface
        assert len({s.id for s in got}) == len(got)
    assert len(m.suggest("a", limit=3)) <= 3
