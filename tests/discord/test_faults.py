"""Network faults on the fake Discord, with the real bot: it recovers and keeps answering.

One bot serves the module. It starts through a slow gateway (HELLO held back) and a command
sync whose first attempt gets a 500; then, test by test: the websocket closed with 4000 and
aborted without a close frame (1006) → RESUME, the next interaction answered (and one sent while
the bot was away, replayed on RESUME); 429 with ``retry_after`` and ``Via`` on the interaction
callback → retried, answered; 500 on a page button's callback and on the pick list's edit of
its message → retried, done; every gateway frame slowed → still answered in Discord's 3 s; and
an interaction whose callback keeps failing is deferred in time and answered by a follow-up.

Each test leaves the fake clean (no protocol failure, no spec violation) unless it provokes one
on purpose, in which case it checks it is exactly the one provoked.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fake_discord import BotProcess, FakeDiscord

from .e2e_env import bot_env

pytestmark = pytest.mark.e2e

CHANNEL_MESSAGE, UPDATE_MESSAGE = 4, 7
HELLO_DELAY = 2.0
CALLBACK = "POST /interactions/*/callback"
_next_user = iter(range(1000000000000000400, 1000000000000000500))


def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data cache for the session's bot processes (only the first parses the YAML); they
    run with ``--sync``, so the command sync state kept there does not matter."""
    path = tmp_path_factory.getbasetemp() / "career-bot-hardening-cache"
    path.mkdir(exist_ok=True)
    return path


def _user(fake: FakeDiscord) -> str:
    """A fresh user (so no test runs into the per-user command cooldown)."""
    uid = str(next(_next_user))
    fake.user_ids[f"user{uid[-3:]}"] = uid
    return f"user{uid[-3:]}"


# discord.py colours its log lines when it thinks it runs in Docker, even into a pipe
ANSI = re.compile(r"\x1b\[[0-9;]*m")
LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (\w+)\s+(\S+) (.*)")


def _records(lines: list[str]) -> list[tuple[str, str, str]]:
    """(level, logger, message) of every log record among ``lines``."""
    found = (LOG_RECORD.match(ANSI.sub("", line)) for line in lines)
    return [(m[1], m[2], m[3]) for m in found if m]


Served = tuple[FakeDiscord, BotProcess, float]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The bot, started through a slow HELLO and a failing first command sync."""
    with FakeDiscord() as fake:
        fake.hello_delay = HELLO_DELAY
        sync_fault = fake.server_error("PUT /applications/*/commands", times=1, status=500)
        bot = BotProcess(fake, args=["run", "--sync"], env=bot_env(_shared_cache(tmp_path_factory)))
        try:
            bot.start()
            bot.wait_ready(60)
            ready_at = time.perf_counter()
            fake.hello_delay = 0.0
            assert sync_fault.used == 1
            yield fake, bot, ready_at
        finally:
            code = bot.stop()
        assert code == 0, bot.output_tail()
        bot.assert_token_not_leaked()


#: Tests that provoke a logged traceback on purpose; every other test must not cause one.
TRACEBACK_EXPECTED = {"test_a_callback_refused_every_time_is_logged_once"}


@pytest.fixture
def fake(served: Served, request: pytest.FixtureRequest) -> Iterator[FakeDiscord]:
    fake, bot, _ = served
    fake.clear_records()
    fake.clear_faults()
    fake.gateway_delay = 0.0
    before = len(bot.stderr.splitlines())
    yield fake
    fake.clear_faults()
    fake.gateway_delay = 0.0
    if request.node.name not in TRACEBACK_EXPECTED:
        new = "\n".join(bot.stderr.splitlines()[before:])
        assert "Traceback" not in new, new


@pytest.fixture
def bot(served: Served) -> BotProcess:
    return served[1]


def _answered(rec: Any) -> None:
    assert rec.callback_type == CHANNEL_MESSAGE and rec.embeds, rec
    assert rec.allowed_mentions == {"parse": []}


def test_a_slow_hello_and_a_failed_first_sync_still_start_the_bot(
    served: Served, bot: BotProcess
) -> None:
    fake, _, ready_at = served
    (conn,) = [c for c in fake.connections if c.kind == "identify"]  # one connection did it
    assert ready_at - conn.opened_at >= HELLO_DELAY  # READY came after the held-back HELLO
    assert {c["name"] for c in fake.commands()} >= {"compare", "salary", "career"}
    bot.wait_for_output(r"Synced \d+ slash commands", timeout=10)  # the retry after the 500
    assert "Could not sync" not in bot.output


def test_resumes_after_close_4000_and_answers(fake: FakeDiscord, bot: BotProcess) -> None:
    before = sum(s.resumes for s in fake.sessions)
    assert fake.drop_gateway(code=4000) == 1
    fake.wait_for_resume(before + 1, timeout=20)
    _answered(fake.slash("salary", {"profession": "lawyer"}, user=_user(fake), timeout=15))
    assert [c.kind for c in fake.connections if c.open] == ["resume"]
    bot.wait_for_output(r"Shard 0 resumed", timeout=5)
    fake.assert_clean()


def test_resumes_after_an_abnormal_close_and_gets_what_it_missed(
    fake: FakeDiscord, bot: BotProcess
) -> None:
    before = sum(s.resumes for s in fake.sessions)
    assert fake.drop_gateway(abnormal=True) == 1  # TCP aborted, no close frame: 1006
    # Sent while the bot is away: the session buffers it and replays it on RESUME.
    missed = fake.send_slash("career", {"profession": "lawyer"}, user=_user(fake))
    fake.wait_for_resume(before + 1, timeout=20)
    _answered(missed.wait_callback(15))
    _answered(fake.slash("salary", {"profession": "cashier"}, user=_user(fake), timeout=15))
    fake.assert_clean()


def test_429_on_the_callback_is_retried_and_answered(fake: FakeDiscord) -> None:
    fault = fake.rate_limit(CALLBACK, times=1, retry_after=0.5)
    rec = fake.slash("salary", {"profession": "lawyer"}, user=_user(fake))
    _answered(rec)
    assert fault.used == 1 and rec.callback_attempts == 2
    attempts = fake.requests_matching(CALLBACK)
    assert [r.status for r in attempts][0] == 429 and attempts[1].status < 300
    assert attempts[1].time - attempts[0].time >= 0.45  # it waited retry_after
    assert rec.latency is not None and rec.latency < 3.0
    fake.assert_clean()


def test_a_global_429_is_waited_out_too(fake: FakeDiscord) -> None:
    fault = fake.rate_limit(CALLBACK, times=1, retry_after=0.3, is_global=True)
    rec = fake.slash("career", {"profession": "cashier"}, user=_user(fake))
    _answered(rec)
    assert fault.used == 1 and rec.callback_attempts == 2
    fake.assert_clean()


def test_500_on_a_page_button_and_on_the_pick_list_edit_are_retried(
    fake: FakeDiscord,
) -> None:
    user = _user(fake)
    rec = fake.slash("compare", {"a": "lawyer", "b": "cashier"}, user=user)
    message = fake.response_message(rec)
    assert message is not None
    button = rec.components[0]["components"][1]
    fault = fake.server_error(CALLBACK, times=1, status=500)
    flipped = fake.click(message, button["custom_id"], user=user)
    assert flipped.callback_type == UPDATE_MESSAGE and flipped.callback_attempts == 2
    assert fault.used == 1 and flipped.latency is not None and flipped.latency < 3.0

    # A pick tidies the pick list (the callback) and sends the answer as a follow-up: that POST
    # fails once and is retried.
    ask = fake.slash("salary", {"profession": "loss prevention"}, user=user)
    assert ask.ephemeral and ask.components
    select = ask.components[0]["components"][0]
    answer_fault = fake.server_error("POST /webhooks/*", times=1, status=502)
    picked = fake.select(
        fake.response_message(ask), select["custom_id"], [select["options"][0]["value"]], user=user
    )
    assert picked.callback_type == UPDATE_MESSAGE
    tidied = fake.response_message(ask)
    assert tidied is not None and tidied["components"] == [] and tidied["content"].startswith("✓")
    fake.wait_for(lambda: bool(picked.followups), 10, "the answer after the retry")
    assert answer_fault.used == 1 and picked.followups[0]["embeds"]
    fake.assert_clean()


def test_a_slow_gateway_still_answers_in_time(fake: FakeDiscord) -> None:
    fake.gateway_delay = 0.4  # before every frame, the interaction's included
    recs = [
        fake.slash("salary", {"profession": "lawyer"}, user=_user(fake)),
        fake.autocomplete("salary", "profession", "nur", user=_user(fake)),
    ]
    for rec in recs:
        assert rec.callback_type in (CHANNEL_MESSAGE, 8)
        assert rec.latency is not None and 0.4 <= rec.latency < 3.0
    fake.assert_clean()


def test_a_callback_that_keeps_failing_is_deferred_then_answered_by_a_follow_up(
    fake: FakeDiscord, bot: BotProcess
) -> None:
    """The callback fails (500, which discord.py retries after 1 s and 3 s: too late for
    Discord's 3 s). At 2 s the bot stops waiting, defers the interaction (Discord shows
    "thinking…") and sends the answer as a follow-up: answered, nothing logged above INFO."""
    before = len(bot.stderr.splitlines())
    fault = fake.server_error(CALLBACK, times=2, status=500)
    rec = fake.slash("salary", {"profession": "lawyer"}, user=_user(fake), timeout=15)
    assert fault.used == 2 and rec.callback == {"type": 5}  # deferred ...
    assert rec.latency is not None and rec.latency < 3.0  # ... in time
    fake.wait_for(lambda: bool(rec.followups), 10, "the follow-up with the answer")
    assert rec.followups[0]["embeds"]  # ... and answered
    time.sleep(0.3)  # let the log lines arrive
    new = bot.stderr.splitlines()[before:]
    assert [r for r in _records(new) if r[0] in ("ERROR", "WARNING", "CRITICAL")] == []
    assert "Traceback" not in "\n".join(new)
    bot.assert_token_not_leaked()
    fake.assert_clean()


def test_a_callback_refused_every_time_is_logged_once(fake: FakeDiscord, bot: BotProcess) -> None:
    """A 4xx is not retried: the command fails at once, the error handler logs it (one ERROR with
    its traceback, no token) and tries an apology, which is refused too — and not logged again
    (one lost interaction, one log record)."""
    before = len(bot.stderr.splitlines())
    fake.server_error(CALLBACK, times=2, status=400)
    lost = fake.send_slash("salary", {"profession": "lawyer"}, user=_user(fake)).record
    fake.wait_for(lambda: lost.callback_attempts >= 2, 10, "the apology attempt")
    time.sleep(0.5)  # let the log lines arrive
    new = bot.stderr.splitlines()[before:]
    bot.assert_token_not_leaked()
    records = [r for r in _records(new) if r[0] in ("ERROR", "WARNING")]
    errors = [r for r in records if r[0] == "ERROR"]
    assert len(errors) == 1 and "Error in /salary" in errors[0][2], "\n".join(new)
    assert "\n".join(new).count("Traceback") == 1
    assert fake.slash("salary", {"profession": "lawyer"}, user=_user(fake)).embeds  # still serving
    assert len(records) == 1, "one interaction lost, one log record:\n" + "\n".join(new)
