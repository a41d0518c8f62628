"""The US as a tile grid: one equal square per state, laid out roughly as on a map.

The layout is the common 11 × 8 grid used by newsrooms for state tile maps (no shapefile
needed); Puerto Rico sits at the bottom right. Rows count from the top.
"""

from __future__ import annotations

from typing import NamedTuple


class Tile(NamedTuple):
    code: str  # USPS postal code
    name: str
    row: int
    col: int


COLUMNS, ROWS = 11, 8

TILES: tuple[Tile, ...] = (
    Tile("AK", "Alaska", 0, 0),
    Tile("ME", "Maine", 0, 10),
    Tile("VT", "Vermont", 1, 9),
    Tile("NH", "New Hampshire", 1, 10),
    Tile("WA", "Washington", 2, 0),
    Tile("ID", "Idaho", 2, 1),
    Tile("MT", "Montana", 2, 2),
    Tile("ND", "North Dakota", 2, 3),
    Tile("MN", "Minnesota", 2, 4),
    Tile("IL", "Illinois", 2, 5),
    Tile("WI", "Wisconsin", 2, 6),
    Tile("MI", "Michigan", 2, 7),
    Tile("NY", "New York", 2, 8),
    Tile("RI", "Rhode Island", 2, 9),
    Tile("MA", "Massachusetts", 2, 10),
    Tile("OR", "Oregon", 3, 0),
    Tile("NV", "Nevada", 3, 1),
    Tile("WY", "Wyoming", 3, 2),
    Tile("SD", "South Dakota", 3, 3),
    Tile("IA", "Iowa", 3, 4),
    Tile("IN", "Indiana", 3, 5),
    Tile("OH", "Ohio", 3, 6),
    Tile("PA", "Pennsylvania", 3, 7),
    Tile("NJ", "New Jersey", 3, 8),
    Tile("CT", "Connecticut", 3, 9),
    Tile("CA", "California", 4, 0),
    Tile("UT", "Utah", 4, 1),
    Tile("CO", "Colorado", 4, 2),
    Tile("NE", "Nebraska", 4, 3),
    Tile("MO", "Missouri", 4, 4),
    Tile("KY", "Kentucky", 4, 5),
    Tile("WV", "West Virginia", 4, 6),
    Tile("VA", "Virginia", 4, 7),
    Tile("MD", "Maryland", 4, 8),
    Tile("DE", "Delaware", 4, 9),
    Tile("AZ", "Arizona", 5, 1),
    Tile("NM", "New Mexico", 5, 2),
    Tile("KS", "Kansas", 5, 3),
    Tile("AR", "Arkansas", 5, 4),
    Tile("TN", "Tennessee", 5, 5),
    Tile("NC", "North Carolina", 5, 6),
    Tile("SC", "South Carolina", 5, 7),
    Tile("DC", "District of Columbia", 5, 8),
    Tile("OK", "Oklahoma", 6, 3),
    Tile("LA", "Louisiana", 6, 4),
    Tile("MS", "Mississippi", 6, 5),
    Tile("AL", "Alabama", 6, 6),
    Tile("GA", "Georgia", 6, 7),
    Tile("HI", "Hawaii", 7, 0),
    Tile("TX", "Texas", 7, 3),
    Tile("FL", "Florida", 7, 8),
    Tile("PR", "Puerto Rico", 7, 10),
)

BY_CODE: dict[str, Tile] = {t.code: t for t in TILES}
BY_NAME: dict[str, Tile] = {t.name.casefold(): t for t in TILES}


def tile(code_or_name: str) -> Tile | None:
    """The tile of a state given its postal code ("TX") or full name ("Texas")."""
    key = code_or_name.strip()
    return BY_CODE.get(key.upper()) or BY_NAME.get(key.casefold())
