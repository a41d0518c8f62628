"""Hostile ``CAREER_BOT_DATA`` files and paths: one clear line naming the file, a refusal to start,
quickly and without exhausting memory (the committed corpus is in tests/fixtures/hostile/)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from bot import datafiles
from bot.datafiles import MB, DataFileError, ReadLimits, find_yaml_files, parse_yaml, read_bytes
from bot.dataset import DatasetError, load_dataset

from .conftest import MINI, ROOT, TESTS

HOSTILE = TESTS / "fixtures" / "hostile"
CORPUS = sorted(HOSTILE.glob("*.yaml"))
FAST = 5.0  # seconds: generous for a loaded machine; the billion-laughs file took 37 s before

EXPECTED = {
    "anchor": "YAML anchor",
    "bad-date": "must be a year like 2025 (or null), got '2025-13-45'",
    "billion-laughs": "YAML anchor",
    "deep-nesting": "more than 32 levels deep",
    "deeper-than-the-parser": "maximum nesting depth",
    "duplicate-keys": "has the key 'annual_mean' twice",
    "explicit-timestamp": "YAML tag !!timestamp",
    "huge-float": "must be a number, got inf",
    "huge-integer": "must be a whole number, got '9999",
    "merge-key": "YAML merge key",
    "nul-byte": "control characters are not allowed",
    "python-tag": "YAML tag !!python/object/apply:os.system",
    "recursive-alias": "YAML anchor",
    "set-tag": "YAML tag !!set",
    "two-documents": "another document",
}


def _refused(path: Path | str, limits: ReadLimits | None = None) -> str:
    """Load MINI plus ``path`` as an admin's layer: exactly one problem, naming ``path``."""
    start = time.perf_counter()
    with pytest.raises(DatasetError) as info:
        load_dataset(paths=[MINI], extra=[path], limits=limits)
    assert time.perf_counter() - start < FAST
    problems = info.value.problems
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}: "), problems[0]
    assert "\n" not in problems[0] and len(problems[0]) < 400
    return problems[0]


def test_the_corpus_is_complete() -> None:
    assert {p.stem for p in CORPUS} == set(EXPECTED)


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_each_hostile_file_is_one_clear_line(path: Path) -> None:
    assert EXPECTED[path.stem] in _refused(path)


def test_aliases_are_refused_by_the_loader_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the anchor scan, the loader still refuses every alias and merge key."""
    from bot import datafiles

    monkeypatch.setattr(datafiles, "_refuse_anchors", lambda text: None)
    assert parse_yaml(b"a: &x 1\n") == {"a": 1}  # an unused anchor: harmless to the loader
    with pytest.raises(DataFileError, match="alias"):
        parse_yaml(b"a: &x 1\nb: *x\n")
    with pytest.raises(DataFileError, match="alias"):
        parse_yaml((HOSTILE / "billion-laughs.yaml").read_bytes())
    with pytest.raises(DataFileError, match="merge key"):
        parse_yaml(b"a: &x {b: 1}\nc: {<<: *x}\n")


def test_text_with_ampersands_and_stars_is_not_an_anchor() -> None:
    doc = parse_yaml(b"title: Food & Beverage *Managers*\nnote: R&D, 5 * 3\n")
    assert doc == {"title": "Food & Beverage *Managers*", "note": "R&D, 5 * 3"}


def test_the_shipped_data_passes_the_strict_reader() -> None:
    assert len(load_dataset()) > 800


def test_the_root_of_the_file_system_is_refused() -> None:
    assert "root of the file system" in _refused(Path("/"))


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not yaml")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.yaml").write_text("professions: []")
    assert "holds no YAML files" in _refused(tmp_path)


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    assert "a character device (through a symlink)" in _refused(link)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "zero.yaml").symlink_to("/dev/zero")
    with pytest.raises(DatasetError, match=r"folder/zero.yaml: is a character device"):
        load_dataset(paths=[MINI], extra=[folder])


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert "named pipe" in _refused(fifo)


def test_a_sparse_3_gb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(3 * 1024 * MB)
    assert "more than the 50 MB" in _refused(big)


def test_the_size_cap_is_configurable(tmp_path: Path) -> None:
    data = (MINI / "public.yaml").read_bytes()
    bigger = tmp_path / "bigger.yaml"
    bigger.write_bytes(data + b"#" * 100 + b"\n")
    small = ReadLimits(max_bytes=len(data) + 50)
    assert "CAREER_BOT_MAX_FILE_MB" in _refused(bigger, small)
    assert read_bytes(bigger, ReadLimits(max_bytes=len(data) + 101)) == bigger.read_bytes()


def test_reading_allocates_what_the_file_holds_not_the_cap(tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_bytes(b"a: 1\n" * 1000)
    tracemalloc.start()
    try:
        assert read_bytes(small, ReadLimits(max_bytes=50 * MB)) == small.read_bytes()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MB  # not the 50 MB cap, allocated and then shrunk


@pytest.mark.parametrize("grown", [0, 10, 3 * datafiles.READ_CHUNK])
def test_a_file_growing_while_read_is_read_to_its_end_or_one_byte_past_the_cap(
    grown: int,
) -> None:
    stated, cap = 100, 200 + datafiles.READ_CHUNK
    content = b"x" * (stated + grown)
    got = datafiles._read_capped(io.BytesIO(content), stated, cap)
    assert got == content[: cap + 1]


def test_a_folder_with_too_many_entries_is_refused(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"{i}.txt").touch()
    with pytest.raises(DataFileError, match="more than 20 files"):
        find_yaml_files(tmp_path, ReadLimits(max_entries=20))


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.yaml").write_text("professions: []\n")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    assert find_yaml_files(tmp_path) == [tmp_path / "a" / "x.yaml"]


def test_an_unreadable_file_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    locked = tmp_path / "locked.yaml"
    locked.write_text("professions: []\n")
    locked.chmod(0)
    assert "cannot be read" in _refused(locked)


def test_the_bot_refuses_to_start_on_the_whole_corpus(tmp_path: Path) -> None:
    """Through the command line: exit 1, one line per file, no traceback, fast."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CAREER_BOT_DATA": str(HOSTILE)}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "check-data"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.perf_counter() - start
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("  - ")]
    assert len(lines) == len(CORPUS)
    for path in CORPUS:
        assert sum(str(path) in line for line in lines) == 1
    print(f"\ncheck-data over {len(CORPUS)} hostile files: exit 1 in {elapsed:.2f} s")
