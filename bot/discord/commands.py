"""The slash commands. Their names, descriptions and option descriptions are the bot's UI."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import discord
from discord import app_commands

from .answering import answer, answers_of
from .autocomplete import profession_autocomplete
from .common import NO_MENTIONS
from .info import AnyCommand, about_embed, help_embed, invite_message

T = TypeVar("T")

#: Typed text is capped by Discord itself (and echoed back shortened anyway).
ProfessionName = app_commands.Range[str, 1, 100]

#: Per user and command: generous for people, a brake on anyone flooding a channel with answers.
COOLDOWN_RATE, COOLDOWN_PER = 10, 60.0


def _per_user(interaction: discord.Interaction) -> int:
    return interaction.user.id


def answer_cooldown() -> Callable[[T], T]:
    """A fresh cooldown (its own buckets) for one command."""
    return app_commands.checks.cooldown(COOLDOWN_RATE, COOLDOWN_PER, key=_per_user)


@app_commands.command(
    name="compare",
    description="Compare two professions side by side: pay, education, people, skills, outlook",
)
@app_commands.describe(
    a="First profession: start typing and pick one, e.g. collections specialist",
    b="Second profession to compare it with, e.g. loan officer",
)
@app_commands.autocomplete(a=profession_autocomplete, b=profession_autocomplete)
@answer_cooldown()
async def compare(interaction: discord.Interaction, a: ProfessionName, b: ProfessionName) -> None:
    await answer(interaction, "compare", [a, b])


@app_commands.command(
    name="salary",
    description="What a profession pays: average, median, range and where it pays most",
)
@app_commands.describe(
    profession="The profession: start typing and pick one, e.g. registered nurse"
)
@app_commands.autocomplete(profession=profession_autocomplete)
@answer_cooldown()
async def salary(interaction: discord.Interaction, profession: ProfessionName) -> None:
    await answer(interaction, "salary", [profession])


@app_commands.command(
    name="career",
    description="A profession's profile: what they do, outlook, education, skills, similar careers",
)
@app_commands.describe(
    profession="The profession: start typing and pick one, e.g. software developer"
)
@app_commands.autocomplete(profession=profession_autocomplete)
@answer_cooldown()
async def career(interaction: discord.Interaction, profession: ProfessionName) -> None:
    await answer(interaction, "career", [profession])


@app_commands.command(name="help", description="How to use career-bot, with every command")
async def help_(interaction: discord.Interaction) -> None:
    embed = help_embed(COMMANDS)
    await interaction.response.send_message(
        embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
    )


@app_commands.command(
    name="about", description="Where the figures come from, data releases, bot version"
)
async def about(interaction: discord.Interaction) -> None:
    embed = about_embed(answers_of(interaction).dataset)
    await interaction.response.send_message(
        embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS
    )


@app_commands.command(name="invite", description="Get a link to add career-bot to a server")
async def invite(interaction: discord.Interaction) -> None:
    client_id = interaction.client.application_id or interaction.application_id
    embed, view = invite_message(client_id)
    await interaction.response.send_message(embed=embed, view=view, allowed_mentions=NO_MENTIONS)


COMMANDS: tuple[AnyCommand, ...] = (compare, salary, career, help_, about, invite)


def add_commands(tree: app_commands.CommandTree) -> None:
    for command in COMMANDS:
        tree.add_command(command)
