"""Suggesting: autocomplete choices for what has been typed so far."""

from __future__ import annotations

from ..names import normalize
from .index import Index
from .results import Suggestion
from .scoring import fuzzy

SUGGEST_SCAN = 300  # alias keys per word looked at for autocomplete (strongest first)
SUGGEST_POOL = 150  # keys scored per keystroke, where time matters most


def suggest(index: Index, prefix: str, limit: int) -> tuple[Suggestion, ...]:
    """Titles starting with (or containing a word starting with) the prefix, most common jobs
    first; then aliases; then fuzzy matches for typos."""
    q = normalize(prefix)
    if not q:
        return tuple(_suggestion(index, i, None) for i in index.popular[:limit])
    picked: dict[int, Suggestion] = {}
    starts: list[tuple[int, tuple[int, int, str], int]] = []
    spaced = " " + q
    for key, i in index.spaced_titles:  # exact title first, then the most common jobs
        if spaced in key:
            starts.append((0 if key == spaced else 1, index.rank_key[i], i))
    for _, _, i in sorted(starts)[:limit]:
        picked[i] = _suggestion(index, i, None)
    if len(picked) < limit and len(q) >= 3:
        _suggest_aliases(index, q, picked, limit)
    if len(picked) < limit and len(q) >= 3:
        found = fuzzy(index, q, 75.0, limit=limit * 2, prefix_last=True, size=SUGGEST_POOL)
        for cand in found:
            i = index.by_id[cand.profession.id]
            if i not in picked:
                picked[i] = _suggestion(index, i, cand.matched)
            if len(picked) >= limit:
                break
    return tuple(picked.values())[:limit]


def _suggest_aliases(index: Index, q: str, picked: dict[int, Suggestion], limit: int) -> None:
    """Aliases containing the query at a word boundary (its last word as a prefix)."""
    *full, last = q.split()
    if any(t not in index.postings for t in full):
        return
    if full:  # keys holding every complete word; the substring test checks the rest
        rare = min(full, key=lambda t: len(index.postings[t]))
        lists = [index.postings[rare]]
    else:
        lists = [index.postings[w] for w in index.prefix_words(last)]
    spaced = " " + q
    found: list[tuple[int, int, tuple[int, int, str], int, str]] = []
    seen: set[int] = set()
    for plist in lists:
        for n in plist[:SUGGEST_SCAN]:
            if n in seen:
                continue
            seen.add(n)
            key = index.keys[n]
            if spaced not in " " + key:
                continue
            whole = 0 if key.startswith(q) else 1
            for i, _, sources, name in index.owners[n]:
                if i not in picked:
                    found.append((whole, -min(sources, 3), index.rank_key[i], i, name))
    for *_, i, name in sorted(found):
        if i not in picked:
            picked[i] = _suggestion(index, i, name)
            if len(picked) >= limit:
                return


def _suggestion(index: Index, i: int, alias: str | None) -> Suggestion:
    prof = index.professions[i]
    if alias is None or alias == prof.title:
        return Suggestion(prof.id, prof.title)
    return Suggestion(prof.id, f"{alias} → {prof.title}")
