"""Resolving: deciding what a typed name means (exact, confident, ambiguous or none).

* A name or id of exactly one profession is **exact**; a name several own asks, with them.
* Otherwise names are scored for relevance (:mod:`.scoring`). The best answers without asking
  only when it scores high, clearly ahead of the next profession, and explains the query's
  most informative word.
* Else a **pick list** as a person would write it: the professions that explain the query about
  as well as the best one, most relevant first, at most ten; never a list of one (that one is
  the answer when it explains the informative word, else a "did you mean"). A profession's
  relevance is its best name's, raised by how well its other names support the query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rapidfuzz import fuzz, process

from ..names import MAX_QUERY, normalize
from .index import Index
from .questions import is_us_state, parse
from .ranking import AS_TYPED_SUPPORT_WEIGHT, SUPPORT_WEIGHT, owners, rank
from .results import Candidate, Resolution, Status
from .scoring import read_query, score, support

CONFIDENT = 80.0  # relevance (0–100) needed to answer without asking
MARGIN = 8.0  # ...and the lead it needs over the next profession
CUTOFF = 30.0  # below this a name is not a candidate at all
SPREAD = 30.0  # a pick list holds the professions within this of the best
LONE = 70.0  # a pick list of one is the answer from this relevance on
HINT_CUTOFF = 55.0  # rapidfuzz similarity of whole titles for "did you mean" hints
MAX_CANDIDATES = 10


def resolve(index: Index, query: str, is_place: Callable[[str], bool] = is_us_state) -> Resolution:
    """Decide what a typed name (or plain question) means: exact, confident, ambiguous or none."""
    raw = query.strip()[: MAX_QUERY * 4]
    if raw in index.by_id:  # an autocomplete value is the profession id
        prof = index.professions[index.by_id[raw]]
        return Resolution(query, Status.EXACT, (Candidate(prof, 100.0, prof.title),))
    q = normalize(raw)
    if not q:
        return Resolution(query, Status.NONE)
    exact = _exact(index, query, q)
    if exact is not None:
        return exact
    asked = parse(raw, is_place)
    if asked.versus is not None:
        return Resolution(query, Status.NONE, versus=asked.versus)
    if asked.changed:
        q = normalize(asked.profession)
        if not q:
            return Resolution(query, Status.NONE, place=asked.place)
        found = _exact(index, query, q) or _by_relevance(index, query, q)
        return replace(found, place=asked.place)
    return _by_relevance(index, query, q)


def _exact(index: Index, query: str, q: str) -> Resolution | None:
    """The professions that own the name exactly, if it is one."""
    n = index.key_index.get(q)
    if n is None and " " not in q:
        n = index.compact.get(q)
    if n is None:
        return None
    exact = owners(index, n)
    status = Status.EXACT if len(exact) == 1 else Status.AMBIGUOUS
    return Resolution(query, status, tuple(exact[:MAX_CANDIDATES]))


def _by_relevance(index: Index, query: str, q: str) -> Resolution:
    read = read_query(index, q)
    weight = AS_TYPED_SUPPORT_WEIGHT if read.as_typed else SUPPORT_WEIGHT
    # (the best ten are all an answer, a pick list or "did you mean" hints ever show)
    ranked = rank(index, score(index, read), MAX_CANDIDATES, support(index, read), weight)
    found = [(c, complete) for c, complete in ranked if c.score >= CUTOFF]
    if not found:
        return Resolution(query, Status.NONE, tuple(_hints(index, q, [c for c, _ in ranked])))
    top, top_complete = found[0]
    runner_up = found[1][0].score if len(found) > 1 else 0.0
    if top_complete and top.score >= CONFIDENT and top.score - runner_up >= MARGIN:
        return Resolution(query, Status.MATCH, tuple(c for c, _ in found[:MAX_CANDIDATES]))
    picks = [c for c, _ in found if c.score >= top.score - SPREAD][:MAX_CANDIDATES]
    if len(picks) > 1:
        return Resolution(query, Status.AMBIGUOUS, tuple(picks))
    if top_complete and top.score >= LONE:  # the answer; the others as its runners-up
        return Resolution(query, Status.MATCH, tuple(c for c, _ in found[:MAX_CANDIDATES]))
    return Resolution(query, Status.NONE, tuple(_hints(index, q, [c for c, _ in ranked])))


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
        hints = [_title(index, pos, s) for _, s, pos in found]
    return hints[:5]


def _title(index: Index, pos: int, value: float) -> Candidate:
    prof = index.professions[index.titles[pos][1]]
    return Candidate(prof, round(value, 1), prof.title)
