"""One event per interaction: its command, outcome, latency and shard; ids only at DEBUG."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import discord
import pytest

from bot.discord import observe
from bot.settings import Settings

from .mocks import ALICE


async def _handle(interaction: Any, outcome: str | None = None, answer: bool = True) -> None:
    interaction.extras = {}

    async def handler() -> None:
        observe.watch(interaction)
        observe.watch(interaction)  # watched once, however often asked
        if outcome:
            observe.outcome(interaction, outcome)
            observe.outcome(interaction, "error")  # the first word wins
        if answer:
            await interaction.response.send_message("answer")

    await asyncio.create_task(handler())
    await asyncio.sleep(0)  # the task's done callback records the event


def _events(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == observe.__name__]


async def test_json_logs_have_the_event_at_info_without_ids(
    interaction: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    inter = interaction(data={"name": "salary"})
    inter.client.settings = Settings(log_format="json")
    caplog.set_level(logging.INFO, logger=observe.__name__)
    await _handle(inter)
    [record] = _events(caplog)
    assert record.levelno == logging.INFO
    event = record.event  # type: ignore[attr-defined]
    assert {k: event[k] for k in ("event", "kind", "command", "outcome", "shard")} == {
        "event": "interaction",
        "kind": "command",
        "command": "salary",
        "outcome": "ok",
        "shard": 0,
    }
    assert event["latency_ms"] >= 0 and "user" not in event and str(ALICE) not in record.message


async def test_text_logs_have_the_event_only_at_debug_with_ids(
    interaction: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    inter = interaction(data={"name": "compare"})
    caplog.set_level(logging.INFO, logger="bot")
    await _handle(inter, outcome="asked")
    assert _events(caplog) == []
    caplog.set_level(logging.DEBUG, logger="bot")
    inter = interaction(data={"name": "compare"})
    await _handle(inter, outcome="asked")
    [record] = _events(caplog)
    assert record.levelno == logging.DEBUG
    assert record.message.startswith("/compare: asked in ") and f"user {ALICE}" in record.message
    assert observe.who(inter) == f" (user {ALICE}, guild {inter.guild_id})"


async def test_an_unknown_command_name_is_one_label_and_no_answer_is_said(
    interaction: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    inter = interaction(data={"name": "x" * 80})  # forged: any name would be a new label
    inter.client.settings = Settings(log_format="json")
    caplog.set_level(logging.INFO, logger=observe.__name__)
    await _handle(inter, answer=False)
    [record] = _events(caplog)
    event = record.event  # type: ignore[attr-defined]
    assert (event["command"], event["outcome"]) == (observe.UNKNOWN, "unanswered")


async def test_an_interaction_left_unanswered_past_3_seconds_expired(
    interaction: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    inter = interaction(kind=discord.InteractionType.autocomplete, data={"name": "salary"})
    inter.created_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=4)
    caplog.set_level(logging.DEBUG, logger=observe.__name__)
    await _handle(inter, answer=False)  # discord.py swallowed "Unknown interaction"
    [record] = _events(caplog)
    event = record.event  # type: ignore[attr-defined]
    assert (event["kind"], event["outcome"]) == ("autocomplete", "expired")


def test_the_shard_is_discords_formula_and_dms_are_shard_0(interaction: Callable[..., Any]) -> None:
    inter = interaction()
    inter.client.shard_count = 4
    inter.guild_id = (1234 << 22) | 99
    assert observe.shard_of(inter) == 1234 % 4
    inter.guild_id = None
    assert observe.shard_of(inter) == 0
