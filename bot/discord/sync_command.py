"""``career-bot sync``: sync the slash commands now, without going online (HTTP only).

``--dry-run`` prints what a sync would change, judged from the state the bot keeps (no token
needed, only the Application ID); ``--clear-guild ID`` removes the commands synced to that
server, e.g. a test server the state no longer remembers.
"""

from __future__ import annotations

import asyncio
import logging
import sys

import discord

from ..answers import Answers
from ..exitcodes import ExitCode
from ..settings import Settings
from .app import BAD_TOKEN, NO_TOKEN, configure_logging, create_bot
from .invite import NO_ID, id_from_token
from .sync import clear_guild, sync_plan


def run_sync(settings: Settings, *, dry_run: bool = False, clear: int | None = None) -> int:
    answers = Answers.load(extra=settings.data_paths, cache_dir=settings.data_cache_dir())
    client = create_bot(answers, settings, force_sync=True)
    if dry_run:
        app_id = settings.application_id or id_from_token(settings.token)
        if app_id is None:
            print(NO_ID, file=sys.stderr)
            return ExitCode.ERROR
        asyncio.run(client.add_initial_cogs())
        cache, guild_id = settings.cache_path(), settings.guild_id
        plan = sync_plan(client.tree, application_id=app_id, guild_id=guild_id, cache_dir=cache)
        for line in plan:
            print(line)
        if clear is not None:
            print(f"Would remove the commands synced to guild {clear}.")
        return ExitCode.OK
    if not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return ExitCode.ERROR
    handler = configure_logging(settings)  # the sync's own lines say what it did
    try:
        return asyncio.run(_sync(client, settings.token, clear))
    except discord.LoginFailure:
        print(BAD_TOKEN, file=sys.stderr)
        return ExitCode.ERROR
    except (discord.HTTPException, OSError) as exc:
        print(f"career-bot: cannot reach Discord ({type(exc).__name__}).", file=sys.stderr)
        return ExitCode.ERROR
    finally:
        logging.getLogger().removeHandler(handler)


async def _sync(client: discord.Client, token: str, clear: int | None) -> int:
    from .client import CareerBot

    assert isinstance(client, CareerBot)
    async with client:
        await client.login(token)  # its setup hook syncs (forced) and clears stale guilds
        result = client.sync_result
        ok = result is not None and result.action != "failed"
        if clear is not None:
            assert client.application_id is not None
            cache = client.settings.cache_path()
            ok &= await clear_guild(
                client.tree, application_id=client.application_id, guild_id=clear, cache_dir=cache
            )
    return ExitCode.OK if ok else ExitCode.ERROR
