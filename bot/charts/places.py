"""The charts of an answer in a place, and the state map: figures from the place data.

Pure data like :mod:`.specs` (no plotting library). The figures are the place lookups'
(:class:`bot.places.Places`, OEWS May 2025 area estimates), so a chart always agrees with the
location answer beside it. ``officials`` are whose OEWS figures answer for each profession (a
curated profile's closest occupation, else the profession itself; see
:meth:`bot.answers.Answers.official`).

A place that is not a state (a metro or nonmetropolitan area) outlines on the map the state it
lies in (the first one named, for an area across state lines).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..comparison.sheet import Kind
from ..model import Money, Profession
from ..places import Place, PlaceKind, Places
from ..places.names import state_postals
from .specs import (
    SALARY_COLOUR,
    SIDE_COLOURS,
    MapChart,
    PayChart,
    Range,
    Spec,
    answer_specs,
    map_chart,
    salary_chart,
)
from .tiles import BY_NAME, TILES, tile

AREA_SOURCE = "BLS OEWS May 2025"
STATE_SOURCE = f"{AREA_SOURCE}, state estimates"
MAPPED = frozenset({Kind.SALARY, Kind.CAREER})  # the answers that come with a state map


def state_of(place: Place | None) -> str | None:
    """The postal code of the state ``place`` is (or lies in); None for the nation."""
    if place is None or place.kind is PlaceKind.NATIONAL:
        return None
    if place.kind is PlaceKind.STATE:
        found = tile(place.name)
        return found.code if found else None
    for postal in state_postals(place.name):  # "Kansas City, MO-KS" → MO
        found = tile(postal)
        if found is not None:
            return found.code
    name = place.name.casefold()  # "Northwest Alabama nonmetropolitan area"
    return next((t.code for key, t in BY_NAME.items() if key in name), None)


def short_name(place: Place, limit: int = 24) -> str:
    """A place's name short enough for a chart: "Dallas-Fort Worth-Arlington, TX" → "Dallas
    area, TX"."""
    if len(place.name) <= limit or place.kind is not PlaceKind.METRO:
        return place.name
    head, _, states = place.name.partition(",")
    first = head.split("-")[0].split("/")[0].strip()
    return f"{first} area, {states.strip()}" if states else f"{first} area"


def state_means(places: Places, soc: str) -> dict[str, Money | None]:
    """Postal code → the occupation's annual mean there (None: not published)."""
    states = {p.name.casefold(): p for p in places.all if p.kind is PlaceKind.STATE}
    means: dict[str, Money | None] = {}
    for t in TILES:
        state = states.get(t.name.casefold())
        pay = places.pay(soc, state) if state is not None else None
        means[t.code] = pay.annual_mean if pay is not None else None
    return means


def state_map(
    places: Places, profession: Profession, official: Profession, place: Place | None = None
) -> MapChart | None:
    """The map of ``profession`` (titled so), drawn from the OEWS figures of ``official``,
    ``place``'s state outlined. None when fewer than two states publish a mean."""
    if official.soc is None:
        return None
    return map_chart(profession, state_means(places, official.soc), STATE_SOURCE, state_of(place))


def area_range(
    places: Places, official: Profession, place: Place | None, label: str, colour: str
) -> Range | None:
    """``official``'s published yearly percentiles in ``place`` as a range, when there is one."""
    if place is None or place.is_national or official.soc is None:
        return None
    pay = places.pay(official.soc, place)
    if pay is None:
        return None
    points = (pay.annual_p10, pay.annual_p25, pay.annual_median, pay.annual_p75, pay.annual_p90)
    r = Range(label, *points, colour)
    return r if r.drawable else None


def answer_chart(
    places: Places,
    kind: Kind,
    professions: Sequence[Profession],
    officials: Sequence[Profession],
    place: Place | None = None,
) -> Spec | None:
    """The chart shown with the answer: in ``place`` (beside the national range for /salary,
    every profession there for /compare) when it publishes the figures, else national."""
    if kind is Kind.SALARY and place is not None:
        (p,), (o,) = professions, officials
        return salary_chart(p, area_range(places, o, place, short_name(place), SALARY_COLOUR))
    if kind is Kind.COMPARE and place is not None:
        ranges = [
            area_range(places, o, place, p.title, colour)
            for p, o, colour in zip(
                professions, officials, SIDE_COLOURS[: len(professions)], strict=True
            )
        ]
        if all(ranges):
            rows = tuple(r for r in ranges if r is not None)
            title = f"Yearly pay ranges in {short_name(place)}"
            return PayChart("compare", title, rows, f"{AREA_SOURCE}, {place.name}")
    found = answer_specs(kind, tuple(professions))
    return found[0] if found else None


def answer_charts(
    places: Places,
    kind: Kind,
    professions: Sequence[Profession],
    officials: Sequence[Profession],
    place: Place | None = None,
) -> tuple[Spec, ...]:
    """Every chart of the answer, in order: its chart, then the state map (/salary, /career)."""
    found: list[Spec | None] = [answer_chart(places, kind, professions, officials, place)]
    if kind in MAPPED:
        found.append(state_map(places, professions[0], officials[0], place))
    return tuple(s for s in found if s is not None)
