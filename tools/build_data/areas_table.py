"""The wage table of the location answers: ``data/oews-areas.bin`` from the OEWS area cells.

Layout and reader: :mod:`bot.places.table`. Deterministic: the same source gives byte-identical
output (no timestamps; areas, occupations and rows in code order).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from bot.places.table import FIELD_INDEX, encode_table

from .readers.oews import open_oews
from .readers.oews_areas import AreaWages, read_area_wages
from .release import OEWS_SOURCE, PATHS

ALL_OCCUPATIONS = "000000"
TABLE_FILE = "oews-areas.bin"


def table_bytes(wages: AreaWages) -> bytes:
    """The compact table for ``wages``; each area's total employment orders places by size."""
    index = {a.code: i for i, a in enumerate(wages.areas)}
    rows: dict[str, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
    for cell in wages.cells:
        rows[cell.occupation].append((index[cell.area], cell.values))
    total = {i: vals[FIELD_INDEX["employment"]] for i, vals in rows.get(ALL_OCCUPATIONS, [])}
    areas = [
        (a.code, a.kind, a.state_fips, a.name, max(total.get(i, 0), 0))
        for i, a in enumerate(wages.areas)
    ]
    meta = {
        "source": OEWS_SOURCE,
        "release": wages.release,
        "release_code": wages.release_code,
        "titles": {code: wages.occupations[code][0] for code in rows},
    }
    return encode_table(meta, areas, rows)


def write_area_table(sources: Path, out: Path) -> Path:
    """Read the OEWS file under ``sources`` and write the table to ``out``."""
    with open_oews(sources / PATHS["oews"]) as con:
        data = table_bytes(read_area_wages(con))
    out.write_bytes(data)
    return out
