"""Small pieces every part of the adapter uses: no mentions, escaping, an ephemeral reply."""

from __future__ import annotations

import logging
import re

import aiohttp
import discord
from discord.utils import escape_markdown, escape_mentions

log = logging.getLogger(__name__)

#: Nothing the bot says ever pings anyone (also the client-wide default).
NO_MENTIONS = discord.AllowedMentions.none()


# "<" that opens mention-like syntax Discord renders: user, role, channel, command, emoji, time.
_RENDERED = re.compile(r"<(?=[@#/:]|a:|t:)")


def escape(text: str) -> str:
    """Make text that echoes a user's input (or data) literal: no markdown, no mention of any
    kind, no link text.

    ``escape_markdown`` and ``escape_mentions`` do most of it. On top: ``escape_markdown`` turns
    ``[text](url)`` into ``\\[text](url)`` but leaves markdown *inside* it live, so the text is
    escaped between ``[``s and every ``[`` escaped; and a zero-width space after ``<`` keeps
    ``<#channel>``, ``</command:id>``, ``<@&role>``, short ids and the like as typed. Control
    characters and bidirectional overrides are replaced (U+FFFD), never echoed raw.
    """
    text = _UNSAFE.sub(_replacement, text)
    text = "\\[".join(escape_markdown(part) for part in text.split("["))
    return _RENDERED.sub("<\u200b", escape_mentions(text))


# Characters that change how the text around them shows, never echoed as typed: C0/C1 controls
# (a bell, an escape sequence) and the bidirectional overrides, embeddings and isolates that can
# make "gnp.exe" read as "exe.png" (RLO, U+202E).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _replacement(match: re.Match[str]) -> str:
    return " " if match.group(0) in "\t\r\x0b\x0c" else "\ufffd"


async def send_ephemeral(interaction: discord.Interaction, content: str) -> None:
    """Reply only the user can see: the response if still open, else a follow-up.

    Never raises: this is used from error handlers, where a second failure must not hide the
    first. A failure (Discord refused, the network or the session is gone, the interaction
    expired) is one line at DEBUG, without a traceback: the error that led here is already
    logged, and one lost interaction should make one log record, not two.
    """
    if interaction.type is discord.InteractionType.autocomplete:
        return  # an autocomplete can only be answered with choices
    try:
        if interaction.response.is_done():
            await interaction.followup.send(content, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                content, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
    except (TimeoutError, discord.DiscordException, aiohttp.ClientError, OSError) as exc:
        log.debug(reply_failure(interaction, exc))
    except RuntimeError as exc:  # aiohttp: "Session is closed" while the bot stops
        log.debug(reply_failure(interaction, exc))


def reply_failure(interaction: discord.Interaction, exc: BaseException) -> str:
    """One line about an answer that could not be sent."""
    reason = " ".join(str(exc).split())[:160] or type(exc).__name__
    return f"Could not send an ephemeral reply (interaction {interaction.id}): {reason}"
