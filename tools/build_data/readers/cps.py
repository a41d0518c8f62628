"""BLS Current Population Survey tables 11 (sex, race, ethnicity) and 11b (age), by the CPS
row titles (Census occupation titles; see ``crosswalks`` for their SOC codes)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..common import norm_title, read_csv, to_decimal

RACE_COLUMNS = (
    ("White", "pct_white"),
    ("Black or African American", "pct_black"),
    ("Asian", "pct_asian"),
)


@dataclass(frozen=True)
class CpsShares:
    """One row of table 11; percentages outside 0–100 or suppressed ('–') are None."""

    title: str
    employed_thousands: Decimal | None
    women_pct: Decimal | None
    race: tuple[tuple[str, Decimal | None], ...]  # (group, pct) in RACE_COLUMNS order
    hispanic_pct: Decimal | None


@dataclass(frozen=True)
class CpsAge:
    """One row of table 11b."""

    title: str
    median: Decimal | None


def _pct(text: str | None) -> Decimal | None:
    value = to_decimal(text)
    return value if value is not None and 0 <= value <= 100 else None


def read_cps_shares(path: Path) -> dict[str, CpsShares]:
    """Table 11 rows by :func:`norm_title` of their title (the last of equal titles wins)."""
    out: dict[str, CpsShares] = {}
    for r in read_csv(path):
        out[norm_title(r["occupation"])] = CpsShares(
            title=r["occupation"],
            employed_thousands=to_decimal(r.get("total_employed_thousands")),
            women_pct=_pct(r.get("pct_women")),
            race=tuple((label, _pct(r.get(col))) for label, col in RACE_COLUMNS),
            hispanic_pct=_pct(r.get("pct_hispanic")),
        )
    return out


def read_cps_age(path: Path) -> dict[str, CpsAge]:
    """Table 11b rows by :func:`norm_title` of their title."""
    return {
        norm_title(r["occupation"]): CpsAge(r["occupation"], to_decimal(r.get("median_age")))
        for r in read_csv(path)
    }
