"""A fake Discord (REST /api/v10 + gateway) on 127.0.0.1 for end-to-end tests of discord.py bots.

See README.md in this folder. Public names are imported lazily, so a bot process that imports
``fake_discord.echo_bot`` does not pay for aiohttp-server/jsonschema imports.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "FakeDiscord": ".server",
    "InteractionHandle": ".server",
    "InteractionRecord": ".models",
    "RecordedRequest": ".models",
    "GatewayConnection": ".models",
    "Failure": ".models",
    "RestFault": ".models",
    "BotProcess": ".harness",
    "run_bot": ".harness",
    "ECHO_BOT": ".harness",
    "SpecValidator": ".spec",
    "Violation": ".spec",
    "load_spec": ".spec",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
