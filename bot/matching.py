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
from pathlib import Path

from rapidfuzz import fuzz, process

from .cache import DiskCache, digest
from .model import Profession

MAX_QUERY = 100  # characters of a normalised query that are ever looked at
CONFIDENT = 91.0  # fuzzy score needed to answer without asking (a pure substring hit scores 90)
MARGIN = 6.0  # ...and the lead it needs over the next profession
CUTOFF = 70.0  # below this a fuzzy hit is not a candidate at all
HINT_CUTOFF = 55.0  # looser, for "did you mean" suggestions when nothing matched
MAX_CANDIDATES = 10
MAX_TOKENS = 8  # words of a query that are looked up
SUGGEST_SCAN = 300  # alias keys per word looked at for autocomplete (strongest first)
STOP_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"})
POOL_MIN = 40  # widen the fuzzy pool to keys sharing one word less when it is this small
POOL_MAX = 400  # keys scored by the fuzzy scorer per query, at most
SUGGEST_POOL = 150  # ...and per keystroke of autocomplete, where time matters most
DISPLAY_MAX = 100  # Discord's limit for an autocomplete choice name

_WORD = re.compile(r"[a-z0-9]+")
_PAREN = re.compile(r"\(([^()]*)\)")
_SINGULAR: dict[str, str] = {}


def _singular(token: str) -> str:
    """A crude but consistent singular: the same rule runs on names and on queries."""
    done = _SINGULAR.get(token)
    if done is not None:
        return done
    word = token
    if len(token) <= 3 or token.isdigit():
        pass
    elif token.endswith("ies") and len(token) > 4:
        word = token[:-3] + "y"
    elif token.endswith("sses"):
        word = token[:-2]
    elif token.endswith("s") and not token.endswith(("ss", "us", "is")):
        word = token[:-1]
    if len(_SINGULAR) < 200_000:
        _SINGULAR[token] = word
    return word


def _normalize(text: str) -> str:
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text[: MAX_QUERY * 4])
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    if "'" in text or "’" in text or "`" in text:
        text = text.replace("'", "").replace("’", "").replace("`", "")
    if "&" in text:
        text = text.replace("&", " and ")
    known = _SINGULAR.get
    return " ".join([known(t) or _singular(t) for t in _WORD.findall(text)])[:MAX_QUERY].strip()


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Case-, accent-, punctuation- and plural-insensitive form of a name."""
    return _normalize(text[: MAX_QUERY * 4])


def name_variants(name: str) -> list[str]:
    """Keys for one name: itself, without its parentheses, and a parenthesised abbreviation.

    ``"Registered Nurse (RN)"`` gives ``registered nurse rn``, ``registered nurse`` and ``rn``.
    """
    if "(" not in name:
        key = _normalize(name)
        return [key] if key else []
    keys = [_normalize(name), _normalize(_PAREN.sub(" ", name))]
    for inner in _PAREN.findall(name):
        inner = inner.strip()
        compact = inner.replace(".", "").replace(" ", "")
        if 2 <= len(compact) <= 6 and (compact.isupper() or len(inner.split()) == 1):
            keys.append(_normalize(inner))
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


def _shorten(text: str, limit: int = DISPLAY_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Matcher:
    """Index over every title and alias of a dataset, built once.

    * ``keys``: every distinct normalised name, with the professions that own it;
    * a word index (word → keys containing it, strongest first) so that fuzzy scoring only
      ever looks at a few hundred keys that share words with the query, never all of them;
    * a sorted vocabulary for word-prefix search (autocomplete) and, bucketed by length, for
      finding the words a typo was meant to be.
    """

    def __init__(
        self,
        professions: Iterable[Profession],
        cache_size: int = 4096,
        *,
        disk: DiskCache | None = None,
        fingerprint: str = "",
    ) -> None:
        """Build the index, or load it from ``disk`` when ``fingerprint`` (a hash of the data the
        professions came from) was indexed before by this same code."""
        self.professions: tuple[Profession, ...] = tuple(professions)
        self._by_id = {p.id: i for i, p in enumerate(self.professions)}
        self._rank_key = [self._popular_first(i) for i in range(len(self.professions))]
        self._titles: list[tuple[str, int]] = [
            (normalize(p.title), i) for i, p in enumerate(self.professions)
        ]
        self._title_keys = [t for t, _ in self._titles]
        self._spaced_titles = [(" " + t, i) for t, i in self._titles]
        self._popular = sorted(range(len(self.professions)), key=self._rank_key.__getitem__)
        key = digest(fingerprint, _CODE_DIGEST, str(len(self.professions))) if fingerprint else ""
        state = disk.get("index", key) if disk is not None and key else None
        if not (isinstance(state, tuple) and len(state) == 6):
            state = self._build()
            if disk is not None and key:
                disk.put("index", key, state)
                disk.prune("index", {key})
        keys, owners, postings, words, deletes, compact = state
        self.keys: list[str] = keys
        self._owners: list[list[_OwnerData]] = owners
        self._postings: dict[str, list[int]] = postings
        self._words: list[str] = words
        self._deletes: dict[str, list[str]] = deletes
        self._compact: dict[str, int] = compact
        self._key_index = {k: n for n, k in enumerate(self.keys)}
        self.resolve = lru_cache(maxsize=cache_size)(self._resolve)  # type: ignore[method-assign]
        self._suggest_cached = lru_cache(maxsize=cache_size)(self._suggest)

    def _build(self) -> _State:
        """Every index structure, as plain data (so that it can be kept with marshal)."""
        claims: dict[str, list[_OwnerData]] = {}
        norm = _normalize
        for i, prof in enumerate(self.professions):
            names = [(prof.title, Rank.CURATED_TITLE if prof.curated else Rank.TITLE, 99)]
            alias_rank = Rank.CURATED_ALIAS if prof.curated else Rank.ALIAS
            names += [(a.name, alias_rank, a.sources) for a in prof.aliases]
            own: dict[str, _OwnerData] = {}  # this profession's best claim on each key
            for name, rank, sources in names:
                for k in name_variants(name) if "(" in name else (norm(name),):
                    mine = own.get(k)
                    if mine is None or (rank, sources) > (mine[1], mine[2]):
                        own[k] = (i, int(rank), sources, name)
            for k, owner in own.items():
                if not k:
                    continue
                shared = claims.get(k)
                if shared is None:
                    claims[k] = [owner]
                else:
                    shared.append(owner)
        dominant = {k: o if len(o) == 1 else _dominant(o) for k, o in claims.items()}
        # Keys are numbered in the order fuzzy pools prefer them: titles, then shorter keys;
        # so cutting a pool to its best POOL_MAX is a plain sort of integers.
        keys = sorted(dominant, key=lambda k: (dominant[k][0][1] < Rank.TITLE, len(k), k))
        owner_lists = [dominant[k] for k in keys]
        # A key's strength orders postings: titles, then well-sourced aliases, then aliases
        # of common jobs.
        popularity = [p.popularity for p in self.professions]
        strength = [
            (o[0][1] * 1_000 + min(o[0][2], 99)) * 10**9 + popularity[o[0][0]]
            if len(o) == 1
            else max((x[1] * 1_000 + min(x[2], 99)) * 10**9 + popularity[x[0]] for x in o)
            for o in owner_lists
        ]
        postings: dict[str, list[int]] = {}
        for n, k in enumerate(keys):
            for word in set(k.split()):
                postings.setdefault(word, []).append(n)
        for plist in postings.values():
            plist.sort(key=strength.__getitem__, reverse=True)
        words = sorted(postings)
        # One-deletion neighbourhoods (SymSpell): a typo of one letter finds its word by a
        # handful of dictionary look-ups instead of a scan of the vocabulary.
        deletes: dict[str, list[str]] = {}
        for word in words:
            if len(word) >= 4 and not word.isdigit():
                for d in {word[:j] + word[j + 1 :] for j in range(len(word))}:
                    deletes.setdefault(d, []).append(word)
        # Run-together names ("truckdriver") find their key without a fuzzy scan.
        compact: dict[str, int] = {}
        for n, k in enumerate(keys):
            compact.setdefault(k.replace(" ", ""), n)
        return keys, owner_lists, postings, words, deletes, compact

    # ------------------------------------------------------------------ helpers

    def _popular_first(self, i: int) -> tuple[int, int, str]:
        prof = self.professions[i]
        return (0 if prof.curated else 1, -prof.popularity, prof.title)

    def get(self, profession_id: str) -> Profession | None:
        i = self._by_id.get(profession_id)
        return None if i is None else self.professions[i]

    def _candidates(self, scored: Iterable[tuple[int, float]]) -> list[Candidate]:
        """Best score per profession from (key index, score) pairs, best first."""
        best: dict[int, tuple[float, int, str]] = {}
        for n, score in scored:
            for owner in self._owners[n]:
                i, rank, _, name = owner
                current = best.get(i)
                if current is None or (score, rank) > current[:2]:
                    best[i] = (score, rank, name)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], -kv[1][1], self._rank_key[kv[0]]))
        return [
            Candidate(self.professions[i], round(score, 1), name) for i, (score, _, name) in ranked
        ]

    def _prefix_words(self, prefix: str, cap: int = 60) -> list[str]:
        lo = bisect.bisect_left(self._words, prefix)
        hi = bisect.bisect_left(self._words, prefix + "\uffff", lo)
        return self._words[lo : min(hi, lo + cap)]

    def _similar_words(self, token: str) -> list[str]:
        """Vocabulary words a (possibly misspelt) token may mean: itself, or one edit away."""
        if token in self._postings:
            return [token]
        if len(token) < 4 or len(token) > 30:
            return []
        found = set(self._deletes.get(token, ()))  # the token lacks a letter
        for k in range(len(token)):
            d = token[:k] + token[k + 1 :]
            if d in self._postings:  # the token has an extra letter
                found.add(d)
            found.update(self._deletes.get(d, ()))  # a letter replaced or swapped
        return sorted(found)

    def _pool(self, tokens: Sequence[str], prefix_last: bool, size: int = POOL_MAX) -> list[int]:
        """Keys sharing the most (fuzzily matched) words with the query, a few hundred at most.

        All the work is set algebra in C over each word's postings; no loop over the keys."""
        sets: list[set[int]] = []
        tokens = [t for t in tokens if t not in STOP_WORDS] or list(tokens)  # "of": no signal
        last = min(len(tokens), MAX_TOKENS) - 1
        for j, token in enumerate(tokens[:MAX_TOKENS]):
            words = self._similar_words(token)
            if prefix_last and j == last and len(token) >= 2:
                words = words + self._prefix_words(token)
            if words:
                sets.append(set().union(*(self._postings[w] for w in words)))
        if not sets:
            return []
        sets.sort(key=len)
        pool = set.intersection(*sets)
        if len(pool) < POOL_MIN and len(sets) > 1:  # allow one word of the query to miss
            for i in range(len(sets)):
                pool |= set.intersection(*(sets[:i] + sets[i + 1 :]))
        if len(pool) < POOL_MIN and len(sets) > 2:  # a sentence: keys sharing any rarer word
            for hit in sets:  # rarest first; words as common as "and" add nothing useful
                if len(pool) + len(hit) > 2 * size:
                    break
                pool |= hit
        return sorted(pool)[:size]  # key numbers are in preference order (see _build)

    def _fuzzy(
        self,
        q: str,
        cutoff: float,
        limit: int = 60,
        prefix_last: bool = False,
        size: int = POOL_MAX,
    ) -> list[Candidate]:
        pool = self._pool(q.split(), prefix_last, size)
        hits = process.extract(
            q,
            [self.keys[n] for n in pool],
            scorer=fuzz.WRatio,
            processor=None,
            limit=limit,
            score_cutoff=cutoff,
        )
        return self._candidates((pool[pos], score) for _, score, pos in hits)

    # ------------------------------------------------------------------ public API

    def _resolve(self, query: str) -> Resolution:
        """Decide what a typed name means: exact, confident match, ambiguous or none."""
        raw = query.strip()[: MAX_QUERY * 4]
        if raw in self._by_id:  # an autocomplete value is the profession id
            prof = self.professions[self._by_id[raw]]
            return Resolution(query, Status.EXACT, (Candidate(prof, 100.0, prof.title),))
        q = normalize(raw)
        if not q:
            return Resolution(query, Status.NONE)
        n = self._key_index.get(q)
        if n is None and " " not in q:
            n = self._compact.get(q)
        if n is not None:
            exact = self._candidates([(n, 100.0)])
            if len(exact) == 1:
                return Resolution(query, Status.EXACT, tuple(exact))
            seen = {c.profession.id for c in exact}  # add near neighbours to the pick list
            exact += [c for c in self._fuzzy(q, CUTOFF) if c.profession.id not in seen]
            return Resolution(query, Status.AMBIGUOUS, tuple(exact[:MAX_CANDIDATES]))
        scored = self._fuzzy(q, HINT_CUTOFF)
        found = [c for c in scored if c.score >= CUTOFF]
        if not found:
            return Resolution(query, Status.NONE, tuple(self._hints(q, scored)))
        top = found[0].score
        runner_up = found[1].score if len(found) > 1 else 0.0
        if top >= CONFIDENT and top - runner_up >= MARGIN and len(q) >= 4:
            return Resolution(query, Status.MATCH, tuple(found[:MAX_CANDIDATES]))
        return Resolution(query, Status.AMBIGUOUS, tuple(self._pick_list(q, found)))

    def _pick_list(self, q: str, found: list[Candidate]) -> list[Candidate]:
        """Order near-ties for a person choosing: professions whose own title has every word
        of the query first, then the most common jobs (not "PE Teacher" before "Elementary
        School Teachers" just because the shorter alias scored a point higher)."""
        top = found[0].score
        near = [c for c in found if c.score >= top - 5]
        words = set(q.split())

        def order(c: Candidate) -> tuple[bool, int, str]:
            title_words = set(self._title_keys[self._by_id[c.profession.id]].split())
            return (not words <= title_words, -c.profession.popularity, c.profession.title)

        near.sort(key=order)
        return (near + found[len(near) :])[:MAX_CANDIDATES]

    def _hints(self, q: str, hints: list[Candidate]) -> list[Candidate]:
        """A few "did you mean" titles for a query that matched nothing."""
        if not hints and len(q) <= 40:  # no shared word: compare whole titles, cheaply
            found = process.extract(
                q,
                self._title_keys,
                scorer=fuzz.ratio,
                processor=None,
                limit=5,
                score_cutoff=HINT_CUTOFF,
            )
            hints = self._candidates((self._key_index[key], score) for key, score, _ in found)
        return hints[:5]

    def resolve(self, query: str) -> Resolution:  # replaced by a cached version in __init__
        return self._resolve(query)

    def suggest(self, prefix: str, limit: int = 25) -> list[Suggestion]:
        """Autocomplete: titles starting with (or containing a word starting with) the prefix,
        most common jobs first; then aliases; then fuzzy matches for typos."""
        return list(self._suggest_cached(prefix[: MAX_QUERY * 4], max(0, min(limit, 25))))

    def _suggest(self, prefix: str, limit: int) -> tuple[Suggestion, ...]:
        q = normalize(prefix)
        if not q:
            return tuple(self._suggestion(i, None) for i in self._popular[:limit])
        picked: dict[int, Suggestion] = {}
        starts: list[tuple[int, tuple[int, int, str], int]] = []
        spaced = " " + q
        for key, i in self._spaced_titles:  # exact title first, then the most common jobs
            if spaced in key:
                starts.append((0 if key == spaced else 1, self._rank_key[i], i))
        for _, _, i in sorted(starts)[:limit]:
            picked[i] = self._suggestion(i, None)
        if len(picked) < limit and len(q) >= 3:
            self._suggest_aliases(q, picked, limit)
        if len(picked) < limit and len(q) >= 3:
            fuzzy = self._fuzzy(q, 75.0, limit=limit * 2, prefix_last=True, size=SUGGEST_POOL)
            for cand in fuzzy:
                i = self._by_id[cand.profession.id]
                if i not in picked:
                    picked[i] = self._suggestion(i, cand.matched)
                if len(picked) >= limit:
                    break
        return tuple(picked.values())[:limit]

    def _suggest_aliases(self, q: str, picked: dict[int, Suggestion], limit: int) -> None:
        """Aliases containing the query at a word boundary (its last word as a prefix)."""
        *full, last = q.split()
        if any(t not in self._postings for t in full):
            return
        if full:  # keys holding every complete word; the substring test checks the rest
            rare = min(full, key=lambda t: len(self._postings[t]))
            lists = [self._postings[rare]]
        else:
            lists = [self._postings[w] for w in self._prefix_words(last)]
        spaced = " " + q
        found: list[tuple[int, int, tuple[int, int, str], int, str]] = []
        seen: set[int] = set()
        for plist in lists:
            for n in plist[:SUGGEST_SCAN]:
                if n in seen:
                    continue
                seen.add(n)
                key = self.keys[n]
                if spaced not in " " + key:
                    continue
                whole = 0 if key.startswith(q) else 1
                for i, _, sources, name in self._owners[n]:
                    if i not in picked:
                        found.append((whole, -min(sources, 3), self._rank_key[i], i, name))
        for *_, i, name in sorted(found):
            if i not in picked:
                picked[i] = self._suggestion(i, name)
                if len(picked) >= limit:
                    return

    def _suggestion(self, i: int, alias: str | None) -> Suggestion:
        prof = self.professions[i]
        if alias is None or alias == prof.title:
            return Suggestion(prof.id, _shorten(prof.title))
        return Suggestion(prof.id, _shorten(f"{alias} → {prof.title}"))


# An owner of a key: (profession position, Rank, sources, the name as written). Plain tuples,
# so that the whole index is plain data that marshal can keep.
_OwnerData = tuple[int, int, int, str]
_State = tuple[
    list[str],
    list[list[_OwnerData]],
    dict[str, list[int]],
    list[str],
    dict[str, list[str]],
    dict[str, int],
]
_CODE_DIGEST = digest(Path(__file__).read_bytes())  # a changed matcher rebuilds its index


def _dominant(owners: Sequence[_OwnerData]) -> list[_OwnerData]:
    """The owners that keep a shared key: highest rank, and among aliases the best-sourced."""
    if len(owners) == 1:
        return list(owners)
    top = max(o[1] for o in owners)
    kept = [o for o in owners if o[1] == top]
    if top == Rank.ALIAS and len(kept) > 1:
        most = max(o[2] for o in kept)
        kept = [o for o in kept if o[2] * 2 > most]
    return kept
