"""readers.onet on the fixture's O*NET extracts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tools.build_data.readers.onet import education_level_name, read_onet
from tools.build_data.release import PATHS


def test_onet(sources: Path) -> None:
    onet = read_onet(sources / PATHS["onet"])
    assert onet.titles["43-3011.00"] == "Bill and Account Collectors"
    assert onet.descriptions["29-1141.00"].startswith("Assess patient health problems")
    assert any(a.title == "Debt Collector" and a.code == "43-3011.00" for a in onet.alternate)
    assert all(isinstance(a.sources, tuple) for a in onet.alternate)
    assert onet.tasks["43-3011.00"][0].kind == "Supplemental"  # file order kept
    # ratings flagged "Recommend Suppress" are left out (Active Listening of 43-3011.00)
    assert "Active Listening" not in dict(onet.skills["43-3011.00"])
    assert dict(onet.skills["43-3011.00"])["Speaking"] == Decimal("3.88")
    assert onet.education_names[2] == "High School Diploma"
    assert onet.experience_names[1] == "No related experience"  # unnamed in O*NET
    assert onet.experience_names[11] == "Over 10 years"
    assert sum(p for _, p in onet.experience["43-3011.00"]) > 95
    assert onet.job_zones["29-1216.00"] == 5
    assert "15-1252.00" not in onet.education  # O*NET publishes no 2.D.1 data for it
    first = onet.related["43-3011.00"][0]
    assert (first.code, first.tier, first.index) == ("13-2081.00", "Primary-Short", Decimal(2))


def test_education_level_name() -> None:
    assert education_level_name("High School Diploma - or the equivalent (e.g., GED)") == (
        "High School Diploma"
    )
    assert education_level_name("Bachelor's Degree") == "Bachelor's Degree"
