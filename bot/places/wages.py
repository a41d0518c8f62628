"""Per-(occupation, place) pay from the area table: figures, ranks and top places."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from ..model import TOP_CODED_WAGE, Money
from .model import AreaPay, Place, PlaceKind, Ranked
from .table import FIELDS, AreaTable, Block, Mark

TOP_CODED_HOURLY = 115.0
SCORE_CACHE = 4096  # (occupation, kind of place) rankings kept
_COUNTS = {"employment"}
_RATIOS = {"per_1000", "location_quotient"}
_ANNUAL_I = [name for name, _ in FIELDS].index("annual_mean")  # what ranks places


def occupation_code(soc: str) -> str:
    """``"29-1141"`` → ``"291141"`` (the table's key)."""
    return soc.replace("-", "")


def _figure(name: str, scale: int, value: int) -> Any:
    if name in _COUNTS:
        return value
    if name in _RATIOS:
        return value / scale
    if name.startswith("hourly"):
        return Money(value / scale)
    return Money(float(value))


def _top_coded(name: str) -> Money:
    return Money(TOP_CODED_HOURLY if name.startswith("hourly") else float(TOP_CODED_WAGE), True)


def area_pay(place: Place, values: Sequence[int]) -> AreaPay:
    """An :class:`AreaPay` from one row of stored values (negative = a BLS marker)."""
    figures: dict[str, Any] = {}
    missing: dict[str, Mark] = {}
    for (name, scale), value in zip(FIELDS, values, strict=True):
        if value >= 0:
            figures[name] = _figure(name, scale, value)
            continue
        mark = Mark(value)
        missing[name] = mark
        if mark is Mark.TOP_CODED:
            figures[name] = _top_coded(name)
    return AreaPay(place=place, missing=missing, **figures)


_TOP_CODED = int(Mark.TOP_CODED)
_ABOVE_ALL = 10**9  # a top-coded annual mean ranks above every number


def _ranks(value: int) -> bool:
    return value >= 0 or value == _TOP_CODED


def _sort_value(value: int) -> int:
    """Annual means in ranking order: top-coded above every number, absent left out."""
    return _ABOVE_ALL if value == _TOP_CODED else value


class WageLookup:
    """Lookups over one :class:`AreaTable` with the places it names."""

    def __init__(self, table: AreaTable, places: Sequence[Place]) -> None:
        self.table = table
        self.places = tuple(places)  # in table area order
        self._peer_sets: dict[tuple[PlaceKind, bool], frozenset[int]] = {}
        self._score_cache: dict[tuple[str, PlaceKind, bool], list[int]] = {}

    def block(self, soc: str) -> Block | None:
        return self.table.block(occupation_code(soc))

    def pay(self, soc: str, place: Place) -> AreaPay | None:
        """The occupation's figures in ``place``; None when OEWS publishes nothing there."""
        info = self.table.by_code.get(place.code)
        block = self.block(soc)
        if info is None or block is None:
            return None
        values = block.values(info.index)
        return None if values is None else area_pay(place, values)

    def _peers(self, kind: PlaceKind, nonmetro: bool) -> frozenset[int]:
        key = (kind, nonmetro)
        found = self._peer_sets.get(key)
        if found is None:
            found = frozenset(i for i, p in enumerate(self.places) if (p.kind, p.nonmetro) == key)
            self._peer_sets[key] = found
        return found

    def ranked(self, soc: str, place: Place) -> Ranked | None:
        """The place's pay with its rank by annual mean among places of its kind."""
        pay = self.pay(soc, place)
        block = self.block(soc)
        if pay is None or block is None:
            return None
        scores = self._scores(soc, place.kind, place.nonmetro)
        mine = block.columns[_ANNUAL_I][block.position[self.table.by_code[place.code].index]]
        if not _ranks(mine):
            return Ranked(pay, 0, len(scores))
        # scores ascend: the rank is 1 + how many peers are paid more
        return Ranked(pay, 1 + len(scores) - bisect_right(scores, _sort_value(mine)), len(scores))

    def _scores(self, soc: str, kind: PlaceKind, nonmetro: bool) -> list[int]:
        """The ranked peers' annual means, ascending (kept per occupation and kind of place)."""
        key = (soc, kind, nonmetro)
        found = self._score_cache.get(key)
        if found is None:
            block = self.block(soc)
            column = block.columns[_ANNUAL_I] if block else ()
            peers = self._peers(kind, nonmetro)
            areas = block.areas if block else ()
            # one pass in a comprehension, no calls per area: this runs on a block's first use
            found = sorted(
                v if v >= 0 else _ABOVE_ALL
                for a, v in zip(areas, column, strict=True)
                if a in peers and (v >= 0 or v == _TOP_CODED)
            )
            if len(self._score_cache) >= SCORE_CACHE:
                self._score_cache.clear()
            self._score_cache[key] = found
        return found

    def top(self, soc: str, kind: PlaceKind, limit: int = 5) -> list[AreaPay]:
        """The best-paid states (or metro areas, nonmetropolitan ones left out) by annual mean."""
        block = self.block(soc)
        if block is None:
            return []
        column = block.columns[_ANNUAL_I]
        rows = [
            (i, a)
            for i, a in enumerate(block.areas)
            if self.places[a].kind is kind and not self.places[a].nonmetro and _ranks(column[i])
        ]
        rows.sort(key=lambda r: (-_sort_value(column[r[0]]), self.places[r[1]].name))
        return [area_pay(self.places[a], [c[i] for c in block.columns]) for i, a in rows[:limit]]
