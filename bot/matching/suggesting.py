"""Suggesting: autocomplete choices for what has been typed so far."""

from __future__ import annotations

from ..names import normalize
from .index import Index
from .ranking import owners, rank
from .results import Suggestion
from .scoring import best_keys, read_query, score

SUGGEST_SCAN = 300  # alias keys per word looked at for autocomplete (strongest first)
SUGGEST_CAPS = (40, 20, 150)  # keys scored per keystroke (see scoring.score): time matters most
SUGGEST_CUTOFF = 55.0  # relevance a typo-tolerant suggestion needs
FAMILY_HEAD_IDF = 2.5  # how informative a head noun must be to offer its family ("nurse")
FAMILY_MAX = 8  # occupations of a name's family offered after it ("rn": the other nurses)
RELATED_MAX = 4  # ...and occupations O*NET relates to it


def suggest(index: Index, prefix: str, limit: int) -> tuple[Suggestion, ...]:
    """What has been typed as an exact name first ("rn", "cop", "doctor": its professions, with
    the official title) and the other occupations of its family (the other nurses); then titles
    with a word starting with it, most common jobs first; then the occupations O*NET relates to
    the name's; then other names holding it; then the most relevant names (typos, any word
    order)."""
    q = normalize(prefix)
    if not q:
        return tuple(_suggestion(index, i, None) for i in index.popular[:limit])
    picked: dict[int, Suggestion] = {}
    n = index.key_index.get(q)
    if n is not None:
        for cand in owners(index, n)[:limit]:
            i = index.by_id[cand.profession.id]
            picked[i] = _suggestion(index, i, cand.matched)
    if n is not None and picked:  # a known name ("rn", "cop", "doctor"): its family next
        _same_family(index, picked, limit)
    known_short = n is not None and len(q) <= 2  # "pa": not every title with a "pa…" word
    for i in () if known_short else index.titles_holding(" " + q, limit):
        picked.setdefault(i, _suggestion(index, i, None))  # the exact title, the most common
    if n is not None and picked:  # ...and what O*NET relates to it
        _related(index, picked, limit)
    if len(picked) < limit and (len(q) >= 3 or q in index.postings):
        _suggest_aliases(index, q, picked, limit)
    if len(picked) < limit and len(q) >= 3:
        scored = score(index, read_query(index, q, prefix_last=True), False, SUGGEST_CAPS)
        # The best ``limit`` are enough: each is picked, or was picked before (at most as many
        # as are still missing), or scores below the cutoff, like every one after it.
        for cand, _ in rank(index, best_keys(scored, limit * 3), limit):
            i = index.by_id[cand.profession.id]
            if cand.score >= SUGGEST_CUTOFF and i not in picked:
                picked[i] = _suggestion(index, i, cand.matched)
            if len(picked) >= limit:
                break
    return tuple(picked.values())[:limit]


def _related(index: Index, picked: dict[int, Suggestion], limit: int) -> None:
    """The occupations O*NET relates to the first choice ("cop": detectives, bailiffs)."""
    prof = index.professions[next(iter(picked))]
    for x in (prof.similar.ids if prof.similar else ())[:RELATED_MAX]:
        i = index.by_id.get(x)
        if i is not None and i not in picked and len(picked) < limit:
            picked[i] = _suggestion(index, i, None)


def _same_family(index: Index, picked: dict[int, Suggestion], limit: int) -> None:
    """After a known name's profession ("rn" → Registered Nurses): the occupations whose titles
    hold its head noun when that word is informative (the other nurses): those it is also the
    head noun of first, then the most common."""
    head = index.title_heads[next(iter(picked))]
    if index.idf.get(head, 0.0) < FAMILY_HEAD_IDF:  # not "specialist" or "worker"
        return
    family = index.title_words.get(head, [])
    first = [i for i in family if index.title_heads[i] == head]
    for i in (first + [i for i in family if i not in first])[:FAMILY_MAX]:
        if i not in picked and len(picked) < limit:
            picked[i] = _suggestion(index, i, None)


def _suggest_aliases(index: Index, q: str, picked: dict[int, Suggestion], limit: int) -> None:
    """Aliases containing the query at a word boundary (its last word as a prefix)."""
    *full, last = q.split()
    if any(t not in index.postings for t in full):
        return
    if full:  # keys holding every complete word; the substring test checks the rest
        rare = min(full, key=lambda t: len(index.postings[t]))
        lists = [index.postings[rare]]
    elif len(last) <= 2:  # "pa": names holding the word itself, not "package"
        lists = [index.postings.get(last, [])]
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
