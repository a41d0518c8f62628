"""The loader's timing hooks: told to whoever listens, never changing what is loaded."""

from __future__ import annotations

from pathlib import Path

from bot import timing
from bot.cache import DiskCache
from bot.dataset import load_dataset

from .conftest import MINI


def test_a_phase_is_told_to_listeners_until_they_stop() -> None:
    heard: list[tuple[str, float]] = []
    stop = timing.listen(lambda name, seconds: heard.append((name, seconds)))
    try:
        with timing.phase("step"):
            pass
    finally:
        stop()
    with timing.phase("unheard"):
        pass
    stop()  # stopping twice is harmless
    assert [name for name, _ in heard] == ["step"] and heard[0][1] >= 0


def test_loading_marks_every_step(tmp_path: Path) -> None:
    spent: dict[str, int] = {}
    stop = timing.listen(lambda name, _: spent.__setitem__(name, spent.get(name, 0) + 1))
    try:
        first = load_dataset(paths=[MINI], cache=DiskCache(tmp_path))
        marked = dict(spent)
        spent.clear()
        again = load_dataset(paths=[MINI], cache=DiskCache(tmp_path))
    finally:
        stop()
    assert first.professions == again.professions
    assert {"yaml_parse", "validation", "link_checks", "cache_read", "cache_write"} <= set(marked)
    assert marked["validation"] >= 2 and marked["link_checks"] == 1, marked
    # The same files again: the checked professions come from the start-up cache, unchecked.
    assert spent == {"cache_read": 1}, spent
