"""The environment the end-to-end tests give the real bot."""

from __future__ import annotations

from pathlib import Path

from ..conftest import MINI, ROOT


def bot_env(cache: Path, **extra: str) -> dict[str, str]:
    """The bot's environment: the small test data layer, a cache folder shared by a module's bot
    processes (so only the first parses the YAML; it also keeps the command sync state, per
    application and target), and no sharding or guild unless a test asks for it."""
    return {
        "CAREER_BOT_DATA": str(MINI.relative_to(ROOT)),
        "CAREER_BOT_CACHE_DIR": str(cache),
        "LOG_LEVEL": "INFO",
        "DISCORD_GUILD_ID": "",
        "SHARD_COUNT": "",
        "SHARD_IDS": "",
        "CAREER_BOT_CHARTS": "off",  # exact embeds; pictures have their own test (test_e2e_charts)
        **extra,
    }
