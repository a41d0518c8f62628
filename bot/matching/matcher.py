"""The matcher: one index, and cached ``resolve()`` and ``suggest()`` over it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from ..cache import DiskCache
from ..model import Profession
from ..names import MAX_QUERY, normalize
from .index import Index
from .questions import PlaceCheck, is_us_state
from .resolving import resolve
from .results import Resolution, Suggestion
from .suggesting import suggest
from .vocabulary import EMPTY, Vocabulary


class Matcher:
    """Index over every title and alias of a dataset, built once; answers cached per text."""

    def __init__(
        self,
        professions: Iterable[Profession],
        cache_size: int = 4096,
        *,
        vocabulary: Vocabulary = EMPTY,
        disk: DiskCache | None = None,
        fingerprint: str = "",
        is_place: Callable[[str], bool] = is_us_state,
        is_known_place: Callable[[str], bool] | None = None,
    ) -> None:
        """Build the index (with the everyday ``vocabulary``), or load it from ``disk`` when
        ``fingerprint`` (a hash of the data the professions came from) and the vocabulary were
        indexed before by this same code. ``is_place``: whether a question's trailing words
        name a place, typos included; ``is_known_place``: the same without typos (see
        :class:`PlaceCheck`)."""
        self.index = Index(professions, vocabulary=vocabulary, disk=disk, fingerprint=fingerprint)
        self.is_place = PlaceCheck(is_place, is_known_place, self._name_words)
        self.professions = self.index.professions
        self.keys = self.index.keys
        self._resolve_cached = lru_cache(maxsize=cache_size)(self._resolve)
        self._suggest_cached = lru_cache(maxsize=cache_size)(self._suggest)

    def get(self, profession_id: str) -> Profession | None:
        i = self.index.by_id.get(profession_id)
        return None if i is None else self.professions[i]

    def resolve(self, query: str) -> Resolution:
        """Decide what a typed name means: exact, confident match, ambiguous or none."""
        return self._resolve_cached(query)

    def suggest(self, prefix: str, limit: int = 25) -> list[Suggestion]:
        """Autocomplete: at most ``limit`` (≤ 25) choices for what has been typed so far."""
        return list(self._suggest_cached(prefix[: MAX_QUERY * 4], max(0, min(limit, 25))))

    def clear_caches(self) -> None:
        """Forget every cached answer (a timing hook for benchmarks of uncached calls)."""
        self._resolve_cached.cache_clear()
        self._suggest_cached.cache_clear()
        normalize.cache_clear()

    def _name_words(self, text: str) -> bool:
        """Whether every word of ``text`` is a word of the professions' names."""
        words = normalize(text).split()
        known = self.index.postings
        return bool(words) and all(w in known or w in self.index.synonyms for w in words)

    def _resolve(self, query: str) -> Resolution:
        return resolve(self.index, query, self.is_place)

    def _suggest(self, prefix: str, limit: int) -> tuple[Suggestion, ...]:
        return suggest(self.index, prefix, limit)
