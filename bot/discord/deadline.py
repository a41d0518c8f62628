"""Answers in time: Discord's 3 s for the first response, and seconds, not minutes, for the rest.

An interaction must get its first response within 3 s of being created, or Discord shows "This
interaction failed" and refuses anything later. discord.py answers as soon as it can, but a slow
path — a 429 with a long ``retry_after``, 5xx answers it retries after 1 s and 3 s, a saturated
event loop, slow work before the answer — can push the response past that. :func:`respond`
sends the response, and when it has not gone out :data:`DEFER_AT` seconds after the interaction
was created, it *defers* instead (Discord shows "thinking…") and sends the answer as a
follow-up (which stays valid for 15 minutes). A follow-up that does not go through within
:data:`FOLLOWUP_BUDGET` seconds is given up, with one log line.

A 429 without Discord's ``Via`` header comes from Cloudflare in front of Discord (too many
invalid requests from this address): every further request prolongs the ban, so the bot stops
answering for :data:`CLOUDFLARE_BACKOFF` seconds, with one warning (see :class:`Backoff`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from typing import Any

import aiohttp
import discord

from .observe import outcome

log = logging.getLogger(__name__)

DEFER_AT = 2.0  # seconds after the interaction was created
DISCORD_DEADLINE = 3.0
FOLLOWUP_BUDGET = 10.0
CLOUDFLARE_BACKOFF = 60.0
_FAILURES = (discord.DiscordException, aiohttp.ClientError, OSError, TimeoutError, RuntimeError)


def age(interaction: discord.Interaction, now: float | None = None) -> float:
    """Seconds since Discord created the interaction (its snowflake), or since the bot started
    on it (``extras["received_at"]``), whichever is more; a skewed clock counts as 0."""
    extras = interaction.extras if isinstance(interaction.extras, dict) else {}
    received = extras.get("received_at")
    mono = time.monotonic() if now is None else now
    local = mono - received if isinstance(received, float) else 0.0
    created_at = interaction.created_at
    if not isinstance(created_at, dt.datetime):
        return local
    created = (dt.datetime.now(dt.UTC) - created_at).total_seconds()
    return max(local, created if 0.0 <= created <= 60.0 else 0.0)


async def respond(interaction: discord.Interaction, **kwargs: Any) -> None:
    """``interaction.response.send_message(**kwargs)``, deferred and followed up when it cannot
    go out in time (see the module). Errors of the response itself propagate, as usual."""
    if interaction.response.is_done():
        await _follow_up(interaction, kwargs)
        return
    send = asyncio.ensure_future(interaction.response.send_message(**kwargs))
    done, _ = await asyncio.wait({send}, timeout=max(0.0, DEFER_AT - age(interaction)))
    if done:
        send.result()
        return
    send.cancel()  # waiting on a retry: nothing was accepted yet
    await asyncio.gather(send, return_exceptions=True)
    if interaction.response.is_done():
        return  # it went through as it was cancelled
    if await _defer(interaction, bool(kwargs.get("ephemeral"))):
        await _follow_up(interaction, kwargs)


async def _defer(interaction: discord.Interaction, ephemeral: bool) -> bool:
    left = max(0.3, DISCORD_DEADLINE - age(interaction))
    try:
        await asyncio.wait_for(interaction.response.defer(ephemeral=ephemeral, thinking=True), left)
    except discord.InteractionResponded:
        return False  # the first attempt did reach Discord after all
    except _FAILURES as exc:
        outcome(interaction, "expired")
        log.warning(
            "Gave up on interaction %s: no response within Discord's %g s (%s)",
            interaction.id,
            DISCORD_DEADLINE,
            _reason(exc),
        )
        return False
    log.info("Interaction %s deferred: its answer follows as a follow-up", interaction.id)
    return True


async def _follow_up(interaction: discord.Interaction, kwargs: dict[str, Any]) -> None:
    for file in kwargs.get("files") or ():  # read by a response that did not go through
        file.reset()
    try:
        await asyncio.wait_for(interaction.followup.send(**kwargs), FOLLOWUP_BUDGET)
    except _FAILURES as exc:
        outcome(interaction, "unsent")
        log.warning(
            "Gave up on the answer to interaction %s after %g s: %s",
            interaction.id,
            FOLLOWUP_BUDGET,
            _reason(exc),
        )


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__


class Backoff:
    """After a Cloudflare 429 (no ``Via`` header), answer nothing for a while; warn once."""

    until = 0.0

    @classmethod
    def active(cls) -> bool:
        return time.monotonic() < cls.until

    @classmethod
    def hit(cls, error: BaseException) -> bool:
        """True (and back off, warning once per period) when ``error`` is a Cloudflare 429."""
        if not (isinstance(error, discord.HTTPException) and error.status == 429):
            return False
        if not cls.active():
            log.warning(
                "Discord refused a request with a 429 that has no rate-limit headers: Cloudflare "
                "is blocking this address (too many invalid requests). Not answering for %g s.",
                CLOUDFLARE_BACKOFF,
            )
        cls.until = time.monotonic() + CLOUDFLARE_BACKOFF
        return True


class ExpiredAutocomplete(logging.Filter):
    """discord.py logs an autocomplete whose choices arrived too late (Unknown interaction,
    10062) as an ERROR with a traceback; nothing can be done about it: one WARNING line."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, discord.NotFound) and exc.code == 10062:
            record.msg = f"{record.getMessage()}: it expired before the choices were sent"
            record.args, record.exc_info, record.exc_text = None, None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
