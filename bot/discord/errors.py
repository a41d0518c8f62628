"""One error handler for every slash command (the idea of Red-DiscordBot's ``RedTree.on_error``).

Expected failures (cooldowns, checks, bad option values, a command Discord still shows but this
bot no longer has) get specific, friendly words and a short log line. Anything else is logged
with its traceback and the user gets a polite "something went wrong". Every reply is ephemeral,
and a follow-up when the interaction was already answered.
"""

from __future__ import annotations

import logging
import math
import time

import discord
from discord import app_commands

from . import observe
from .common import send_ephemeral
from .deadline import Backoff

log = logging.getLogger(__name__)

UNKNOWN_INTERACTION = 10062  # Discord error code: the interaction expired (not answered in 3 s)

GENERIC = "Sorry, something went wrong while answering that. It has been logged; please try again."
STALE = (
    "That command has changed since Discord loaded it. Please try again in a minute "
    "(restarting Discord also helps)."
)


def friendly_message(error: app_commands.AppCommandError) -> str | None:
    """What to tell the user about an *expected* error; None for a bug (logged with traceback)."""
    if isinstance(error, app_commands.CommandOnCooldown):
        wait = max(1, math.ceil(error.retry_after))
        unit = "second" if wait == 1 else "seconds"
        return f"Slow down a little: you can use this command again in {wait} {unit}."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works in a server, not in direct messages."
    if isinstance(error, app_commands.BotMissingPermissions):
        return (
            "I don't have the permissions this needs here: "
            + ", ".join(p.replace("_", " ") for p in error.missing_permissions)
            + "."
        )
    if isinstance(
        error,
        app_commands.MissingPermissions | app_commands.MissingRole | app_commands.MissingAnyRole,
    ):
        return "You don't have permission to use this command here."
    if isinstance(error, app_commands.CheckFailure):
        return "This command can't be used here."
    if isinstance(error, app_commands.TransformerError):
        return (
            "I couldn't read one of the options you gave. "
            "Please type a profession name, or pick one from the list."
        )
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return STALE
    return None


class CareerTree(app_commands.CommandTree):
    """The command tree, with the single error handler."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Note when the bot started on it (for :func:`.deadline.respond`) and watch it
        (:mod:`.observe`); answer nothing while Cloudflare is blocking this address."""
        interaction.extras.setdefault("received_at", time.monotonic())
        observe.watch(interaction)
        if Backoff.active():
            observe.outcome(interaction, "blocked")
            return False
        return True

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError, /
    ) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        where = f"/{command}{observe.who(interaction)}"  # user ids only at DEBUG
        original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        if Backoff.hit(original):
            observe.outcome(interaction, "blocked")
            return  # a Cloudflare ban: one warning, and no apology that would prolong it
        if isinstance(original, discord.NotFound) and original.code == UNKNOWN_INTERACTION:
            observe.outcome(interaction, "expired")
            log.warning("%s: the interaction expired before it was answered", where)
            return  # nothing can be sent for an expired interaction
        text = friendly_message(error)
        cooldown = isinstance(error, app_commands.CommandOnCooldown)
        observe.outcome(
            interaction, "error" if text is None else "cooldown" if cooldown else "refused"
        )
        if text is None:
            log.error("Error in %s", where, exc_info=original)
            text = GENERIC
        elif isinstance(
            error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch
        ):
            log.warning("%s: %s (run `career-bot run --sync` if this persists)", where, error)
        else:
            log.info("%s: %s", where, error)
        await send_ephemeral(interaction, text)
