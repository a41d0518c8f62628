"""Small pieces every part of the adapter uses: no mentions, escaping, an ephemeral reply."""

from __future__ import annotations

import logging

import discord
from discord.utils import escape_markdown, escape_mentions

log = logging.getLogger(__name__)

#: Nothing the bot says ever pings anyone (also the client-wide default).
NO_MENTIONS = discord.AllowedMentions.none()


def escape(text: str) -> str:
    """Make text that echoes a user's input (or data) literal: no markdown, no mentions."""
    return escape_mentions(escape_markdown(text))


async def send_ephemeral(interaction: discord.Interaction, content: str) -> None:
    """Reply only the user can see: the response if still open, else a follow-up.

    Never raises: this is used from error handlers, where a second failure must not hide the first.
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
    except discord.HTTPException as exc:
        log.warning("Could not send an ephemeral reply (interaction %s): %s", interaction.id, exc)
