"""Scoring: how well each name explains a query, most informative words first.

A query is read as words, each weighted by how informative it is across all names (``idf``:
"hvac" or "kindergarten" weigh several times "worker", "technician" or "specialist"). A name
scores by the share of the query's weight it explains (a word matched only through a typo
correction counts for less), less a cost for its own words the query leaves unexplained, and
more when its head noun ("driver" in "bus driver") is the query's. Popularity never adds to a
score: it only orders true ties. rapidfuzz measures how close a misspelt word is to a real one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..names import STOP_WORDS
from .index import Index

MAX_TOKENS = 8  # words of a query that are looked at
POSTINGS_CAP = 1500  # keys per word looked at, strongest first ("worker" is in thousands)
TYPO_ONE_EDIT = 0.85  # a word corrected by one edit counts this much (times its similarity)
TYPO_FAR = 0.75  # ...and one found further away
RUNNER_UP_CORRECTION = 0.8  # a correction that is not the closest one counts this much less
PREFIX = 0.9  # a word completed from its first letters (autocomplete)
PREFIX_WORDS = 30  # completions of a last word looked at
UNEXPLAINED_COST = 0.4  # share of the score a name loses when none of its own words is asked
HEAD_WEIGHT = 0.2  # share of the score that depends on the head noun fitting


@dataclass(frozen=True, slots=True)
class Query:
    """A query read as weighted words, each with the index words it may stand for."""

    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    matches: tuple[dict[str, float], ...]  # per token: index word -> how well it matches (0–1)
    informative: int  # position of the most informative word (-1 when there are none)

    @property
    def total(self) -> float:
        return sum(self.weights)

    @property
    def ceiling(self) -> float:
        """The weight the best possible name could explain: a word known only through its
        typo corrections can explain no more than its best correction; a word no name has
        stays fully unexplained. Scores are relative to this, so that a misspelt query can
        still be answered confidently when one name clearly explains it best."""
        best = (max(m.values(), default=1.0) for m in self.matches)
        return sum(w * q for w, q in zip(self.weights, best, strict=True))


@dataclass(frozen=True, slots=True)
class Scored:
    """One key's relevance to a query."""

    key: int
    score: float  # 0–100
    complete: bool  # it explains the query's most informative word


def read_query(index: Index, text: str, prefix_last: bool = False) -> Query:
    """Weigh the words of a normalised query and find the index words each may mean."""
    tokens = [t for t in text.split() if t not in STOP_WORDS][:MAX_TOKENS]
    weights: list[float] = []
    matches: list[dict[str, float]] = []
    for j, token in enumerate(tokens):
        found = _word_matches(index, token, prefix_last and j == len(tokens) - 1)
        matches.append(found)
        if token in index.idf:
            weights.append(index.idf[token])
        elif found:
            weights.append(max(index.idf[w] for w in found))
        else:
            weights.append(index.unknown_weight)  # a word no name has: informative, unexplained
    informative = max(range(len(tokens)), key=weights.__getitem__) if tokens else -1
    return Query(tuple(tokens), tuple(weights), tuple(matches), informative)


def _word_matches(index: Index, token: str, prefix: bool) -> dict[str, float]:
    """Index words a query word may stand for: itself, its typo corrections, its completions."""
    synonyms = index.synonyms.get(token)
    if token in index.postings or synonyms:
        found = {token: 1.0} if token in index.postings else {}
        found.update((w, 1.0) for w in synonyms or ())
    else:
        near = index.similar_words(token)
        found = _closest_first({w: TYPO_ONE_EDIT * fuzz.ratio(token, w) / 100 for w in near})
        if not found and len(token) >= 6:
            found = _closest_first(_far_words(index, token))
    if prefix and len(token) >= 2:
        for word in index.prefix_words(token, PREFIX_WORDS):
            if word not in found:
                found[word] = PREFIX
    return found


def _closest_first(found: dict[str, float]) -> dict[str, float]:
    """Of several corrections of one word, the closest keeps its weight, the others count
    less ("electrican" is "electrician" rather than "electrical")."""
    if len(found) < 2:
        return found
    best = max(found.values())
    return {w: q if q >= best else q * RUNNER_UP_CORRECTION for w, q in found.items()}


def _far_words(index: Index, token: str) -> dict[str, float]:
    """Words two edits away, by rapidfuzz over the words of about the same length."""
    pool: list[str] = []
    for size in (len(token) - 1, len(token), len(token) + 1):
        pool += index.by_length.get(size, ())
    hits = process.extract(token, pool, scorer=fuzz.ratio, score_cutoff=80, limit=3)
    return {word: TYPO_FAR * score / 100 for word, score, _ in hits}


def score(
    index: Index, query: Query, cap: int = POSTINGS_CAP, head_fit: bool = True
) -> list[Scored]:
    """Every key sharing a (possibly corrected) word with the query, scored 0–100 relative to
    the best any name could score. ``head_fit=False`` for text still being typed, whose last
    word is not yet its head noun."""
    if not query.tokens or query.ceiling <= 0:
        return []
    explained: dict[int, float] = {}  # the query's weight each key explains
    own: dict[int, float] = {}  # the key's own weight the query explains
    head: dict[int, float] = {}
    complete: set[int] = set()
    last = len(query.tokens) - 1
    postings, idf, heads = index.postings, index.idf, index.heads
    for j, (weight, matches) in enumerate(zip(query.weights, query.matches, strict=True)):
        best: dict[int, tuple[float, str]] = {}
        for word, quality in matches.items():
            for n in postings[word][:cap]:
                if n not in best or best[n][0] < quality:
                    best[n] = (quality, word)
        for n, (quality, word) in best.items():
            explained[n] = explained.get(n, 0.0) + weight * quality
            own[n] = own.get(n, 0.0) + idf[word]
            if word == heads[n] or not head_fit:
                head[n] = max(head.get(n, 0.0), 1.0 if j == last else 0.5)
        if j == query.informative:
            complete.update(best)
    total, weights = query.ceiling, index.weights
    out: list[Scored] = []
    for n, got in explained.items():
        precision = min(1.0, own[n] / weights[n]) if weights[n] > 0 else 1.0
        value = (got / total) * (1 - UNEXPLAINED_COST * (1 - precision))
        value *= 1 - HEAD_WEIGHT * (1 - head.get(n, 0.0))
        out.append(Scored(n, min(100.0, 100.0 * value), n in complete))
    return out


def best_keys(scored: Sequence[Scored], limit: int) -> list[Scored]:
    """The ``limit`` best keys, by score (key number, in preference order, breaks ties)."""
    return sorted(scored, key=lambda s: (-s.score, s.key))[:limit]
