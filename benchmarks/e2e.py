"""End to end through the fake Discord: the echo bot (the floor), then the real bot
(``python -m bot run``), interactions sent one at a time."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from bot.answers import Answers
from fake_discord.harness import ECHO_BOT, BotProcess
from fake_discord.models import snowflake
from fake_discord.server import FakeDiscord, InteractionHandle

from .inputs import Query, log
from .plan import E2E_KINDS, Plan, floor_kind
from .render import sample_pairs, sample_profiles
from .stats import empty_stats, summarize

FRUITS = ["a", "ap", "b", "bl", "c", "l", "m", "p", "pe", "st", "x", ""]

Send = Callable[..., InteractionHandle]


def _proc_memory(pid: int | None) -> dict[str, float | None]:
    out: dict[str, float | None] = {"rss_mb": None, "peak_rss_mb": None}
    if pid is None:
        return out
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    out["rss_mb"] = round(int(line.split()[1]) / 1024, 1)
                elif line.startswith("VmHWM:"):
                    out["peak_rss_mb"] = round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return out


def _start_bot(
    fake: FakeDiscord, module: str, args: list[str], env: dict[str, str]
) -> tuple[BotProcess, float]:
    """Start a bot on ``fake`` and wait until its own session is READY with commands synced.

    One FakeDiscord serves both bots one after the other, so READY alone is not enough: wait for
    a command sync newer than this start (both bots sync in setup_hook, before connecting)."""
    syncs = fake.command_syncs
    bot = BotProcess(fake, module, args, env=env)
    t0 = time.perf_counter()
    bot.start()
    deadline = time.monotonic() + 120
    while not (fake.command_syncs > syncs and fake.is_ready()):
        if not bot.running:
            raise RuntimeError(f"{module} exited during start-up:\n{bot.output_tail()}")
        if time.monotonic() > deadline:
            bot.stop()
            raise TimeoutError(f"{module} was not ready after 120 s:\n{bot.output_tail()}")
        time.sleep(0.01)
    return bot, time.perf_counter() - t0


def _drive(sends: Sequence[Send], users: list[str], plan: Plan) -> dict[str, Any]:
    """Send interactions one at a time; latency = event sent -> callback received."""
    lat, delivered, refused = [], [], 0
    for n, send in enumerate(sends):
        handle = send(user=users[n % len(users)])
        rec = handle.wait_callback(10.0, allow_rejected=True)
        if rec.callback is None:
            refused += 1
        elif n >= plan.e2e_warmup and rec.latency is not None:
            lat.append(rec.latency * 1000)
            if rec.delivered_at is not None and rec.callback_at is not None:
                delivered.append((rec.callback_at - rec.delivered_at) * 1000)
        time.sleep(plan.e2e_gap)
    out = summarize(lat)
    out["from_delivery"] = summarize(delivered)
    out["refused"] = refused
    return out


def _cycle(items: list[Any], total: int) -> list[Any]:
    return (items * (total // len(items) + 1))[:total]


def _floor(fake: FakeDiscord, env: dict[str, str], users: list[str], plan: Plan) -> dict[str, Any]:
    total = plan.e2e_n + plan.e2e_warmup
    log("  e2e: echo bot (floor)")
    echo, ready = _start_bot(fake, ECHO_BOT, [], env)
    try:
        floor: dict[str, Any] = {"ready_s": round(ready, 3)}
        echo_sends = [partial(fake.send_slash, "echo", {"text": "hello"})] * total
        floor["slash"] = _drive(echo_sends, users, plan)
        fruit = [
            partial(fake.send_autocomplete, "fruit", "name", FRUITS[i % len(FRUITS)])
            for i in range(total)
        ]
        floor["autocomplete"] = _drive(fruit, users, plan)
        floor.update(_proc_memory(echo.pid))
    finally:
        echo.stop()
    return floor


def _career_bot(
    fake: FakeDiscord,
    env: dict[str, str],
    users: list[str],
    plan: Plan,
    sends: dict[str, Sequence[Send]],
) -> dict[str, Any]:
    log("  e2e: career-bot (python -m bot run)")
    real, ready = _start_bot(fake, "bot", ["run"], env)
    try:
        res: dict[str, Any] = {"ready_s": round(ready, 3)}
        for kind in E2E_KINDS:
            res[kind] = _drive(sends[kind], users, plan)
        res.update(_proc_memory(real.pid))
        time.sleep(0.3)  # let the fake finish validating the last bodies
        res["fake_failures"] = len(fake.failures)
        res["fake_violations"] = len(fake.violations)
        res["fake_problems"] = fake.problems()[:5]
    finally:
        real.stop()
        tail = real.output_tail(15)
    if "Traceback" in real.output:
        res["bot_traceback"] = tail
    return res


def bench_e2e(
    answers: Answers, queries: list[Query], plan: Plan, extra: list[str]
) -> dict[str, Any]:
    total = plan.e2e_n + plan.e2e_warmup
    # Discord's client caps typed text at the option's max_length (100).
    typed = _cycle([q.text[:100] for q in queries if q.text[:100].strip()] or ["nurse"], total)
    pairs = _cycle(sample_pairs(answers, max(plan.pairs, 2)), total)
    profs = _cycle(sample_profiles(answers, max(plan.profiles, 2)), total)
    out: dict[str, Any] = {
        "skipped": False,
        "reason": None,
        "interactions": plan.e2e_n,
        "warmup": plan.e2e_warmup,
    }
    with tempfile.TemporaryDirectory(prefix="career-bot-bench-") as cache, FakeDiscord() as fake:
        # The answer commands have a per-user cooldown (10 per 60 s): spread the load over users,
        # each sending at most a few interactions per command.
        users = [f"bench{i}" for i in range(max(4, total // 4 + 1))]
        for u in users:
            fake.user_ids[u] = snowflake()
        env = {
            "CAREER_BOT_DATA": os.pathsep.join(extra),
            "CAREER_BOT_CACHE_DIR": cache,
            "DISCORD_GUILD_ID": "",
            "SHARD_COUNT": "",
            "SHARD_IDS": "",
            "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        }
        out["floor"] = _floor(fake, env, users, plan)
        fake.clear_records()
        sends: dict[str, Sequence[Send]] = {
            "compare": [
                partial(fake.send_slash, "compare", {"a": a.id, "b": b.id}) for a, b in pairs
            ],
            "salary": [partial(fake.send_slash, "salary", {"profession": p.id}) for p in profs],
            "autocomplete": [
                partial(fake.send_autocomplete, "salary", "profession", v) for v in typed
            ],
        }
        out["bot"] = _career_bot(fake, env, users, plan, sends)
    out["over_floor"] = {kind: _over_floor(out, kind) for kind in E2E_KINDS}
    return out


def _over_floor(out: dict[str, Any], kind: str) -> dict[str, float | None]:
    b, f = out["bot"][kind], out["floor"][floor_kind(kind)]
    return {
        stat: (round(b[stat] - f[stat], 3) if b[stat] is not None and f[stat] is not None else None)
        for stat in ("median", "p99")
    }


def _no_figure() -> dict[str, Any]:
    return {**empty_stats(), "from_delivery": empty_stats(), "refused": 0}


def placeholder(reason: str) -> dict[str, Any]:
    """The section's shape when it is skipped or could not run."""
    return {
        "skipped": True,
        "reason": reason,
        "interactions": 0,
        "warmup": 0,
        "floor": {
            "ready_s": None,
            "slash": _no_figure(),
            "autocomplete": _no_figure(),
            "rss_mb": None,
            "peak_rss_mb": None,
        },
        "bot": {
            "ready_s": None,
            **{k: _no_figure() for k in E2E_KINDS},
            "rss_mb": None,
            "peak_rss_mb": None,
            "fake_failures": None,
            "fake_violations": None,
            "fake_problems": [],
        },
        "over_floor": {k: {"median": None, "p99": None} for k in E2E_KINDS},
    }
