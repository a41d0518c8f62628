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
            "DISCORD_GUILD_ID": "123",
            "LOG_LEVEL": "debug",
            "CAREER_BOT_DATA": "/a:/b",
            "SHARD_COUNT": "4",
            "SHARD_IDS": "0, 2",
            "CAREER_BOT_CACHE_DIR": "/tmp/cb",
        }
    )
    assert s.token == "abc.def" and s.guild_id == 123 and s.log_level == "DEBUG"
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
        ({"SHARD_COUNT": "0"}, "at least 1"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "5"}, "between 0"),
    ],
)
def test_bad_values(env: dict[str, str], words: str) -> None:
    with pytest.raises(SettingsError, match=words):
        Settings.from_env(env)


def test_dotenv_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("DISCORD_GUILD_ID=42\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_GUILD_ID", raising=False)
    assert Settings.from_env().guild_id == 42


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
