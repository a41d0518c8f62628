"""Careers like one occupation: O*NET's related occupations plus the similarity of their
skill and knowledge ratings (O*NET 29.3's importance ratings of every skill and knowledge
element, ``data/ratings.tsv``). Each element's rating is measured against the average
occupation's (the column's z-score) before the cosine is taken, so two jobs are alike when
they stand out in the same things ("Medicine and Dentistry", "Programming"), not because
every job rates "Active Listening" high."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Profession
from ..ratings import Ratings
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
    shared_skills: int | None  # of the asked one's top ten skills (None: not rated)
    related: bool  # listed by O*NET among the asked occupation's related occupations


TOP_SKILLS = 10  # "shares 8 of its top 10 skills"


class Similarity:
    """Every listed occupation's ratings as standardised unit vectors, and the cosine of every
    pair (one matrix product at first use: about 830 × 830), so a question is one sorted row.
    numpy is imported here, never at start-up."""

    def __init__(self, professions: Sequence[Profession], ratings: Ratings) -> None:
        import numpy as np

        self._by_id = {p.id: p for p in professions}
        chosen = sorted(listed(professions), key=lambda p: (p.title, p.id))
        self._ids = [p.id for p in chosen]  # by title: ties are broken by title
        self._row = {pid: row for row, pid in enumerate(self._ids)}
        rated = [pid for pid in self._ids if pid in ratings.vectors]
        matrix = np.zeros((len(self._ids), len(ratings.elements)))
        if rated:
            raw = np.array([ratings.vectors[pid] for pid in rated], dtype=float)
            std = raw.std(axis=0)
            z = (raw - raw.mean(axis=0)) / np.where(std > 0, std, 1.0)
            norms = np.linalg.norm(z, axis=1)
            z /= np.where(norms > 0, norms, 1.0)[:, None]
            matrix[[self._row[pid] for pid in rated]] = z
        self._cosines = matrix @ matrix.T
        skills = [i for i, e in enumerate(ratings.elements) if e.startswith("Skill")]
        self._top = {
            pid: frozenset(sorted(skills, key=lambda i: -ratings.vectors[pid][i])[:TOP_SKILLS])
            for pid in rated
        }

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
        mine, theirs = self._top.get(p.id), self._top.get(other.id)
        shared = len(mine & theirs) if mine is not None and theirs is not None else None
        return Likeness(other, round(score, 6), shared, related)


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
