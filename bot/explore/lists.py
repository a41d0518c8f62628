"""Ranked lists of detailed occupations: ``top(professions, Measure.PAY, education=…)``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import median

from ..model import Profession
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


def education_baselines(professions: Iterable[Profession]) -> dict[str, float]:
    """Median of the mean wages of the occupations sharing each entry education."""
    by_level: dict[str, list[float]] = defaultdict(list)
    for p in listed(professions):
        level, pay = entry_education(p), mean_pay(p)
        if level is not None and pay is not None:
            by_level[level].append(pay)
    return {level: median(pays) for level, pays in by_level.items()}


@dataclass(frozen=True, slots=True)
class TopList:
    """Occupations ranked by ``measure``, best first, with the value each was ranked by."""

    measure: Measure
    education: str | None
    field: Field | None
    rows: tuple[tuple[Profession, float], ...]
    left_out: int  # matched the filters but the source publishes no figure to rank by
    baselines: dict[str, float]


def _value(p: Profession, measure: Measure, baselines: dict[str, float]) -> float | None:
    if measure is Measure.PAY_FOR_EDUCATION:
        level, pay = entry_education(p), mean_pay(p)
        base = baselines.get(level) if level else None
        return None if pay is None or not base else pay / base
    getter = {
        Measure.PAY: mean_pay,
        Measure.GROWTH: growth,
        Measure.OPENINGS: openings,
        Measure.JOBS: jobs,
    }[measure]
    return getter(p)


class Rankings:
    """Every listed occupation ranked once by each measure (built at first use: ~15 ms), so
    a list is one pass over a sorted ranking, filtered."""

    def __init__(self, professions: Sequence[Profession]) -> None:
        self.baselines = education_baselines(professions)
        chosen = listed(professions)
        self._ranked: dict[Measure, list[tuple[Profession, float]]] = {}
        self._unranked: dict[Measure, list[Profession]] = {}
        for m in Measure:
            valued = [(p, _value(p, m, self.baselines)) for p in chosen]
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
        return TopList(measure, education, field, rows, left_out, self.baselines)


def top(
    professions: Sequence[Profession],
    measure: Measure,
    education: str | None = None,
    field: Field | None = None,
) -> TopList:
    """One list, ranked from scratch (build a ``Rankings`` to ask many)."""
    return Rankings(professions).top(measure, education, field)
