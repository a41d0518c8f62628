"""readers.oews, oews_national, oews_areas on the fixture's OEWS extract."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from tools.build_data.readers.oews import TOP, oews_value, open_oews, soc_of
from tools.build_data.readers.oews_areas import OewsAreas, read_areas
from tools.build_data.readers.oews_national import (
    Group,
    OewsNational,
    industry_candidates,
    read_national,
)


@pytest.fixture(scope="module")
def read(sources: Path) -> Iterator[tuple[OewsNational, OewsAreas]]:
    with open_oews(sources / "bls-oews-2025" / "oews-2025.sqlite.gz") as con:
        national = read_national(con)
        yield national, read_areas(con, national.occupations.keys() | national.groups.keys())


def test_values_top_coded_suppressed_and_published() -> None:
    assert oews_value("#", None) is TOP
    assert oews_value("", "5") is TOP  # footnote 5: at or above the top code
    assert oews_value("*", None) is None
    assert oews_value("", "8") is None  # not released
    assert oews_value(" 1,234.50 ", None) == Decimal("1234.50")
    assert soc_of("433011") == "43-3011"


def test_occupations_and_groups(read: tuple[OewsNational, OewsAreas]) -> None:
    national, _ = read
    assert len(national.occupations) == 11
    assert national.occupations["43-3011"] == "Bill and Account Collectors"
    assert national.groups["13-2070"] == Group("Credit Counselors and Loan Officers", "broad")
    assert national.groups["29-0000"].level == "major"
    assert "00-0000" not in national.groups  # All Occupations is not a group to answer
    assert national.major_groups["43"] == "Office and Administrative Support Occupations"


def test_national_cells(read: tuple[OewsNational, OewsAreas]) -> None:
    national, _ = read
    doctors = national.national["29-1216"]
    assert doctors.annual_mean is TOP and doctors.p90 is TOP and doctors.p75 is TOP
    assert doctors.annual_median == Decimal("225000")
    assert national.national["13-2071"].p90 is None  # '*'
    assert national.national["13-2070"].employment == Decimal("302100")  # a group row


def test_industries(read: tuple[OewsNational, OewsAreas]) -> None:
    national, _ = read
    names = [cell.name for cell in national.industries["43-3011"]]
    assert "Legal Services" in names
    # sectors, 3-digit codes with a 4-digit breakdown, 5-digit codes, ownership re-cuts and
    # cross-ownership rows are never candidates
    for other in (
        "Sector 52 - Finance and Insurance",
        "Credit Intermediation and Related Activities",
        "Other Nondepository Credit Intermediation",
        "Hospitals, State Government Owned",
        "Cross-industry, Private Ownership only",
    ):
        assert other not in names
    assert len(names) == len(set(names))


def test_industry_candidates() -> None:
    levels = {
        "520000": ("Finance", 2),
        "522000": ("Credit", 3),
        "522100": ("Depository", 4),
        "622002": ("Hospitals, state", 4),  # an ownership re-cut
        "611000": ("Schools", 3),  # no 4-digit breakdown: kept
    }
    assert industry_candidates(levels) == {"522100", "611000"}


def test_areas(read: tuple[OewsNational, OewsAreas]) -> None:
    _, areas = read
    states = {cell.name: cell.wages for cell in areas.states["43-3011"]}
    assert states["Wyoming"].annual_mean == Decimal("99999")
    assert states["Massachusetts"].employment == Decimal("2510")
    metros = [cell.name for cell in areas.metros["43-3011"]]
    # in area code order; the nonmetropolitan area is not a metro
    assert metros == [
        "Boston-Cambridge-Newton, MA-NH",
        "New York-Newark-Jersey City, NY-NJ",
        "San Francisco-Oakland-Fremont, CA",
    ]
    california = {c.name: c.wages for c in areas.states["13-2071"]}["California"]
    assert california.employment is None and california.annual_mean == Decimal("150000")
