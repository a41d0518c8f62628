"""Command sync: only when the command set (or target) changed, or when forced; state on disk."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from unittest import mock

import discord
import pytest
from discord import app_commands

from bot.answers import Answers
from bot.discord.app import create_bot
from bot.discord.client import CareerBot
from bot.discord.sync import (
    clear_guild,
    clear_stale_guilds,
    commands_hash,
    commands_payload,
    state_path,
    sync_commands,
    sync_plan,
    synced_guilds,
)
from bot.settings import Settings

from .mocks import APP_ID, COMMANDS, GUILD


class _Resp:
    status, reason = 403, "Forbidden"


@pytest.fixture
async def bot(mini_answers: Answers, tmp_path: Path) -> CareerBot:
    client = create_bot(mini_answers, Settings(token="t", cache_dir=tmp_path))
    await client.add_initial_cogs()
    return client


def _mock_sync(client: CareerBot) -> mock.AsyncMock:
    synced = mock.AsyncMock(side_effect=lambda guild=None: client.tree.get_commands(guild=guild))
    client.tree.sync = synced  # type: ignore[method-assign]
    return synced


async def _sync(client: CareerBot, tmp_path: Path, **kwargs: Any) -> Any:
    args: dict[str, Any] = {"application_id": APP_ID, "guild_id": None, "cache_dir": tmp_path}
    return await sync_commands(client.tree, **{**args, **kwargs})


async def test_first_start_syncs_globally_and_remembers(bot: CareerBot, tmp_path: Path) -> None:
    synced = _mock_sync(bot)
    result = await _sync(bot, tmp_path)
    assert result.action == "synced" and result.target == "global" and result.count == 8
    synced.assert_awaited_once_with(guild=None)
    state = json.loads((tmp_path / f"sync-{APP_ID}-global.json").read_text())
    assert state["hash"] == commands_hash(commands_payload(bot.tree, None), "global")
    assert state["commands"] == COMMANDS


async def test_unchanged_commands_are_not_synced_again(bot: CareerBot, tmp_path: Path) -> None:
    synced = _mock_sync(bot)
    await _sync(bot, tmp_path)
    again = await _sync(bot, tmp_path)
    assert again.action == "unchanged"
    assert synced.await_count == 1


async def test_force_syncs_anyway(bot: CareerBot, tmp_path: Path) -> None:
    synced = _mock_sync(bot)
    await _sync(bot, tmp_path)
    assert (await _sync(bot, tmp_path, force=True)).action == "synced"
    assert synced.await_count == 2


async def test_a_changed_command_set_syncs(bot: CareerBot, tmp_path: Path) -> None:
    synced = _mock_sync(bot)
    await _sync(bot, tmp_path)

    @app_commands.command(name="extra", description="A new command")
    async def extra(interaction: discord.Interaction) -> None: ...

    bot.tree.add_command(extra)
    assert (await _sync(bot, tmp_path)).action == "synced"
    assert synced.await_count == 2


async def test_a_changed_description_syncs(bot: CareerBot, tmp_path: Path) -> None:
    _mock_sync(bot)
    await _sync(bot, tmp_path)
    help_cmd = bot.tree.get_command("help")
    assert isinstance(help_cmd, app_commands.Command)
    old = help_cmd.description
    try:
        help_cmd.description = "Changed words"
        assert (await _sync(bot, tmp_path)).action == "synced"
    finally:
        help_cmd.description = old


async def test_guild_target_copies_global_commands_and_has_its_own_state(
    bot: CareerBot, tmp_path: Path
) -> None:
    synced = _mock_sync(bot)
    await _sync(bot, tmp_path)  # global state must not count for the guild
    result = await _sync(bot, tmp_path, guild_id=GUILD)
    assert result.action == "synced" and result.target == f"guild-{GUILD}" and result.count == 8
    assert synced.await_args is not None
    guild = synced.await_args.kwargs["guild"]
    assert guild.id == GUILD
    assert state_path(tmp_path, APP_ID, f"guild-{GUILD}").is_file()
    assert (await _sync(bot, tmp_path, guild_id=GUILD)).action == "unchanged"


async def test_a_refused_sync_is_logged_not_fatal_and_not_remembered(
    bot: CareerBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot.tree.sync = mock.AsyncMock(  # type: ignore[method-assign]
        side_effect=discord.Forbidden(_Resp(), {"code": 50001, "message": "Missing Access"})
    )
    result = await _sync(bot, tmp_path, guild_id=GUILD)
    assert result.action == "failed"
    assert "applications.commands" in caplog.text
    assert not list(tmp_path.iterdir())


async def test_a_corrupt_state_file_just_syncs(bot: CareerBot, tmp_path: Path) -> None:
    _mock_sync(bot)
    state_path(tmp_path, APP_ID, "global").write_text("{not json")
    assert (await _sync(bot, tmp_path)).action == "synced"


async def test_an_unwritable_cache_does_not_stop_the_bot(
    bot: CareerBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _mock_sync(bot)
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = await _sync(bot, tmp_path, cache_dir=blocker / "cache")
    assert result.action == "synced"
    assert "next start will sync again" in caplog.text


async def test_setup_hook_uses_settings(mini_answers: Answers, tmp_path: Path) -> None:
    client = create_bot(
        mini_answers, Settings(token="t", guild_id=GUILD, cache_dir=tmp_path), force_sync=True
    )
    client._connection.application_id = APP_ID
    synced = _mock_sync(client)
    await client.setup_hook()
    assert client.sync_result is not None and client.sync_result.action == "synced"
    assert synced.await_args is not None and synced.await_args.kwargs["guild"].id == GUILD


# --------------------------------------------------------------------------- cleaning up


def _remember(tmp_path: Path, guild_id: int) -> Path:
    path = state_path(tmp_path, APP_ID, f"guild-{guild_id}")
    path.write_text(json.dumps({"hash": "x", "commands": ["compare"]}))
    return path


async def test_going_global_removes_the_test_servers_commands(
    bot: CareerBot, tmp_path: Path
) -> None:
    synced = _mock_sync(bot)
    old = _remember(tmp_path, GUILD)
    assert synced_guilds(tmp_path, APP_ID) == [GUILD]
    assert (await _sync(bot, tmp_path)).action == "synced"
    cleared = await clear_stale_guilds(
        bot.tree, application_id=APP_ID, guild_id=None, cache_dir=tmp_path
    )
    assert cleared == [GUILD] and not old.exists()
    last = synced.await_args_list[-1]
    assert (
        last.kwargs["guild"].id == GUILD and bot.tree.get_commands(guild=last.kwargs["guild"]) == []
    )


async def test_another_test_server_replaces_the_first(bot: CareerBot, tmp_path: Path) -> None:
    _mock_sync(bot)
    _remember(tmp_path, GUILD)
    other = GUILD + 1
    await _sync(bot, tmp_path, guild_id=other)
    assert synced_guilds(tmp_path, APP_ID) == [GUILD, other]
    kept = await clear_stale_guilds(
        bot.tree, application_id=APP_ID, guild_id=other, cache_dir=tmp_path
    )
    assert kept == [GUILD] and synced_guilds(tmp_path, APP_ID) == [other]


async def test_a_guild_the_bot_left_is_forgotten_and_a_failure_retried(
    bot: CareerBot, tmp_path: Path
) -> None:
    path = _remember(tmp_path, GUILD)
    bot.tree.sync = mock.AsyncMock(side_effect=discord.HTTPException(_Resp(), "down"))  # type: ignore[method-assign]
    assert not await clear_guild(
        bot.tree, application_id=APP_ID, guild_id=GUILD, cache_dir=tmp_path
    )
    assert path.exists()  # tried again next time
    bot.tree.sync = mock.AsyncMock(side_effect=discord.Forbidden(_Resp(), "Missing Access"))  # type: ignore[method-assign]
    assert await clear_guild(bot.tree, application_id=APP_ID, guild_id=GUILD, cache_dir=tmp_path)
    assert not path.exists()


async def test_the_dry_run_says_what_would_change(bot: CareerBot, tmp_path: Path) -> None:
    _remember(tmp_path, GUILD)
    args: dict[str, Any] = {"application_id": APP_ID, "cache_dir": tmp_path}
    plan = sync_plan(bot.tree, guild_id=None, **args)
    assert plan[0].startswith("Would sync 8 commands globally (no earlier sync recorded): /compare")
    assert plan[1:] == [f"Would remove the commands it had synced to guild {GUILD}."]
    _mock_sync(bot)
    await _sync(bot, tmp_path)
    assert sync_plan(bot.tree, guild_id=None, **args)[0].startswith("Commands unchanged")


def test_the_sync_command_dry_run_needs_no_token(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("CAREER_BOT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("DISCORD_APPLICATION_ID", str(APP_ID))
    _remember(tmp_path, GUILD)
    assert main(["sync", "--dry-run", "--clear-guild", "1000000000000000777"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Would sync 8 commands globally")
    assert out[1:] == [
        f"Would remove the commands it had synced to guild {GUILD}.",
        "Would remove the commands synced to guild 1000000000000000777.",
    ]
