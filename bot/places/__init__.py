"""Places: national, the 54 states and territories, the 528 OEWS metro and nonmetro areas.

:class:`Places` loads nothing until it is first asked: the first resolve or wage lookup reads
``data/places.yaml`` and the header of ``data/oews-areas.bin`` (a few milliseconds); each
occupation's block is then decompressed when first needed and cached.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .model import (
    NATIONAL,
    AreaPay,
    Place,
    PlaceKind,
    PlaceResolution,
    PlaceStatus,
    Ranked,
)
from .names import NameIndex, load_curated, place_key
from .resolver import PlaceResolver
from .table import AreaTable, TableError
from .wages import WageLookup

__all__ = [
    "NATIONAL",
    "AreaPay",
    "Place",
    "PlaceKind",
    "PlaceResolution",
    "PlaceStatus",
    "Places",
    "PlacesError",
    "Ranked",
]

TABLE_FILE = "oews-areas.bin"
NAMES_FILE = "places.yaml"


class PlacesError(Exception):
    """The place data cannot be served; ``problems`` lists every error found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "\n".join(["Problems in the place data:", *(f"  - {p}" for p in problems)])
        )


def _places_of(table: AreaTable) -> list[Place]:
    return [
        Place(
            a.code,
            PlaceKind.STATE if a.is_state else PlaceKind.METRO,
            a.name,
            a.employment,
            a.is_nonmetro,
        )
        for a in table.areas
    ]


class Places:
    """The place resolver and wage lookups over the shipped (or given) data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._lock = threading.Lock()
        self._loaded: tuple[PlaceResolver, WageLookup] | None = None
        self._sorted: list[tuple[Place, str]] | None = None

    def _load(self) -> tuple[PlaceResolver, WageLookup]:
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:
            if self._loaded is None:
                self._loaded = self._build()
            return self._loaded

    def _build(self) -> tuple[PlaceResolver, WageLookup]:
        table_path, names_path = self.data_dir / TABLE_FILE, self.data_dir / NAMES_FILE
        try:
            table = AreaTable.open(table_path)
        except TableError as exc:
            raise PlacesError([str(exc)]) from exc
        places = _places_of(table)
        problems: list[str] = []
        curated = load_curated(names_path, problems)
        index = NameIndex(places, curated, problems)
        if problems:
            raise PlacesError([f"{names_path}: {p}" for p in problems])
        return PlaceResolver(index), WageLookup(table, places)

    @property
    def loaded(self) -> bool:
        """Whether the data is loaded (so that no call reads files or builds indexes)."""
        return self._loaded is not None and self._sorted is not None

    def by_code(self, code: str) -> Place | None:
        """The place of an OEWS area code (``"0000000"``: national); None when unknown."""
        found = self.resolver.known(code) if code.isdigit() else None
        return found.place if found is not None else None

    def warm(self) -> None:
        """Load now (in a worker thread at start-up) so that no answer waits for it."""
        self._load()
        self._by_size()

    @property
    def resolver(self) -> PlaceResolver:
        return self._load()[0]

    @property
    def wages(self) -> WageLookup:
        return self._load()[1]

    @property
    def all(self) -> tuple[Place, ...]:
        """Every state and territory, then every metro and nonmetro area (OEWS code order)."""
        return self.wages.places

    def resolve(self, text: str) -> PlaceResolution:
        return self.resolver.resolve(text)

    def is_place(self, text: str) -> bool:
        """Whether ``text`` names a place, typos included ("dalas")."""
        return self.resolver.is_place(text)

    def is_known_place(self, text: str) -> bool:
        """Whether ``text`` names a place as written (no typo correction: cheap)."""
        return self.resolver.is_place(text, typos=False)

    def pay(self, soc: str, place: Place) -> AreaPay | None:
        return self.wages.pay(soc, place)

    def ranked(self, soc: str, place: Place) -> Ranked | None:
        return self.wages.ranked(soc, place)

    def top(self, soc: str, kind: PlaceKind, limit: int = 5) -> list[AreaPay]:
        return self.wages.top(soc, kind, limit)

    def complete(self, text: str, limit: int = 25) -> list[Place]:
        """Autocomplete: states first, then metro areas, most jobs first within each."""
        key = place_key(text)
        ordered = self._by_size()
        if not key:
            return [NATIONAL, *(p for p, _ in ordered)][:limit]
        starts = [p for p, name in ordered if name.startswith(key) or f" {key}" in name]
        if len(starts) < limit:
            seen = set(starts)
            starts += [p for p, name in ordered if p not in seen and key in name]
        found = self.resolver.known(text)
        lead: list[Place] = []
        if found is not None:
            lead = [found.place] if found.place is not None else list(found.candidates[:3])
        return list(dict.fromkeys([*lead, *starts]))[:limit]

    def _by_size(self) -> list[tuple[Place, str]]:
        """Every place with its name key: states, then metro areas, then nonmetro areas."""
        if self._sorted is None:
            order = sorted(
                self.all, key=lambda p: (p.kind is not PlaceKind.STATE, p.nonmetro, -p.employment)
            )
            self._sorted = [(p, place_key(p.name)) for p in order]
        return self._sorted
