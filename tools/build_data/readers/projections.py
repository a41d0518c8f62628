"""BLS Employment Projections, table 1.2: one record per line item and per summary row."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..common import clean_text, opt_text, read_csv, to_decimal
from ..release import EP_COLUMNS


@dataclass(frozen=True)
class Projection:
    """One row; employment and openings in thousands as published; None where BLS prints '—'."""

    code: str  # the National Employment Matrix code ("43-3011", "15-1250", "29-1210")
    title: str
    summary: bool  # a summary row (an occupation group) rather than a line item
    employment_start: Decimal | None
    employment_end: Decimal | None
    growth_pct: Decimal | None
    annual_openings: Decimal | None
    entry_education: str | None
    work_experience: str | None
    job_training: str | None


@dataclass
class Projections:
    lines: dict[str, Projection]  # line items by NEM code
    summaries: dict[str, Projection]  # summary rows by NEM code


def read_projections(path: Path) -> Projections:
    lines: dict[str, Projection] = {}
    summaries: dict[str, Projection] = {}
    for row in read_csv(path):
        kind = row.get(EP_COLUMNS["kind"], "").strip()
        if kind not in {"Line item", "Summary"}:
            continue
        rec = _projection(row, summary=kind == "Summary")
        (summaries if rec.summary else lines)[rec.code] = rec
    return Projections(lines, summaries)


def _projection(row: dict[str, str], summary: bool) -> Projection:
    def number(field: str) -> Decimal | None:
        return to_decimal(row.get(EP_COLUMNS[field]))

    def text(field: str) -> str | None:
        return opt_text(row.get(EP_COLUMNS[field]))

    return Projection(
        code=row[EP_COLUMNS["code"]].strip(),
        title=clean_text(row[EP_COLUMNS["title"]]),
        summary=summary,
        employment_start=number("employment_start"),
        employment_end=number("employment_end"),
        growth_pct=number("growth_pct"),
        annual_openings=number("annual_openings"),
        entry_education=text("entry_education"),
        work_experience=text("work_experience"),
        job_training=text("job_training"),
    )
