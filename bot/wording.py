"""Figures into sentences a careful writer would write.

Official occupation titles are plural ("Registered Nurses"); curated career profiles are
singular ("Collections Specialist"). A ``Noun`` knows which, so sentences get their articles
("a", "an", none) and verbs ("earn", "earns") right: "Registered nurses earn a mean of $101,420
a year", "A collections specialist earns an average of $35,164 a year".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Profession

# Words that keep their capital letter inside a sentence.
PROPER = frozenset({"English", "Spanish", "French", "American", "Indian", "Alaska", "Native"})
# Letters whose spoken name starts with a vowel sound (an FBI agent, an RN, a CPA).
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir", "herb")
_YOO = ("uni", "use", "usu", "uti", "uro", "ura", "ure", "uv", "ubi", "eu", "ewe")
_ONE = ("one", "once")
_QUALIFIER_HEADS = ("and ", "or ", "& ")


def article(phrase: str) -> str:
    """``a`` or ``an`` for the phrase, by the sound of its first word."""
    word = re.sub(r"^[^A-Za-z0-9]+", "", phrase).split(" ", 1)[0].split("-", 1)[0]
    if not word:
        return "a"
    if word.isupper() and len(word) > 1:  # an acronym, read letter by letter
        return "an" if word[0] in _VOWEL_LETTERS else "a"
    lower = word.lower()
    if lower[0].isdigit():
        return "an" if lower.startswith(("8", "11", "18")) else "a"
    if lower.startswith(_SILENT_H):
        return "an"
    if lower.startswith(_YOO + _ONE):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    return f"{article(phrase)} {phrase}"


def _word_case(word: str) -> str:
    if word in PROPER or (word.isupper() and len(word) > 1):
        return word
    return word.lower()


@lru_cache(maxsize=4096)
def lower_title(title: str) -> str:
    """A title as it reads inside a sentence: "Registered Nurses" → "registered nurses";
    proper nouns and acronyms keep their capitals ("English as a second language")."""
    return re.sub(r"[A-Za-z][A-Za-z']*", lambda m: _word_case(m.group(0)), title)


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _qualified(title: str) -> bool:
    """Whether the title ends with a qualifier after a comma ("Teachers, Postsecondary"), which
    then needs a closing comma before the verb; a list ("…, and Tenders") does not."""
    if ", " not in title:
        return False
    return not title.rsplit(", ", 1)[1].startswith(_QUALIFIER_HEADS)


@dataclass(frozen=True, slots=True)
class Noun:
    """How a profession is named in a sentence."""

    words: str  # as inside a sentence, without article: "registered nurses"
    plural: bool
    qualified: bool = False  # ends with a comma qualifier: close it before a verb

    @property
    def phrase(self) -> str:
        """With its article when singular: "a collections specialist", "registered nurses"."""
        return self.words if self.plural else with_article(self.words)

    @property
    def subject(self) -> str:
        """Opening a sentence, ready for its verb."""
        return capitalize(self.phrase) + ("," if self.qualified else "")

    def verb(self, plural_form: str) -> str:
        """The verb agreeing with the noun: ``earn`` → ``earns`` when singular."""
        if self.plural:
            return plural_form
        irregular = {"have": "has", "are": "is", "do": "does", "were": "was"}
        if plural_form in irregular:
            return irregular[plural_form]
        if plural_form.endswith(("s", "sh", "ch", "x", "z")):
            return plural_form + "es"
        return plural_form + "s"


def pronoun(n: Noun) -> str:
    """ "They are" / "It is", to name the noun again without repeating it."""
    return "They are" if n.plural else "It is"


def noun(p: Profession) -> Noun:
    """Curated profiles have singular titles; official occupations (and groups) plural ones."""
    return Noun(lower_title(p.title), plural=not p.curated, qualified=_qualified(p.title))


def listing(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def pay_sentence(p: Profession, yearly: str, hourly: str | None = None) -> str:
    """ "Registered nurses earn a mean of $101,420 a year ($48.76 an hour)." Curated pages give
    an average (the site's word); official figures are means."""
    n = noun(p)
    what = "an average" if p.curated else "a mean"
    text = f"{n.subject} {n.verb('earn')} {what} of {yearly} a year"
    if hourly:
        text += f" ({hourly.removesuffix('/hr')} an hour)"
    return text + "."


def more_pay_sentence(
    hi: Profession, hi_pay: str, lo: Profession, lo_pay: str, *lower: tuple[Profession, str]
) -> str:
    """ "Pharmacists earn a mean of $140,920 a year, more than registered nurses ($101,420)"
    (and than every other of ``lower``: "… and electricians ($71,490).")."""
    others = listing([f"{noun(p).phrase} ({pay})" for p, pay in ((lo, lo_pay), *lower)])
    return pay_sentence(hi, hi_pay)[:-1] + f", more than {others}."


def skills_sentence(pairs: Sequence[tuple[Profession, Sequence[str]]]) -> str:
    """ "Top skills for a collections specialist: customer service, patients and customer
    accounts; for registered nurses: …"""
    parts = [
        f"for {noun(p).phrase}: {listing([lower_title(s) for s in skills])}" for p, skills in pairs
    ]
    return "Top skills " + "; ".join(parts) + "."


_CUTS = (", Except ", ", Including ", " Except ")


def short_title(title: str, limit: int = 60) -> str:
    """A title short enough for a heading: qualifiers go first ("…, Except Technical and
    Scientific Products"), then words at the end, marked with "…"."""
    if len(title) <= limit:
        return title
    for cut in _CUTS:
        head = title.split(cut, 1)[0]
        if len(head) <= limit and head != title:
            return head + "…"
    words = title[: limit - 1].rsplit(" ", 1)[0].rstrip(",;&- ")
    return words + "…"
