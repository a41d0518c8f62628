"""Typed records for places and their pay: what the resolver and the wage lookups return."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..model import Money
from .table import Mark

NATIONAL_CODE = "0000000"


class PlaceKind(StrEnum):
    NATIONAL = "national"
    STATE = "state"
    METRO = "metro"  # a metropolitan area, or one of BLS's nonmetropolitan areas


@dataclass(frozen=True, slots=True)
class Place:
    """National, a state or territory, or a metro area, named as OEWS names it."""

    code: str  # OEWS area code ("0000000" for the nation)
    kind: PlaceKind
    name: str  # full OEWS name: "Texas", "Dallas-Fort Worth-Arlington, TX"
    employment: int = 0  # all occupations (for ordering by size); 0 when unknown
    nonmetro: bool = False

    @property
    def is_national(self) -> bool:
        return self.kind is PlaceKind.NATIONAL

    @property
    def peers_label(self) -> str:
        """What it is ranked among: ``states and territories``, ``metro areas``…"""
        if self.kind is PlaceKind.STATE:
            return "states and territories"
        return "nonmetropolitan areas" if self.nonmetro else "metro areas"

    @property
    def kind_label(self) -> str:
        """``state``, ``metro area`` or ``nonmetropolitan area`` (for "its rank among …")."""
        if self.kind is PlaceKind.STATE:
            return "state" if self.code[:2] not in TERRITORY_FIPS else "territory"
        if self.kind is PlaceKind.METRO:
            return "nonmetropolitan area" if self.nonmetro else "metro area"
        return "nation"


TERRITORY_FIPS = frozenset({"66", "72", "78"})
NATIONAL = Place(NATIONAL_CODE, PlaceKind.NATIONAL, "United States")


class PlaceStatus(StrEnum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class PlaceResolution:
    query: str
    status: PlaceStatus
    place: Place | None = None
    candidates: tuple[Place, ...] = ()  # the pick list (ambiguous) or suggestions (unknown)
    matched: str | None = None  # the name that was recognised, when it differs from the query


MARK_REASONS = {
    Mark.NOT_RELEASED: "not released by BLS for this area (too few survey responses, or to "
    "protect confidentiality)",
    Mark.TOP_CODED: "at or above BLS's top code ($115.00 an hour, $239,200 a year)",
    Mark.NOT_PUBLISHED: "not published on this pay basis (BLS reports this occupation's pay "
    "hourly only or yearly only)",
    Mark.NOT_AVAILABLE: "not available for this area",
}


@dataclass(frozen=True, slots=True)
class AreaPay:
    """One occupation's OEWS figures in one place; ``None`` figures say why in ``missing``."""

    place: Place
    employment: int | None = None
    per_1000: float | None = None
    location_quotient: float | None = None
    hourly_mean: Money | None = None
    annual_mean: Money | None = None
    hourly_p10: Money | None = None
    hourly_p25: Money | None = None
    hourly_median: Money | None = None
    hourly_p75: Money | None = None
    hourly_p90: Money | None = None
    annual_p10: Money | None = None
    annual_p25: Money | None = None
    annual_median: Money | None = None
    annual_p75: Money | None = None
    annual_p90: Money | None = None
    missing: dict[str, Mark] = field(default_factory=dict)

    def reason(self, name: str) -> str | None:
        """Why a figure is absent (or a floor), in words; None when it is a plain number."""
        mark = self.missing.get(name)
        return None if mark is None else MARK_REASONS[mark]


@dataclass(frozen=True, slots=True)
class Ranked:
    """An occupation's pay in one place with its rank among places of that kind."""

    pay: AreaPay
    rank: int  # 1 = best paid (by annual mean; top-coded places share rank 1)
    of: int  # how many such places publish an annual mean for it
