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
    """An inverted index of every listed occupation's ratings, built once (about 830
    occupations × 16 ratings), so one question scores only the occupations that share a
    rating with the asked one."""

    def __init__(self, professions: Sequence[Profession]) -> None:
        self._by_id = {p.id: p for p in professions}
        self._feats: dict[str, dict[str, float]] = {}
        self._postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
        rated = {p.id: _features(p) for p in listed(professions)}
        df: dict[str, int] = defaultdict(int)
        for feats in rated.values():
            for k in feats:
                df[k] += 1
        idf = {k: math.log(len(rated) / n) + 1.0 for k, n in df.items()}
        for pid, raw in rated.items():
            feats = {k: v * idf[k] for k, v in raw.items()}
            norm = math.sqrt(sum(v * v for v in feats.values()))
            if not norm:
                continue
            self._feats[pid] = {k: v / norm for k, v in feats.items()}
            for k, v in self._feats[pid].items():
                self._postings[k].append((pid, v))

    def cosine(self, a: Profession, b: Profession) -> float:
        fa, fb = self._feats.get(a.id, {}), self._feats.get(b.id, {})
        return sum(v * fb[k] for k, v in fa.items() if k in fb)

    def _scores(self, p: Profession) -> dict[str, float]:
        scores: dict[str, float] = defaultdict(float)
        for k, v in self._feats.get(p.id, {}).items():
            for other, w in self._postings[k]:
                scores[other] += v * w
        scores.pop(p.id, None)
        return scores

    def like(
        self, p: Profession, filters: Filters = NO_FILTERS, limit: int = SHOWN
    ) -> list[Likeness]:
        """The ``limit`` careers most like ``p`` that pass ``filters``, most alike first."""
        related = set(p.similar.ids if p.similar else ())
        scores = self._scores(p)
        for rid in related:
            if rid in self._by_id and rid != p.id:
                scores[rid] = scores.get(rid, 0.0) + RELATED_BONUS
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self._by_id[kv[0]].title))
        out: list[Likeness] = []
        for other_id, score in ranked:
            other = self._by_id[other_id]
            if _catch_all(other, other_id in related) or not _passes(p, other, filters):
                continue
            out.append(self._likeness(p, other, score, other_id in related))
            if len(out) == limit:
                break
        return out

    def _likeness(self, p: Profession, other: Profession, score: float, related: bool) -> Likeness:
        mine, theirs = _features(p), _features(other)
        skills = sum(1 for k in mine if k.startswith("s:") and k in theirs)
        knowledge = sum(1 for k in mine if k.startswith("k:") and k in theirs)
        return Likeness(other, round(score, 6), skills, knowledge, related)


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
