"""Every occupation's mean annual wage and employment in every area, for ranked lists by place.

The area table is laid out per occupation (one block each, see :mod:`.table`): right for "this
job in this place", wrong for "every job in this place", which would decode all 852 blocks in
pure Python (seconds). :class:`AreaColumns` decodes the two figures a list ranks by from every
block once, with numpy (a fraction of a second, at first use), into two small matrices (areas ×
occupations, 4 bytes a cell, about 4 MB together); a place's figures are then one row of each.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from ..model import TOP_CODED_WAGE, Money
from .table import FIELD_INDEX, FIELDS, AreaTable, Mark

PLACES_KEPT = 64  # places whose figures are kept as dictionaries
_ABSENT = -(2**31)  # no row for this occupation in this area
_EMPLOYMENT, _ANNUAL = FIELD_INDEX["employment"], FIELD_INDEX["annual_mean"]


class Local(NamedTuple):
    """One occupation in one place: what a list ranks by (None: BLS publishes no figure)."""

    annual_mean: Money | None  # a top-coded wage is a floor (``at_least``)
    employment: int | None


def _soc(code: str) -> str:
    return f"{code[:2]}-{code[2:]}"


class AreaColumns:
    """Mean annual wages and employment of every occupation in every area of one table."""

    def __init__(self, table: AreaTable) -> None:
        import numpy as np  # lazily: only lists by place need it

        self.socs = tuple(_soc(code) for code in table.occupations)
        self._area = {a.code: a.index for a in table.areas}
        shape = (len(table.areas), len(self.socs))
        self._annual = np.full(shape, _ABSENT, dtype=np.int32)
        self._employment = np.full(shape, _ABSENT, dtype=np.int32)
        for j, code in enumerate(table.occupations):
            areas, cols = table.packed(code)
            rows = np.frombuffer(areas, dtype="<u2")
            n = len(rows)
            width = len(FIELDS) * n
            planes = np.frombuffer(cols, dtype=np.uint8).reshape(4, width)
            values = planes.T.copy().view("<i4").reshape(len(FIELDS), n)
            self._annual[rows, j] = values[_ANNUAL]
            self._employment[rows, j] = values[_EMPLOYMENT]
        self.here = lru_cache(maxsize=PLACES_KEPT)(self._here)

    def _here(self, area_code: str) -> Mapping[str, Local]:
        """The occupations OEWS publishes in the area, by SOC code, with their figures."""
        i = self._area.get(area_code)
        if i is None:
            return {}
        found: dict[str, Local] = {}
        for soc, pay, jobs in zip(
            self.socs, self._annual[i].tolist(), self._employment[i].tolist(), strict=True
        ):
            if pay == _ABSENT:
                continue
            found[soc] = Local(_money(pay), jobs if jobs >= 0 else None)
        return found


def _money(value: int) -> Money | None:
    if value >= 0:
        return Money(float(value))
    if value == Mark.TOP_CODED:
        return Money(float(TOP_CODED_WAGE), True)
    return None
