"""Settings come from the environment; the token never shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError


def test_defaults() -> None:
    s = Settings.from_env({})
    assert s.token is None and s.guild_id is None and s.log_level == "INFO"
    assert s.data_paths == () and s.shard_count is None


def test_values() -> None:
    s = Settings.from_env(
        {
            "DISCORD_TOKEN": " abc.def ",
            "DISCORD_GUILD_ID": "123456789012345678",
            "LOG_LEVEL": "debug",
            "CAREER_BOT_DATA": "/a:/b",
            "SHARD_COUNT": "4",
            "SHARD_IDS": "0, 2",
            "CAREER_BOT_CACHE_DIR": "/tmp/cb",
        }
    )
    assert s.token == "abc.def" and s.guild_id == 123456789012345678 and s.log_level == "DEBUG"
    assert s.data_paths == (Path("/a"), Path("/b"))
    assert s.shard_count == 4 and s.shard_ids == (0, 2)
    assert s.cache_path() == Path("/tmp/cb")


def test_token_not_in_repr() -> None:
    s = Settings.from_env({"DISCORD_TOKEN": "SECRET-TOKEN-123"})
    assert "SECRET-TOKEN-123" not in repr(s) and "SECRET-TOKEN-123" not in str(s)


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"DISCORD_GUILD_ID": "abc"}, "DISCORD_GUILD_ID"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"SHARD_IDS": "0"}, "SHARD_COUNT"),
        ({"SHARD_COUNT": "0"}, "between 1 and"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "5"}, "between 0"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "-1"}, "between 0"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,0"}, "shard 0 more than once"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "1, 3,1,3"}, "shard 1, 3 more than once"),
        ({"SHARD_COUNT": "100000"}, "between 1 and 1024"),
        ({"SHARD_COUNT": "-3"}, "between 1 and"),
        ({"SHARD_COUNT": "1e3"}, "whole number"),
        ({"DISCORD_GUILD_ID": "-5"}, "server id"),
        ({"DISCORD_GUILD_ID": "0"}, "server id"),
        ({"DISCORD_GUILD_ID": "42"}, "server id"),
        ({"DISCORD_GUILD_ID": str(1 << 64)}, "server id"),
        ({"CAREER_BOT_MAX_FILE_MB": "0"}, "CAREER_BOT_MAX_FILE_MB"),
        ({"CAREER_BOT_MAX_FILE_MB": "lots"}, "CAREER_BOT_MAX_FILE_MB"),
        ({"CAREER_BOT_MAX_FILE_MB": "nan"}, "CAREER_BOT_MAX_FILE_MB"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT must be one of text, json"),
        ({"METRICS_PORT": "0"}, "METRICS_PORT must be a TCP port"),
        ({"METRICS_PORT": "70000"}, "METRICS_PORT must be a TCP port"),
        ({"METRICS_PORT": "http"}, "METRICS_PORT must be a whole number"),
        ({"METRICS_ADDR": "http://0.0.0.0"}, "METRICS_ADDR must be an address"),
        ({"METRICS_ADDR": "a b"}, "METRICS_ADDR must be an address"),
    ],
)
def test_bad_values(env: dict[str, str], words: str) -> None:
    with pytest.raises(SettingsError, match=words):
        Settings.from_env(env)


def test_dotenv_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("DISCORD_GUILD_ID=423456789012345678\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_GUILD_ID", raising=False)
    assert Settings.from_env().guild_id == 423456789012345678


def test_env_file_readable_by_others_is_warned(tmp_path: Path) -> None:
    from bot.settings import env_file_warning

    env = tmp_path / ".env"
    assert env_file_warning(env) is None  # no file, no warning
    env.write_text("DISCORD_TOKEN=secret\n")
    env.chmod(0o644)
    warning = env_file_warning(env)
    assert warning and "chmod 600" in warning and "secret" not in warning
    env.chmod(0o600)
    assert env_file_warning(env) is None


TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GhJkLm.secret-part-0123456789abcdefghij"


@pytest.mark.parametrize(
    ("bad", "what"),
    [
        (TOKEN[:30] + "\n" + TOKEN[30:], "control character"),
        (TOKEN[:30] + " " + TOKEN[30:], "a space"),
        (TOKEN[:30] + "\u3000" + TOKEN[30:], "a space"),
        (TOKEN[:30] + "\x00" + TOKEN[30:], "control character"),
        (TOKEN[:30] + "\u200b" + TOKEN[30:], "not plain ASCII"),
        ('"' + TOKEN + "\r", "a quote"),
    ],
)
def test_a_mangled_token_is_refused_without_showing_it(bad: str, what: str) -> None:
    with pytest.raises(SettingsError) as info:
        Settings.from_env({"DISCORD_TOKEN": bad})
    message = str(info.value)
    assert "DISCORD_TOKEN" in message and (what in message or "control" in message)
    assert "\n" not in message and TOKEN[:20] not in message and TOKEN[-20:] not in message


def test_surrounding_whitespace_is_trimmed_not_refused() -> None:
    assert Settings.from_env({"DISCORD_TOKEN": f"  {TOKEN}\n"}).token == TOKEN


def test_good_shard_and_size_settings() -> None:
    s = Settings.from_env(
        {"SHARD_COUNT": "1024", "SHARD_IDS": "0,1023", "CAREER_BOT_MAX_FILE_MB": "0.5"}
    )
    assert s.shard_ids == (0, 1023) and s.read_limits().max_bytes == 512 * 1024


@pytest.mark.parametrize(
    "env",
    [
        {"SHARD_COUNT": "2", "SHARD_IDS": "0,0"},
        {"DISCORD_GUILD_ID": "-5"},
        {"SHARD_COUNT": "99999"},
        {"DISCORD_TOKEN": TOKEN[:30] + "\n" + TOKEN[30:]},
    ],
)
def test_refused_settings_stop_run_before_login(env: dict[str, str], tmp_path: Path) -> None:
    """``career-bot run``: one line, exit 1, and no attempt to reach Discord."""
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    full = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SHARD_"))}
    full.update({"DISCORD_TOKEN": TOKEN, **env, "PYTHONPATH": str(ROOT)})
    # a REST base nobody listens on: reaching it would print "cannot reach Discord"
    code = (
        "import sys, discord.http; discord.http.Route.BASE = 'http://127.0.0.1:9/api/v10'; "
        "from bot.__main__ import main; sys.exit(main(['run']))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=full,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Configuration error: "), proc.stderr
    assert TOKEN[-20:] not in proc.stderr and "Traceback" not in proc.stderr


def test_log_format_and_metrics_settings() -> None:
    default = Settings.from_env({})
    assert default.log_format == "text" and default.metrics_port is None
    assert default.metrics_addr == "127.0.0.1"
    s = Settings.from_env({"LOG_FORMAT": " JSON ", "METRICS_PORT": "9108", "METRICS_ADDR": "::"})
    assert (s.log_format, s.metrics_port, s.metrics_addr) == ("json", 9108, "::")
    assert Settings.from_env({"METRICS_ADDR": "[::1]"}).metrics_addr == "::1"
