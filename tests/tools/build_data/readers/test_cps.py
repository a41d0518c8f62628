"""readers.cps on the fixture's CPS table 11 and 11b extracts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tools.build_data.readers.cps import read_cps_age, read_cps_shares
from tools.build_data.release import PATHS


def test_shares(sources: Path) -> None:
    rows = read_cps_shares(sources / PATHS["cps_demo"])
    collectors = rows["bill and account collectors"]  # keyed by the normalised title
    assert collectors.title == "Bill and account collectors"
    assert collectors.employed_thousands == Decimal("87")
    assert collectors.women_pct == Decimal("71.2")
    assert dict(collectors.race) == {
        "White": Decimal("66.1"),
        "Black or African American": Decimal("25.8"),
        "Asian": None,  # '–': suppressed
    }
    assert collectors.hispanic_pct == Decimal("15")


def test_age(sources: Path) -> None:
    rows = read_cps_age(sources / PATHS["cps_age"])
    assert rows["bill and account collectors"].median == Decimal("45.5")
    assert rows["actors"].median is None  # '–'
