"""Full validation of the place data, for ``career-bot check-data`` (start-up checks less).

Every block of the wage table is decoded and checked: area indices in range, only known markers,
employment and wages positive, percentiles in order; and the curated names resolve to OEWS areas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Profession
from . import Places, PlacesError
from .table import FIELD_INDEX, AreaTable, Mark, TableError

_MARKS = {int(m) for m in Mark}
_ORDERS = tuple(
    tuple(FIELD_INDEX[f"{basis}_{p}"] for p in ("p10", "p25", "median", "p75", "p90"))
    for basis in ("hourly", "annual")
)


def _row_problems(values: Sequence[int]) -> Iterable[str]:
    for name, i in FIELD_INDEX.items():
        if values[i] < 0 and values[i] not in _MARKS:
            yield f"{name}: unknown marker {values[i]}"
        elif values[i] == 0 and name != "per_1000" and name != "location_quotient":
            yield f"{name}: zero"
    for order in _ORDERS:
        numbers = [values[i] for i in order if values[i] >= 0]
        if numbers != sorted(numbers):
            yield f"percentiles out of order: {numbers}"


def check_table(table: AreaTable) -> list[str]:
    """Every problem in every block of ``table``."""
    problems: list[str] = []
    for code in sorted(table.occupations):
        try:
            block = table.block(code)
        except (TableError, ValueError, IndexError) as exc:
            problems.append(f"occupation {code}: {exc}")
            continue
        if block is None or not block.areas:
            problems.append(f"occupation {code}: empty block")
            continue
        for area in block.areas:
            values = block.values(area)
            if area >= len(table.areas) or values is None:
                problems.append(f"occupation {code}: area index {area} out of range")
                continue
            for problem in _row_problems(values):
                problems.append(f"occupation {code}, {table.areas[area].name}: {problem}")
    return problems


def check_places(places: Places, professions: Iterable[Profession] = ()) -> tuple[str, list[str]]:
    """A one-line summary and every problem found (the summary is empty when loading failed)."""
    try:
        table = places.wages.table
    except PlacesError as exc:
        return "", exc.problems
    problems = [f"{table.origin}: {p}" for p in check_table(table)]
    titles: dict[str, str] = table.meta.get("titles", {})
    covered = 0
    for p in professions:
        if p.soc is None or p.curated:
            continue
        code = p.soc.replace("-", "")
        if code in titles:
            covered += 1
            if titles[code] != p.title:
                problems.append(f"{table.origin}: {p.soc} is {titles[code]!r}, not {p.title!r}")
    states = sum(a.is_state for a in table.areas)
    summary = (
        f"OK: {states} states and territories, {len(table.areas) - states} metro and nonmetro "
        f"areas, {len(titles):,} occupations ({covered} of them in the dataset), "
        f"{len(places.resolver.index.keys):,} place names."
    )
    return summary, problems
