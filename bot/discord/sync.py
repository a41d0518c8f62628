"""Sync the slash commands with Discord only when they changed (or when asked to).

Syncing is rate limited by Discord and needless on most restarts, so the bot keeps, per
application and target, a hash of exactly what it would send: the JSON of every command
(``Command.to_dict``) plus the target. The state lives in
``<cache dir>/sync-<application id>-<target>.json``, ``<target>`` being ``global`` or
``guild-<id>``. With ``DISCORD_GUILD_ID`` set the global commands are copied to that guild and
synced there (instant, for development); otherwise they are synced globally.

Those files also say where the bot has put commands: after a sync, every other guild it had
synced to (a test server before going global, or before another test server) gets its copies
removed (:func:`clear_stale_guilds`), so nobody sees each command twice.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from ..cache import write_atomic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncResult:
    action: str  # "synced", "unchanged" or "failed"
    target: str  # "global" or "guild-<id>"
    count: int  # commands in the tree for that target
    state_file: Path


def target_name(guild_id: int | None) -> str:
    return "global" if guild_id is None else f"guild-{guild_id}"


def commands_payload(
    tree: app_commands.CommandTree, guild: discord.abc.Snowflake | None
) -> list[dict[str, Any]]:
    """What ``tree.sync(guild=guild)`` would send."""
    return [c.to_dict(tree) for c in tree.get_commands(guild=guild)]


def _prepare(
    tree: app_commands.CommandTree, guild_id: int | None
) -> tuple[discord.Object | None, str, str, list[dict[str, Any]]]:
    """The guild to sync to (None: globally, else the global commands are copied to it), the
    target's name, the same in words, and what a sync would send."""
    guild = discord.Object(guild_id) if guild_id is not None else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    where = "globally" if guild is None else f"to guild {guild_id}"
    return guild, target_name(guild_id), where, commands_payload(tree, guild)


def commands_hash(payload: list[dict[str, Any]], target: str) -> str:
    text = json.dumps(
        {"target": target, "commands": payload}, sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(text.encode()).hexdigest()


def state_path(cache_dir: Path, application_id: int, target: str) -> Path:
    return cache_dir / f"sync-{application_id}-{target}.json"


def _read_hash(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("Ignoring unreadable command sync state %s: %s", path, exc)
        return None
    return data.get("hash") if isinstance(data, dict) else None


def _write_state(path: Path, digest: str, names: list[str]) -> None:
    try:
        write_atomic(path, json.dumps({"hash": digest, "commands": names}, indent=2).encode())
    except OSError as exc:
        log.warning(
            "Could not save the command sync state to %s (%s); the next start will sync again",
            path,
            exc,
        )


async def sync_commands(
    tree: app_commands.CommandTree,
    *,
    application_id: int,
    guild_id: int | None,
    cache_dir: Path,
    force: bool = False,
) -> SyncResult:
    """Sync to ``guild_id`` (or globally) if the commands changed since the last sync, or ``force``.

    A failed sync is logged (with what to do about it) and not fatal: Discord keeps the commands
    of the last successful sync, and the next start tries again.
    """
    guild, target, where, payload = _prepare(tree, guild_id)
    names = [c["name"] for c in payload]
    digest = commands_hash(payload, target)
    path = state_path(cache_dir, application_id, target)
    previous = _read_hash(path)
    if not force and previous == digest:
        log.info(
            "Slash commands unchanged since the last sync %s: not syncing "
            "(`career-bot run --sync` forces it)",
            where,
        )
        return SyncResult("unchanged", target, len(payload), path)
    if force:
        reason = "forced with --sync"
    else:
        reason = "no earlier sync recorded" if previous is None else "the commands changed"
    try:
        synced = await tree.sync(guild=guild)
    except discord.Forbidden as exc:
        hint = (
            " Is the bot in that guild, invited with the applications.commands scope? (see /invite)"
            if guild is not None
            else ""
        )
        log.error(
            "Discord refused to sync the slash commands %s: %s.%s", where, exc.text or exc, hint
        )
        return SyncResult("failed", target, len(payload), path)
    except discord.HTTPException as exc:
        log.error(
            "Could not sync the slash commands %s: %s (will retry on the next start)", where, exc
        )
        return SyncResult("failed", target, len(payload), path)
    _write_state(path, digest, names)
    log.info("Synced %d slash commands %s (%s): /%s", len(synced), where, reason, ", /".join(names))
    return SyncResult("synced", target, len(payload), path)


def synced_guilds(cache_dir: Path, application_id: int) -> list[int]:
    """The guilds this application's commands were synced to, as the state files remember."""
    prefix = f"sync-{application_id}-guild-"
    found = []
    for path in cache_dir.glob(f"{prefix}*.json"):
        text = path.name[len(prefix) : -len(".json")]
        if text.isdigit():
            found.append(int(text))
    return sorted(found)


async def clear_guild(
    tree: app_commands.CommandTree, *, application_id: int, guild_id: int, cache_dir: Path
) -> bool:
    """Remove the commands synced to ``guild_id`` (an empty sync there); forget that guild.

    True when they are gone (or the bot can no longer reach that guild: nothing to remove).
    """
    path = state_path(cache_dir, application_id, target_name(guild_id))
    guild = discord.Object(guild_id)
    tree.clear_commands(guild=guild)
    try:
        await tree.sync(guild=guild)
    except (discord.Forbidden, discord.NotFound) as exc:
        log.warning(
            "Could not reach guild %s to remove its commands (%s): forgetting it", guild_id, exc
        )
    except discord.HTTPException as exc:
        log.error("Could not remove the commands of guild %s: %s (will retry)", guild_id, exc)
        return False
    else:
        log.info("Removed the slash commands it had synced to guild %s", guild_id)
    path.unlink(missing_ok=True)
    return True


async def clear_stale_guilds(
    tree: app_commands.CommandTree, *, application_id: int, guild_id: int | None, cache_dir: Path
) -> list[int]:
    """Remove the commands of every guild synced to before, except ``guild_id`` (the current
    target, if it is a guild). Returns the guilds cleared."""
    cleared = []
    for stale in synced_guilds(cache_dir, application_id):
        if stale != guild_id and await clear_guild(
            tree, application_id=application_id, guild_id=stale, cache_dir=cache_dir
        ):
            cleared.append(stale)
    return cleared


def sync_plan(
    tree: app_commands.CommandTree, *, application_id: int, guild_id: int | None, cache_dir: Path
) -> list[str]:
    """What a sync would do, judged from the state files (``career-bot sync --dry-run``)."""
    _, target, where, payload = _prepare(tree, guild_id)
    names = "/" + ", /".join(c["name"] for c in payload)
    previous = _read_hash(state_path(cache_dir, application_id, target))
    if previous == commands_hash(payload, target):
        lines = [f"Commands unchanged since the last sync {where} ({names}): nothing to sync."]
    else:
        why = "no earlier sync recorded" if previous is None else "the commands changed"
        lines = [f"Would sync {len(payload)} commands {where} ({why}): {names}."]
    lines += [
        f"Would remove the commands it had synced to guild {stale}."
        for stale in synced_guilds(cache_dir, application_id)
        if stale != guild_id
    ]
    return lines
