"""run_bot: clear one-line failures, data before connecting, intents, sharding, no token in logs."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import discord
import pytest
from discord.ext import commands

from bot.answers import Answers
from bot.dataset import load_dataset
from bot.discord import app
from bot.discord.app import BAD_TOKEN, NO_TOKEN, configure_logging, create_bot, run_bot
from bot.discord.client import CareerBot, bot_intents
from bot.discord.cogs import CareerCog, InfoCog
from bot.settings import Settings

from ..conftest import CURATED, MINI, ROOT, TESTS
from .mocks import COMMANDS

TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.FAKE12.abcdefghijklmnopqrstuvwxyz0123"


@pytest.fixture(autouse=True)
def _small_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_bot loads the mini layer over the curated profiles only (the real loader, just less
    data: the full shipped dataset takes seconds to load)."""

    def load(extra: Any = (), cache_dir: Any = None, limits: Any = None) -> Answers:
        return Answers(load_dataset(paths=[CURATED], extra=extra, limits=limits))

    monkeypatch.setattr(Answers, "load", staticmethod(load))


def _settings(tmp_path: Path, **kwargs: Any) -> Settings:
    base: dict[str, Any] = {"token": TOKEN, "data_paths": (MINI,), "cache_dir": tmp_path}
    return Settings(**{**base, **kwargs})


def test_no_token_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_bot(Settings(token=None)) == 1
    err = capsys.readouterr().err
    assert err == NO_TOKEN + "\n"
    assert "DISCORD_TOKEN" in err and ".env" in err and "README" in err


def test_no_token_from_the_command_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,  # no .env here
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [NO_TOKEN]
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_a_rejected_token_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with mock.patch.object(
        CareerBot, "login", side_effect=discord.LoginFailure("Improper token has been passed.")
    ):
        assert run_bot(_settings(tmp_path)) == 1
    err = capsys.readouterr().err
    assert BAD_TOKEN in err and "Traceback" not in err and TOKEN not in err


def test_unreachable_discord_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with mock.patch.object(CareerBot, "login", side_effect=OSError("Connection refused")):
        assert run_bot(_settings(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "cannot reach Discord (Connection refused)" in err and "Traceback" not in err


def test_bad_data_refuses_to_start_before_connecting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = TESTS / "fixtures" / "broken" / "duplicate-ids.yaml"
    with mock.patch.object(CareerBot, "login") as login:
        assert run_bot(_settings(tmp_path, data_paths=(MINI, broken))) == 1
    login.assert_not_called()
    err = capsys.readouterr().err
    assert "not starting" in err and "duplicate" in err


def test_a_clean_stop_exits_0(tmp_path: Path) -> None:
    async def start(self: CareerBot, token: str, *, reconnect: bool = True) -> None:
        assert token == TOKEN and reconnect

    with mock.patch.object(CareerBot, "start", start):
        assert run_bot(_settings(tmp_path)) == 0


def test_a_readable_env_file_is_warned_about(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    env = tmp_path / ".env"
    env.write_text("DISCORD_TOKEN=x\n")
    env.chmod(0o644)
    monkeypatch.chdir(tmp_path)
    with mock.patch.object(CareerBot, "login", side_effect=discord.LoginFailure()):
        run_bot(_settings(tmp_path))
    assert "chmod 600" in caplog.text


def test_logging_setup_is_undone_after_a_run(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    with mock.patch.object(CareerBot, "login", side_effect=discord.LoginFailure()):
        run_bot(_settings(tmp_path))
    assert root.handlers == before


def test_the_token_never_reaches_a_log_line(tmp_path: Path) -> None:
    handler = configure_logging(_settings(tmp_path, log_level="DEBUG"))
    seen: list[str] = []
    handler.emit = lambda record: seen.append(handler.format(record))  # type: ignore[method-assign]
    logger = logging.getLogger("test.redact")
    try:
        logger.warning("token is %s", TOKEN)
        logger.warning("secret part %s", TOKEN.rsplit(".", 1)[-1])
        try:
            raise RuntimeError(f"login with {TOKEN}")
        except RuntimeError:
            logger.exception("failed")
    finally:
        logging.getLogger().removeHandler(handler)
    assert len(seen) == 3
    joined = "\n".join(seen)
    assert TOKEN not in joined and TOKEN.rsplit(".", 1)[-1] not in joined
    assert joined.count(app.REDACTED) == 3


def test_no_privileged_intents() -> None:
    intents = bot_intents()
    assert not intents.members and not intents.presences and not intents.message_content
    assert intents.guilds


async def test_client_configuration(mini_answers: Answers, tmp_path: Path) -> None:
    client = create_bot(mini_answers, _settings(tmp_path, shard_count=4, shard_ids=(1, 3)))
    assert isinstance(client, commands.AutoShardedBot)
    await client.add_initial_cogs()
    career, info = client.get_cog("Careers"), client.get_cog("About the bot")
    assert isinstance(career, CareerCog) and career.answers is mini_answers
    assert isinstance(info, InfoCog) and info.dataset is mini_answers.dataset
    assert client.shard_count == 4 and client.shard_ids == [1, 3]
    assert client.allowed_mentions is not None
    assert dict(client.allowed_mentions.to_dict()) == {"parse": []}
    assert [c.name for c in client.tree.get_commands()] == COMMANDS
    unsharded = create_bot(mini_answers, _settings(tmp_path))
    assert unsharded.shard_count is None and unsharded.shard_ids is None


async def test_a_stop_request_cancels_until_the_client_gives_up(
    mini_answers: Answers, tmp_path: Path
) -> None:
    """Even when a cancellation is swallowed (Python 3.11 wait_for), the stop goes through."""
    import asyncio

    cancels: list[int] = []

    async def start(self: CareerBot, token: str, *, reconnect: bool = True) -> None:
        while True:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                cancels.append(1)
                if len(cancels) >= 2:
                    raise

    client = create_bot(mini_answers, _settings(tmp_path))
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(0.05, stop.set)
    with mock.patch.object(CareerBot, "start", start):
        await asyncio.wait_for(app._serve_until(client, TOKEN, stop), 10)
    assert len(cancels) == 2
    assert client.is_closed()


async def test_a_client_that_ends_by_itself_reports_why(
    mini_answers: Answers, tmp_path: Path
) -> None:
    import asyncio

    client = create_bot(mini_answers, _settings(tmp_path))
    with (
        mock.patch.object(CareerBot, "start", side_effect=discord.LoginFailure("nope")),
        pytest.raises(discord.LoginFailure),
    ):
        await app._serve_until(client, TOKEN, asyncio.Event())


def test_run_sync_flag_reaches_run_bot(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.__main__ import main

    calls: list[bool] = []

    def fake_run(settings: Settings, force_sync: bool = False) -> int:
        calls.append(force_sync)
        return 0

    monkeypatch.setattr(app, "run_bot", fake_run)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    assert main(["run", "--sync"]) == 0 and main(["run"]) == 0
    assert calls == [True, False]
