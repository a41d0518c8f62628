"""career-bot: career answers for Discord and the console, from public US labour data."""

from __future__ import annotations

from functools import cache


@cache
def _version() -> str:
    # importlib.metadata costs ~80 ms to import: only pay it when the version is asked for.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("career-bot")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'bot' has no attribute {name!r}")
