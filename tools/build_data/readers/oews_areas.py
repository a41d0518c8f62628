"""OEWS state and metro figures (all industries).

Today the builder uses each area's employment and annual mean, to name the highest-paying state
and metro area of every occupation (``pay.top_state``, ``pay.top_metro``). This is the reader
the full per-area wage tables (every figure, every state and metro) grow from.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from .oews import NamedWages, cells, mean_and_jobs, soc_of

STATE, METRO = "OEUS", "OEUM"  # key prefixes


@dataclass
class OewsAreas:
    states: dict[str, list[NamedWages]]  # SOC -> (state name, wages), in area code order
    metros: dict[str, list[NamedWages]]  # SOC -> (metro area name, wages); no nonmetro areas


def read_areas(con: sqlite3.Connection, socs: Collection[str]) -> OewsAreas:
    """Employment and annual mean of every occupation (or group) in ``socs``, by area."""
    names = {
        code: name.strip() for code, name in con.execute("SELECT area_code, area_name FROM area")
    }
    found: dict[str, dict[str, list[NamedWages]]] = {}
    for prefix in (STATE, METRO):
        by_soc: dict[str, list[NamedWages]] = defaultdict(list)
        for key, values, notes in cells(con, prefix, ("01", "04")):
            area, ind, soc = key[4:11], key[11:17], soc_of(key[17:23])
            if ind != "000000" or soc not in socs:
                continue
            name = names.get(area, "")
            if prefix == METRO and "nonmetropolitan" in name.lower():
                continue
            by_soc[soc].append(NamedWages(names[area], mean_and_jobs(values, notes)))
        found[prefix] = dict(by_soc)
    return OewsAreas(found[STATE], found[METRO])
