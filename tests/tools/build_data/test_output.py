"""The written files: deterministic bytes, one per major group, key order, nothing made up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.model import ENTRY_KEYS, SECTION_KEYS
from tools.build_data import main, rules
from tools.build_data.writer import in_schema_order

from .conftest import load_entries


def walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)


def test_deterministic_byte_identical(sources: Path, built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again" / "professions"
    main(["--sources", str(sources), "--out", str(again), "-q"])
    for folder in ("professions", "groups"):
        first = {p.name: p.read_bytes() for p in sorted((built.parent / folder).glob("*.yaml"))}
        second = {p.name: p.read_bytes() for p in sorted((again.parent / folder).glob("*.yaml"))}
        assert first == second and first
        assert b"\r" not in b"".join(first.values())


def test_one_file_per_major_group(built: Path, entries: dict[str, dict[str, Any]]) -> None:
    names = sorted(p.name for p in built.glob("*.yaml"))
    assert names == [
        "13-business-and-financial-operations.yaml",
        "15-computer-and-mathematical.yaml",
        "25-educational-instruction-and-library.yaml",
        "27-arts-design-entertainment-sports-and-media.yaml",
        "29-healthcare-practitioners-and-technical.yaml",
        "31-healthcare-support.yaml",
        "43-office-and-administrative-support.yaml",
    ]
    assert sorted(p.name for p in (built.parent / "groups").glob("*.yaml")) == names
    for path in built.glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(doc) == ["professions"]
        socs = [e["soc"] for e in doc["professions"]]
        assert socs == sorted(socs)
        assert all(s.startswith(path.name[:2]) for s in socs)
    # every detailed OEWS occupation of the fixture, and nothing else (no 13-2070 group row,
    # no 11-1031 projections-only line)
    assert sorted(entries) == [
        "13-2071", "13-2072", "13-2081", "15-1252", "15-1253", "25-2021", "27-2011", "29-1141",
        "29-1216", "31-1120", "43-3011",
    ]  # fmt: skip


def test_key_order_and_provenance(
    entries: dict[str, dict[str, Any]], groups: dict[str, dict[str, Any]]
) -> None:
    for e in [*entries.values(), *groups.values()]:
        keys = list(e)
        assert keys == sorted(keys, key=ENTRY_KEYS.index)  # the model's order
        for name in SECTION_KEYS.keys() & set(e):
            section = e[name]
            assert list(section) == sorted(section, key=SECTION_KEYS[name].index)
            assert list(section)[:2] == ["source", "year"], name
            assert isinstance(section["year"], int)
    for e in entries.values():
        assert e["source"] == "O*NET 29.3" and e["year"] == 2025


def test_no_nulls_and_no_placeholder_zeros(entries: dict[str, dict[str, Any]]) -> None:
    for e in entries.values():
        for v in walk(e):
            assert v is not None
            assert v not in ("", "—", "–", "-", "*", "#")
        pay = e.get("pay", {})
        for key in ("annual_mean", "annual_median", "hourly_mean", "hourly_median", "p10", "p90"):
            assert pay.get(key, 1) != 0


def test_validates_against_schema(built: Path) -> None:
    dataset_mod = pytest.importorskip("bot.dataset")
    dataset = dataset_mod.load_dataset([built, built.parent / "groups"])
    assert len([p for p in dataset if not p.is_group]) == 11


def test_cli_defaults() -> None:
    assert rules.DEFAULT_SOURCES == "../shared/data"
    assert rules.DEFAULT_OUT == "data/professions"


def test_stale_yaml_removed(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "99-old.yaml").write_text("professions: []\n", encoding="utf-8")
    (out / "keep.txt").write_text("x", encoding="utf-8")
    main(["--sources", str(sources), "--out", str(out), "-q"])
    assert not (out / "99-old.yaml").exists()
    assert (out / "keep.txt").exists()


def test_keys_outside_the_schema_are_refused() -> None:
    with pytest.raises(ValueError, match=r"\['pay.salary', 'wage'\]"):
        in_schema_order({"id": "a", "wage": 1, "pay": {"source": "x", "year": 1, "salary": 2}})
    entry = {"pay": {"year": 2025, "source": "x"}, "title": "A", "id": "a"}
    assert list(in_schema_order(entry)) == ["id", "title", "pay"]
    assert list(in_schema_order(entry)["pay"]) == ["source", "year"]


def test_groups_folder_can_be_chosen(sources: Path, tmp_path: Path) -> None:
    main(["--sources", str(sources), "--out", str(tmp_path / "p"), "--groups", str(tmp_path / "g")])
    assert load_entries(tmp_path / "g")["13-2070"]["group"] == "broad"
