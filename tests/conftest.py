"""Shared fixtures. Core tests use the small hand-made layer in tests/fixtures/mini plus the
shipped curated profiles, so they stay fast and independent of the full public-data build."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import Answers
from bot.dataset import Dataset, default_data_dir, load_dataset
from bot.matching import vocabulary

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
MINI = TESTS / "fixtures" / "mini"
CURATED = default_data_dir() / "curated"


@pytest.fixture(autouse=True)
def _isolated_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No developer .env or CAREER_BOT_DATA leaks into tests, and nothing lands in the user's
    ~/.cache: XDG_CACHE_HOME points into this session's temporary folder. (The fake Discord
    harness gives every bot process its own XDG_CACHE_HOME on top of this.)"""
    for name in (
        "CAREER_BOT_DATA",
        "CAREER_BOT_CACHE_DIR",
        "DISCORD_TOKEN",
        "DISCORD_GUILD_ID",
        "SHARD_COUNT",
        "SHARD_IDS",
        "CAREER_BOT_MAX_FILE_MB",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture(scope="session")
def mini() -> Dataset:
    return load_dataset(paths=[MINI, CURATED])


@pytest.fixture(scope="session")
def mini_answers(mini: Dataset) -> Answers:
    return Answers(mini)


@pytest.fixture(scope="session")
def shipped() -> Dataset:
    """The full dataset as shipped in data/."""
    return load_dataset()


@pytest.fixture(scope="session")
def shipped_answers(shipped: Dataset) -> Answers:
    """The shipped dataset with the shipped everyday vocabulary, as the bot serves it."""
    return Answers(shipped, vocabulary=vocabulary.load())
