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
from typing import NamedTuple

from rapidfuzz import fuzz, process

from ..names import STOP_WORDS
from .index import Index

MAX_TOKENS = 8  # words of a query that are looked at
POSTINGS_CAP = 400  # keys holding the most informative word looked at, strongest first
OTHER_CAP = 80  # ...and keys holding each other word ("worker" is in thousands of names)
POOL_MAX = 500  # keys scored per query, at most
TYPO_ONE_EDIT = 0.85  # a word corrected by one edit counts this much (times its similarity)
TYPO_FAR = 0.75  # ...and one found further away
FAR_CUTOFF = 80  # fuzz.ratio a word further away needs
RUNNER_UP_CORRECTION = 0.8  # a correction that is not the closest one counts this much less
STEM = 0.7  # a word of the same family ("laundress" for "laundry") counts this much
PREFIX = 0.9  # a word completed from its first letters (autocomplete)
PREFIX_WORDS = 30  # completions of a last word looked at
UNEXPLAINED_COST = 0.4  # share of the score a name loses when none of its own words is asked
HEAD_WEIGHT = 0.2  # share of the score that depends on the head noun fitting
SUPPORT_K = 10.0  # names of a profession holding a query word that make half its support


@dataclass(frozen=True, slots=True)
class Query:
    """A query read as weighted words, each with the index words it may stand for."""

    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    matches: tuple[dict[str, float], ...]  # per token: index word -> how well it matches (0–1)
    informative: int  # position of the most informative word (-1 when there are none)

    ceiling: float  # the weight the best possible name could explain (see read_query)

    @property
    def total(self) -> float:
        return sum(self.weights)

    @property
    def as_typed(self) -> bool:
        """Every word is a word of the index (or a synonym of one), none read as a typo."""
        return all(m and max(m.values()) >= 1.0 for m in self.matches)


class Scored(NamedTuple):
    """One key's relevance to a query (a named tuple: hundreds are made per query)."""

    key: int
    score: float  # 0–100
    complete: bool  # it explains the query's most informative word


_SCORED = tuple.__new__  # makes a Scored from its three fields at C speed


def read_query(index: Index, text: str, prefix_last: bool = False) -> Query:
    """Weigh the words of a normalised query and find the index words each may mean."""
    tokens = [p for t in text.split() if t not in STOP_WORDS for p in _parts(index, t)]
    tokens = tokens[:MAX_TOKENS]
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
    # A word known only through its typo corrections can explain no more than its best
    # correction; a word no name has stays fully unexplained. Scores are relative to this, so
    # that a misspelt query can still be answered when one name clearly explains it best.
    best = [max(m.values(), default=1.0) for m in matches]
    ceiling = sum(w * q for w, q in zip(weights, best, strict=True))
    return Query(tuple(tokens), tuple(weights), tuple(matches), informative, ceiling)


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
            found = _closest_first(_far_words(index, token, 1 if prefix else 2))
        if not found and not prefix:  # (a word still being typed has its completions)
            found = {w: STEM for w in index.family(token)}
    if prefix and len(token) >= 2:
        for word in index.prefix_words(token, PREFIX_WORDS):
            if word not in found:
                found[word] = PREFIX
    return found


def _parts(index: Index, token: str) -> list[str]:
    """A run-together word no name has, as the two words of the index it is made of
    ("jewelsmith": jewel smith); else the word itself."""
    if len(token) < 7 or token in index.postings or token in index.synonyms:
        return [token]
    if not token.isalpha() or index.similar_words(token):
        return [token]
    for cut in range(3, len(token) - 2):
        head, tail = token[:cut], token[cut:]
        if head in index.postings and tail in index.postings:
            return [head, tail]
    return [token]


def _closest_first(found: dict[str, float]) -> dict[str, float]:
    """Of several corrections of one word, the closest keeps its weight, the others count
    less ("electrican" is "electrician" rather than "electrical")."""
    if len(found) < 2:
        return found
    best = max(found.values())
    return {w: q if q >= best else q * RUNNER_UP_CORRECTION for w, q in found.items()}


def _far_words(index: Index, token: str, reach: int) -> dict[str, float]:
    """Words two edits away, by rapidfuzz over the words of about the same length (a long
    word may have lost two letters: ``reach``). Asked only when no word is one edit away
    (``Index.similar_words`` found none), so lengths where only such a word could score
    ``FAR_CUTOFF`` are not searched (see :func:`_far_sizes`)."""
    pool: list[str] = []
    reach = reach if len(token) >= 8 else 1
    for size in _far_sizes(len(token), reach):
        pool += index.by_length.get(size, ())
    hits = process.extract(token, pool, scorer=fuzz.ratio, score_cutoff=FAR_CUTOFF, limit=3)
    return {word: TYPO_FAR * score / 100 for word, score, _ in hits}


def _far_sizes(length: int, reach: int) -> list[int]:
    """The word lengths (within ``reach`` of ``length``) where a word may score
    ``FAR_CUTOFF`` with ``fuzz.ratio`` though none is one edit away. The ratio is
    ``100 * (1 - indel / (length + size))``, with ``indel`` the letters inserted plus deleted:
    at least the difference in length, and, since no word is one edit away, at least 3 for
    words one letter longer or shorter and 4 for words as long (two letters changed)."""
    out = []
    for size in range(length - reach, length + reach + 1):
        gap = abs(size - length)
        fewest = gap if gap >= 2 else 4 - gap
        if fewest <= (1 - FAR_CUTOFF / 100) * (length + size) + 1e-9:
            out.append(size)
    return out


def score(
    index: Index,
    query: Query,
    head_fit: bool = True,
    caps: tuple[int, int, int] = (POSTINGS_CAP, OTHER_CAP, POOL_MAX),
) -> list[Scored]:
    """The keys that may explain the query, scored 0–100 relative to the best any name could
    score. ``head_fit=False`` for text still being typed, whose last word is not yet its head.

    The keys looked at: those holding the query's most informative word, plus the strongest
    few holding each other word (so that a pick list can still offer them), at most a pool's
    worth, in preference order (``caps``: keys per informative word, per other word, in
    all). All set algebra, in C; Python only scores the pool, and keys holding the same query
    words share the part of their score that depends only on those words."""
    if not query.tokens or query.ceiling <= 0:
        return []
    cap, other_cap, pool_max = caps
    lookup: dict[str, list[tuple[int, float]]] = {}  # index word -> (query word, quality)
    pool: set[int] = set()
    for j, matches in enumerate(query.matches):
        share = cap if j == query.informative else other_cap
        for word, quality in matches.items():
            lookup.setdefault(word, []).append((j, quality))
            pool.update(index.postings[word][:share])
    last = len(query.tokens) - 1
    # How well a key's head noun fits when it is this query word (1 for the query's last word).
    fits = {w: 1.0 if any(j == last for j, _ in h) else 0.5 for w, h in lookup.items()}
    holding = frozenset(lookup).intersection
    shared: dict[frozenset[str], tuple[float, float, bool]] = {}
    keys, heads, weights = index.keys, index.heads, index.weights
    out: list[Scored] = []
    append, cost, head_weight = out.append, UNEXPLAINED_COST, HEAD_WEIGHT  # (the hot loop)
    for n in sorted(pool)[:pool_max]:
        hits = holding(keys[n].split())
        part = shared.get(hits)
        if part is None:
            part = shared[hits] = _explained(index, query, lookup, hits)
        explained, own, complete = part
        weight = weights[n]
        precision = own / weight if weight > 0 and own < weight else 1.0
        value = explained * (1 - cost * (1 - precision))
        if head_fit:
            key_head = heads[n]
            value *= 1 - head_weight * (1 - (fits[key_head] if key_head in hits else 0.0))
        value *= 100.0
        append(_SCORED(Scored, (n, value if value < 100.0 else 100.0, complete)))
    return out


def _explained(
    index: Index,
    query: Query,
    lookup: dict[str, list[tuple[int, float]]],
    hits: frozenset[str],
) -> tuple[float, float, bool]:
    """What a key holding the query words ``hits`` explains: the share of the query's weight
    (each query word by its best match among them), the idf weight of those words of its own,
    and whether the query's most informative word is among what it explains."""
    best = [0.0] * len(query.tokens)
    own = 0.0
    for word in hits:
        own += index.idf[word]
        for j, quality in lookup[word]:
            if quality > best[j]:
                best[j] = quality
    explained = sum(w * q for w, q in zip(query.weights, best, strict=True)) / query.ceiling
    complete = query.informative >= 0 and best[query.informative] > 0
    return explained, own, complete


def support(index: Index, query: Query) -> dict[int, float]:
    """How much each profession's names, together, hold the query's words (0–1): each word,
    weighted by how informative it is, counts by how many of the profession's names hold it
    (saturating), so that the evidence of several names of one profession adds up."""
    out: dict[int, float] = {}
    done: list[tuple[dict[str, float], dict[int, float]]] = []  # (a word repeated: once)
    for weight, matches in zip(query.weights, query.matches, strict=True):
        if weight <= 0:
            continue
        best = next((b for m, b in done if m == matches), None)
        if best is None:
            best = _word_support(index, matches)
            done.append((matches, best))
        for i, v in best.items():
            out[i] = out.get(i, 0.0) + weight * v
    scale = 1.0 / query.ceiling if query.ceiling > 0 else 0.0
    return {i: v * scale for i, v in out.items()}


def _word_support(index: Index, matches: dict[str, float]) -> dict[int, float]:
    """For one query word: how much each profession's names hold it (its best match)."""
    best: dict[int, float] = {}
    for word, quality in matches.items():
        pairs = index.support_of(word)
        for i, c in zip(pairs[::2], pairs[1::2], strict=True):
            v = quality * c / (c + SUPPORT_K)
            if v > best.get(i, 0.0):
                best[i] = v
    return best


def best_keys(scored: Sequence[Scored], limit: int) -> list[Scored]:
    """The ``limit`` best keys, by score (key number, in preference order, breaks ties)."""
    return sorted(scored, key=lambda s: (-s.score, s.key))[:limit]
