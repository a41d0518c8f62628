"""Metrics and health of a bot that is not connected (the connected bot: test_observability)."""

from __future__ import annotations

import logging
from unittest import mock

import discord
from prometheus_client.parser import text_string_to_metric_families

from bot.discord.metrics import Metrics, health


def _client() -> discord.AutoShardedClient:
    return discord.AutoShardedClient(intents=discord.Intents.none())


def _samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(metrics.scrape().decode())
        for s in family.samples
    }


def test_a_bot_not_connected_is_starting_and_not_ready() -> None:
    client = _client()
    assert health(client) == (503, {"status": "starting", "guilds": 0, "shards": {}})
    samples = _samples(Metrics(client))
    assert samples[("career_bot_ready", ())] == 0 and samples[("career_bot_guilds", ())] == 0


def test_errors_are_counted_but_not_expired_interactions_or_warnings() -> None:
    metrics = Metrics(_client())
    counter = metrics.error_counter
    record = logging.LogRecord(
        "discord.app_commands.tree", logging.ERROR, __file__, 1, "x", (), None
    )
    counter.handle(record)
    expired = discord.NotFound(mock.Mock(status=404, reason="Not Found"), {"code": 10062})
    late = logging.LogRecord(
        "discord.app_commands.tree",
        logging.ERROR,
        __file__,
        1,
        "x",
        (),
        (discord.NotFound, expired, None),
    )
    counter.handle(late)
    counter.handle(logging.LogRecord("bot.x", logging.WARNING, __file__, 1, "x", (), None))
    assert _samples(metrics)[("career_bot_errors_total", (("source", "discord"),))] == 1
