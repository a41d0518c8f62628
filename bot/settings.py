"""Environment (and ``.env``) → one :class:`Settings` object. The token is never shown."""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import load_dotenv

from .datafiles import MB, ReadLimits

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("text", "json")


class SettingsError(ValueError):
    """A setting has a value that cannot work; the message says which and how to fix it."""


MAX_SHARDS = 1024  # 2,500 servers a shard: room for 2.5 million servers
SNOWFLAKE = range(1 << 22, 1 << 63)  # an id Discord made (a timestamp above 0), in 64 bits
MAX_FILE_MB = 50.0  # default size cap for one data file


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
    max_file_mb: float = MAX_FILE_MB
    application_id: int | None = None
    privacy_url: str | None = None
    terms_url: str | None = None
    charts: bool = True  # pictures attached to /salary, /compare and /career (CAREER_BOT_CHARTS)
    log_format: str = "text"
    metrics_port: int | None = None  # /metrics and /healthz; None: not served
    metrics_addr: str = "127.0.0.1"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, dotenv: bool = True) -> Settings:
        """Read and check the settings; ``.env`` in the working directory fills in what is not
        set. A value that cannot work raises :class:`SettingsError` (one line, no secret)."""
        if env is None:
            if dotenv:
                load_dotenv(Path.cwd() / ".env", override=False)
            env = os.environ
        level = (env.get("LOG_LEVEL") or "INFO").strip().upper()
        if level not in LOG_LEVELS:
            raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
        shard_count, shard_ids = _shards(env)
        cache = (env.get("CAREER_BOT_CACHE_DIR") or "").strip()
        return cls(
            token=_token(env.get("DISCORD_TOKEN") or ""),
            guild_id=_guild_id(env),
            data_paths=tuple(
                Path(p).expanduser()
                for p in (env.get("CAREER_BOT_DATA") or "").split(os.pathsep)
                if p.strip()
            ),
            log_level=level,
            shard_count=shard_count,
            shard_ids=shard_ids,
            cache_dir=Path(cache).expanduser() if cache else None,
            no_cache=(env.get("CAREER_BOT_NO_CACHE") or "").strip().lower() in {"1", "true", "yes"},
            max_file_mb=_max_file_mb(env),
            application_id=_snowflake(env, "DISCORD_APPLICATION_ID"),
            privacy_url=_url(env, "PRIVACY_URL"),
            terms_url=_url(env, "TERMS_URL"),
            charts=(env.get("CAREER_BOT_CHARTS") or "on").strip().lower()
            not in {"0", "off", "false", "no"},
            log_format=_choice(env, "LOG_FORMAT", LOG_FORMATS),
            metrics_port=_port(env, "METRICS_PORT"),
            metrics_addr=_host(env, "METRICS_ADDR") or "127.0.0.1",
        )

    def data_cache_dir(self) -> Path | None:
        """Where parsed data and the matcher index are kept; None when caching is off."""
        return None if self.no_cache else self.cache_path() / "data"

    def cache_path(self) -> Path:
        if self.cache_dir is not None:
            return self.cache_dir
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "career-bot"

    def read_limits(self) -> ReadLimits:
        """What a data file may be (``CAREER_BOT_MAX_FILE_MB``)."""
        return ReadLimits(max_bytes=int(self.max_file_mb * MB))


def _token(text: str) -> str | None:
    """The token, trimmed; refused (without showing it) when it holds spaces or control
    characters — usually a line break or a quote pasted with it."""
    token = text.strip()
    if not token:
        return None
    bad = next((c for c in token if not 0x21 <= ord(c) <= 0x7E or c in "\"'`"), None)
    if bad is not None:
        what = (
            "a control character (a line break?)"
            if ord(bad) < 0x20 or ord(bad) == 0x7F
            else "a space"
            if bad.isspace()
            else "a quote"
            if bad in "\"'`"
            else "a character that is not plain ASCII"
        )
        raise SettingsError(
            f"DISCORD_TOKEN contains {what} "
            f"(at position {token.index(bad) + 1} of {len(token)}): copy the token again from "
            "the Developer Portal, on one line, without quotes or spaces"
        )
    return token


def _snowflake(env: Mapping[str, str], name: str) -> int | None:
    value = _opt_int(env, name)
    if value is not None and value not in SNOWFLAKE:
        raise SettingsError(f"{name} must be a Discord id (a number of 17 to 20 digits)")
    return value


def _url(env: Mapping[str, str], name: str) -> str | None:
    """An https link shown to users (the privacy policy, the terms of service)."""
    url = (env.get(name) or "").strip()
    if url and (not url.startswith("https://") or len(url) > 512 or any(c.isspace() for c in url)):
        raise SettingsError(f"{name} must be an https:// link (no spaces), got {url[:80]!r}")
    return url or None


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    """One of ``choices`` (case-insensitive); empty means the first."""
    value = (env.get(name) or "").strip().lower() or choices[0]
    if value not in choices:
        raise SettingsError(f"{name} must be one of {', '.join(choices)}, got {value[:40]!r}")
    return value


def _port(env: Mapping[str, str], name: str) -> int | None:
    port = _opt_int(env, name)
    if port is not None and not 1 <= port <= 65535:
        raise SettingsError(f"{name} must be a TCP port between 1 and 65535, got {port}")
    return port


def _host(env: Mapping[str, str], name: str) -> str | None:
    """An address to listen on: an IP address or a host name (no scheme, port or spaces)."""
    host = (env.get(name) or "").strip()
    if host and not re.fullmatch(r"[A-Za-z0-9.:\-]{1,253}|\[[0-9A-Fa-f:.]+\]", host):
        raise SettingsError(
            f"{name} must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0, got {host[:80]!r}"
        )
    return host.strip("[]") or None


def _guild_id(env: Mapping[str, str]) -> int | None:
    guild = _opt_int(env, "DISCORD_GUILD_ID")
    if guild is not None and guild not in SNOWFLAKE:
        raise SettingsError(
            f"DISCORD_GUILD_ID must be a server id (a number of 17 to 20 digits: Developer Mode "
            f"→ right-click the server → Copy Server ID), got {guild}"
        )
    return guild


def _shards(env: Mapping[str, str]) -> tuple[int | None, tuple[int, ...] | None]:
    shard_count = _opt_int(env, "SHARD_COUNT")
    if shard_count is not None and not 1 <= shard_count <= MAX_SHARDS:
        raise SettingsError(f"SHARD_COUNT must be between 1 and {MAX_SHARDS}, got {shard_count}")
    text = (env.get("SHARD_IDS") or "").strip()
    if not text:
        return shard_count, None
    ids = tuple(_int("SHARD_IDS", part) for part in text.split(","))
    if shard_count is None:
        raise SettingsError("SHARD_IDS needs SHARD_COUNT (the total number of shards)")
    if any(not 0 <= i < shard_count for i in ids):
        raise SettingsError(
            f"every SHARD_IDS entry must be between 0 and SHARD_COUNT - 1 ({shard_count - 1})"
        )
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise SettingsError(
            f"SHARD_IDS lists shard {', '.join(map(str, twice))} more than once: "
            "each shard must run exactly once"
        )
    return shard_count, ids


def _max_file_mb(env: Mapping[str, str]) -> float:
    text = (env.get("CAREER_BOT_MAX_FILE_MB") or "").strip()
    if not text:
        return MAX_FILE_MB
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= 4096:
        raise SettingsError(
            f"CAREER_BOT_MAX_FILE_MB must be a size in MB (above 0, at most 4096), got {text!r}"
        )
    return value


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


def _int(name: str, text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {text.strip()[:40]!r}") from None


def _opt_int(env: Mapping[str, str], name: str) -> int | None:
    text = (env.get(name) or "").strip()
    return _int(name, text) if text else None
