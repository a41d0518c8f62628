"""A clean stop: take no new work, answer everything already received, then close.

On SIGTERM/SIGINT the bot first closes its gateway connections (Discord sends no new
interactions to a closed session), then waits — up to :data:`DRAIN_SECONDS` in all — for the
interactions it had already received to be answered, while its HTTP session stays open for those
answers. Whatever is still running then is cancelled and awaited, so that no task is left
with an exception nobody retrieves ("Task exception was never retrieved").
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import aiohttp
import discord

log = logging.getLogger(__name__)

DRAIN_SECONDS = 7.0  # with the cancelling after it, the stop stays within 10 s

# The tasks discord.py starts for an interaction: a command (and its autocomplete), a
# component of a view, a dynamic item, and the ``on_interaction`` event.
_INTERACTION_TASKS = (
    "CommandTree-invoker",
    "discord-ui-view-dispatch-",
    "discord-ui-dynamic-item",
    "discord.py: on_interaction",
    "career-bot: interaction",
)


def interaction_tasks() -> set[asyncio.Task[object]]:
    """The running tasks that are answering an interaction."""
    me = asyncio.current_task()
    return {
        task
        for task in asyncio.all_tasks()
        if task is not me and not task.done() and task.get_name().startswith(_INTERACTION_TASKS)
    }


async def stop_receiving(client: discord.AutoShardedClient) -> None:
    """Close every shard's gateway connection; the HTTP session stays open for the answers."""
    shards = [info._parent for info in client.shards.values()]
    if shards:
        await asyncio.gather(*(_close_shard(s) for s in shards), return_exceptions=True)


async def _close_shard(shard: Any) -> None:
    """Stop the shard's reader, then close its websocket, handing every message that arrives
    meanwhile to discord.py: aiohttp reads (and would drop) what is already on its way while
    the close handshake runs, and those are interactions sent to this bot."""
    shard._cancel_task()  # the shard's own reader stops (no message is read twice)
    task = getattr(shard, "_task", None)
    if task is not None:
        await asyncio.wait({task}, timeout=1.0)
    with contextlib.suppress(AttributeError, TypeError):
        socket = shard.ws.socket
        socket._reader = _KeepingReader(socket._reader, shard.ws)
        # A cancelled receive() marks the socket "abnormally closed", and then close() would not
        # read up to Discord's close frame: it must, to see what is already on its way.
        socket._close_code = None
    await shard.disconnect()


class _KeepingReader:
    """aiohttp's queue of incoming frames, whose messages read while closing are dispatched."""

    def __init__(self, queue: Any, ws: Any) -> None:
        self._queue, self._ws = queue, ws

    def __getattr__(self, name: str) -> Any:
        return getattr(self._queue, name)

    async def read(self) -> Any:
        msg = await self._queue.read()
        if msg.type in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
            try:
                await self._ws.received_message(msg.data)
            except Exception as exc:  # noqa: BLE001 - closing goes on
                log.debug("A message read while closing could not be handled: %r", exc)
        return msg


async def drain(client: discord.AutoShardedClient, seconds: float = DRAIN_SECONDS) -> int:
    """Stop receiving, then wait for the interactions in hand; returns how many were cut short."""
    deadline = time.monotonic() + seconds
    try:
        await asyncio.wait_for(stop_receiving(client), max(0.1, seconds / 4))
    except Exception as exc:  # noqa: BLE001 - stopping goes on regardless (a timeout too)
        log.debug("Closing the gateway before draining: %r", exc)
    pending = interaction_tasks()
    answered = 0
    while pending:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        done, pending = await asyncio.wait(pending, timeout=left)
        answered += len(done)
        pending |= interaction_tasks()  # started meanwhile (already received)
    if answered:
        log.info("Answered %d interaction(s) received before the stop", answered)
    return await _cut_short(pending)


async def _cut_short(pending: set[asyncio.Task[object]]) -> int:
    if not pending:
        return 0
    log.warning(
        "Stopping with %d interaction(s) unanswered after %.0f s", len(pending), DRAIN_SECONDS
    )
    for task in pending:
        task.cancel()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(asyncio.gather(*pending, return_exceptions=True), 2.0)
    return len(pending)
