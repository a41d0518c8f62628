"""The tree's one error handler: friendly, ephemeral, logged; a follow-up when already answered."""

from __future__ import annotations

from typing import Any
from unittest import mock

import discord
import pytest
from discord import app_commands

from bot.discord.cogs import CareerCog
from bot.discord.errors import GENERIC, STALE, CareerTree, friendly_message

from .mocks import assert_clean_payload, sent


class _Resp:
    status, reason = 404, "Not Found"


def _tree() -> CareerTree:
    return CareerTree(discord.Client(intents=discord.Intents.none()))  # never connects


def _cooldown(retry: float) -> app_commands.CommandOnCooldown:
    return app_commands.CommandOnCooldown(app_commands.Cooldown(1, 10), retry)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (_cooldown(4.2), "again in 5 seconds"),
        (_cooldown(0.3), "again in 1 second."),
        (app_commands.NoPrivateMessage(), "only works in a server"),
        (app_commands.MissingPermissions(["manage_guild"]), "don't have permission"),
        (app_commands.BotMissingPermissions(["embed_links"]), "embed links"),
        (app_commands.CheckFailure(), "can't be used here"),
        (
            app_commands.TransformerError("x", discord.AppCommandOptionType.string, mock.Mock()),
            "couldn't read one of the options",
        ),
        (app_commands.CommandNotFound("gone", []), STALE),
    ],
)
def test_expected_errors_have_specific_words(error: Exception, words: str) -> None:
    text = friendly_message(error)  # type: ignore[arg-type]
    assert text is not None and words in text


async def test_a_bug_is_logged_with_traceback_and_the_user_gets_an_apology(
    interaction: Any, caplog: pytest.LogCaptureFixture, career_cog: CareerCog
) -> None:
    inter = interaction()
    inter.command = career_cog.compare
    try:
        raise KeyError("boom")
    except KeyError as exc:
        error = app_commands.CommandInvokeError(career_cog.compare, exc)
    await _tree().on_error(inter, error)
    kwargs = sent(inter.response.send_message)
    assert kwargs["ephemeral"] is True and kwargs["content"] == GENERIC
    assert_clean_payload(kwargs)
    assert (
        "Error in /compare" in caplog.text and "Traceback" in caplog.text and "boom" in caplog.text
    )


async def test_after_a_response_the_apology_is_a_followup(
    interaction: Any, career_cog: CareerCog
) -> None:
    inter = interaction()
    await inter.response.send_message("half an answer")
    error = app_commands.CommandInvokeError(career_cog.salary, RuntimeError("late"))
    await _tree().on_error(inter, error)
    inter.followup.send.assert_awaited_once()
    assert inter.followup.send.call_args.kwargs["ephemeral"] is True
    assert inter.followup.send.call_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}


async def test_cooldown_is_not_logged_as_an_error(
    interaction: Any, caplog: pytest.LogCaptureFixture
) -> None:
    inter = interaction()
    await _tree().on_error(inter, _cooldown(3))
    assert "again in 3 seconds" in sent(inter.response.send_message)["content"]
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


async def test_an_expired_interaction_is_not_answered(
    interaction: Any, caplog: pytest.LogCaptureFixture, career_cog: CareerCog
) -> None:
    inter = interaction()
    expired = discord.NotFound(_Resp(), {"code": 10062, "message": "Unknown interaction"})
    await _tree().on_error(inter, app_commands.CommandInvokeError(career_cog.compare, expired))
    inter.response.send_message.assert_not_called()
    inter.followup.send.assert_not_called()
    assert "expired" in caplog.text


async def test_a_failing_reply_does_not_raise(interaction: Any) -> None:
    inter = interaction()
    inter.response.send_message.side_effect = discord.HTTPException(_Resp(), "gone")
    await _tree().on_error(inter, app_commands.CheckFailure())  # no exception


async def test_autocomplete_errors_get_no_message(interaction: Any) -> None:
    inter = interaction(kind=discord.InteractionType.autocomplete)
    await _tree().on_error(inter, app_commands.CheckFailure())
    inter.response.send_message.assert_not_called()
