"""The core's front door: a loaded dataset, its matcher, and a sheet for each kind of answer.

Both surfaces (Discord and the console) call this and render the sheets it returns.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from functools import cached_property, lru_cache
from pathlib import Path

from . import comparison, explore
from .cache import DiskCache
from .comparison import Kind, Sheet
from .comparison.builders import where
from .datafiles import ReadLimits
from .dataset import Dataset, default_data_dir, load_dataset
from .matching import Matcher
from .matching import vocabulary as vocabularies
from .matching.vocabulary import Vocabulary
from .model import Profession
from .places import Place, PlaceKind, Places
from .places.columns import AreaColumns
from .ratings import load_ratings
from .timing import phase

VIEW_CACHE = 1024
PLACE_RANKINGS = 32  # places whose lists are kept ranked


class Answers:
    """Answers questions about the dataset's professions: ``sheet(kind, professions)``."""

    def __init__(
        self,
        dataset: Dataset,
        disk: DiskCache | None = None,
        vocabulary: Vocabulary = vocabularies.EMPTY,
    ) -> None:
        self.dataset = dataset
        self.places = Places(default_data_dir())  # reads nothing until first asked
        self.matcher = Matcher(
            dataset.professions,
            vocabulary=vocabulary,
            disk=disk,
            fingerprint=dataset.fingerprint,
            is_place=self.places.is_place,  # "nurse in texas": the place is kept apart
            is_known_place=self.places.is_known_place,
        )

    @classmethod
    def load(
        cls,
        extra: Sequence[Path | str] = (),
        cache_dir: Path | str | None = None,
        limits: ReadLimits | None = None,
    ) -> Answers:
        """The shipped data plus ``extra`` layers; ``cache_dir`` keeps parsed YAML and the
        matcher index between runs (keyed by the files' bytes); ``limits`` bound the files."""
        disk = DiskCache(cache_dir)
        # Loading creates a few hundred thousand long-lived objects: the cyclic garbage
        # collector would walk them again and again while they are made (a third of the load
        # time), and later in every full collection (a pause in the middle of autocomplete).
        # So: no collection while loading, then freeze what was loaded out of its reach.
        enabled = gc.isenabled()
        gc.disable()
        try:
            with phase("load_dataset"):
                dataset = load_dataset(extra=extra, cache=disk, limits=limits)
            answers = cls(dataset, disk, vocabularies.load(limits=limits, cache=disk))
        finally:
            if enabled:
                gc.enable()
        gc.freeze()
        return answers

    def _get(self, profession_id: str | None) -> Profession | None:
        return None if profession_id is None else self.dataset.get(profession_id)

    def sheet(
        self, kind: Kind, professions: Sequence[Profession], place: Place | None = None
    ) -> Sheet:
        """The sheet answering ``kind`` for ``professions`` (two or three to compare, else one),
        in ``place`` when one is given (national otherwise)."""
        if place is not None and not place.is_national:
            return self.where(kind, professions, place)
        if kind == Kind.COMPARE:
            return self.compare(*professions)
        (one,) = professions
        return self.salary(one) if kind == Kind.SALARY else self.career(one)

    # Sheets are immutable and depend only on the (immutable) professions, so the most recent
    # ones are kept, by id: popular questions are answered again without building anything.

    def compare(self, *profs: Profession) -> Sheet:
        """Two or three professions side by side."""
        if self._owns(*profs):
            return self._compare(*(p.id for p in profs))
        return self._build_compare(*profs)

    def salary(self, p: Profession) -> Sheet:
        return self._salary(p.id) if self._owns(p) else self._build_salary(p)

    def career(self, p: Profession) -> Sheet:
        return self._career(p.id) if self._owns(p) else self._build_career(p)

    def _owns(self, *profs: Profession) -> bool:
        return all(self.dataset.by_id.get(p.id) is p for p in profs)

    def _build_compare(self, *profs: Profession) -> Sheet:
        return comparison.compare(*profs, closest=[self._get(p.closest) for p in profs])

    def _all(self, ids: Sequence[str]) -> list[Profession]:
        return [p for p in (self._get(i) for i in ids) if p is not None]

    def _build_salary(self, p: Profession) -> Sheet:
        members = self._all(p.members)
        sheet = comparison.salary(p, closest=self._get(p.closest), members=members)
        official = self.official(p)
        if official.soc is None:
            return sheet
        states = self.places.top(official.soc, PlaceKind.STATE)
        metros = self.places.top(official.soc, PlaceKind.METRO)
        return where.with_top_places(sheet, states, metros)

    def official(self, p: Profession) -> Profession:
        """Whose OEWS figures answer for ``p``: a curated profile's closest occupation."""
        closest = self._get(p.closest) if p.curated else None
        return closest or p

    def where(self, kind: Kind, professions: Sequence[Profession], place: Place) -> Sheet:
        """The answer for a state or metro area (see ``comparison.builders.where``)."""
        official = [self.official(p) for p in professions]
        ranked = [self.places.ranked(p.soc, place) if p.soc else None for p in official]
        if kind == Kind.COMPARE:
            return where.compare_where(official, place, ranked)
        (one,), (found,) = official, ranked
        if kind == Kind.CAREER:
            return where.career_where(self.career(professions[0]), one, found, place)
        if found is None and one.is_group:
            members = [
                (m, self.places.ranked(m.soc, place) if m.soc else None)
                for m in self._all(one.members)
            ]
            return where.members_where(kind, one, place, members)
        if found is None:
            why = "its survey does not publish this occupation for this area."
            return where.no_data_sheet(kind, one, place, why)
        return where.salary_where(one, found)

    def _build_career(self, p: Profession) -> Sheet:
        similar = self._all(p.similar.ids if p.similar else ())
        members = self._all(p.members)
        return comparison.profile(p, similar=similar, closest=self._get(p.closest), members=members)

    # Lists and likenesses: the rankings and the ratings index are built at first use (about
    # 15 ms and 80 ms), never at start-up.

    @cached_property
    def rankings(self) -> explore.Rankings:
        return explore.Rankings(self.dataset.professions)

    @cached_property
    def similarity(self) -> explore.Similarity:
        return explore.Similarity(self.dataset.professions, load_ratings())

    @cached_property
    def fields(self) -> tuple[explore.Field, ...]:
        return explore.fields(self.dataset.professions)

    @cached_property
    def area_columns(self) -> AreaColumns:
        """Every occupation's pay and jobs in every place (about 0.4 s at first use)."""
        return AreaColumns(self.places.wages.table)

    @lru_cache(maxsize=PLACE_RANKINGS)  # noqa: B019 - one Answers per process, kept for its life
    def place_rankings(self, place: Place) -> explore.Rankings:
        """The occupations published in ``place``, ranked by each measure (~20 ms each)."""
        here = self.area_columns.here(place.code)
        return explore.Rankings(self.dataset.professions, place, here)

    def top(
        self,
        measure: explore.Measure,
        education: str | None = None,
        field: explore.Field | None = None,
        place: Place | None = None,
    ) -> Sheet:
        """Occupations ranked by ``measure``, filtered by entry education and field; in a state
        or metro area, those published there, by its pay and jobs."""
        rankings = self.rankings
        if place is not None and not place.is_national:
            rankings = self.place_rankings(place)
        return explore.top_sheet(rankings.top(measure, education, field))

    def explore(self, p: Profession, filters: explore.Filters = explore.NO_FILTERS) -> Sheet:
        """Careers like ``p`` that pass ``filters``."""
        return explore.explore_sheet(p, self.similarity.like(p, filters), filters)

    @lru_cache(maxsize=VIEW_CACHE)  # noqa: B019 - one Answers per process, kept for its life
    def _compare(self, *ids: str) -> Sheet:
        return self._build_compare(*(self.dataset.by_id[i] for i in ids))

    @lru_cache(maxsize=VIEW_CACHE)  # noqa: B019
    def _salary(self, profession_id: str) -> Sheet:
        return self._build_salary(self.dataset.by_id[profession_id])

    @lru_cache(maxsize=VIEW_CACHE)  # noqa: B019
    def _career(self, profession_id: str) -> Sheet:
        return self._build_career(self.dataset.by_id[profession_id])
