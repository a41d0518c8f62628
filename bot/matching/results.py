"""What the matcher answers: a resolution (status and candidates) or autocomplete suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..model import Profession


class Status(StrEnum):
    EXACT = "exact"  # the query is a name (or id) of exactly one profession
    MATCH = "match"  # a confident fuzzy match
    AMBIGUOUS = "ambiguous"  # several professions fit: ask
    NONE = "none"  # nothing fits


@dataclass(frozen=True, slots=True)
class Candidate:
    profession: Profession
    score: float
    matched: str  # the title or alias, as written in the data, that matched
    note: str | None = None  # the vocabulary's remark, e.g. "no official occupation; closest: …"

    @property
    def via_alias(self) -> bool:
        return self.matched != self.profession.title


@dataclass(frozen=True, slots=True)
class Resolution:
    query: str
    status: Status
    candidates: tuple[Candidate, ...] = ()
    place: str | None = None  # a trailing place the question named ("texas"), as typed
    versus: tuple[str, str] | None = None  # "A vs B" typed where one profession was asked

    @property
    def profession(self) -> Profession | None:
        """The answer when the match is exact or confident, else None."""
        if self.status in (Status.EXACT, Status.MATCH):
            return self.candidates[0].profession
        return None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One autocomplete choice. ``label`` is unbounded: each surface clips it to its limit."""

    id: str
    label: str  # what a person sees: the title, or "Alias → Title"
