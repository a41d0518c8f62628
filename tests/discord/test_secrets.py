"""Secrets: the bot token appears in no log line, error or crash output, whatever the path.

The real bot runs against the fake Discord (which hands out a random, real-looking token) at
``LOG_LEVEL=DEBUG``, where discord.py logs every request and gateway event:

* the token in the environment, through a whole session with faults: commands, autocomplete,
  buttons, a rate limit, a dropped websocket (RESUME carries the token), a callback Discord
  refuses (a logged error with its traceback);
* the token only in a ``.env`` file in the bot's working directory — a ``.env`` readable by
  other users, which ``career-bot run`` must warn about;
* a token Discord rejects (401), read from a private (0600) ``.env``: one line, exit 1, no
  warning about that file;
* a crash: SIGINT while the process is still importing / loading (whatever it prints then).

``.env`` itself is git-ignored. A secret is the token and its last (HMAC) part, as
``BotProcess.assert_token_not_leaked`` checks; files the bot writes (its cache, the command
sync state) must not hold it either.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.discord.app import BAD_TOKEN
from fake_discord import BotProcess, FakeDiscord

from ..conftest import MINI, ROOT

SETTINGS: tuple[str, ...] = ("DISCORD_TOKEN", "LOG_LEVEL", "DISCORD_GUILD_ID", "SHARD_COUNT")
SETTINGS += ("SHARD_IDS", "CAREER_BOT_DATA", "CAREER_BOT_NO_CACHE")


def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data cache for the session's bot processes (only the first parses the YAML); they
    run with ``--sync``, so the command sync state kept there does not matter."""
    path = tmp_path_factory.getbasetemp() / "career-bot-hardening-cache"
    path.mkdir(exist_ok=True)
    return path


def _secrets(token: str) -> list[str]:
    secret = token.rsplit(".", 1)[-1]
    return [token] + ([secret] if len(secret) >= 8 else [])


def _assert_nowhere(token: str, text: str, where: str) -> None:
    for secret in _secrets(token):
        assert secret not in text, f"the token (or its secret part) is in {where}"


def _assert_not_in_files(token: str, folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in _secrets(token):
                assert secret.encode() not in data, f"the token is in {path}"


def _dotenv_bot(
    fake: FakeDiscord, cwd: Path, cache: Path, lines: list[str], mode: int, token: str
) -> BotProcess:
    """A bot whose settings come only from ``cwd/.env`` (nothing in its environment)."""
    env_file = cwd / ".env"
    env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env_file.chmod(mode)
    bot = BotProcess(
        fake,
        args=["run", "--sync"],
        cwd=cwd,
        token=token,
        env={"CAREER_BOT_CACHE_DIR": str(cache)},
    )
    for name in SETTINGS:  # an empty variable would win over .env: remove them all
        bot.env.pop(name, None)
    return bot


def test_dotenv_is_git_ignored_and_never_committed() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".env"], cwd=ROOT, capture_output=True, timeout=30
    )
    assert ignored.returncode == 0, "git does not ignore .env"
    tracked = subprocess.run(
        ["git", "ls-files", "--", ".env", "**/.env"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert tracked.stdout.strip() == ""
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    token_lines = [line for line in example.splitlines() if line.startswith("DISCORD_TOKEN=")]
    assert token_lines == ["DISCORD_TOKEN="]  # the example holds no token


# --------------------------------------------------------------------------- token in the environment


@pytest.mark.e2e
def test_no_token_in_a_debug_session_with_faults(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    cache = _shared_cache(tmp_path_factory)
    env = {
        "CAREER_BOT_DATA": str(MINI),
        "CAREER_BOT_CACHE_DIR": str(cache),
        "LOG_LEVEL": "DEBUG",
        "DISCORD_GUILD_ID": "",
        "SHARD_COUNT": "",
        "SHARD_IDS": "",
    }
    with FakeDiscord() as fake:
        bot = BotProcess(fake, args=["run", "--sync"], env=env)
        _assert_nowhere(fake.token, " ".join(bot.command), "the command line")
        try:
            bot.start().wait_ready(60)
            rec = fake.slash("compare", {"a": "lawyer", "b": "cashier"})
            fake.click(fake.response_message(rec), rec.components[0]["components"][1]["custom_id"])
            fake.autocomplete("salary", "profession", "nur")
            fake.slash("salary", {"profession": "xyzzy"})
            fake.rate_limit("POST /interactions/*/callback", retry_after=0.2)
            fake.slash("career", {"profession": "lawyer"})
            before = sum(s.resumes for s in fake.sessions)
            fake.drop_gateway(code=4000)
            fake.wait_for_resume(before + 1, timeout=20)
            assert fake.slash("salary", {"profession": "lawyer"}, timeout=15).embeds
            fake.server_error("POST /interactions/*/callback", times=2, status=400)
            lost = fake.send_slash("salary", {"profession": "cashier"}, user="bob").record
            fake.wait_for(lambda: lost.callback_attempts >= 2, 10, "the refused callback")
            bot.wait_for_output(r"Could not send an ephemeral reply", timeout=10)
        finally:
            code = bot.stop()
        assert code == 0, bot.output_tail()
        out = bot.output
        assert " DEBUG " in out or "DEBUG" in out  # discord.py did log at DEBUG
        assert "Traceback" in out  # the refused callback: an error with its traceback
        assert any(c.kind == "resume" for c in fake.connections)
        bot.assert_token_not_leaked()
        _assert_nowhere(fake.token, out, "the bot's output")
        _assert_not_in_files(fake.token, cache)
        tokens = [r.token for r in fake.interactions]
        assert tokens and not [t for t in tokens if t in out], "an interaction token is logged"
        assert "/[redacted:" in out  # interaction URLs are logged, with a hash for the token
        print(
            f"\n{len(out.splitlines())} lines of DEBUG output, "
            f"{out.count('[DISCORD_TOKEN]')} redacted by the log filter"
        )


# --------------------------------------------------------------------------- token only in .env


@pytest.fixture(scope="module")
def dotenv_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[FakeDiscord, BotProcess, Path]]:
    """A bot with its token (and every other setting) only in a 0644 ``.env`` in its cwd."""
    cwd = tmp_path_factory.mktemp("dotenv-cwd")
    cache = _shared_cache(tmp_path_factory)
    with FakeDiscord() as fake:
        lines = [f"DISCORD_TOKEN={fake.token}", "LOG_LEVEL=DEBUG", f"CAREER_BOT_DATA={MINI}"]
        bot = _dotenv_bot(fake, cwd, cache, lines, 0o644, fake.token)
        try:
            bot.start().wait_ready(60)
            assert fake.slash("salary", {"profession": "lawyer"}).embeds
            assert fake.autocomplete("career", "profession", "cash").choices
            assert fake.slash("career", {"profession": "@everyone zzqq"}).ephemeral
        finally:
            code = bot.stop()
        assert code == 0, bot.output_tail()
        yield fake, bot, cwd


@pytest.mark.e2e
def test_no_token_when_it_comes_from_dotenv(
    dotenv_run: tuple[FakeDiscord, BotProcess, Path],
) -> None:
    fake, bot, cwd = dotenv_run
    assert "DISCORD_TOKEN" not in bot.env  # so the token did come from .env
    assert any(c.kind == "identify" for c in fake.connections)  # and it logged in with it
    assert "DEBUG" in bot.output
    bot.assert_token_not_leaked()
    _assert_nowhere(fake.token, bot.output, "the bot's output")
    _assert_not_in_files(fake.token, _shared_cache_of(bot))


def _shared_cache_of(bot: BotProcess) -> Path:
    return Path(bot.env["CAREER_BOT_CACHE_DIR"])


@pytest.mark.e2e
def test_a_dotenv_readable_by_others_is_warned_about(
    dotenv_run: tuple[FakeDiscord, BotProcess, Path],
) -> None:
    _, bot, cwd = dotenv_run
    env_file = cwd / ".env"
    assert os.stat(env_file).st_mode & 0o077 == 0o044
    assert f"{env_file} can be read by other users" in bot.output, bot.output_tail()
    assert f"chmod 600 {env_file}" in bot.output


# --------------------------------------------------------------------------- a rejected token


@pytest.mark.e2e
def test_a_rejected_token_from_a_private_dotenv(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    wrong = "MTAwMDAwMDAwMDAwMDAwMDAx.Gxyzzy.rejected-secret-part-0123456789abcdefghij"
    with FakeDiscord() as fake:
        lines = [f"DISCORD_TOKEN={wrong}", "LOG_LEVEL=DEBUG", f"CAREER_BOT_DATA={MINI}"]
        bot = _dotenv_bot(fake, tmp_path, _shared_cache(tmp_path_factory), lines, 0o600, wrong)
        bot.start()
        try:
            assert bot.wait_exit(60) == 1, bot.output_tail()
        finally:
            bot.stop()
        assert BAD_TOKEN in bot.stderr
        assert "Traceback" not in bot.output, bot.output_tail()
        assert "can be read by other users" not in bot.output  # 0600: nothing to warn about
        login = fake.requests_matching("GET /users/@me")
        assert login and login[0].status == 401  # it did try, and Discord said no
        assert fake.connections == []  # no IDENTIFY with a rejected token
        bot.assert_token_not_leaked()  # BotProcess.token is the wrong token here
        _assert_nowhere(wrong, bot.output, "the bot's output")


# --------------------------------------------------------------------------- a crash


@pytest.mark.e2e
@pytest.mark.parametrize("after", [0.3, 1.2])
def test_no_token_when_interrupted_while_starting(
    tmp_path_factory: pytest.TempPathFactory, after: float
) -> None:
    """SIGINT during imports (Python's own KeyboardInterrupt traceback) or while the data loads
    (the bot's handler): whatever is printed, the token is not in it."""
    env = {
        "CAREER_BOT_DATA": str(MINI),
        "CAREER_BOT_CACHE_DIR": str(_shared_cache(tmp_path_factory)),
        "LOG_LEVEL": "DEBUG",
    }
    with FakeDiscord() as fake:
        bot = BotProcess(fake, args=["run", "--sync"], env=env).start()
        try:
            time.sleep(after)
            assert bot.pid is not None
            os.kill(bot.pid, signal.SIGINT)
            code = bot.wait_exit(30)
        finally:
            bot.stop()
        assert code in (0, 1, -signal.SIGINT, 128 + signal.SIGINT), bot.output_tail()
        bot.assert_token_not_leaked()
        _assert_nowhere(fake.token, bot.output, "the bot's output")
        print(
            f"\nSIGINT after {after}s: exit {code}; traceback printed: {'Traceback' in bot.output}"
        )
