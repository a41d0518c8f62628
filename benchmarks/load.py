"""Sustained load through the fake Discord: many interactions, a fixed number in flight.

    python -m benchmarks.load [--total 30000] [--in-flight 200] [--observe] [--json out.json]

The real bot (``python -m bot run``, shipped data) answers a mix of /compare, /salary, /career
and autocomplete from thousands of users (none reaches the per-user cooldown). ``--in-flight``
senders each send an interaction, wait for its callback, and send the next, so that many are
always in flight. Reported: answered % (a callback Discord accepted), latency p50/p99/max
(event sent → callback received), how many took over Discord's 3 s, refused callbacks, and the
bot's resident memory after the warm-up and after each third of the run. ``--observe`` runs the
bot as in production with observability on (``LOG_FORMAT=json`` at ``INFO``, one line per
interaction; ``METRICS_PORT``) and reports what ``/metrics`` counted at the end.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import socket
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from fake_discord.harness import BotProcess
from fake_discord.models import snowflake
from fake_discord.server import FakeDiscord

from .e2e import _proc_memory
from .stats import summarize

DEADLINE = 3.0
NAMES = [
    "registered-nurses",
    "lawyers",
    "cashiers",
    "software-developers",
    "registered nurse",
    "RN",
    "truck driver",
    "colections specialist",
    "loan oficer",
    "family doctor",
    "electrician",
    "teacher",
    "xyzzy",
]
PREFIXES = ["n", "nur", "law", "cash", "soft", "truck dr", "colec", "regist", "", "el", "tea"]


def _plans(fake: FakeDiscord, users: list[str], seed: int) -> Iterator[Callable[[], Any]]:
    """An endless, reproducible mix of interactions, users taken in turn."""
    rng = random.Random(seed)
    kinds = itertools.cycle(["compare", "salary", "autocomplete", "career", "salary"])
    for user in itertools.cycle(users):
        kind = next(kinds)
        if kind == "compare":
            a, b = rng.sample(NAMES, 2)
            yield partial(fake.send_slash, "compare", {"a": a, "b": b}, user=user)
        elif kind == "autocomplete":
            value = rng.choice(PREFIXES)
            yield partial(fake.send_autocomplete, "salary", "profession", value, user=user)
        else:
            yield partial(fake.send_slash, kind, {"profession": rng.choice(NAMES)}, user=user)


class _Run:
    """Shared state of the senders: the plan, the results, a lock."""

    def __init__(self, plans: Iterator[Callable[[], Any]], total: int) -> None:
        self.plans, self.total, self.lock = plans, total, threading.Lock()
        self.sent = 0
        self.latencies: list[float] = []
        self.unanswered = self.refused = self.deferred = 0

    def next_plan(self) -> Callable[[], Any] | None:
        with self.lock:
            if self.sent >= self.total:
                return None
            self.sent += 1
            return next(self.plans)

    def sender(self) -> None:
        while (plan := self.next_plan()) is not None:
            try:
                rec = plan().wait_callback(30.0, allow_rejected=True)
            except (AssertionError, TimeoutError, RuntimeError):
                with self.lock:
                    self.unanswered += 1
                continue
            with self.lock:
                if rec.callback is None or rec.latency is None:
                    self.refused += 1
                else:
                    self.latencies.append(rec.latency)
                    self.deferred += rec.callback_type == 5  # "thinking…", answer follows


def _phase(fake: FakeDiscord, users: list[str], total: int, in_flight: int, seed: int) -> _Run:
    run = _Run(_plans(fake, users, seed), total)
    threads = [threading.Thread(target=run.sender, daemon=True) for _ in range(in_flight)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return run


def _report(runs: list[_Run], seconds: float, rss: list[dict[str, Any]]) -> dict[str, Any]:
    lat = sorted(x for r in runs for x in r.latencies)
    total = sum(r.total for r in runs)
    stats = summarize([x * 1000 for x in lat])
    return {
        "interactions": total,
        "answered_pct": round(100 * len(lat) / total, 3) if total else None,
        "unanswered": sum(r.unanswered for r in runs),
        "refused": sum(r.refused for r in runs),
        "deferred": sum(r.deferred for r in runs),
        "over_3s": sum(x > DEADLINE for x in lat),
        "latency_ms": stats,
        "seconds": round(seconds, 1),
        "per_second": round(total / seconds, 1) if seconds else None,
        "rss_mb": rss,
    }


def _observed(env: dict[str, str]) -> str:
    """Observability on, as in production; returns the metrics URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env.update(LOG_LEVEL="INFO", LOG_FORMAT="json", METRICS_PORT=str(port))
    return f"http://127.0.0.1:{port}/metrics"


def _counted(url: str) -> dict[str, float]:
    """Interactions ``/metrics`` counted, by outcome."""
    from prometheus_client.parser import text_string_to_metric_families

    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode()
    counted: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "career_bot_interactions_total":
                outcome = sample.labels["outcome"]
                counted[outcome] = counted.get(outcome, 0) + sample.value
    return counted


def run_load(
    total: int, in_flight: int, users: int, seed: int = 17, observe: bool = False
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="career-bot-load-") as cache, FakeDiscord() as fake:
        names = [f"load{i}" for i in range(users)]
        for name in names:
            fake.user_ids[name] = snowflake()
        env = {"CAREER_BOT_CACHE_DIR": cache, "CAREER_BOT_DATA": "", "LOG_LEVEL": "WARNING"}
        env.update(DISCORD_GUILD_ID="", SHARD_COUNT="", SHARD_IDS="")
        metrics = _observed(env) if observe else None
        bot = BotProcess(fake, "bot", ["run", "--sync"], env=env).start()
        try:
            bot.wait_ready(180)
            _phase(fake, names, min(400, total), min(in_flight, 50), seed + 1)  # warm-up
            fake.clear_records()
            rss = [{"after": 0, **_proc_memory(bot.pid)}]
            runs, started = [], time.perf_counter()
            for third in range(3):
                runs.append(_phase(fake, names, total // 3, in_flight, seed + 10 + third))
                fake.clear_records()  # the fake's own memory: not the bot's
                rss.append({"after": sum(r.total for r in runs), **_proc_memory(bot.pid)})
            out = _report(runs, time.perf_counter() - started, rss)
            if metrics:
                out["metrics_counted"] = _counted(metrics)
        finally:
            out_code = bot.stop()
        out["exit_code"], out["traceback"] = out_code, "Traceback" in bot.output
        if out["traceback"]:
            at = bot.output.index("Traceback")
            out["traceback_text"] = bot.output[max(0, at - 300) : at + 1500]
        out["in_flight"], out["users"] = in_flight, users
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    p.add_argument("--total", type=int, default=30_000)
    p.add_argument("--in-flight", type=int, default=200)
    p.add_argument("--users", type=int, default=4_000, help="distinct users (cooldown: 10/min)")
    p.add_argument("--observe", action="store_true", help="JSON logs at INFO and /metrics on")
    p.add_argument("--json", type=Path, help="write the figures here too")
    args = p.parse_args(argv)
    out = run_load(args.total, args.in_flight, args.users, observe=args.observe)
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0 if out["answered_pct"] == 100 and not out["traceback"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
