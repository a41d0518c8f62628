"""What is installed: the ``bot`` package and its data, never the development packages."""

from __future__ import annotations

import importlib.metadata
from pathlib import PurePosixPath

DEV_ONLY = {"tests", "benchmarks", "fake_discord", "tools"}


def test_the_wheel_holds_the_bot_and_not_the_development_packages() -> None:
    files = importlib.metadata.files("career-bot") or []
    tops = {PurePosixPath(str(f)).parts[0] for f in files if not str(f).startswith("..")}
    assert "bot" in tops
    assert not tops & DEV_ONLY, sorted(tops & DEV_ONLY)


def test_the_development_packages_import_from_the_repository_root() -> None:
    import benchmarks.run
    import fake_discord.server

    assert benchmarks.run.main and fake_discord.server.FakeDiscord
