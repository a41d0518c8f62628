"""The index: every title and alias of a dataset as normalised keys, built once per data version.

Each key is owned by the professions that claim it, after dominance is applied: a curated
profile's own title beats an official title, which beats anyone's alias, and among aliases one
listed by at least twice as many sources wins. A key that still has several owners is ambiguous
by design. The built structures are plain data, kept in the start-up cache (``DiskCache``)
under a digest of the data and of this package's code.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterable, Sequence
from enum import IntEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import names
from ..cache import DiskCache, digest
from ..model import Profession
from ..names import STOP_WORDS, head_word, name_variants, normalize, normalize_name
from .vocabulary import EMPTY, Entry, Vocabulary, VocabularyError, in_group


class Rank(IntEnum):
    """How strongly a name belongs to a profession (higher wins a shared key)."""

    ALIAS = 1
    CURATED_ALIAS = 2
    SHORT_TITLE = 3  # a title before its comma: "Dentists" of "Dentists, General"
    VOCABULARY = 4  # a curated everyday name (data/vocabulary.yaml): beats aliases, not titles
    GROUP_TITLE = 5  # an occupation group's title yields to an occupation of the same title
    TITLE = 6
    CURATED_TITLE = 7


# An owner of a key: (profession position, Rank, sources, the name as written). Plain tuples,
# so that the whole index is plain data that marshal can keep.
OwnerData = tuple[int, int, int, str]
State = tuple[
    list[str],  # keys
    list[list[OwnerData]],  # owners of each key
    dict[str, list[int]],  # postings: word -> keys holding it, strongest first
    list[str],  # words, sorted
    dict[str, list[str]],  # one-deletion neighbourhoods of the words
    dict[str, int],  # run-together keys -> key
    dict[str, float],  # word -> how informative it is (inverse document frequency)
    list[str],  # head noun of each key
    list[float],  # each key's total word weight
    dict[int, str],  # key -> the vocabulary's note ("no official occupation; closest: …")
    dict[str, list[str]],  # word -> the words it is short for ("rep" -> "representative")
    dict[str, bytes],  # word -> (profession, how many of its names hold the word) pairs, uint16
]
STATE_SIZE = 12
_CODE_DIGEST = digest(
    *(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py"))),
    Path(names.__file__).read_bytes(),
)  # a changed matcher (or a changed normalising) rebuilds its index


class Index:
    """Every structure the matcher reads, built once.

    * ``keys``: every distinct normalised name, with the professions that own it;
    * a word index (word → keys containing it, strongest first) so that scoring only ever
      looks at the keys that share words with the query, never all of them;
    * how informative each word is (rare words like "hvac" weigh most), each key's head noun
      and total weight, for relevance scoring;
    * a sorted word list for word-prefix search (autocomplete) and one-deletion
      neighbourhoods for finding the word a typo was meant to be.
    """

    def __init__(
        self,
        professions: Iterable[Profession],
        *,
        vocabulary: Vocabulary = EMPTY,
        disk: DiskCache | None = None,
        fingerprint: str = "",
    ) -> None:
        self.professions: tuple[Profession, ...] = tuple(professions)
        self.by_id = {p.id: i for i, p in enumerate(self.professions)}
        self.rank_key = [self._popular_first(i) for i in range(len(self.professions))]
        self.titles: list[tuple[str, int]] = [
            (normalize(p.title), i) for i, p in enumerate(self.professions)
        ]
        self.title_keys = [t for t, _ in self.titles]
        self.spaced_titles = [(" " + t, i) for t, i in self.titles]
        self.popular = sorted(range(len(self.professions)), key=self.rank_key.__getitem__)
        self.catch_all = [p.title.endswith("All Other") for p in self.professions]
        state = self._load(vocabulary, disk, fingerprint)
        keys, owners, postings, words, deletes, compact, idf, heads, weights, notes = state[:10]
        short, self.support = state[10], state[11]
        self.keys: list[str] = keys
        self.owners: list[list[OwnerData]] = owners
        self.postings: dict[str, list[int]] = postings
        self.words: list[str] = words
        self.deletes: dict[str, list[str]] = deletes
        self.compact: dict[str, int] = compact
        self.idf: dict[str, float] = idf
        self.heads: list[str] = heads
        self.weights: list[float] = weights
        self.notes: dict[int, str] = notes
        self.synonyms: dict[str, list[str]] = short
        self.key_index = {k: n for n, k in enumerate(self.keys)}
        self.unknown_weight = max(idf.values(), default=1.0)  # a word no name has
        self.by_length: dict[int, list[str]] = {}
        for word in words:
            if len(word) >= 5 and word.isalpha():
                self.by_length.setdefault(len(word), []).append(word)

    def _load(self, vocabulary: Vocabulary, disk: DiskCache | None, fingerprint: str) -> State:
        """The built state from ``disk`` when this data was indexed before by this code."""
        key = ""
        if fingerprint:
            words = (vocabulary.fingerprint,) if vocabulary.fingerprint else ()
            key = digest(fingerprint, *words, _CODE_DIGEST, str(len(self.professions)))
        n = len(self.professions)
        state = disk.get("index", key, lambda s: valid_state(s, n)) if disk and key else None
        if state is not None:
            return state  # type: ignore[no-any-return]
        state = build(self.professions, vocabulary)
        if disk is not None and key:
            disk.put("index", key, state)
            disk.prune("index", {key})
        return state

    def _popular_first(self, i: int) -> tuple[int, int, str]:
        prof = self.professions[i]
        return (0 if prof.curated else 1, -prof.popularity, prof.title)

    def prefix_words(self, prefix: str, cap: int = 60) -> list[str]:
        lo = bisect.bisect_left(self.words, prefix)
        hi = bisect.bisect_left(self.words, prefix + "\uffff", lo)
        return self.words[lo : min(hi, lo + cap)]

    @cached_property
    def title_words(self) -> dict[str, list[int]]:
        """Word of an occupation's title -> the occupations (not groups, not "All Other"
        catch-alls), most common first: the families autocomplete offers ("nurse")."""
        out: dict[str, list[int]] = {}
        for i in self.popular:
            prof = self.professions[i]
            if not prof.is_group and not self.catch_all[i]:
                for word in dict.fromkeys(self.title_keys[i].split()):
                    out.setdefault(word, []).append(i)
        return out

    @cached_property
    def title_heads(self) -> list[str]:
        """The head noun of each profession's title ("nurse" of "Registered Nurses")."""
        return [head_word(p.title) for p in self.professions]

    def support_of(self, word: str) -> array[int]:
        """(profession, how many of its names hold ``word``) pairs, flat."""
        pairs = array("H")
        pairs.frombytes(self.support.get(word, b""))
        return pairs

    @cached_property
    def stems(self) -> dict[str, str]:
        """The stem of every index word (built on first use)."""
        return {w: stem(w) for w in self.words}

    def family(self, token: str) -> list[str]:
        """Index words of the token's family, by its stem ("agriculturist": agricultural)."""
        root, stems = stem(token), self.stems
        return [w for w in self.prefix_words(root, 200) if w != token and stems[w] == root]

    def similar_words(self, token: str) -> list[str]:
        """Vocabulary words a (possibly misspelt) token may mean: itself, or one edit away."""
        if token in self.postings:
            return [token]
        if len(token) < 4 or len(token) > 30:
            return []
        found = set(self.deletes.get(token, ()))  # the token lacks a letter
        for k in range(len(token)):
            d = token[:k] + token[k + 1 :]
            if d in self.postings:  # the token has an extra letter
                found.add(d)
            found.update(self.deletes.get(d, ()))  # a letter replaced or swapped
        return sorted(found)

    @cached_property
    def _title_text(self) -> tuple[str, list[int], dict[str, list[int]]]:
        """Every ``spaced_titles`` key, most common jobs first, one a line, with where each
        starts; and the professions of each key (most common first)."""
        keys = [self.spaced_titles[i][0] for i in self.popular]
        starts, at = [], 0
        for key in keys:
            starts.append(at)
            at += len(key) + 1
        owners: dict[str, list[int]] = {}
        for i in self.popular:
            owners.setdefault(self.spaced_titles[i][0], []).append(i)
        return "\n".join(keys), starts, owners

    def titles_holding(self, text: str, limit: int) -> list[int]:
        """At most ``limit`` professions whose ``spaced_titles`` key holds ``text``: those whose
        key it is first, then the most common jobs (``popular``): a few ``str.find`` over
        every title at once, stopping at the ``limit``-th."""
        if "\n" in text or not text or limit <= 0:
            return []
        blob, starts, owners = self._title_text
        found = list(owners.get(text, ()))[:limit]
        exact = set(found)
        at = blob.find(text)
        while at >= 0 and len(found) < limit:
            n = bisect.bisect_right(starts, at) - 1
            i = self.popular[n]
            if i not in exact:
                found.append(i)
            at = blob.find(text, starts[n + 1]) if n + 1 < len(starts) else -1
        return found


def valid_state(state: Any, professions: int) -> bool:
    """Whether a cached index has the shape :func:`build` gives (the containers and the keys;
    checked at C speed). The cache's own checks — a folder only this user can write, a digest
    per entry — keep anyone else's bytes out; this catches an index of another shape."""
    if not (type(state) is tuple and len(state) == STATE_SIZE):
        return False
    keys, owners, postings, words, deletes, compact, idf, heads, weights, notes, short = state[:11]
    support = state[11]
    if not (_all(keys, str, list) and _all(words, str, list) and _all(owners, list, list)):
        return False
    if not (_all(heads, str, list) and _all(weights, float, list)):
        return False
    sizes = {len(keys), len(owners), len(heads), len(weights)}
    if len(sizes) != 1 or not all(owners) or professions <= 0:
        return False
    dicts = (postings, deletes, compact, idf, notes, short, support)
    return all(type(x) is dict for x in dicts) and _all(postings.values(), list, None)


def _all(items: Iterable[Any], kind: type, container: type | None) -> bool:
    if container is not None and type(items) is not container:
        return False
    return set(map(type, items)) <= {kind}


def _names(prof: Profession) -> list[tuple[str, Rank, int]]:
    title_rank = Rank.GROUP_TITLE if prof.is_group else Rank.TITLE
    names = [(prof.title, Rank.CURATED_TITLE if prof.curated else title_rank, 99)]
    short, comma, _ = prof.title.partition(",")
    if comma and "All Other" not in prof.title:
        names.append((short, Rank.SHORT_TITLE, 99))
    alias_rank = Rank.CURATED_ALIAS if prof.curated else Rank.ALIAS
    return names + [(a.name, alias_rank, a.sources) for a in prof.aliases]


def _claims(
    professions: Sequence[Profession], vocabulary: Vocabulary
) -> tuple[dict[str, list[OwnerData]], dict[str, str]]:
    """Every key with each profession's best claim on it, and the vocabulary's notes."""
    named: list[list[tuple[str, Rank, int]]] = [_names(p) for p in professions]
    notes: dict[str, str] = {}
    for number, entry in enumerate(vocabulary.entries, start=1):
        for i in targets(professions, entry, f"{vocabulary.origin}: entry #{number}"):
            named[i] += [(name, Rank.VOCABULARY, 99) for name in entry.names]
        if entry.note:
            notes.update((normalize_name(name), entry.note) for name in entry.names)
    claims: dict[str, list[OwnerData]] = {}
    for i, own_names in enumerate(named):
        own: dict[str, OwnerData] = {}  # this profession's best claim on each key
        for name, rank, sources in own_names:
            for k in name_variants(name) if "(" in name else (normalize_name(name),):
                mine = own.get(k)
                if mine is None or (rank, sources) > (mine[1], mine[2]):
                    own[k] = (i, int(rank), sources, name)
        for k, owner in own.items():
            if k:
                claims.setdefault(k, []).append(owner)
    return claims, notes


def targets(professions: Sequence[Profession], entry: Entry, where: str) -> list[int]:
    """Positions of the professions a vocabulary entry names: each code's own entry (an
    occupation or a group), else, for a group code the data has no entry for, its members."""
    found: list[int] = []
    for code in entry.soc:
        own = [i for i, p in enumerate(professions) if p.soc == code]
        if not own:
            own = [
                i
                for i, p in enumerate(professions)
                if p.soc and not p.is_group and in_group(p.soc, code)
            ]
        if not own:
            problem = f"no occupation or group has the code {code}"
            raise VocabularyError([f"{where} ({entry.names[0]!r}), field 'soc': {problem}"])
        found += [i for i in own if i not in found]
    return found


def build(professions: Sequence[Profession], vocabulary: Vocabulary = EMPTY) -> State:
    """Every index structure, as plain data (so that it can be kept with marshal)."""
    claims, named_notes = _claims(professions, vocabulary)
    dominant = {k: o if len(o) == 1 else _dominant(o) for k, o in claims.items()}
    # Keys are numbered in the order pools prefer them: titles, then shorter keys; so cutting
    # a pool to its best few hundred is a plain sort of integers.
    keys = sorted(dominant, key=lambda k: (dominant[k][0][1] < Rank.VOCABULARY, len(k), k))
    owner_lists = [dominant[k] for k in keys]
    # A key's strength orders postings: titles, then curated names and well-sourced aliases,
    # then aliases of common jobs.
    popularity = [p.popularity for p in professions]
    strength = [
        max((x[1] * 1_000 + min(x[2], 99)) * 10**9 + popularity[x[0]] for x in o)
        for o in owner_lists
    ]
    postings: dict[str, list[int]] = {}
    for n, k in enumerate(keys):
        for word in set(k.split()):
            postings.setdefault(word, []).append(n)
    for plist in postings.values():
        plist.sort(key=strength.__getitem__, reverse=True)
    words = sorted(postings)
    # Run-together names ("truckdriver") find their key without a fuzzy scan.
    compact: dict[str, int] = {}
    for n, k in enumerate(keys):
        compact.setdefault(k.replace(" ", ""), n)
    idf = _informativeness(keys, owner_lists, len(professions))
    heads = [head_word(o[0][3]) or k.split()[-1] for k, o in zip(keys, owner_lists, strict=True)]
    weights = [float(sum(idf[w] for w in set(k.split()))) for k in keys]
    notes = {n: named_notes[k] for n, k in enumerate(keys) if k in named_notes}
    synonyms = _synonyms(vocabulary, postings)
    deletes = _deletes(words)
    return (
        keys,
        owner_lists,
        postings,
        words,
        deletes,
        compact,
        idf,
        heads,
        weights,
        notes,
        synonyms,
        _support(keys, owner_lists),
    )


def _support(keys: Sequence[str], owners: Sequence[Sequence[OwnerData]]) -> dict[str, bytes]:
    """For each word, how many names of each profession hold it, as packed uint16 pairs
    (profession, count): compact to keep and quick to load."""
    counts: dict[str, dict[int, int]] = {}
    for k, own in zip(keys, owners, strict=True):
        for word in set(k.split()):
            mine = counts.setdefault(word, {})
            for o in own:
                mine[o[0]] = mine.get(o[0], 0) + 1
    return {
        w: array("H", [x for pair in c.items() for x in pair]).tobytes() for w, c in counts.items()
    }


# Endings that make words of one family: "laundress", "laundry"; "agriculturist", "agricultural"
_ENDINGS = (
    *("ation", "ment", "ress", "ical", "ing", "ist", "ian", "ics", "ery", "ess", "ic", "ry"),
    *("er", "or", "al", "y", "e"),
)


def stem(word: str) -> str:
    """A crude stem: the word without one common ending, at least four letters left."""
    if len(word) >= 6 and word.isalpha():
        for end in _ENDINGS:
            if word.endswith(end) and len(word) - len(end) >= 4:
                return word[: -len(end)]
    return word


def _synonyms(vocabulary: Vocabulary, postings: dict[str, list[int]]) -> dict[str, list[str]]:
    """The vocabulary's word abbreviations, each checked against the words the names use."""
    out: dict[str, list[str]] = {}
    for short, full in vocabulary.words.items():
        words = [normalize_name(w) for w in full]
        missing = [w for w in words if w not in postings]
        if missing:
            where = f"{vocabulary.origin}: words, field {short!r}"
            raise VocabularyError([f"{where}: no name uses the word(s) {', '.join(missing)}"])
        out[normalize_name(short)] = words
    return out


def _informativeness(
    keys: Sequence[str], owners: Sequence[Sequence[OwnerData]], size: int
) -> dict[str, float]:
    """How informative each word is: the log of how rare it is among the professions' names.
    "hvac" or "kindergarten" weigh several times "worker" or "technician"; "of" weighs 0."""
    holders: dict[str, set[int]] = {}
    for k, own in zip(keys, owners, strict=True):
        for word in k.split():
            holders.setdefault(word, set()).update(o[0] for o in own)
    total = max(size, 1)
    return {
        w: 0.0 if w in STOP_WORDS else math.log(1.0 + total / len(held))
        for w, held in holders.items()
    }


def _deletes(words: Sequence[str]) -> dict[str, list[str]]:
    """One-deletion neighbourhoods (SymSpell): a typo of one letter finds its word by a
    handful of dictionary look-ups instead of a scan of the vocabulary."""
    deletes: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= 4 and not word.isdigit():
            for d in {word[:j] + word[j + 1 :] for j in range(len(word))}:
                deletes.setdefault(d, []).append(word)
    return deletes


def _dominant(owners: Sequence[OwnerData]) -> list[OwnerData]:
    """The owners that keep a shared key: highest rank, and among aliases the best-sourced."""
    if len(owners) == 1:
        return list(owners)
    top = max(o[1] for o in owners)
    kept = [o for o in owners if o[1] == top]
    if top == Rank.ALIAS and len(kept) > 1:
        most = max(o[2] for o in kept)
        kept = [o for o in kept if o[2] * 2 > most]
    return kept
