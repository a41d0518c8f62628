"""Discord's deadlines, with the real bot on the fake Discord: defer when the answer cannot be
sent within ~2 s, give up on a stuck interaction in seconds, back off from a Cloudflare ban."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_discord import BotProcess, FakeDiscord

from .e2e_env import bot_env

pytestmark = pytest.mark.e2e

CALLBACK = "POST /interactions/*/callback"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
_users = iter(range(1000000000000000800, 1000000000000000999))


def _user(fake: FakeDiscord) -> str:
    uid = str(next(_users))
    fake.user_ids[f"dl{uid[-3:]}"] = uid
    return f"dl{uid[-3:]}"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeDiscord, BotProcess]]:
    cache = tmp_path_factory.mktemp("deadline-cache")
    with FakeDiscord() as fake:
        bot = BotProcess(fake, args=["run", "--sync"], env=bot_env(Path(cache)))
        try:
            bot.start().wait_ready(60)
            fake.slash("salary", {"profession": "lawyer"}, user=_user(fake))  # warm-up
            yield fake, bot
        finally:
            bot.stop()


def _lines(bot: BotProcess, before: int, level: str) -> list[str]:
    lines = [ANSI.sub("", x) for x in bot.stderr.splitlines()[before:]]
    return [x for x in lines if f" {level} " in x]


def test_a_429_with_a_long_retry_after_is_deferred_then_answered(
    served: tuple[FakeDiscord, BotProcess],
) -> None:
    fake, bot = served
    fake.clear_records()
    fake.rate_limit(CALLBACK, times=1, retry_after=4.0)
    rec = fake.slash("compare", {"a": "lawyer", "b": "cashier"}, user=_user(fake), timeout=15)
    assert rec.callback == {"type": 5} and rec.latency is not None and rec.latency < 3.0
    fake.wait_for(lambda: bool(rec.followups), 10, "the follow-up with the answer")
    assert rec.followups[0]["embeds"] and rec.followups[0]["components"]  # with its buttons
    assert "Traceback" not in bot.output


def test_a_callback_that_always_fails_is_given_up_in_seconds(
    served: tuple[FakeDiscord, BotProcess],
) -> None:
    fake, bot = served
    before = len(bot.stderr.splitlines())
    fault = fake.server_error(CALLBACK, times=100, status=502)
    started = time.monotonic()
    handle = fake.send_slash("salary", {"profession": "lawyer"}, user=_user(fake))
    fake.wait_for(lambda: bool(_lines(bot, before, "WARNING")), 15, "the give-up line")
    took = time.monotonic() - started
    fake.clear_faults()
    attempts = fault.used
    time.sleep(1.5)
    assert fault.used == attempts  # nothing more is tried
    assert took < 6.0, took  # given up in seconds (discord.py alone retries for ~16 s)
    warnings = _lines(bot, before, "WARNING")
    assert len(warnings) == 1 and "Gave up on interaction" in warnings[0], warnings
    assert "Traceback" not in "\n".join(bot.stderr.splitlines()[before:])
    assert handle.record.callback is None
    bot.assert_token_not_leaked()
    # still serving
    assert fake.slash("salary", {"profession": "cashier"}, user=_user(fake)).embeds


def test_a_cloudflare_429_logs_one_warning_and_backs_off(
    served: tuple[FakeDiscord, BotProcess],
) -> None:
    """A 429 without Discord's Via header: Cloudflare blocks the address. 50 interactions then
    give one warning, no traceback, and no further request once the ban is seen."""
    fake, bot = served
    before = len(bot.stderr.splitlines())
    fault = fake.inject_rest_fault(CALLBACK, status=429, times=1000, via=False)
    handles = [
        fake.send_slash("salary", {"profession": "lawyer"}, user=_user(fake)) for _ in range(5)
    ]
    fake.wait_for(lambda: fault.used >= 1, 10, "the first refused callback")
    time.sleep(1.0)
    later = [
        fake.send_slash("salary", {"profession": "lawyer"}, user=_user(fake)) for _ in range(45)
    ]
    time.sleep(2.0)
    fake.clear_faults()
    out = "\n".join(bot.stderr.splitlines()[before:])
    warnings = _lines(bot, before, "WARNING")
    assert len(warnings) == 1 and "Cloudflare" in warnings[0], warnings
    assert "Traceback" not in out and " ERROR " not in ANSI.sub("", out)
    assert fault.used <= len(handles)  # backing off: the later ones were not even tried
    assert all(h.record.callback_attempts == 0 for h in later)
