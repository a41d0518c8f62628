"""Plain questions in a profession option: "how much do nurses make", "salary of a plumber",
"electrician in texas", "nurse vs teacher".

:func:`parse` drops the question's own words, recognises a trailing place (kept apart for the
location answers) and notices "A vs B" (which belongs to ``/compare``). Whether a text is a
place is asked of an injectable ``is_place(text) -> bool``; the default knows US states by name
and postal code, so the parser works without any place data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

STATES = {
    "AL": "alabama", "AK": "alaska", "AZ": "arizona", "AR": "arkansas", "CA": "california",
    "CO": "colorado", "CT": "connecticut", "DE": "delaware", "DC": "district of columbia",
    "FL": "florida", "GA": "georgia", "HI": "hawaii", "ID": "idaho", "IL": "illinois",
    "IN": "indiana", "IA": "iowa", "KS": "kansas", "KY": "kentucky", "LA": "louisiana",
    "ME": "maine", "MD": "maryland", "MA": "massachusetts", "MI": "michigan",
    "MN": "minnesota", "MS": "mississippi", "MO": "missouri", "MT": "montana",
    "NE": "nebraska", "NV": "nevada", "NH": "new hampshire", "NJ": "new jersey",
    "NM": "new mexico", "NY": "new york", "NC": "north carolina", "ND": "north dakota",
    "OH": "ohio", "OK": "oklahoma", "OR": "oregon", "PA": "pennsylvania", "RI": "rhode island",
    "SC": "south carolina", "SD": "south dakota", "TN": "tennessee", "TX": "texas", "UT": "utah",
    "VT": "vermont", "VA": "virginia", "WA": "washington", "WV": "west virginia",
    "WI": "wisconsin", "WY": "wyoming", "PR": "puerto rico", "GU": "guam",
    "VI": "virgin islands",
}  # fmt: skip
_STATE_NAMES = frozenset(STATES.values())
# Postal codes that are also everyday words or job abbreviations ("PA" is a physician
# assistant, "MA" a medical assistant): a place only when written in capitals.
_WORDLIKE_CODES = frozenset(
    {"AL", "CO", "DE", "HI", "ID", "IN", "LA", "MA", "MD", "ME", "MS", "OH", "OK", "OR", "PA"}
)
_CODES = frozenset(STATES)

_VERSUS = re.compile(r"\s+(?:vs\.?|v\.?|versus|compared (?:to|with)|or)\s+", re.IGNORECASE)
_ARTICLE = r"(?:an? |the )?"
_LEADING = re.compile(
    r"^(?:(?:how much|what) (?:money )?(?:do|does|can|would|will|should) (?:an? |the )?"
    r"|how much (?:is|are) (?:an? |the )?"
    r"|what (?:is|are|'s|s) (?:the )?(?:average |typical |median |starting )?"
    r"(?:salary|salaries|pay|wages?|income|earnings)? ?(?:of|for)? ?(?:an? |the )?"
    r"|what (?:is|are|do|does) (?:an? |the )?"
    r"|what's (?:an? |the )?|whats (?:an? |the )?"
    r"|(?:the )?(?:average |typical |median |starting )?(?:salary|salaries|pay|wages?|income"
    r"|earnings) (?:of|for) (?:an? |the )?"
    r"|tell me about (?:being )?"
    + _ARTICLE
    + r"|is being "
    + _ARTICLE
    + r"|how to become "
    + _ARTICLE
    + r"|how do (?:i|you) become "
    + _ARTICLE
    + r"|how (?:long|many years) (?:does it take |do you need |will it take )?to become "
    + _ARTICLE
    + r"|what education do (?:i|you) need to (?:be|become) "
    + _ARTICLE
    + r"|(?:the )?job outlook (?:for|of) "
    + _ARTICLE
    + r"|is there (?:a )?demand for "
    + r"|(?:i want to|should i) (?:be|become) "
    + _ARTICLE
    + r")",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s+(?:(?:make|earn|get paid|get|take home|bring in|paid|do|get paid|worth it|salary"
    r"|salaries|pay|wages?|income|earnings|jobs?)\b\s*)+"
    r"(?:(?:a|an|per|each) (?:year|hour|month|week)|annually|hourly|yearly|on average)?$",
    re.IGNORECASE,
)
_PUNCTUATION = re.compile(r"[?!.]+$")


def is_us_state(text: str) -> bool:
    """A US state (or DC, Puerto Rico, Guam, the Virgin Islands) by name or postal code."""
    words = " ".join(text.replace(".", " ").split())
    if words.upper() in _CODES:
        return words.isupper() or words.upper() not in _WORDLIKE_CODES
    return words.casefold() in _STATE_NAMES


def _never(text: str) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class PlaceCheck:
    """Whether a question's trailing words name a place; called like ``is_place``.

    After "in", "near", "at" or a comma, ``is_place`` decides, typos included ("nurse in
    dalas"). Bare trailing words ("nurse dalas", "insurance sales") are a place when
    ``is_known_place`` knows them as written, or when they are a typo of one and not all words
    of professions' names (``is_name_words``): "sales", "care" or "work" end a job's name, they
    are no misspelt Salem, Cary or York. Without ``is_known_place``, ``is_place`` decides."""

    is_place: Callable[[str], bool] = is_us_state
    is_known_place: Callable[[str], bool] | None = None  # a place as written, no typos
    is_name_words: Callable[[str], bool] = _never

    def __call__(self, text: str) -> bool:
        return self.is_place(text)

    def bare(self, text: str) -> bool:
        """Whether trailing words with nothing before them name a place."""
        if self.is_known_place is None:
            return self.is_place(text)
        if self.is_known_place(text):
            return True
        return not self.is_name_words(text) and self.is_place(text)


@dataclass(frozen=True, slots=True)
class Question:
    text: str  # as typed
    profession: str  # the profession part, question words dropped
    place: str | None = None  # a trailing place, as typed ("texas", "Denver")
    versus: tuple[str, str] | None = None  # "A vs B": two professions to compare

    @property
    def changed(self) -> bool:
        return self.profession != self.text.strip() or self.place is not None


def parse(text: str, is_place: Callable[[str], bool] | PlaceCheck = is_us_state) -> Question:
    """The profession, the place and the comparison a typed question asks about."""
    check = is_place if isinstance(is_place, PlaceCheck) else PlaceCheck(is_place)
    clean = _PUNCTUATION.sub("", " ".join(text.split()))
    sides = _VERSUS.split(clean, maxsplit=1)
    if len(sides) == 2 and all(_words(s) for s in sides):
        left, right = (_strip(s) for s in sides)
        if left and right:
            return Question(text, clean, None, (left, right))
    body, place = _split_place(_strip(clean), check)
    return Question(text, _strip(body) or body, place)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _strip(text: str) -> str:
    """Drop the question's own words at the start and the end."""
    before = None
    while before != text:
        before = text
        text = _LEADING.sub("", text).strip(" ,")
        text = _TRAILING.sub("", text).strip(" ,")
    return text


def _split_place(text: str, check: PlaceCheck) -> tuple[str, str | None]:
    """``"electrician in texas"`` → ``("electrician", "texas")``; no place → ``(text, None)``."""
    for sep in (" in ", " near ", " around ", ", ", " at "):
        head, found, tail = text.rpartition(sep)
        if not found or not head.strip():
            continue
        tail = _TRAILING.sub("", tail).strip(" ,")
        if tail and check(tail):
            return head.strip(" ,"), tail
    words = text.split()
    for size in (3, 2, 1):  # "nurse new york", "welder TX"
        if len(words) > size and check.bare(" ".join(words[-size:])):
            return " ".join(words[:-size]), " ".join(words[-size:])
    return text, None
