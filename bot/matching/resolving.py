"""Resolving: deciding what a typed name means (exact, confident, ambiguous or none)."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from ..names import MAX_QUERY, normalize
from .index import Index
from .results import Candidate, Resolution, Status
from .scoring import candidates, fuzzy

CONFIDENT = 91.0  # fuzzy score needed to answer without asking (a pure substring hit scores 90)
MARGIN = 6.0  # ...and the lead it needs over the next profession
CUTOFF = 70.0  # below this a fuzzy hit is not a candidate at all
HINT_CUTOFF = 55.0  # looser, for "did you mean" suggestions when nothing matched
MAX_CANDIDATES = 10


def resolve(index: Index, query: str) -> Resolution:
    """Decide what a typed name means: exact, confident match, ambiguous or none."""
    raw = query.strip()[: MAX_QUERY * 4]
    if raw in index.by_id:  # an autocomplete value is the profession id
        prof = index.professions[index.by_id[raw]]
        return Resolution(query, Status.EXACT, (Candidate(prof, 100.0, prof.title),))
    q = normalize(raw)
    if not q:
        return Resolution(query, Status.NONE)
    n = index.key_index.get(q)
    if n is None and " " not in q:
        n = index.compact.get(q)
    if n is not None:
        exact = candidates(index, [(n, 100.0)])
        if len(exact) == 1:
            return Resolution(query, Status.EXACT, tuple(exact))
        seen = {c.profession.id for c in exact}  # add near neighbours to the pick list
        exact += [c for c in fuzzy(index, q, CUTOFF) if c.profession.id not in seen]
        return Resolution(query, Status.AMBIGUOUS, tuple(exact[:MAX_CANDIDATES]))
    scored = fuzzy(index, q, HINT_CUTOFF)
    found = [c for c in scored if c.score >= CUTOFF]
    if not found:
        return Resolution(query, Status.NONE, tuple(_hints(index, q, scored)))
    top = found[0].score
    runner_up = found[1].score if len(found) > 1 else 0.0
    if top >= CONFIDENT and top - runner_up >= MARGIN and len(q) >= 4:
        return Resolution(query, Status.MATCH, tuple(found[:MAX_CANDIDATES]))
    return Resolution(query, Status.AMBIGUOUS, tuple(_pick_list(index, q, found)))


def _pick_list(index: Index, q: str, found: list[Candidate]) -> list[Candidate]:
    """Order near-ties for a person choosing: professions whose own title has every word
    of the query first, then the most common jobs (not "PE Teacher" before "Elementary
    School Teachers" just because the shorter alias scored a point higher)."""
    top = found[0].score
    near = [c for c in found if c.score >= top - 5]
    words = set(q.split())

    def order(c: Candidate) -> tuple[bool, int, str]:
        title_words = set(index.title_keys[index.by_id[c.profession.id]].split())
        return (not words <= title_words, -c.profession.popularity, c.profession.title)

    near.sort(key=order)
    return (near + found[len(near) :])[:MAX_CANDIDATES]


def _hints(index: Index, q: str, hints: list[Candidate]) -> list[Candidate]:
    """A few "did you mean" titles for a query that matched nothing."""
    if not hints and len(q) <= 40:  # no shared word: compare whole titles, cheaply
        found = process.extract(
            q,
            index.title_keys,
            scorer=fuzz.ratio,
            processor=None,
            limit=5,
            score_cutoff=HINT_CUTOFF,
        )
        hints = candidates(index, ((index.key_index[key], score) for key, score, _ in found))
    return hints[:5]
