"""A trivial discord.py bot: exercises the fake Discord, and is the latency floor for benchmarks.

Token from DISCORD_TOKEN. Run against the fake with
``python -m fake_discord.launcher --api ... --gateway ... -- fake_discord.echo_bot``.

Environment:
  ECHO_SHARD_COUNT  run as an AutoShardedBot with this many shards (default: a plain Bot)

Commands (synced globally in setup_hook, i.e. before the gateway connects):
  /ping                 -> "pong"
  /echo text [private]  -> the text (ephemeral if private)
  /fruit name           -> "You picked <name>"; ``name`` autocompletes from FRUITS.
                           Typing "!many" returns 30 choices: a deliberate breach of Discord's
                           25-choice limit, for testing the fake's spec validation.
  /buttons              -> a message with a button (edits the message) and a select (replies)
  /file                 -> "here" with hello.txt attached (a multipart callback)
  /slow                 -> defers, edits the original response, fetches it, sends a follow-up
                           and edits that
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import sys

import discord
from discord import app_commands
from discord.ext import commands

FRUITS = [
    "apple",
    "apricot",
    "banana",
    "blackberry",
    "blueberry",
    "cherry",
    "grape",
    "lemon",
    "lime",
    "mango",
    "melon",
    "orange",
    "peach",
    "pear",
    "plum",
    "raspberry",
    "strawberry",
]


class EchoView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Press", custom_id="echo:press", style=discord.ButtonStyle.primary)
    async def press(
        self, interaction: discord.Interaction, button: discord.ui.Button[EchoView]
    ) -> None:
        await interaction.response.edit_message(
            content=f"pressed by {interaction.user.name}", view=self
        )

    @discord.ui.select(
        custom_id="echo:pick", options=[discord.SelectOption(label=x, value=x) for x in "abc"]
    )
    async def pick(
        self, interaction: discord.Interaction, select: discord.ui.Select[EchoView]
    ) -> None:
        await interaction.response.send_message(f"picked {','.join(select.values)}", ephemeral=True)


def _setup(bot: commands.Bot) -> None:
    tree = bot.tree

    @tree.command(description="Reply pong")
    async def ping(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong")

    @tree.command(description="Repeat a text")
    @app_commands.describe(text="What to repeat", private="Only you see the answer")
    async def echo(interaction: discord.Interaction, text: str, private: bool = False) -> None:
        await interaction.response.send_message(text, ephemeral=private)

    @tree.command(description="Pick a fruit")
    async def fruit(interaction: discord.Interaction, name: str) -> None:
        await interaction.response.send_message(f"You picked {name}")

    @fruit.autocomplete("name")
    async def fruit_name(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if current == "!many":
            return [app_commands.Choice(name=f"fruit {i}", value=f"f{i}") for i in range(30)]
        return [app_commands.Choice(name=f, value=f) for f in FRUITS if current.lower() in f][:25]

    @tree.command(description="Show a button and a select")
    async def buttons(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("choose", view=EchoView())

    @tree.command(description="Reply with a file attached")
    async def file(interaction: discord.Interaction) -> None:
        attachment = discord.File(io.BytesIO(b"hello"), filename="hello.txt")
        await interaction.response.send_message("here", file=attachment)

    @tree.command(description="Deferred answer with an edit and a follow-up")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await asyncio.sleep(0.05)
        await interaction.edit_original_response(content="slow pong")
        original = await interaction.original_response()
        extra = await interaction.followup.send(f"follow-up to {original.content}", wait=True)
        await extra.edit(content="follow-up, edited")


def make_bot() -> commands.Bot:
    shards = os.environ.get("ECHO_SHARD_COUNT")
    cls = commands.AutoShardedBot if shards else commands.Bot
    kwargs = {"shard_count": int(shards)} if shards else {}

    class EchoBot(cls):  # type: ignore[misc, valid-type]
        async def setup_hook(self) -> None:
            self.add_view(EchoView())
            synced = await self.tree.sync()
            print(f"echo-bot synced {len(synced)} commands", flush=True)

        async def before_identify_hook(
            self, shard_id: int | None, *, initial: bool = False
        ) -> None:
            # Real Discord spaces IDENTIFYs (max_concurrency); the fake does not need it.
            return None

        async def on_ready(self) -> None:
            print(f"echo-bot ready as {self.user} (shards: {self.shard_count})", flush=True)

    # guild_ready_timeout: on_ready 0.2 s after the last GUILD_CREATE instead of 2 s.
    return EchoBot(
        command_prefix=commands.when_mentioned,
        intents=discord.Intents.default(),
        guild_ready_timeout=0.2,
        **kwargs,
    )


def main() -> int:
    token = os.environ.get("DISCORD_TOKEN")
    if not token:
        print("echo-bot: DISCORD_TOKEN is not set", file=sys.stderr)
        return 2
    bot = make_bot()
    _setup(bot)
    try:
        bot.run(token, log_level=logging.INFO)
    except discord.LoginFailure:
        print("echo-bot: the token was rejected", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
