"""The wording module: articles, agreement and titles, over every title in the dataset."""

from __future__ import annotations

import re

import pytest

from bot import wording
from bot.answers import Answers
from bot.model import Profession

DOUBLED = re.compile(r"\b(a|an|the)\s+(a|an|the)\b", re.IGNORECASE)
A_BEFORE_VOWEL = re.compile(r"\ba ([aeiou]\w*)", re.IGNORECASE)
AN_BEFORE_CONSONANT = re.compile(r"\ban ([b-df-hj-np-tv-z]\w*)", re.IGNORECASE)
YOO = ("uni", "use", "usu", "uti", "uro", "ura", "ure", "eu", "one")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("actuary", "an"),
        ("engineer", "an"),
        ("umpire", "an"),
        ("usher", "an"),
        ("hour", "an"),
        ("honest broker", "an"),
        ("HVAC mechanic", "an"),
        ("RN", "an"),
        ("MRI technologist", "an"),
        ("CPA", "a"),
        ("university teacher", "a"),
        ("user experience designer", "a"),
        ("urologist", "a"),
        ("European", "a"),
        ("one-person shop", "a"),
        ("nurse", "a"),
        ("8-hour shift", "an"),
        ("collections specialist", "a"),
        ("loss mitigation specialist", "a"),
    ],
)
def test_article_by_sound(phrase: str, expected: str) -> None:
    assert wording.article(phrase) == expected


def test_plural_and_singular_sentences() -> None:
    nurses = Profession(id="rn", title="Registered Nurses", soc="29-1141")
    assert (
        wording.pay_sentence(nurses, "$101,420", "$48.76/hr")
        == "Registered nurses earn a mean of $101,420 a year ($48.76 an hour)."
    )
    seed = Profession(id="cs", title="Collections Specialist", curated=True)
    assert (
        wording.pay_sentence(seed, "$35,164")
        == "A collections specialist earns an average of $35,164 a year."
    )
    actuaries = Profession(id="a", title="Actuaries", soc="15-2011")
    pharm = Profession(id="p", title="Pharmacists", soc="29-1051")
    assert wording.more_pay_sentence(pharm, "$140,920", actuaries, "$130,000") == (
        "Pharmacists earn a mean of $140,920 a year, more than actuaries ($130,000)."
    )


def test_qualified_titles_close_their_comma() -> None:
    teachers = Profession(id="t", title="Special Education Teachers, Kindergarten", soc="1")
    assert wording.pay_sentence(teachers, "$1").startswith(
        "Special education teachers, kindergarten, earn"
    )
    listed = Profession(id="h", title="Heating, Air Conditioning, and Refrigeration Mechanics")
    assert wording.pay_sentence(listed, "$1").startswith(
        "Heating, air conditioning, and refrigeration mechanics earn"
    )


def test_proper_nouns_keep_capitals() -> None:
    assert wording.lower_title("English Language and Literature Teachers") == (
        "English language and literature teachers"
    )


def test_short_titles() -> None:
    long = "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific"
    short = wording.short_title(long, 60)
    assert len(short) <= 60 and short.endswith("…") and short.startswith("Sales Representatives")
    assert wording.short_title("Registered Nurses") == "Registered Nurses"
    assert all(len(wording.short_title("word " * n)) <= 60 for n in range(1, 40))


def _sentences(p: Profession, other: Profession) -> list[str]:
    n = wording.noun(p)
    return [
        wording.pay_sentence(p, "$1", "$2/hr"),
        wording.more_pay_sentence(p, "$2", other, "$1"),
        wording.more_pay_sentence(other, "$2", p, "$1"),
        wording.skills_sentence([(p, ["Speaking", "Writing"]), (other, ["Active Listening"])]),
        f"{wording.pronoun(n)} the official occupation closest to {n.phrase}.",
    ]


def _problems(text: str, plural_titles: set[str]) -> list[str]:
    found = []
    if DOUBLED.search(text):
        found.append("doubled article")
    for m in A_BEFORE_VOWEL.finditer(text):
        if not m.group(1).lower().startswith(YOO):
            found.append(f"a before a vowel: {m.group(0)}")
    for m in AN_BEFORE_CONSONANT.finditer(text):
        if not m.group(1).lower().startswith(("hour", "honest", "honor", "heir", "herb")):
            found.append(f"an before a consonant: {m.group(0)}")
    lowered = " " + text.lower()
    for title in plural_titles:
        if f" a {title}" in lowered or f" an {title}" in lowered:
            found.append(f"a/an before a plural title: {title}")
    return found


@pytest.mark.slow_data
def test_every_title_in_the_dataset_reads_right(shipped_answers: Answers) -> None:
    profs = list(shipped_answers.dataset)
    plural = {wording.lower_title(p.title).lower() for p in profs if not p.curated}
    problems = {}
    for i, p in enumerate(profs):
        other = profs[(i + 1) % len(profs)]
        sentences = _sentences(p, other)
        for text in sentences:
            found = _problems(text, plural)
            if found:
                problems[text] = found
            assert text[0].isupper() and text.endswith("."), text
        verb = " earns " if p.curated else " earn "  # agreement, where p is the subject
        assert verb in sentences[0] and verb in sentences[1], sentences[:2]
    assert not problems, list(problems.items())[:10]
    assert len(profs) >= 830
