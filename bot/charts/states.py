"""The state map's figures, from the place data: each state's mean yearly pay for an occupation.

Pure data like :mod:`.specs` (no plotting library): the figures are the place lookups'
(:class:`bot.places.Places`, OEWS May 2025 state estimates), so the map always agrees with the
location answers. A place that is not a state (a metro or nonmetropolitan area) outlines the
state it lies in (the first one named, for an area across state lines).
"""

from __future__ import annotations

from ..model import Money, Profession
from ..places import Place, PlaceKind, Places
from ..places.names import state_postals
from .specs import MapChart, map_chart
from .tiles import BY_NAME, TILES, tile

STATE_SOURCE = "BLS OEWS May 2025, state estimates"


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
    """The map of ``profession`` (titled so), drawn from the OEWS figures of ``official`` (a
    curated profile's closest occupation, else itself), ``place``'s state outlined. None when
    fewer than two states publish a mean."""
    if official.soc is None:
        return None
    return map_chart(profession, state_means(places, official.soc), STATE_SOURCE, state_of(place))
