"""What a list can be filtered by: typical entry education (BLS's own eight categories) and
field (a SOC major group, such as "Computer and Mathematical Occupations")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Profession
from ..names import normalize

# BLS Employment Projections, "typical education needed for entry", lowest first.
EDUCATION_LEVELS: tuple[str, ...] = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)

# Short forms people type, by the category they mean.
_SHORT: dict[str, tuple[str, ...]] = {
    EDUCATION_LEVELS[0]: ("none", "no degree", "no credential", "no formal education"),
    EDUCATION_LEVELS[1]: ("high school", "hs", "ged", "diploma", "high school diploma"),
    EDUCATION_LEVELS[2]: ("some college",),
    EDUCATION_LEVELS[3]: ("postsecondary", "certificate", "nondegree", "nondegree award"),
    EDUCATION_LEVELS[4]: ("associate", "associates", "associate degree"),
    EDUCATION_LEVELS[5]: ("bachelor", "bachelors", "bachelor degree", "ba", "bs", "college"),
    EDUCATION_LEVELS[6]: ("master", "masters", "master degree", "ma", "ms"),
    EDUCATION_LEVELS[7]: ("doctoral", "doctorate", "phd", "professional", "professional degree"),
}
_BY_NAME: dict[str, str] = {
    normalize(form): level
    for level, short in _SHORT.items()
    for form in (level, *short, level.replace("'", ""))
}


def education_level(text: str) -> str | None:
    """BLS's category for what was typed ("bachelor's degree", "Bachelors", "hs"), or None."""
    return _BY_NAME.get(normalize(text))


def education_rank(level: str | None) -> int | None:
    """Position of a category, lowest first (None when unknown)."""
    return EDUCATION_LEVELS.index(level) if level in EDUCATION_LEVELS else None


def entry_education(p: Profession) -> str | None:
    return p.outlook.entry_education if p.outlook else None


@dataclass(frozen=True, slots=True)
class Field:
    """A SOC major group: its two-digit code and its title."""

    code: str  # "15"
    title: str  # "Computer and Mathematical Occupations"

    def holds(self, p: Profession) -> bool:
        return bool(p.soc) and str(p.soc).startswith(self.code + "-")


def fields(professions: Iterable[Profession]) -> tuple[Field, ...]:
    """The SOC major groups in the dataset (its group entries coded NN-0000), by code."""
    found = {
        str(p.soc)[:2]: Field(str(p.soc)[:2], p.title)
        for p in professions
        if p.is_group and p.soc and str(p.soc).endswith("-0000")
    }
    return tuple(found[code] for code in sorted(found))


def _plain(text: str) -> str:
    return normalize(text).removesuffix(" occupation")


def find_field(text: str, known: Iterable[Field]) -> Field | None:
    """The field named by ``text``: its code ("15", "15-0000"), its title, or a word of it
    ("computer", "healthcare practitioners"); None when nothing fits."""
    want = _plain(text)
    if not want:
        return None
    known = tuple(known)
    for f in known:
        if want in (f.code, f"{f.code} 0000", _plain(f.title)):
            return f
    words = set(want.split())
    hits = [f for f in known if words <= set(_plain(f.title).split())]
    return hits[0] if len(hits) == 1 else None
