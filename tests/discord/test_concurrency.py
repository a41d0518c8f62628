"""Concurrency: 200 interactions in flight at once, all answered within Discord's 3 s.

The real bot on the fake Discord. After a short warm-up, 200 interactions — /compare, /salary,
/career and autocomplete, from 40 different users (so no one reaches the per-user cooldown) —
are all written to the gateway before the first answer is awaited. Every one must get its
callback, each within Discord's 3 s window (the fake refuses a later one, which fails the test),
with a valid body (no protocol failure, no spec violation). The latency distribution (event
written → callback received) is printed: run with ``-s`` to see it.
"""

from __future__ import annotations

import itertools
import random
import statistics
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bot.render.limits import choices_problems, message_problems
from fake_discord import BotProcess, FakeDiscord

from ..conftest import MINI, ROOT

pytestmark = pytest.mark.e2e

IN_FLIGHT = 200
USERS = 40
DEADLINE = 3.0
SENDERS = 50  # threads writing interactions to the gateway at the same time

# Ids (what an autocomplete pick submits) and names as people type them, typos included.
PROFESSIONS = [
    "registered-nurses",
    "lawyers",
    "cashiers",
    "software-developers",
    "loan-officers",
    "security-guards",
    "collections-specialist",
    "loss-mitigation-specialist",
    "light-truck-drivers",
    "RN",
    "lawyer",
    "registered nurse",
    "colections specialist",
    "loan oficer",
    "software developer",
    "debt collector",
]
PREFIXES = ["n", "nur", "law", "cash", "soft", "truck dr", "colec", "regist", "", "sec", "lo"]


def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data cache for the session's bot processes (only the first parses the YAML); they
    run with ``--sync``, so the command sync state kept there does not matter."""
    path = tmp_path_factory.getbasetemp() / "career-bot-hardening-cache"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeDiscord, BotProcess]]:
    env = {
        "CAREER_BOT_DATA": str(MINI.relative_to(ROOT)),
        "CAREER_BOT_CACHE_DIR": str(_shared_cache(tmp_path_factory)),
        "LOG_LEVEL": "INFO",
        "DISCORD_GUILD_ID": "",
        "SHARD_COUNT": "",
        "SHARD_IDS": "",
        # Text answers under load (every answer type 4 in time); answers with pictures, which
        # may defer, have their own tests (test_e2e_charts, tests/charts/test_service).
        "CAREER_BOT_CHARTS": "off",
    }
    with FakeDiscord() as fake:
        users = [str(1000000000000000600 + i) for i in range(USERS)]
        for uid in users:
            fake.user_ids[f"user{uid[-3:]}"] = uid
        bot = BotProcess(fake, args=["run", "--sync"], env=env)
        try:
            bot.start().wait_ready(60)
            yield fake, bot
        finally:
            code = bot.stop()
        assert code == 0, bot.output_tail()
        assert "Traceback" not in bot.output, bot.output_tail()
        bot.assert_token_not_leaked()


def _percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    rank = max(1, min(len(sorted_values), round(q / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def _send_mix(fake: FakeDiscord, count: int, rng: random.Random) -> list[tuple[str, Any]]:
    """Send ``count`` interactions from many threads at once, waiting for no answer.

    Returns (kind, handle) for each, in the order they were planned."""
    users = itertools.cycle(sorted(u for u in fake.user_ids if u.startswith("user")))
    kinds = itertools.cycle(["compare", "salary", "career", "autocomplete"])
    plans: list[tuple[str, Callable[[], Any]]] = []
    for _ in range(count):
        kind, user = next(kinds), next(users)
        if kind == "compare":
            options = dict(zip("ab", rng.sample(PROFESSIONS, 2), strict=True))
            plans.append((kind, partial(fake.send_slash, "compare", options, user=user)))
        elif kind == "autocomplete":
            command, option = rng.choice(
                [
                    ("compare", "a"),
                    ("compare", "b"),
                    ("salary", "profession"),
                    ("career", "profession"),
                ]
            )
            value = rng.choice(PREFIXES)
            plans.append((kind, partial(fake.send_autocomplete, command, option, value, user=user)))
        else:
            options = {"profession": rng.choice(PROFESSIONS)}
            plans.append((kind, partial(fake.send_slash, kind, options, user=user)))
    with ThreadPoolExecutor(max_workers=SENDERS) as pool:
        handles = list(pool.map(lambda plan: plan[1](), plans))
    return [(kind, handle) for (kind, _), handle in zip(plans, handles, strict=True)]


def test_200_interactions_in_flight_are_all_answered_in_time(
    served: tuple[FakeDiscord, BotProcess],
) -> None:
    fake, _ = served
    rng = random.Random(200)
    # Warm-up: the first answers of each kind pay for lazy imports and caches.
    for _, handle in _send_mix(fake, 8, rng):
        handle.wait_callback(10)
    fake.clear_records()

    started = time.perf_counter()
    sent = _send_mix(fake, IN_FLIGHT, rng)
    written = time.perf_counter() - started
    records = [(kind, handle.wait_callback(30)) for kind, handle in sent]
    total = time.perf_counter() - started

    latencies = sorted(rec.latency for _, rec in records)
    first_out = min(rec.delivered_at for _, rec in records)
    last_out = max(rec.delivered_at for _, rec in records)
    in_bot = sorted(rec.callback_at - rec.delivered_at for _, rec in records)
    by_kind: dict[str, list[float]] = {}
    for kind, rec in records:
        by_kind.setdefault(kind, []).append(rec.latency)
    report = [
        f"{IN_FLIGHT} interactions in flight ({USERS} users), written in {written * 1000:.0f} ms, "
        f"all answered after {total:.2f} s",
        f"latency p50 {_percentile(latencies, 50) * 1000:.0f} ms · "
        f"p90 {_percentile(latencies, 90) * 1000:.0f} ms · "
        f"p99 {_percentile(latencies, 99) * 1000:.0f} ms · max {latencies[-1] * 1000:.0f} ms · "
        f"mean {statistics.mean(latencies) * 1000:.0f} ms",
        f"all {IN_FLIGHT} written to the websocket within {(last_out - first_out) * 1000:.0f} ms; "
        f"websocket → callback p50 {_percentile(in_bot, 50) * 1000:.0f} ms, "
        f"max {in_bot[-1] * 1000:.0f} ms",
    ]
    for kind, values in sorted(by_kind.items()):
        values.sort()
        report.append(
            f"  {kind:<12} n={len(values):<3} p50 {_percentile(values, 50) * 1000:.0f} ms  "
            f"p99 {_percentile(values, 99) * 1000:.0f} ms  max {values[-1] * 1000:.0f} ms"
        )
    print("\n" + "\n".join(report))

    for kind, rec in records:
        assert rec.latency is not None and rec.latency < DEADLINE, (kind, rec.latency)
        assert rec.rejected == [] and rec.callback_attempts == 1, rec.errors
        if kind == "autocomplete":
            assert rec.callback_type == 8
            assert choices_problems(rec.choices) == []
        else:
            assert rec.callback_type == 4
            assert message_problems(rec.data) == [], rec.data
            assert rec.allowed_mentions == {"parse": []}
            assert rec.embeds or rec.ephemeral  # an answer, or a private pick list / note
            assert not (rec.content or "").startswith("Slow down")  # nobody hit the cooldown
    assert len({rec.user_id for _, rec in records}) == USERS
    assert latencies[-1] < DEADLINE
    fake.assert_clean()  # no late or refused callback, every body valid against the spec
