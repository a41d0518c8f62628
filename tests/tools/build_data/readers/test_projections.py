"""readers.projections on the fixture's table 1.2 extract."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tools.build_data.readers.projections import read_projections
from tools.build_data.release import PATHS


def test_line_items_and_summary_rows(sources: Path) -> None:
    ep = read_projections(sources / PATHS["ep"])
    assert "15-1250" in ep.lines and "15-1252" not in ep.lines  # the fixture's grouped line
    assert sorted(ep.summaries) == ["00-0000", "13-2070"]
    collectors = ep.lines["43-3011"]
    assert not collectors.summary
    assert collectors.employment_start == Decimal("166.9")  # thousands, as published
    assert collectors.growth_pct == Decimal("-10.5")
    assert collectors.entry_education == "High school diploma or equivalent"
    assert collectors.work_experience == "None"  # BLS's word, kept
    assert ep.lines["27-2011"].work_experience is None  # '—'
    group = ep.summaries["13-2070"]
    assert group.summary and group.title == "Credit counselors and loan officers"
    assert group.entry_education is None and group.annual_openings == Decimal("22.5")
