"""Sync the slash commands with Discord only when they changed (or when asked to).

Syncing is rate limited by Discord and needless on most restarts, so the bot keeps, per
application and target, a hash of exactly what it would send: the JSON of every command
(``Command.to_dict``) plus the target. The state lives in
``<cache dir>/sync-<application id>-<target>.json``, ``<target>`` being ``global`` or
``guild-<id>``. With ``DISCORD_GUILD_ID`` set the global commands are copied to that guild and
synced there (instant, for development); otherwise they are synced globally.
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
    guild = discord.Object(guild_id) if guild_id is not None else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    target = target_name(guild_id)
    where = "globally" if guild is None else f"to guild {guild_id}"
    payload = commands_payload(tree, guild)
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
