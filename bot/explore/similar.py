"""Careers like one occupation: O*NET's related occupations plus the similarity of their
skill and knowledge ratings (cosine over the importance ratings the dataset keeps: each
occupation's most important skills and knowledge areas, O*NET 29.3). Each rating is weighted
by how rare it is among the occupations' top ratings (inverse document frequency), so sharing
"Medicine and Dentistry" says more than sharing "Active Listening", which most jobs rate high."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Profession
from .filters import education_rank, entry_education
from .lists import growth, listed, mean_pay

RELATED_BONUS = 0.25  # O*NET's own judgement that two occupations are related
SHOWN = 10


@dataclass(frozen=True, slots=True)
class Filters:
    pays_more: bool = False
    less_school: bool = False
    growing: bool = False


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True)
class Likeness:
    """One career like the asked one, and why."""

    profession: Profession
    score: float  # cosine similarity of the ratings, plus a bonus when O*NET relates them
    shared_skills: int
    shared_knowledge: int
    related: bool  # listed by O*NET among the asked occupation's related occupations


def _features(p: Profession) -> dict[str, float]:
    if p.skills is None:
        return {}
    feats = {f"s:{r.name}": r.importance for r in p.skills.skills if r.importance}
    feats.update({f"k:{r.name}": r.importance for r in p.skills.knowledge if r.importance})
    return feats


class Similarity:
    """Every listed occupation's ratings as IDF-weighted unit vectors, and the cosine of every
    pair (one matrix product, built at first use: about 830 × 830), so a question is one
    sorted row. numpy is imported here, never at start-up."""

    def __init__(self, professions: Sequence[Profession]) -> None:
        import numpy as np

        self._by_id = {p.id: p for p in professions}
        chosen = sorted(listed(professions), key=lambda p: (p.title, p.id))
        rated = {p.id: _features(p) for p in chosen}
        df: dict[str, int] = defaultdict(int)
        for feats in rated.values():
            for k in feats:
                df[k] += 1
        column = {k: i for i, k in enumerate(sorted(df))}
        matrix = np.zeros((len(chosen), len(column)))
        for row, feats in enumerate(rated.values()):
            for k, v in feats.items():
                matrix[row, column[k]] = v * (math.log(len(rated) / df[k]) + 1.0)
        norms = np.linalg.norm(matrix, axis=1)
        matrix /= np.where(norms > 0, norms, 1.0)[:, None]
        self._ids = [p.id for p in chosen]  # by title: ties are broken by title
        self._row = {pid: row for row, pid in enumerate(self._ids)}
        self._names = {pid: frozenset(feats) for pid, feats in rated.items()}
        self._cosines = matrix @ matrix.T

    def cosine(self, a: Profession, b: Profession) -> float:
        ra, rb = self._row.get(a.id), self._row.get(b.id)
        return 0.0 if ra is None or rb is None else float(self._cosines[ra, rb])

    def _ranked(self, p: Profession, related: set[str]) -> list[tuple[str, float]]:
        import numpy as np

        row = self._row.get(p.id)
        scores = np.zeros(len(self._ids)) if row is None else self._cosines[row].copy()
        for rid in related:
            if rid in self._row:
                scores[self._row[rid]] += RELATED_BONUS
        order = np.argsort(-scores, kind="stable")
        return [(self._ids[i], float(scores[i])) for i in order if self._ids[i] != p.id]

    def like(
        self, p: Profession, filters: Filters = NO_FILTERS, limit: int = SHOWN
    ) -> list[Likeness]:
        """The ``limit`` careers most like ``p`` that pass ``filters``, most alike first."""
        related = set(p.similar.ids if p.similar else ())
        out: list[Likeness] = []
        for other_id, score in self._ranked(p, related):
            other = self._by_id[other_id]
            if score <= 0 or _catch_all(other, other_id in related):
                continue
            if _passes(p, other, filters):
                out.append(self._likeness(p, other, score, other_id in related))
                if len(out) == limit:
                    break
        return out

    def _likeness(self, p: Profession, other: Profession, score: float, related: bool) -> Likeness:
        shared = self._names.get(p.id, frozenset()) & self._names.get(other.id, frozenset())
        skills = sum(1 for k in shared if k.startswith("s:"))
        return Likeness(other, round(score, 6), skills, len(shared) - skills, related)


def _catch_all(p: Profession, related: bool) -> bool:
    """Groups, curated profiles and "All Other" catch-alls are not careers to suggest (a
    catch-all only when O*NET itself relates it)."""
    return p.is_group or p.curated or ("All Other" in p.title and not related)


def _passes(p: Profession, other: Profession, f: Filters) -> bool:
    if f.pays_more:
        mine, theirs = mean_pay(p), mean_pay(other)
        if mine is None or theirs is None or theirs <= mine:
            return False
    if f.less_school:
        mine_r, theirs_r = (
            education_rank(entry_education(p)),
            education_rank(entry_education(other)),
        )
        if mine_r is None or theirs_r is None or theirs_r >= mine_r:
            return False
    if f.growing:
        g = growth(other)
        if g is None or g <= 0:
            return False
    return True
