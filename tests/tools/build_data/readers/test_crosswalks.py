"""readers.crosswalks on the fixture's Census, NEM and CIP extracts."""

from __future__ import annotations

from pathlib import Path

from tools.build_data.readers.crosswalks import (
    CensusRow,
    NemLink,
    read_census,
    read_nem,
    read_programs,
)
from tools.build_data.release import PATHS


def test_census_rows(sources: Path) -> None:
    rows = read_census(sources / PATHS["census"])
    assert CensusRow("Credit counselors and loan officers", "0910", "13-2070") in rows
    assert all(len(r.code) == 4 and r.code.isdigit() for r in rows)  # no group headers
    assert len({r.code for r in rows}) == len(rows)


def test_census_prefixes() -> None:
    assert CensusRow("x", "0960", "13-20XX").prefix == "13-20"
    assert CensusRow("x", "0060", "11-2030").prefix == "11-203"
    assert CensusRow("x", "2205", "25-1000").prefix == "25-1"
    assert CensusRow("x", "0010", "11-1011").prefix == "11-1011"


def test_nem_links(sources: Path) -> None:
    links = read_nem(sources / PATHS["nem"])
    by_code = {n.onet_code: n for n in links}
    assert by_code["15-1252.00"].nem_code == "15-1250"  # the fixture's grouped line
    assert by_code["43-3011.00"] == NemLink(
        "43-3011.00",
        "43-3011",
        "https://www.bls.gov/OOH/office-and-administrative-support/bill-and-account-collectors.htm",
    )
    assert by_code["11-1031.00"].ooh_url is None  # '—': no OOH profile


def test_programs(sources: Path) -> None:
    links = read_programs(sources / PATHS["cip"])
    actors = [p for p in links if p.soc == "27-2011"]
    assert "Acting" in [p.title for p in actors]
    assert not any(p.cip.startswith("99.") for p in links)  # "no match" rows left out
    assert not any(p.title.endswith(".") for p in links)
