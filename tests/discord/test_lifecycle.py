"""The reply helper never raises; the drain waits for interaction tasks and cancels leftovers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any
from unittest import mock

import aiohttp
import discord
import pytest

from bot.discord import lifecycle
from bot.discord.common import send_ephemeral


@pytest.mark.parametrize(
    "failure",
    [
        aiohttp.ClientConnectionError("Connection reset by peer"),
        RuntimeError("Session is closed"),
        TimeoutError(),
        OSError(104, "Connection reset"),
        discord.NotFound(mock.Mock(status=404, reason="Not Found"), "Unknown interaction"),
    ],
    ids=["network", "session-closed", "timeout", "oserror", "expired"],
)
async def test_the_reply_helper_never_raises(
    interaction: Callable[..., Any], failure: BaseException, caplog: pytest.LogCaptureFixture
) -> None:
    inter = interaction()
    inter.response.send_message.side_effect = failure
    with caplog.at_level(logging.DEBUG, logger="bot.discord.common"):
        await send_ephemeral(inter, "sorry")
    lines = [r for r in caplog.records if r.name == "bot.discord.common"]
    assert len(lines) == 1 and "Could not send an ephemeral reply" in lines[0].getMessage()
    assert lines[0].exc_info is None and "\n" not in lines[0].getMessage()


class _Client:
    shards: dict[int, Any] = {}


async def test_drain_waits_for_interactions_then_cancels_what_is_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    done: list[str] = []

    async def answer(delay: float, name: str) -> None:
        await asyncio.sleep(delay)
        done.append(name)

    quick = asyncio.create_task(answer(0.05, "quick"), name="CommandTree-invoker")
    stuck = asyncio.create_task(answer(60, "stuck"), name="discord-ui-view-dispatch-1")
    other = asyncio.create_task(asyncio.sleep(60), name="not an interaction")
    cut = await lifecycle.drain(_Client(), seconds=0.5)  # type: ignore[arg-type]
    assert done == ["quick"] and cut == 1
    assert quick.done() and stuck.cancelled() and not other.done()
    other.cancel()


def test_a_late_autocomplete_is_one_warning_line(tmp_path: Any) -> None:
    import io

    from bot.discord.app import configure_logging
    from bot.settings import Settings

    handler = configure_logging(Settings(token="t" * 30, cache_dir=tmp_path))
    stream = io.StringIO()
    handler.setStream(stream)  # type: ignore[attr-defined]
    expired = discord.NotFound(mock.Mock(status=404, reason="Not Found"), {"code": 10062})
    try:
        try:
            raise expired
        except discord.NotFound:
            logging.getLogger("discord.app_commands.tree").exception(
                "Ignoring exception in autocomplete for %r", "salary"
            )
    finally:
        logging.getLogger().removeHandler(handler)
    out = stream.getvalue()
    assert "Traceback" not in out and "WARNING" in out and "expired" in out
    assert len(out.strip().splitlines()) == 1
