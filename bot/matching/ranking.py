"""From scored keys to ranked professions: each profession's best name, best first."""

from __future__ import annotations

from collections.abc import Iterable

from .index import Index
from .results import Candidate
from .scoring import Scored

SUPPORT_WEIGHT = 0.2  # share of a profession's relevance that is its names' joint support
AS_TYPED_SUPPORT_WEIGHT = 0.5  # ...when every word is the index's as typed (no typo read): the
# joint evidence of a profession's names is then trustworthy (O*NET's held-out titles: top-1
# 52.7 -> 54.9 %, confident-wrong 2.2 -> 0.9 %; the hand-written sets unchanged or better)


def rank(
    index: Index,
    scored: Iterable[Scored],
    limit: int = 60,
    support: dict[int, float] | None = None,
    support_weight: float = SUPPORT_WEIGHT,
) -> list[tuple[Candidate, bool]]:
    """Each profession's best-scoring name, best first, with whether that name explains the
    query's most informative word, raised by how well the profession's other names support
    the query. A title beats an alias of the same score; how common a job is only orders true
    ties."""
    best: dict[int, tuple[float, int, int, int, bool]] = {}
    extra = support or {}
    joints: dict[int, float] = {}  # each profession's share from its names' joint support
    for key, score, complete in scored:
        for i, rank_, sources, _ in index.owners[key]:
            joint = joints.get(i)
            if joint is None:
                joint = joints[i] = support_weight * (100.0 * min(1.0, extra.get(i, 0.0)))
            raw = (1 - support_weight) * score + joint
            current = best.get(i)
            if current is not None and raw < current[0] - 0.051:
                continue  # (most names: a weaker one of a profession already seen)
            value = round(raw, 1)
            if current is not None and value < current[0]:
                continue
            mine = (value, rank_, min(sources, 99), key, complete)
            if current is None or mine[:3] > current[:3]:
                best[i] = mine
    order = sorted(
        best.items(), key=lambda kv: (-kv[1][0], -kv[1][1], -kv[1][2], index.rank_key[kv[0]])
    )[:limit]
    return [(_candidate(index, i, v[3], v[0]), v[4]) for i, v in order]


def owners(index: Index, key: int, value: float = 100.0) -> list[Candidate]:
    """The professions that own a key (an exact name): "… All Other" catch-alls last, else the
    most common jobs first."""
    catch_all = index.catch_all
    found = sorted(
        index.owners[key], key=lambda o: (-o[1], -o[2], catch_all[o[0]], index.rank_key[o[0]])
    )
    return [_candidate(index, o[0], key, value) for o in found]


def _candidate(index: Index, i: int, key: int, value: float) -> Candidate:
    name = next(o[3] for o in index.owners[key] if o[0] == i)
    return Candidate(index.professions[i], value, name, index.notes.get(key))
