"""The start-up cache can only make loading faster, never change an answer."""

from __future__ import annotations

import logging
import marshal
import os
import stat
from pathlib import Path

import pytest

from bot import records, timing
from bot.cache import DiskCache, digest
from bot.datafiles import ReadLimits
from bot.dataset import Dataset, DatasetError, load_dataset
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


def test_checked_records_rebuild_equal_to_the_checked_ones(shipped: Dataset) -> None:
    back = records.from_plain(marshal.loads(marshal.dumps(records.to_plain(shipped.professions))))
    assert tuple(back) == shipped.professions
    assert [p.origin for p in back] == [p.origin for p in shipped.professions]


def test_a_restart_with_the_same_files_checks_nothing_again(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "cache")
    first = load_dataset(paths=[MINI, CURATED], cache=cache)
    spent: dict[str, float] = {}
    stop = timing.listen(spent.__setitem__)
    try:
        again = load_dataset(paths=[MINI, CURATED], cache=cache)
    finally:
        stop()
    assert "validation" not in spent and "yaml_parse" not in spent
    assert again.professions == first.professions and again.fingerprint == first.fingerprint
    assert [p.origin for p in again] == [p.origin for p in first]
    assert len(list((tmp_path / "cache").glob("checked-*"))) == 1


def test_bad_data_written_after_a_good_start_fails_loudly(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.yaml"
    path.parent.mkdir()
    cache = DiskCache(tmp_path / "cache")
    path.write_text("professions:\n  - {id: a, title: Alpha, pay: {source: s, year: 2025}}\n")
    load_dataset(paths=[path.parent], cache=cache)
    path.write_text("professions:\n  - {id: a, title: Alpha, pay: {source: s, year: 1066}}\n")
    with pytest.raises(DatasetError) as info:
        load_dataset(paths=[path.parent], cache=cache)
    assert f"{path}: entry 'a' (#1), field 'pay.year'" in str(info.value)


def test_moved_files_name_their_new_place(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "cache")
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "x.yaml").write_text("professions:\n  - {id: a, title: Alpha}\n")
        assert load_dataset(paths=[folder], cache=cache).by_id["a"].origin == str(folder / "x.yaml")


def test_checked_records_of_another_shape_are_checked_again(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "cache")
    first = load_dataset(paths=[MINI, CURATED], cache=cache)
    key = digest(first.fingerprint, records.CODE_DIGEST, repr(ReadLimits()), *first.files)
    assert cache.get("checked", key) is not None  # (the key the loader keeps them under)
    cache.put("checked", key, [("not", "a", "profession")])
    assert load_dataset(paths=[MINI, CURATED], cache=cache).professions == first.professions


def test_changed_file_is_reparsed(tmp_path: Path) -> None:
    path = tmp_path / "data" / "x.yaml"
    path.parent.mkdir()
    cache = DiskCache(tmp_path / "cache")
    path.write_text("professions:\n  - {id: a, title: Alpha}\n")
    assert load_dataset(paths=[path.parent], cache=cache).by_id["a"].title == "Alpha"
    path.write_text("professions:\n  - {id: a, title: Beta}\n")
    assert load_dataset(paths=[path.parent], cache=cache).by_id["a"].title == "Beta"
    assert len(list((tmp_path / "cache").glob("yaml-*"))) == 1  # the old parse was pruned


# --------------------------------------------------------------------------- a poisoned cache

POISON_QUERY = "debt collector"  # an alias of Bill and Account Collectors in the mini layer


def _index_entry(folder: Path) -> Path:
    (entry,) = [p for p in folder.iterdir() if p.name.startswith("index-")]
    return entry


def _poison(entry: Path, victim: int, key: str | None) -> None:
    """Rewrite the cached index so that every key resolves to profession ``victim``; keep the
    old digest (a tampered file) or, given the entry's ``key``, write a matching one (as someone
    who can write the folder could)."""
    import marshal

    import bot.cache as cache_mod

    data = entry.read_bytes()
    header, _, payload = data[len(cache_mod.MAGIC) :].partition(b"\n")
    state = list(marshal.loads(payload))
    state[1] = [[(victim, 4, 99, "Poisoned")] for _ in state[1]]  # every key's owners
    payload = marshal.dumps(tuple(state))
    if key is not None:
        header = cache_mod.digest("marshal", "index", key, payload).encode()
    entry.write_bytes(cache_mod.MAGIC + header + b"\n" + payload)


def _matcher(folder: Path) -> tuple[Matcher, int, str]:
    """A matcher for the mini data cached in ``folder``; the victim's position; the index key."""
    from bot.cache import digest
    from bot.matching import index

    ds = load_dataset(paths=[MINI, CURATED])
    key = digest(ds.fingerprint, index._CODE_DIGEST, str(len(ds)))
    victim = next(i for i, p in enumerate(ds.professions) if p.id == "security-guards")
    matcher = Matcher(ds.professions, disk=DiskCache(folder), fingerprint=ds.fingerprint)
    return matcher, victim, key


def _resolved_id(matcher: Matcher) -> str | None:
    res = matcher.resolve(POISON_QUERY)
    return res.profession.id if res.profession else None


def test_a_tampered_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first, victim, _ = _matcher(folder)
    assert _resolved_id(first) == "bill-and-account-collectors"
    _poison(_index_entry(folder), victim, None)
    again, _, _ = _matcher(folder)
    assert _resolved_id(again) == "bill-and-account-collectors"


def test_a_poisoned_cache_in_a_folder_others_can_write_is_not_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "cache"
    _, victim, key = _matcher(folder)
    _poison(_index_entry(folder), victim, key)
    folder.chmod(0o777)
    with caplog.at_level(logging.WARNING, logger="bot.cache"):
        matcher, _, _ = _matcher(folder)
    assert _resolved_id(matcher) == "bill-and-account-collectors"
    assert "Start-up cache off" in caplog.text and "written by other users" in caplog.text
    folder.chmod(0o700)  # the same bytes in a private folder: the user's own file, trusted
    trusted, _, _ = _matcher(folder)
    assert _resolved_id(trusted) == "security-guards"  # so the poison was real


def test_a_folder_of_another_user_is_not_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    if os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user")
    os.chown(folder, 65534, 65534)
    with caplog.at_level(logging.WARNING, logger="bot.cache"):
        matcher, _, _ = _matcher(folder)
    assert _resolved_id(matcher) == "bill-and-account-collectors"
    assert "belongs to another user" in caplog.text
    assert list(folder.iterdir()) == []  # nothing written there either


def test_new_folders_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "cache"
    DiskCache(folder).put("yaml", "k", {"a": 1})
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (entry,) = folder.iterdir()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"\x00" * 64,
        b"career-bot cache\n",
        b"career-bot cache\n" + b"0" * 64 + b"\n" + b"\xe3" * 100,  # marshal garbage
    ],
)
def test_crafted_bytes_never_reach_a_decoder(tmp_path: Path, payload: bytes) -> None:
    cache = DiskCache(tmp_path)
    cache.put("index", "key", ([1], [2]))
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(payload)
    assert cache.get("index", "key") is None


def test_a_code_object_with_a_valid_digest_is_refused_by_the_shape_check(tmp_path: Path) -> None:
    """Even bytes written with a matching digest (the user's own folder) are checked: a marshal
    code object is never a valid index, and marshal never runs it."""
    import marshal

    import bot.cache as cache_mod
    from bot.matching.index import valid_state

    cache = DiskCache(tmp_path)
    cache.put("index", "key", "placeholder")
    (entry,) = tmp_path.iterdir()
    payload = marshal.dumps(compile("raise SystemExit('ran')", "x", "exec"))
    header = cache_mod.digest("marshal", "index", "key", payload).encode()
    entry.write_bytes(cache_mod.MAGIC + header + b"\n" + payload)
    assert cache.get("index", "key", lambda s: valid_state(s, 3)) is None


def test_a_symlinked_entry_is_not_followed(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "c")
    cache.put("yaml", "key", {"a": 1})
    (entry,) = (tmp_path / "c").iterdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert cache.get("yaml", "key") is None


def test_parsed_yaml_is_kept_as_json(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    doc = {"professions": [{"id": "a", "pay": {"annual_mean": 1.5, "year": 2025, "x": None}}]}
    cache.put("yaml", "k", doc)
    (entry,) = tmp_path.iterdir()
    assert b'"annual_mean":1.5' in entry.read_bytes()
    assert cache.get("yaml", "k") == doc
    cache.put("yaml", "odd", {1: "an integer key JSON would turn into text"})
    assert cache.get("yaml", "odd") is None  # not kept: parsed again every time
