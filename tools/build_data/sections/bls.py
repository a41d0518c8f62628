"""``pay`` (BLS OEWS) and ``outlook`` (BLS Employment Projections)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from bot.model import TOP_CODED

from ..common import as_int, money
from ..context import Context
from ..entry import Entry, Flow
from ..readers.oews import NamedWages, TopCoded, Value
from ..readers.projections import Projection
from ..release import EP_END, EP_SOURCE, EP_START, EP_YEAR, OEWS_SOURCE, OEWS_YEAR, TOP_CODE_VALUE
from ..rules import MIN_TOP_JOBS, MIN_TOP_SHARE


def top_place(cells: Sequence[NamedWages], national_emp: Decimal | None) -> Entry | None:
    """Highest annual mean among cells with enough employment (see MIN_TOP_*).

    A top-coded mean (">= $239,200") is only known to be at least the top code, so it wins only
    when it is the sole top-coded candidate and every published mean is below the top code;
    otherwise the highest-paying place cannot be told and None is returned."""
    floor = Decimal(MIN_TOP_JOBS)
    if national_emp is not None:
        floor = max(floor, national_emp * MIN_TOP_SHARE)
    coded: list[str] = []
    numeric: list[tuple[Decimal, Decimal, str]] = []  # (mean, jobs, name)
    for name, w in cells:
        if w.annual_mean is None or w.employment is None or w.employment < floor:
            continue
        if isinstance(w.annual_mean, TopCoded):
            coded.append(name)
        else:
            numeric.append((w.annual_mean, w.employment, name))
    # highest mean, then more jobs, then name A-Z
    best = min(numeric, key=lambda m: (-m[0], -m[1], m[2]), default=None)
    if coded:
        if len(coded) > 1 or (best is not None and best[0] >= TOP_CODE_VALUE):
            return None
        return Flow({"name": coded[0], "annual_mean": TOP_CODED})
    if best is None:
        return None
    return Flow({"name": best[2], "annual_mean": money(best[0])})


def above(mean: Value, best: Entry | None) -> Entry | None:
    """The best-paying industry only where it pays more than the occupation's mean: when both
    are top-coded (or the mean is unknown) that cannot be told."""
    if best is None or mean is None or isinstance(mean, TopCoded):
        return None
    value = best["annual_mean"]
    return best if value == TOP_CODED or Decimal(str(value)) > mean else None


def _annual(value: Value) -> Any:
    if value is None:
        return None
    return TOP_CODED if isinstance(value, TopCoded) else money(value)


def _hourly(value: Value) -> Any:
    # top-coded hourly wages (>= $115.00) cannot be written as ">=239200": left out
    if value is None or isinstance(value, TopCoded):
        return None
    return float(value)


def build_pay(ctx: Context, soc: str) -> Entry | None:
    w = ctx.oews.national.get(soc)
    if w is None:
        return None
    pay: dict[str, Any] = {"source": OEWS_SOURCE, "year": OEWS_YEAR}
    fields = {
        "annual_mean": _annual(w.annual_mean),
        "annual_median": _annual(w.annual_median),
        "hourly_mean": _hourly(w.hourly_mean),
        "hourly_median": _hourly(w.hourly_median),
        "p10": _annual(w.p10),
        "p25": _annual(w.p25),
        "p75": _annual(w.p75),
        "p90": _annual(w.p90),
        "employment": None if w.employment is None else int(w.employment),
        "top_state": top_place(ctx.areas.states.get(soc, ()), w.employment),
        "top_metro": top_place(ctx.areas.metros.get(soc, ()), w.employment),
        "top_industry": above(
            w.annual_mean, top_place(ctx.oews.industries.get(soc, ()), w.employment)
        ),
    }
    pay.update({k: v for k, v in fields.items() if v is not None})
    return pay if len(pay) > 2 else None


def build_outlook(ctx: Context, soc: str) -> Entry | None:
    lines = ctx.projections.lines
    row = lines.get(soc)
    if row is not None:
        return outlook_of(row)
    # BLS projects some occupations only as a group: follow the NEM code of the O*NET codes
    nem_codes = [ctx.nem_code.get(code) for code in ctx.codes_for.get(soc, [])]
    line = next((c for c in nem_codes if c is not None and c in lines), None)
    if line is None:
        return None
    row = lines[line]
    covered = sorted({c[:7] for c, n in ctx.nem_code.items() if n == line})
    note = (
        f"BLS projects this occupation only as part of the broader line '{row.title}' "
        f"({line}), which covers {len(covered)} SOC codes; figures are for that line."
    )
    return outlook_of(row, note)


def build_group_outlook(ctx: Context, soc: str) -> Entry | None:
    """A group's projections summary row. OEWS codes a few minor groups by their only broad
    group (19-5010); the projections use the minor code (19-5000)."""
    summaries = ctx.projections.summaries
    row = summaries.get(soc) or summaries.get(soc[:5] + "00")
    return None if row is None else outlook_of(row)


def outlook_of(row: Projection, note: str | None = None) -> Entry | None:
    out: dict[str, Any] = {
        "source": EP_SOURCE,
        "year": EP_YEAR,
        "start_year": EP_START,
        "end_year": EP_END,
    }

    def people(thousands: Decimal | None) -> int | None:
        return None if thousands is None else as_int(thousands * 1000)

    fields = {
        "employment_start": people(row.employment_start),
        "employment_end": people(row.employment_end),
        "growth_pct": None if row.growth_pct is None else float(row.growth_pct),
        "annual_openings": people(row.annual_openings),
        "entry_education": row.entry_education,
        "work_experience": row.work_experience,
        "job_training": row.job_training,
    }
    out.update({k: v for k, v in fields.items() if v is not None})
    if note:
        out["note"] = note
    return out if len(out) > 4 else None
