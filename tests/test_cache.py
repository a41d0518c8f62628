"""The start-up cache can only make loading faster, never change an answer."""

from __future__ import annotations

from pathlib import Path

from bot.cache import DiskCache
from bot.dataset import DatasetError, load_dataset
from bot.matching import Matcher

from .conftest import CURATED, MINI


def test_roundtrip_and_missing(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    assert cache.get("yaml", "abc") is None
    cache.put("yaml", "abc", {"professions": [{"id": "a", "n": [1, 2.5, None, True]}]})
    assert cache.get("yaml", "abc") == {"professions": [{"id": "a", "n": [1, 2.5, None, True]}]}


def test_corrupt_or_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.put("yaml", "abc", [1, 2, 3])
    for path in tmp_path.iterdir():
        path.write_bytes(b"\x00garbage")
    assert cache.get("yaml", "abc") is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    DiskCache(blocked / "sub").put("yaml", "abc", [1])  # no exception
    DiskCache(None).put("yaml", "abc", [1])
    assert DiskCache(None).get("yaml", "abc") is None


def test_cached_dataset_and_index_equal_fresh_ones(tmp_path: Path) -> None:
    fresh = load_dataset(paths=[MINI, CURATED])
    first = load_dataset(paths=[MINI, CURATED], cache=DiskCache(tmp_path))
    second = load_dataset(paths=[MINI, CURATED], cache=DiskCache(tmp_path))
    assert fresh.professions == first.professions == second.professions
    assert fresh.fingerprint == second.fingerprint != ""
    built = Matcher(second.professions)
    Matcher(second.professions, disk=DiskCache(tmp_path), fingerprint=second.fingerprint)
    assert any(p.name.startswith("index-") for p in tmp_path.iterdir())
    loaded = Matcher(second.professions, disk=DiskCache(tmp_path), fingerprint=second.fingerprint)
    assert loaded.keys == built.keys
    for q in ["RN", "colections specialist", "nurse working on cruise ships", "xyzzy", "tru"]:
        assert loaded.resolve(q) == built.resolve(q)
        assert loaded.suggest(q) == built.suggest(q)


def test_bad_data_fails_even_when_cached(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.yaml"
    path.parent.mkdir()
    path.write_text(
        "professions:\n  - {id: a, title: A, pay: {source: s, year: 2025, p10: 9, p90: 1}}\n"
    )
    cache = DiskCache(tmp_path / "cache")
    for _ in range(2):
        try:
            load_dataset(paths=[path.parent], cache=cache)
        except DatasetError as exc:
            assert "percentiles out of order" in str(exc)
        else:
            raise AssertionError("bad data loaded")


def test_changed_file_is_reparsed(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.yaml"
    path.parent.mkdir()
    cache = DiskCache(tmp_path / "cache")
    path.write_text("professions:\n  - {id: a, title: Alpha}\n")
    assert load_dataset(paths=[path.parent], cache=cache).by_id["a"].title == "Alpha"
    path.write_text("professions:\n  - {id: a, title: Beta}\n")
    assert load_dataset(paths=[path.parent], cache=cache).by_id["a"].title == "Beta"
    assert len(list((tmp_path / "cache").glob("yaml-*"))) == 1  # the old parse was pruned
