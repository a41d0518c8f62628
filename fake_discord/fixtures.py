"""pytest fixtures for tests that run a bot against the fake Discord.

Available to tests under ``tests/fake_discord/`` through its conftest.py. Elsewhere, import them
into a test module or a conftest::

    from fake_discord.fixtures import fake_discord, launch_bot, discord_spec  # noqa: F401
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest

from .harness import BotProcess
from .server import FakeDiscord
from .spec import SpecValidator, load_spec


@pytest.fixture
def fake_discord() -> Iterator[FakeDiscord]:
    """A started FakeDiscord (default options), stopped after the test."""
    with FakeDiscord() as fake:
        yield fake


@pytest.fixture
def launch_bot(fake_discord: FakeDiscord) -> Iterator[Callable[..., BotProcess]]:
    """Factory: ``launch_bot(module="bot", args=None, *, wait=True, **BotProcess kwargs)``.

    Starts the bot against ``fake_discord`` (or ``fake=``), by default waits until it is READY
    and has synced commands, and stops every bot it started when the test ends.
    """
    started: list[BotProcess] = []

    def launch(
        module: str = "bot",
        args: Sequence[str] | None = None,
        *,
        fake: FakeDiscord | None = None,
        wait: bool = True,
        ready_timeout: float = 30.0,
        commands: bool = True,
        shard_count: int | None = None,
        **kwargs: Any,
    ) -> BotProcess:
        bot = BotProcess(fake or fake_discord, module, args, **kwargs)
        started.append(bot)
        bot.start()
        if wait:
            bot.wait_ready(ready_timeout, commands=commands, shard_count=shard_count)
        return bot

    yield launch
    for bot in started:
        bot.stop()


@pytest.fixture(scope="session")
def discord_spec() -> SpecValidator:
    """The Discord OpenAPI validators; skips the test when the spec is not available."""
    spec = load_spec()
    if not spec.available:
        pytest.skip(spec.warning or "Discord OpenAPI spec not available")
    return spec
