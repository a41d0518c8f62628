"""One event per interaction: which command, how it ended, how long it took, on which shard.

Every slash command, autocomplete and component use is *watched* from the moment the bot starts
on it (the command tree's ``interaction_check``, a component's ``interaction_check``) until the
task answering it ends. Then one event is recorded: a log line, whose fields a JSON log keeps as
keys, and the metrics when they are served (:mod:`.metrics`). Nothing is kept after that. The
line is at ``INFO`` in JSON logs (for a log collector; autocompletes, one per keystroke, at
``DEBUG``) and at ``DEBUG`` in text logs, which show people start-up, syncs and problems.

The code that knows how an interaction ended says so with :func:`outcome` (the error handler, a
refusal, a question back to the user); otherwise it is ``ok`` when a response went out. User and
server ids are added only when ``DEBUG`` is on; tokens never are.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import time
from typing import Any, Protocol

import discord

log = logging.getLogger(__name__)

Interaction = discord.Interaction[Any]

#: How an interaction ended (a bounded set: each is a metrics label value).
OUTCOMES = (
    "ok",  # answered
    "asked",  # answered with a question: which profession was meant, or nothing matched
    "cooldown",  # the per-user limit
    "refused",  # bad or forged input, a check that failed, a command Discord still shows
    "error",  # a bug: logged with its traceback, the user got an apology
    "expired",  # Discord's 3 s passed before the first response
    "unsent",  # the answer could not be delivered (network, Discord refused)
    "blocked",  # Cloudflare's ban: the bot answers nothing for a while
    "cancelled",  # cut short when the bot stopped
    "unanswered",  # the handler ended without a response
)
KINDS = ("command", "autocomplete", "component")
UNKNOWN = "unknown"  # a command name the bot does not have (a stale or forged interaction)

_WATCHED = "observed"  # key in ``interaction.extras``
DISCORD_DEADLINE = 3.0  # seconds Discord allows for the first response


class Sink(Protocol):
    """Where events go besides the log (:class:`.metrics.Metrics`)."""

    def interaction(self, event: Event) -> None: ...


class Event:
    """One interaction, as recorded."""

    __slots__ = ("command", "kind", "outcome", "seconds", "shard", "user", "guild")

    def __init__(
        self, command: str, kind: str, outcome: str, seconds: float, shard: int, who: Interaction
    ) -> None:
        self.command, self.kind, self.outcome = command, kind, outcome
        self.seconds, self.shard = seconds, shard
        self.user, self.guild = who.user.id, who.guild_id

    def fields(self, with_ids: bool) -> dict[str, object]:
        fields: dict[str, object] = {
            "event": "interaction",
            "kind": self.kind,
            "command": self.command,
            "outcome": self.outcome,
            "latency_ms": round(self.seconds * 1000, 1),
            "shard": self.shard,
        }
        if with_ids:  # as text: JSON readers lose digits of numbers past 2**53
            fields |= {"user": str(self.user), "guild": str(self.guild or "") or None}
        return fields

    def text(self, with_ids: bool) -> str:
        name = self.command if self.kind == "component" else f"/{self.command}"
        if self.kind == "autocomplete":
            name += " (autocomplete)"
        ids = f" user {self.user} guild {self.guild}" if with_ids else ""
        return f"{name}: {self.outcome} in {self.seconds * 1000:.0f} ms, shard {self.shard}{ids}"


def watch(interaction: Interaction, component: str | None = None) -> None:
    """Start watching ``interaction`` (once): its event is recorded when the current task —
    the one answering it — ends. ``component``: the component's class, for a button or list."""
    extras = interaction.extras
    if extras.get(_WATCHED):
        return
    extras[_WATCHED] = True
    extras.setdefault("received_at", time.monotonic())
    kind, command = _what(interaction, component)
    task = asyncio.current_task()
    if task is None:  # pragma: no cover - discord.py always answers inside a task
        return
    task.add_done_callback(lambda t: _record(interaction, kind, command, t))


def outcome(interaction: Interaction, what: str) -> None:
    """Say how ``interaction`` ended (the first word said wins: later ones are consequences)."""
    assert what in OUTCOMES, what
    interaction.extras.setdefault("outcome", what)


def who(interaction: Interaction) -> str:
    """`` (user U, guild G)`` for a log line when DEBUG is on, else nothing."""
    if not logging.getLogger("bot").isEnabledFor(logging.DEBUG):
        return ""
    return f" (user {interaction.user.id}, guild {interaction.guild_id})"


def _what(interaction: Interaction, component: str | None) -> tuple[str, str]:
    if component is not None:
        return "component", re.sub(r"(?<!^)(?=[A-Z])", "_", component).lower()
    kind = "autocomplete" if interaction.type is discord.InteractionType.autocomplete else "command"
    data: dict[str, Any] = dict(interaction.data) if isinstance(interaction.data, dict) else {}
    name = data.get("name")
    client = interaction.client
    tree = getattr(client, "tree", None)
    known = isinstance(name, str) and tree is not None and tree.get_command(name) is not None
    return kind, name if known and isinstance(name, str) else UNKNOWN


def shard_of(interaction: Interaction) -> int:
    """The shard the interaction came through: Discord's ``(guild_id >> 22) % shards``; DMs and
    user-installed uses outside servers come through shard 0."""
    count = getattr(interaction.client, "shard_count", None) or 1
    guild = interaction.guild_id
    return (guild >> 22) % count if guild else 0


def _expired(interaction: Interaction, seconds: float) -> bool:
    """Whether Discord's 3 s for a first response have passed (e.g. an autocomplete whose
    choices came too late: discord.py logs that one and swallows the error)."""
    created = interaction.created_at
    if isinstance(created, dt.datetime):
        seconds = max(seconds, (dt.datetime.now(dt.UTC) - created).total_seconds())
    return seconds >= DISCORD_DEADLINE


def _json_logs(interaction: Interaction) -> bool:
    settings = getattr(interaction.client, "settings", None)
    return getattr(settings, "log_format", "text") == "json"


def _record(interaction: Interaction, kind: str, command: str, task: asyncio.Task[Any]) -> None:
    seconds = time.monotonic() - interaction.extras.get("received_at", time.monotonic())
    if task.cancelled():
        interaction.extras.setdefault("outcome", "cancelled")
    answered = interaction.response.is_done()
    what = interaction.extras.get("outcome") or (
        "ok" if answered else "expired" if _expired(interaction, seconds) else "unanswered"
    )
    event = Event(command, kind, what, seconds, shard_of(interaction), interaction)
    sink: Sink | None = getattr(interaction.client, "metrics", None)
    if sink is not None:
        sink.interaction(event)
    level = logging.INFO if kind != "autocomplete" and _json_logs(interaction) else logging.DEBUG
    if log.isEnabledFor(level):
        ids = log.isEnabledFor(logging.DEBUG)
        log.log(level, event.text(ids), extra={"event": event.fields(ids)})


class Watched:
    """Put first among a dynamic item's bases: each use of the item is watched, named after
    its class (``PageButton`` → ``page_button``)."""

    async def interaction_check(self, interaction: Interaction, /) -> bool:
        watch(interaction, component=type(self).__name__)
        return True
