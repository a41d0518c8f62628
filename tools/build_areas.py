#!/usr/bin/env python3
"""Build ``data/oews-areas.bin``: OEWS wages for every occupation in every state and metro area.

Usage (from the repository root)::

    python tools/build_areas.py --sources ../shared/data --out data/oews-areas.bin

Deterministic: the same source file gives byte-identical output. Documented in data/SOURCES.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bot` and `tools` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.places.table import FIELD_INDEX, encode_table
from tools.oews_areas import AreaWages, read_area_wages

DEFAULT_SOURCES = "../shared/data"
DEFAULT_OUT = "data/oews-areas.bin"
SOURCE = "BLS OEWS May 2025"
ALL_OCCUPATIONS = "000000"


def table_bytes(wages: AreaWages) -> bytes:
    """The compact table for ``wages`` (see :mod:`bot.places.table` for the layout)."""
    index = {a.code: i for i, a in enumerate(wages.areas)}
    rows: dict[str, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
    for cell in wages.cells:
        rows[cell.occupation].append((index[cell.area], cell.values))
    total = {i: vals[FIELD_INDEX["employment"]] for i, vals in rows.get(ALL_OCCUPATIONS, [])}
    areas = [
        (a.code, a.kind, a.state_fips, a.name, max(total.get(i, 0), 0))
        for i, a in enumerate(wages.areas)
    ]
    titles = {code: wages.occupations[code][0] for code in rows}
    meta = {
        "source": SOURCE,
        "release": wages.release,
        "release_code": wages.release_code,
        "titles": titles,
    }
    return encode_table(meta, areas, rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=Path(DEFAULT_SOURCES))
    ap.add_argument("--out", type=Path, default=Path(DEFAULT_OUT))
    args = ap.parse_args(argv)
    data = table_bytes(read_area_wages(args.sources))
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
