"""Occupation groups: membership by the SOC, ids, figures, and the employment check."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tools.build_data.context import load_sources
from tools.build_data.readers.oews_national import Group
from tools.build_data.sections.groups import group_ids, group_members, in_group

from .conftest import national


def test_groups_written_beside_the_professions(
    groups: dict[str, dict[str, Any]], oews: sqlite3.Connection
) -> None:
    # the fixture's OEWS lists the 13-2070 broad group and six major groups (not 00-0000)
    assert sorted(groups) == [
        "13-0000", "13-2070", "15-0000", "25-0000", "27-0000", "29-0000", "31-0000", "43-0000",
    ]  # fmt: skip
    credit = groups["13-2070"]
    assert list(credit) == [
        "id", "title", "soc", "group", "source", "year", "pay", "outlook", "members",
    ]  # fmt: skip
    assert credit["id"] == "credit-counselors-and-loan-officers"
    assert credit["group"] == "broad" and credit["members"] == [
        "credit-counselors",
        "loan-officers",
    ]
    cell = national(oews, "13-2070")
    assert credit["pay"]["employment"] == int(cell["v01"])
    assert credit["pay"]["annual_mean"] == int(cell["v04"])
    assert credit["pay"]["p90"] == int(cell["v15"])
    # the projections' summary row; its education columns are '—' and left out
    assert credit["outlook"]["employment_start"] == 333200
    assert credit["outlook"]["growth_pct"] == 1.8
    assert "entry_education" not in credit["outlook"]
    # a major group without a published national cell: members only, never a made-up figure
    major = groups["13-0000"]
    assert major["group"] == "major" and "pay" not in major and len(major["members"]) == 3


def test_group_membership_follows_the_soc() -> None:
    assert in_group("29-1221", "29-1210", "broad")  # SOC 2018: Physicians span 29-1211-1229
    assert not in_group("29-1131", "29-1120", "broad")  # Veterinarians are not Therapists
    assert in_group("29-1122", "29-1120", "broad")
    assert in_group("15-1252", "15-1200", "minor")
    assert not in_group("15-2011", "15-1200", "minor")
    assert in_group("19-5011", "19-5010", "minor")
    assert in_group("29-9099", "29-0000", "major")


def test_group_ids_never_take_an_occupation_id() -> None:
    groups = {"41-2010": Group("Cashiers", "broad"), "41-0000": Group("Sales", "major")}
    assert group_ids(groups, ["cashiers"]) == {
        "41-0000": "sales",
        "41-2010": "cashiers-group",
    }


def test_group_employment_must_add_up(sources: Path, tmp_path: Path) -> None:
    ctx = load_sources(sources)
    ctx.oews.national["13-2070"].employment = Decimal(1)
    with pytest.raises(SystemExit, match="13-2070 .* does not add up"):
        group_members(ctx)


def test_group_files_validate_with_the_professions(built: Path) -> None:
    dataset_mod = pytest.importorskip("bot.dataset")
    dataset = dataset_mod.load_dataset([built, built.parent / "groups"])
    assert dataset.get("credit-counselors-and-loan-officers").is_group
    assert len([p for p in dataset if p.is_group]) == 8
