"""Environment (and ``.env``) → one :class:`Settings` object. The token is never shown."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import load_dotenv

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A setting has a value that cannot work; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    token: str | None = field(default=None, repr=False)
    guild_id: int | None = None
    data_paths: tuple[Path, ...] = ()
    log_level: str = "INFO"
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    cache_dir: Path | None = None
    no_cache: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, dotenv: bool = True) -> Settings:
        """Read the settings; ``.env`` in the working directory fills in what is not set."""
        if env is None:
            if dotenv:
                load_dotenv(Path.cwd() / ".env", override=False)
            env = os.environ
        token = (env.get("DISCORD_TOKEN") or "").strip() or None
        level = (env.get("LOG_LEVEL") or "INFO").strip().upper()
        if level not in LOG_LEVELS:
            raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
        paths = tuple(
            Path(p).expanduser()
            for p in (env.get("CAREER_BOT_DATA") or "").split(os.pathsep)
            if p.strip()
        )
        shard_ids = None
        if (env.get("SHARD_IDS") or "").strip():
            shard_ids = tuple(_int(env, "SHARD_IDS", part) for part in env["SHARD_IDS"].split(","))
        shard_count = _opt_int(env, "SHARD_COUNT")
        if shard_ids is not None and shard_count is None:
            raise SettingsError("SHARD_IDS needs SHARD_COUNT (the total number of shards)")
        if shard_count is not None and shard_count < 1:
            raise SettingsError("SHARD_COUNT must be at least 1")
        if shard_ids and shard_count and any(not 0 <= i < shard_count for i in shard_ids):
            raise SettingsError("every SHARD_IDS entry must be between 0 and SHARD_COUNT - 1")
        cache = (env.get("CAREER_BOT_CACHE_DIR") or "").strip()
        return cls(
            token=token,
            guild_id=_opt_int(env, "DISCORD_GUILD_ID"),
            data_paths=paths,
            log_level=level,
            shard_count=shard_count,
            shard_ids=shard_ids,
            cache_dir=Path(cache).expanduser() if cache else None,
            no_cache=(env.get("CAREER_BOT_NO_CACHE") or "").strip().lower() in {"1", "true", "yes"},
        )

    def data_cache_dir(self) -> Path | None:
        """Where parsed data and the matcher index are kept; None when caching is off."""
        return None if self.no_cache else self.cache_path() / "data"

    def cache_path(self) -> Path:
        if self.cache_dir is not None:
            return self.cache_dir
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "career-bot"


def env_file_warning(path: Path | None = None) -> str | None:
    """A warning when the ``.env`` file (which holds the token) can be read by other users."""
    path = path or Path.cwd() / ".env"
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        return (
            f"{path} can be read by other users of this machine and may hold your bot token; "
            f"run: chmod 600 {path}"
        )
    return None


def _int(env: Mapping[str, str], name: str, text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {text.strip()!r}") from None


def _opt_int(env: Mapping[str, str], name: str) -> int | None:
    text = (env.get(name) or "").strip()
    return _int(env, name, text) if text else None
