"""Ranked lists of detailed occupations: ``top(professions, Measure.PAY, education=…)``."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import median
from types import MappingProxyType

from ..model import Profession
from ..places.columns import Local
from ..places.model import Place
from .filters import Field, entry_education


class Measure(StrEnum):
    """What a list ranks by (the console's and Discord's option values)."""

    PAY = "pay"
    GROWTH = "growth"
    OPENINGS = "openings"
    JOBS = "jobs"
    PAY_FOR_EDUCATION = "pay-for-education"

    @property
    def heading(self) -> str:
        return _TITLES[self]


_TITLES = {
    Measure.PAY: "Highest pay",
    Measure.GROWTH: "Fastest growth",
    Measure.OPENINGS: "Most openings",
    Measure.JOBS: "Most jobs",
    Measure.PAY_FOR_EDUCATION: "Best pay for the education",
}


def mean_pay(p: Profession) -> float | None:
    """Mean annual wage (a top-coded figure ranks at its floor: it is at least that)."""
    money = p.pay.annual_mean if p.pay else None
    return None if money is None else float(money.value)


def growth(p: Profession) -> float | None:
    return p.outlook.growth_pct if p.outlook else None


def openings(p: Profession) -> float | None:
    value = p.outlook.annual_openings if p.outlook else None
    return None if value is None else float(value)


def jobs(p: Profession) -> float | None:
    value = p.pay.employment if p.pay else None
    return None if value is None else float(value)


def listed(professions: Iterable[Profession]) -> list[Profession]:
    """What lists rank: detailed public occupations (no groups, no curated profiles)."""
    return [p for p in professions if not p.is_group and not p.curated and p.soc]


def education_baselines(
    professions: Iterable[Profession], pay: Callable[[Profession], float | None] = mean_pay
) -> dict[str, float]:
    """Median of the mean wages (``pay``) of the occupations sharing each entry education."""
    by_level: dict[str, list[float]] = defaultdict(list)
    for p in listed(professions):
        level, wage = entry_education(p), pay(p)
        if level is not None and wage is not None:
            by_level[level].append(wage)
    return {level: median(pays) for level, pays in by_level.items()}


#: What a list ranks by where a place's own figures exist; growth and openings are projected
#: by BLS for the nation only, so a list by place ranks them by the national projections.
LOCAL_MEASURES = frozenset({Measure.PAY, Measure.JOBS, Measure.PAY_FOR_EDUCATION})


@dataclass(frozen=True, slots=True)
class TopList:
    """Occupations ranked by ``measure``, best first, with the value each was ranked by."""

    measure: Measure
    education: str | None
    field: Field | None
    rows: tuple[tuple[Profession, float], ...]
    left_out: int  # matched the filters but the source publishes no figure to rank by
    baselines: dict[str, float]
    place: Place | None = None  # a state or metro area: the list is of its occupations
    here: Mapping[str, Local] = dataclasses.field(
        default_factory=dict
    )  # the place's figures, by SOC

    def local(self, p: Profession) -> Local | None:
        """The place's figures of ``p`` (None: national list, or none published there)."""
        return self.here.get(p.soc) if self.place is not None and p.soc else None


class _Values:
    """What each measure ranks by: the national figures, or a place's."""

    def __init__(self, professions: Sequence[Profession], here: Mapping[str, Local] | None):
        self.here = here
        self.baselines = education_baselines(professions, self.pay)

    def local(self, p: Profession) -> Local | None:
        return self.here.get(p.soc) if self.here is not None and p.soc else None

    def pay(self, p: Profession) -> float | None:
        if self.here is None:
            return mean_pay(p)
        found = self.local(p)
        money = found.annual_mean if found else None
        return None if money is None else float(money.value)

    def jobs(self, p: Profession) -> float | None:
        if self.here is None:
            return jobs(p)
        found = self.local(p)
        return None if found is None or found.employment is None else float(found.employment)

    def value(self, p: Profession, measure: Measure) -> float | None:
        if measure is Measure.PAY_FOR_EDUCATION:
            level, pay = entry_education(p), self.pay(p)
            base = self.baselines.get(level) if level else None
            return None if pay is None or not base else pay / base
        if measure is Measure.PAY:
            return self.pay(p)
        if measure is Measure.JOBS:
            return self.jobs(p)
        if self.here is not None and self.local(p) is None:
            return None  # not published in the place: not one of its occupations
        return growth(p) if measure is Measure.GROWTH else openings(p)


class Rankings:
    """Every listed occupation ranked once by each measure (built at first use: ~15 ms), so
    a list is one pass over a sorted ranking, filtered. With a ``place`` (and ``here``, its
    figures by SOC code), the occupations published there, by the place's pay and jobs."""

    def __init__(
        self,
        professions: Sequence[Profession],
        place: Place | None = None,
        here: Mapping[str, Local] | None = None,
    ) -> None:
        self.place = place
        self.here: Mapping[str, Local] = MappingProxyType(dict(here or {}))
        values = _Values(professions, None if place is None else self.here)
        self.baselines = values.baselines
        chosen = listed(professions)
        self._ranked: dict[Measure, list[tuple[Profession, float]]] = {}
        self._unranked: dict[Measure, list[Profession]] = {}
        for m in Measure:
            valued = [(p, values.value(p, m)) for p in chosen]
            self._ranked[m] = sorted(
                ((p, v) for p, v in valued if v is not None), key=lambda pv: (-pv[1], pv[0].title)
            )
            self._unranked[m] = [p for p, v in valued if v is None]

    def top(
        self, measure: Measure, education: str | None = None, field: Field | None = None
    ) -> TopList:
        """Every listed occupation that passes the filters, ranked by ``measure`` (ties by
        title); those without a figure to rank by are counted in ``left_out``."""

        def keep(p: Profession) -> bool:
            return (education is None or entry_education(p) == education) and (
                field is None or field.holds(p)
            )

        rows = tuple((p, v) for p, v in self._ranked[measure] if keep(p))
        left_out = sum(1 for p in self._unranked[measure] if keep(p))
        return TopList(
            measure, education, field, rows, left_out, self.baselines, self.place, self.here
        )


def top(
    professions: Sequence[Profession],
    measure: Measure,
    education: str | None = None,
    field: Field | None = None,
) -> TopList:
    """One list, ranked from scratch (build a ``Rankings`` to ask many)."""
    return Rankings(professions).top(measure, education, field)
