"""The Discord client: :class:`CareerBot`, a sharded ``commands.Bot`` that serves its cogs.

It knows nothing about careers: the cogs it is given hold the answers they serve (see
:mod:`.cogs`), and :func:`bot.discord.app.create_bot` puts the two together. On start-up
(``setup_hook``) it adds the cogs, then syncs the slash commands if they changed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, ClassVar

import discord
from discord import app_commands
from discord.ext import commands

from ..settings import Settings
from .common import NO_MENTIONS
from .errors import CareerTree
from .metrics import Metrics
from .sync import SyncResult, clear_stale_guilds, sync_commands

log = logging.getLogger(__name__)


def bot_intents() -> discord.Intents:
    """No privileged intents: slash commands arrive whatever the intents; guilds keeps the
    library's guild cache consistent (and costs nothing to ask for)."""
    intents = discord.Intents.none()
    intents.guilds = True
    return intents


#: Where the commands may be used: servers, DMs with the bot, and group DMs / other people's DMs
#: (the last two when a user installed the app to their account).
CONTEXTS = app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=True)
#: How the app may be installed: to a server (by its admins) or to a user's own account.
INSTALLS = app_commands.AppInstallationType(guild=True, user=True)


def _sharding(settings: Settings) -> dict[str, Any]:
    sharding: dict[str, Any] = {"shard_count": settings.shard_count}
    if settings.shard_ids is not None:
        sharding["shard_ids"] = list(settings.shard_ids)
    return sharding


class ServingCog(commands.Cog):
    """A cog of this bot: it may bring dynamic items (buttons that outlive the process), which
    the bot registers with the cog, so that any process answers them."""

    dynamic_items: ClassVar[tuple[type[discord.ui.DynamicItem[Any]], ...]] = ()


class CareerBot(commands.AutoShardedBot):
    """Serves the slash commands of ``cogs``; one error handler (:class:`.errors.CareerTree`).

    Slash commands only: no message content intent, so the (required) prefix never fires.
    """

    def __init__(
        self, settings: Settings, cogs: Sequence[ServingCog] = (), *, force_sync: bool = False
    ) -> None:
        # This bot never joins voice: no start-up warnings about missing voice libraries.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            tree_cls=CareerTree,
            allowed_contexts=CONTEXTS,
            allowed_installs=INSTALLS,
            intents=bot_intents(),
            allowed_mentions=NO_MENTIONS,
            **_sharding(settings),
            member_cache_flags=discord.MemberCacheFlags.none(),
            max_messages=None,
            chunk_guilds_at_startup=False,
            activity=discord.CustomActivity(name="Try /compare or /help"),
        )
        self.settings = settings
        self.force_sync = force_sync
        self.initial_cogs = tuple(cogs)
        self.sync_result: SyncResult | None = None
        #: Interaction counts and latencies, when METRICS_PORT serves them (:mod:`.metrics`).
        self.metrics = Metrics(self) if settings.metrics_port is not None else None

    async def add_initial_cogs(self) -> None:
        """Add the cogs given at construction: their commands join the tree, their dynamic
        items are registered (so buttons sent by an earlier process work at once)."""
        for cog in self.initial_cogs:
            if self.get_cog(cog.qualified_name) is None:
                await self.add_cog(cog)
                self.add_dynamic_items(*cog.dynamic_items)

    async def setup_hook(self) -> None:
        await self.add_initial_cogs()
        assert self.application_id is not None  # set by login()
        app_id, guild_id, cache = (
            self.application_id,
            self.settings.guild_id,
            self.settings.cache_path(),
        )
        self.sync_result = await sync_commands(
            self.tree,
            application_id=app_id,
            guild_id=guild_id,
            cache_dir=cache,
            force=self.force_sync,
        )
        if self.sync_result.action != "failed":  # only once the commands are where they belong
            await clear_stale_guilds(
                self.tree, application_id=app_id, guild_id=guild_id, cache_dir=cache
            )

    async def on_ready(self) -> None:
        log.info(
            "Ready as %s (id %s) in %d server(s); shard(s) %s of %s",
            self.user,
            self.user.id if self.user else "?",
            len(self.guilds),
            ", ".join(map(str, sorted(self.shards))) or "-",
            self.shard_count,
        )

    async def on_shard_resumed(self, shard_id: int) -> None:
        log.info("Shard %d resumed its gateway session", shard_id)
