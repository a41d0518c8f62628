"""Fuzzy profession matching: one index built at start-up, ``resolve()`` and ``suggest()``.

Names (titles, aliases, parenthesised abbreviations) are normalised once into *keys*. Each key
is owned by the professions that claim it, after dominance is applied: a curated profile's own
title beats an official title, which beats anyone's alias, and among aliases one listed by at
least twice as many sources wins. A key that still has several owners is ambiguous by design.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from functools import lru_cache

from rapidfuzz import fuzz, process

from .model import Profession

MAX_QUERY = 100  # characters of a normalised query that are ever looked at
CONFIDENT = 91.0  # fuzzy score needed to answer without asking (a pure substring hit scores 90)
MARGIN = 6.0  # ...and the lead it needs over the next profession
CUTOFF = 70.0  # below this a fuzzy hit is not a candidate at all
HINT_CUTOFF = 55.0  # looser, for "did you mean" suggestions when nothing matched
MAX_CANDIDATES = 10
DISPLAY_MAX = 100  # Discord's limit for an autocomplete choice name

_WORD = re.compile(r"[a-z0-9]+")
_PAREN = re.compile(r"\(([^()]*)\)")
_APOSTROPHES = str.maketrans("", "", "'’`")


def _singular(token: str) -> str:
    if len(token) <= 3 or token.isdigit():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("sses"):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Case-, accent-, punctuation- and plural-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", text[: MAX_QUERY * 4])
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(_APOSTROPHES).replace("&", " and ")
    return " ".join(_singular(t) for t in _WORD.findall(text))[:MAX_QUERY].strip()


def name_variants(name: str) -> list[str]:
    """Keys for one name: itself, without its parentheses, and a parenthesised abbreviation.

    ``"Registered Nurse (RN)"`` gives ``registered nurse rn``, ``registered nurse`` and ``rn``.
    """
    keys = [normalize(name)]
    if "(" in name:
        keys.append(normalize(_PAREN.sub(" ", name)))
        for inner in _PAREN.findall(name):
            inner = inner.strip()
            compact = inner.replace(".", "").replace(" ", "")
            if 2 <= len(compact) <= 6 and (compact.isupper() or len(inner.split()) == 1):
                keys.append(normalize(inner))
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


class Rank(IntEnum):
    """How strongly a name belongs to a profession (higher wins a shared key)."""

    ALIAS = 1
    CURATED_ALIAS = 2
    TITLE = 3
    CURATED_TITLE = 4


class Status(StrEnum):
    EXACT = "exact"  # the query is a name (or id) of exactly one profession
    MATCH = "match"  # a confident fuzzy match
    AMBIGUOUS = "ambiguous"  # several professions fit: ask
    NONE = "none"  # nothing fits


@dataclass(frozen=True, slots=True)
class Candidate:
    profession: Profession
    score: float
    matched: str  # the title or alias, as written in the data, that matched

    @property
    def via_alias(self) -> bool:
        return self.matched != self.profession.title


@dataclass(frozen=True, slots=True)
class Resolution:
    query: str
    status: Status
    candidates: tuple[Candidate, ...] = ()

    @property
    def profession(self) -> Profession | None:
        """The answer when the match is exact or confident, else None."""
        if self.status in (Status.EXACT, Status.MATCH):
            return self.candidates[0].profession
        return None


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: str
    label: str  # what a person sees: the title, or "Alias → Title"


@dataclass(slots=True)
class _Owner:
    index: int  # position of the profession in Matcher.professions
    rank: Rank
    sources: int
    name: str  # the name as written


def _shorten(text: str, limit: int = DISPLAY_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Matcher:
    """Index over every title and alias of a dataset."""

    def __init__(self, professions: Iterable[Profession]) -> None:
        self.professions: tuple[Profession, ...] = tuple(professions)
        self._by_id = {p.id: i for i, p in enumerate(self.professions)}
        claims: dict[str, list[_Owner]] = {}
        for i, prof in enumerate(self.professions):
            names = [(prof.title, Rank.CURATED_TITLE if prof.curated else Rank.TITLE, 99)]
            alias_rank = Rank.CURATED_ALIAS if prof.curated else Rank.ALIAS
            names += [(a.name, alias_rank, a.sources) for a in prof.aliases]
            for name, rank, sources in names:
                for key in name_variants(name):
                    owners = claims.setdefault(key, [])
                    mine = next((o for o in owners if o.index == i), None)
                    if mine is None:
                        owners.append(_Owner(i, rank, sources, name))
                    elif (rank, sources) > (mine.rank, mine.sources):
                        mine.rank, mine.sources, mine.name = rank, sources, name
        self.keys: list[str] = list(claims)
        self._owners: list[tuple[_Owner, ...]] = [_dominant(claims[k]) for k in self.keys]
        self._key_index = {k: n for n, k in enumerate(self.keys)}
        # The profession each title key belongs to, for the first tier of suggestions.
        self._titles: list[tuple[str, int]] = [
            (normalize(p.title), i) for i, p in enumerate(self.professions)
        ]
        order = sorted(range(len(self.professions)), key=self._popular_first)
        self._popular = order
        # Sorted word-boundary suffixes of alias keys, for prefix search by bisection.
        suffixes: list[tuple[str, int]] = []
        for n, key in enumerate(self.keys):
            if all(o.rank >= Rank.TITLE for o in self._owners[n]):
                continue
            suffixes.append((key, n))
            suffixes += [(key[m.start() :], n) for m in re.finditer(r" (?=\S)", key)]
        suffixes = [(s.lstrip(), n) for s, n in suffixes]
        suffixes.sort()
        self._suffix_text = [s for s, _ in suffixes]
        self._suffix_key = [n for _, n in suffixes]

    # ------------------------------------------------------------------ helpers

    def _popular_first(self, i: int) -> tuple[int, int, str]:
        prof = self.professions[i]
        return (0 if prof.curated else 1, -prof.popularity, prof.title)

    def get(self, profession_id: str) -> Profession | None:
        i = self._by_id.get(profession_id)
        return None if i is None else self.professions[i]

    def _candidates(self, scored: Iterable[tuple[int, float]]) -> list[Candidate]:
        """Best score per profession from (key index, score) pairs, best first."""
        best: dict[int, tuple[float, Rank, str]] = {}
        for n, score in scored:
            for owner in self._owners[n]:
                current = best.get(owner.index)
                if current is None or (score, owner.rank) > current[:2]:
                    best[owner.index] = (score, owner.rank, owner.name)
        ranked = sorted(
            best.items(), key=lambda kv: (-kv[1][0], -kv[1][1], self._popular_first(kv[0]))
        )
        return [
            Candidate(self.professions[i], round(score, 1), name) for i, (score, _, name) in ranked
        ]

    def _fuzzy(self, q: str, cutoff: float, limit: int = 60) -> list[Candidate]:
        hits = process.extract(
            q, self.keys, scorer=fuzz.WRatio, processor=None, limit=limit, score_cutoff=cutoff
        )
        return self._candidates((n, score) for _, score, n in hits)

    # ------------------------------------------------------------------ public API

    def resolve(self, query: str) -> Resolution:
        """Decide what a typed name means: exact, confident match, ambiguous or none."""
        raw = query.strip()
        if raw in self._by_id:  # an autocomplete value is the profession id
            prof = self.professions[self._by_id[raw]]
            return Resolution(query, Status.EXACT, (Candidate(prof, 100.0, prof.title),))
        q = normalize(raw)
        if not q:
            return Resolution(query, Status.NONE)
        n = self._key_index.get(q)
        if n is not None:
            exact = self._candidates([(n, 100.0)])
            status = Status.EXACT if len(exact) == 1 else Status.AMBIGUOUS
            if status is Status.AMBIGUOUS:  # add near neighbours so the pick list is useful
                seen = {c.profession.id for c in exact}
                exact += [c for c in self._fuzzy(q, CUTOFF) if c.profession.id not in seen]
            return Resolution(query, status, tuple(exact[:MAX_CANDIDATES]))
        found = self._fuzzy(q, CUTOFF)
        if not found:
            hints = self._fuzzy(q, HINT_CUTOFF, limit=20)
            return Resolution(query, Status.NONE, tuple(hints[:5]))
        top = found[0].score
        runner_up = found[1].score if len(found) > 1 else 0.0
        if top >= CONFIDENT and top - runner_up >= MARGIN and len(q) >= 4:
            return Resolution(query, Status.MATCH, tuple(found[:MAX_CANDIDATES]))
        return Resolution(query, Status.AMBIGUOUS, tuple(found[:MAX_CANDIDATES]))

    def suggest(self, prefix: str, limit: int = 25) -> list[Suggestion]:
        """Autocomplete: titles starting with (or containing a word starting with) the prefix,
        most common jobs first; then aliases; then fuzzy matches for typos."""
        limit = max(0, min(limit, 25))
        q = normalize(prefix)
        if not q:
            return [self._suggestion(i, None) for i in self._popular[:limit]]
        picked: dict[int, Suggestion] = {}
        starts: list[tuple[int, tuple[int, int, str], int]] = []
        spaced = " " + q
        for key, i in self._titles:
            if key.startswith(q):
                starts.append((0, self._popular_first(i), i))
            elif spaced in " " + key:
                starts.append((1, self._popular_first(i), i))
        for _, _, i in sorted(starts)[:limit]:
            picked[i] = self._suggestion(i, None)
        if len(picked) < limit and len(q) >= 2:
            self._suggest_aliases(q, picked, limit)
        if len(picked) < limit and len(q) >= 3:
            for cand in self._fuzzy(q, 75.0, limit=limit * 2):
                i = self._by_id[cand.profession.id]
                if i not in picked:
                    picked[i] = self._suggestion(i, cand.matched)
                if len(picked) >= limit:
                    break
        return list(picked.values())[:limit]

    def _suggest_aliases(self, q: str, picked: dict[int, Suggestion], limit: int) -> None:
        lo = bisect.bisect_left(self._suffix_text, q)
        hi = bisect.bisect_left(self._suffix_text, q + "\uffff", lo)
        found: list[tuple[tuple[int, int, tuple[int, int, str]], int, str]] = []
        for pos in range(lo, min(hi, lo + 400)):
            n = self._suffix_key[pos]
            whole = 0 if self.keys[n].startswith(q) else 1
            for owner in self._owners[n]:
                if owner.index not in picked:
                    rank = (whole, -owner.sources, self._popular_first(owner.index))
                    found.append((rank, owner.index, owner.name))
        for _, i, name in sorted(found):
            if i not in picked:
                picked[i] = self._suggestion(i, name)
                if len(picked) >= limit:
                    return

    def _suggestion(self, i: int, alias: str | None) -> Suggestion:
        prof = self.professions[i]
        if alias is None or normalize(alias) == normalize(prof.title):
            return Suggestion(prof.id, _shorten(prof.title))
        return Suggestion(prof.id, _shorten(f"{alias} → {prof.title}"))


def _dominant(owners: Sequence[_Owner]) -> tuple[_Owner, ...]:
    """The owners that keep a shared key: highest rank, and among aliases the best-sourced."""
    top = max(o.rank for o in owners)
    kept = [o for o in owners if o.rank == top]
    if top == Rank.ALIAS and len(kept) > 1:
        most = max(o.sources for o in kept)
        kept = [o for o in kept if o.sources * 2 > most]
    return tuple(kept)
