"""career-bot: career answers for Discord and the console, from public US labour data."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("career-bot")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
