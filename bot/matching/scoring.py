"""Scoring: which keys a query is compared with, and how well each profession fits it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from ..names import STOP_WORDS
from .index import Index
from .results import Candidate

MAX_TOKENS = 8  # words of a query that are looked up
POOL_MIN = 40  # widen the fuzzy pool to keys sharing one word less when it is this small
POOL_MAX = 400  # keys scored by the fuzzy scorer per query, at most


def candidates(index: Index, scored: Iterable[tuple[int, float]]) -> list[Candidate]:
    """Best score per profession from (key index, score) pairs, best first."""
    best: dict[int, tuple[float, int, str]] = {}
    for n, score in scored:
        for owner in index.owners[n]:
            i, rank, _, name = owner
            current = best.get(i)
            if current is None or (score, rank) > current[:2]:
                best[i] = (score, rank, name)
    rank_key = index.rank_key
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], -kv[1][1], rank_key[kv[0]]))
    return [
        Candidate(index.professions[i], round(score, 1), name) for i, (score, _, name) in ranked
    ]


def pool(index: Index, tokens: Sequence[str], prefix_last: bool, size: int = POOL_MAX) -> list[int]:
    """Keys sharing the most (fuzzily matched) words with the query, a few hundred at most.

    All the work is set algebra in C over each word's postings; no loop over the keys."""
    sets: list[set[int]] = []
    tokens = [t for t in tokens if t not in STOP_WORDS] or list(tokens)  # "of": no signal
    last = min(len(tokens), MAX_TOKENS) - 1
    for j, token in enumerate(tokens[:MAX_TOKENS]):
        words = index.similar_words(token)
        if prefix_last and j == last and len(token) >= 2:
            words = words + index.prefix_words(token)
        if words:
            sets.append(set().union(*(index.postings[w] for w in words)))
    if not sets:
        return []
    sets.sort(key=len)
    found = set.intersection(*sets)
    if len(found) < POOL_MIN and len(sets) > 1:  # allow one word of the query to miss
        for i in range(len(sets)):
            found |= set.intersection(*(sets[:i] + sets[i + 1 :]))
    if len(found) < POOL_MIN and len(sets) > 2:  # a sentence: keys sharing any rarer word
        for hit in sets:  # rarest first; words as common as "and" add nothing useful
            if len(found) + len(hit) > 2 * size:
                break
            found |= hit
    return sorted(found)[:size]  # key numbers are in preference order (see index.build)


def fuzzy(
    index: Index,
    q: str,
    cutoff: float,
    limit: int = 60,
    prefix_last: bool = False,
    size: int = POOL_MAX,
) -> list[Candidate]:
    keys = pool(index, q.split(), prefix_last, size)
    hits = process.extract(
        q,
        [index.keys[n] for n in keys],
        scorer=fuzz.WRatio,
        processor=None,
        limit=limit,
        score_cutoff=cutoff,
    )
    return candidates(index, ((keys[pos], score) for _, score, pos in hits))
