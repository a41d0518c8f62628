"""``demographics`` (CPS table 11) and ``age`` (CPS table 11b), through the Census rows that
cover the occupation's SOC code(s)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ..common import as_float, norm_title
from ..context import Context
from ..entry import Entry, Flow
from ..readers.cps import CpsShares
from ..readers.crosswalks import CensusRow
from ..release import CPS_AGE_SOURCE, CPS_AGE_YEAR, CPS_DEMO_SOURCE, CPS_DEMO_YEAR
from .majors import soc_components


def census_rows_for(ctx: Context, soc: str) -> list[CensusRow]:
    rows: list[CensusRow] = []
    for part in soc_components(ctx, soc):
        matches = [r for r in ctx.census if part.startswith(r.prefix)]
        if not matches:
            continue
        best = max(matches, key=lambda r: (len(r.prefix), r.code))
        if best not in rows:
            rows.append(best)
    return rows


Pick = Callable[[CpsShares], Decimal | None]


def _combined(found: list[CpsShares], pick: Pick) -> float | None:
    """One figure of one CPS row; of several rows (a BLS aggregate such as 31-1120), their
    employment-weighted mean, only when every row publishes the figure."""
    if len(found) == 1:
        v = pick(found[0])
        return None if v is None else as_float(v, 1)
    total = Decimal(0)
    weighted = Decimal(0)
    for cps in found:
        v, emp = pick(cps), cps.employed_thousands
        if v is None or emp is None:
            return None
        total += emp
        weighted += v * emp
    return None if total == 0 else as_float(weighted / total, 1)


def _race_pick(i: int) -> Pick:
    return lambda c: c.race[i][1]


def build_demographics(
    ctx: Context, soc: str, rows: list[CensusRow], share: dict[str, int]
) -> Entry | None:
    found: list[CpsShares] = []
    for r in rows:
        cps = ctx.cps_shares.get(norm_title(r.title))
        if cps is None:
            return None
        found.append(cps)
    if not found:
        return None
    out: dict[str, Any] = {"source": CPS_DEMO_SOURCE, "year": CPS_DEMO_YEAR}
    women = _combined(found, lambda c: c.women_pct)
    if women is not None:
        out["women_pct"] = women
    labels = [label for label, _ in found[0].race]
    race = {
        label: v
        for i, label in enumerate(labels)
        if (v := _combined(found, _race_pick(i))) is not None
    }
    if race:
        out["race"] = Flow(race)
    hispanic = _combined(found, lambda c: c.hispanic_pct)
    if hispanic is not None:
        out["hispanic_pct"] = hispanic
    if len(out) == 2:
        return None
    covers = cps_covers(soc, rows, share)
    if covers:
        out["covers"] = covers
    return out


def cps_covers(soc: str, rows: list[CensusRow], share: dict[str, int]) -> str | None:
    if len(rows) > 1:
        names = " and ".join(f"'{r.title}'" for r in rows)
        return f"CPS rows {names} combined, weighted by employment"
    row = rows[0]
    n = share[row.code]
    if n > 1:
        return f"CPS group '{row.title}' (covers {n} SOC codes)"
    if row.pattern != soc:
        return f"CPS group '{row.title}' (SOC {row.pattern})"
    return None


def build_age(ctx: Context, soc: str, rows: list[CensusRow], share: dict[str, int]) -> Entry | None:
    if len(rows) != 1:
        return None  # medians of several CPS rows cannot be combined
    cps = ctx.cps_age.get(norm_title(rows[0].title))
    if cps is None or cps.median is None:
        return None
    out: dict[str, Any] = {
        "source": CPS_AGE_SOURCE,
        "year": CPS_AGE_YEAR,
        "median": float(cps.median),
    }
    covers = cps_covers(soc, rows, share)
    if covers:
        out["note"] = covers
    return out
