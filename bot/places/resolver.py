"""Text → a place: national, a state, or a metro area; or ambiguous, or unknown with suggestions."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from .model import NATIONAL, Place, PlaceKind, PlaceResolution, PlaceStatus
from .names import CURATED, MAX_PLACE, NameIndex, dotted_key, place_key, state_postals

# Postal codes and nicknames that are also everyday words or job abbreviations ("PA" is a
# physician assistant): a place for question parsing only when written in capitals.
WORDLIKE = frozenset(
    [
        "al",
        "co",
        "de",
        "hi",
        "id",
        "in",
        "la",
        "ma",
        "md",
        "me",
        "ms",
        "oh",
        "ok",
        "or",
        "pa",
        "sa",
        "oc",
        "chi",
        "us",
    ]
)
MIN_TYPO_KEY = 4  # shorter names are never typo-corrected ("tz" is not "tx")
SUGGEST_CUTOFF = 80.0  # for "did you mean" suggestions
MAX_SUGGESTIONS = 5
MAX_PICKS = 10
_FILLER = ("in ", "at ", "near ", "around ", "the ", "greater ", "city of ", "state of ")
_TRAILING = (" area", " metro", " metro area", " region", " state", " city area")


def _variants(key: str) -> list[str]:
    """The key, without leading filler ("in the …"), and without trailing words ("… area")."""
    out = [key]
    changed = True
    while changed:
        changed = False
        for word in _FILLER:
            if key.startswith(word) and len(key) > len(word):
                key, changed = key[len(word) :], True
    out.append(key)
    changed = True
    while changed:
        changed = False
        for word in _TRAILING:
            if key.endswith(word) and len(key) > len(word):
                key, changed = key[: -len(word)], True
    out.append(key)
    return list(dict.fromkeys(out))


class PlaceResolver:
    """Resolves what people write; knows every state, territory and OEWS metro area."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._codes = {p.code: p for p in (NATIONAL, *index.places)}
        self._typo_keys = [
            k for k in index.keys if len(k) >= MIN_TYPO_KEY and k not in index.abbreviations
        ]
        self._near_length: dict[tuple[int, int], list[str]] = {}

    def resolve(self, text: str) -> PlaceResolution:
        query = text.strip()[: MAX_PLACE * 2]
        key = place_key(query)
        if not key:
            return PlaceResolution(query, PlaceStatus.UNKNOWN)
        known = self.known(query)
        return known or self._fuzzy(query, _variants(key)[-1])

    def known(self, text: str) -> PlaceResolution | None:
        """A name the index knows, as written (no typo correction: cheap, for autocomplete)."""
        query = text.strip()[: MAX_PLACE * 2]
        if query in self._codes:  # an autocomplete value is the OEWS area code
            return PlaceResolution(query, PlaceStatus.FOUND, self._codes[query])
        dotted = dotted_key(query)
        if dotted and dotted in self.index.dotted:
            return PlaceResolution(query, PlaceStatus.FOUND, self.index.dotted[dotted])
        variants = _variants(place_key(query))
        for candidate in variants:
            found = self._exact(query, candidate)
            if found is not None:
                return found
        return self._qualified(query, variants[-1])

    def is_place(self, text: str, typos: bool = True) -> bool:
        """True when ``text`` names a place (or several), typos included unless ``typos`` is
        false: for question parsing. Cheaper than :meth:`resolve` for text that is no place
        (no suggestions are looked for)."""
        if text.strip() in WORDLIKE:  # "welder ok", "nurse in": not places in lower case
            return False
        if self.known(text) is not None:
            return True
        if not typos:
            return False
        key = _variants(place_key(text[: MAX_PLACE * 2]))[-1]
        return bool(key) and self._typo(text, key) is not None

    def _exact(self, query: str, key: str) -> PlaceResolution | None:
        hit = self.index.keys.get(key)
        if hit is None:
            return None
        level, places = hit
        if len(places) == 1:
            return PlaceResolution(query, PlaceStatus.FOUND, places[0])
        picks = places if level == CURATED else self._order(places)  # curated: as written
        return PlaceResolution(query, PlaceStatus.AMBIGUOUS, candidates=picks)

    def _qualified(self, query: str, key: str) -> PlaceResolution | None:
        """``"Springfield, Illinois"``, ``"portland oregon"``: a city narrowed by its state."""
        words = key.split()
        for cut in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            state = self.index.keys.get(tail)
            hit = self.index.keys.get(head)
            if state is None or hit is None or len(state[1]) != 1:
                continue
            only = state[1][0]
            postal = self.index.postal.get(only, "")
            places = [p for p in hit[1] if postal in state_postals(p.name) or p == only]
            if len(places) == 1:
                return PlaceResolution(query, PlaceStatus.FOUND, places[0], matched=places[0].name)
        return None

    def _typo(self, query: str, key: str) -> PlaceResolution | None:
        """A typo ("Dalas", "Pheonix") answers when exactly one place is an edit or two away;
        when one name is, that several places hold ("New Yrok": the state and the metro area),
        it asks as that name would."""
        if len(key) < MIN_TYPO_KEY:
            return None
        allowed = 1 if len(key) < 9 else 2
        typos = process.extract(
            key, self._near(key, allowed), scorer=DamerauLevenshtein.distance, score_cutoff=allowed
        )
        near = {p for name, _, _ in typos for p in self.index.keys[name][1]}
        names = {name for name, _, _ in typos}
        if len(near) > 1 and len(names) == 1:  # one name meant, itself several ("new yrok")
            return self._exact(query, names.pop())
        if len(near) != 1:
            return None
        place = next(iter(near))
        return PlaceResolution(query, PlaceStatus.FOUND, place, matched=place.name)

    def _near(self, key: str, allowed: int) -> list[str]:
        """The typo keys that may be ``allowed`` edits from ``key``, in their order: those with
        at most that many letters more or fewer, and (a cheap bound, bit-parallel in C) at most
        twice as many Levenshtein edits, a transposition being two of those."""
        size = len(key)
        pool = self._near_length.get((size, allowed))
        if pool is None:  # made on first use of each length
            pool = [k for k in self._typo_keys if abs(len(k) - size) <= allowed]
            self._near_length[(size, allowed)] = pool
        near = process.extract(
            key, pool, scorer=Levenshtein.distance, score_cutoff=2 * allowed, limit=None
        )
        return [pool[i] for i in sorted(i for _, _, i in near)]

    def _fuzzy(self, query: str, key: str) -> PlaceResolution:
        """A typo-corrected place, or else the closest names as suggestions."""
        typo = self._typo(query, key)
        if typo is not None:
            return typo
        hits = process.extract(
            key, self._typo_keys, scorer=fuzz.WRatio, limit=25, score_cutoff=SUGGEST_CUTOFF
        )
        ranked: dict[Place, float] = {}
        for name, score, _ in hits:
            for place in self.index.keys[name][1]:
                ranked.setdefault(place, score)
        order = sorted(ranked, key=lambda p: (-ranked[p], -p.employment))
        return PlaceResolution(
            query, PlaceStatus.UNKNOWN, candidates=tuple(order[:MAX_SUGGESTIONS])
        )

    @staticmethod
    def _order(places: Sequence[Place]) -> tuple[Place, ...]:
        """Pick lists: national, then states, then metro areas; bigger first within each."""
        rank = {PlaceKind.NATIONAL: 0, PlaceKind.STATE: 1, PlaceKind.METRO: 2}
        return tuple(sorted(places, key=lambda p: (rank[p.kind], -p.employment))[:MAX_PICKS])
