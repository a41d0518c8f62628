"""/help, /about and /invite: the answers about the bot itself (embeds built in :mod:`..info`)."""

from __future__ import annotations

import discord
from discord import app_commands

from ...dataset import Dataset
from ..client import CareerBot, ServingCog
from ..common import NO_MENTIONS
from ..info import about_embed, help_embed, invite_message

Interaction = discord.Interaction[CareerBot]


class InfoCog(ServingCog, name="About the bot"):
    """Holds the dataset /about describes; /help lists the commands of the bot's own tree."""

    def __init__(
        self, dataset: Dataset, privacy_url: str | None = None, terms_url: str | None = None
    ) -> None:
        self.dataset = dataset
        self.privacy_url, self.terms_url = privacy_url, terms_url

    @app_commands.command(name="help", description="How to use career-bot, with every command")
    async def help_(self, interaction: Interaction) -> None:
        tree = interaction.client.tree
        listed = [c for c in tree.get_commands() if isinstance(c, app_commands.Command)]
        await interaction.response.send_message(
            embed=help_embed(listed), ephemeral=True, allowed_mentions=NO_MENTIONS
        )

    @app_commands.command(
        name="about", description="Where the figures come from, data releases, bot version"
    )
    async def about(self, interaction: Interaction) -> None:
        await interaction.response.send_message(
            embed=about_embed(self.dataset, self.privacy_url, self.terms_url),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @app_commands.command(
        name="invite", description="Links to add career-bot to a server or to your own account"
    )
    async def invite(self, interaction: Interaction) -> None:
        client_id = interaction.client.application_id or interaction.application_id
        embed, view = invite_message(client_id)
        await interaction.response.send_message(
            embed=embed, view=view, allowed_mentions=NO_MENTIONS
        )
