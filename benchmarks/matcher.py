"""Autocomplete (``Matcher.suggest``) and name resolution (``Matcher.resolve``), uncached and
cached, and the naive baseline they are compared with."""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz, process

from bot.answers import Answers

from .inputs import Query, log, short
from .plan import Plan
from .stats import GC, Samples, percentile, summarize

Timed = tuple[list[list[float]], Samples]


def timed_calls(
    fn: Callable[[str], Any],
    queries: list[Query],
    reps: int,
    rng: random.Random,
    before: Callable[[], None] | None = None,
) -> Timed:
    """Per query, ``reps`` wall timings (ms) of ``fn(query)``, queries shuffled anew each round;
    and every sample with its CPU time and GC flag. ``before`` runs untimed before each call."""
    per_query: list[list[float]] = [[] for _ in queries]
    order = list(range(len(queries)))
    clock, cpu = time.perf_counter_ns, time.thread_time_ns
    gc.collect()
    samples = Samples()
    for _ in range(reps):
        rng.shuffle(order)
        for i in order:
            if before is not None:
                before()
            text = queries[i].text
            g0 = GC.count
            c0 = cpu()
            t0 = clock()
            fn(text)
            t1 = clock()
            c1 = cpu()
            per_query[i].append((t1 - t0) / 1e6)
            samples.add(t1 - t0, c1 - c0, GC.count != g0)
    return per_query, samples


def report_calls(queries: list[Query], timed: Timed, worst: int = 10) -> dict[str, Any]:
    """The figure: stats over every call, diagnostics, per kind, and the slowest queries."""
    per_query, samples = timed
    out = summarize([t for ts in per_query for t in ts])
    out.update(samples.diagnostics())
    medians = [sorted(ts)[len(ts) // 2] for ts in per_query]
    out["p99_of_query_medians"] = round(percentile(sorted(medians), 99), 4)
    kinds: dict[str, list[float]] = {}
    for q, ts in zip(queries, per_query, strict=True):
        kinds.setdefault(q.kind, []).extend(ts)
    out["by_kind"] = {k: summarize(v) for k, v in kinds.items()}
    ranked = sorted(range(len(queries)), key=lambda i: medians[i], reverse=True)[:worst]
    out["worst"] = [
        {
            "kind": queries[i].kind,
            "query": short(queries[i].text, 60),
            "length": len(queries[i].text),
            "median": round(medians[i], 4),
            "max": round(max(per_query[i]), 4),
        }
        for i in ranked
    ]
    return out


def bench_matcher(answers: Answers, queries: list[Query], plan: Plan) -> dict[str, Any]:
    """``suggest`` and ``resolve``: uncached (every cache cleared before each call), then cached
    (the same call repeated once warm)."""
    m = answers.matcher
    rng = random.Random(12345)

    def suggest(text: str) -> Any:
        return m.suggest(text, 25)

    results: dict[str, Any] = {}
    for name, fn in (("suggest", suggest), ("resolve", m.resolve)):
        log(f"  {name}: uncached, {len(queries)} queries x {plan.match_reps}")
        uncached = report_calls(
            queries, timed_calls(fn, queries, plan.match_reps, rng, m.clear_caches)
        )
        for q in queries:  # warm every cache
            fn(q.text)
        log(f"  {name}: cached, {len(queries)} queries x {plan.cached_reps}")
        cached = report_calls(queries, timed_calls(fn, queries, plan.cached_reps, rng), worst=3)
        results[name] = {"uncached": uncached, "cached": cached}
    m.clear_caches()
    return results


def naive_choices(answers: Answers) -> list[str]:
    return [p.title for p in answers.dataset.professions] + [
        a.name for p in answers.dataset.professions for a in p.aliases
    ]


BASELINE_CALL = "rapidfuzz.process.extract(query, every_title_and_alias, scorer=fuzz.WRatio)"


def bench_baseline(answers: Answers, queries: list[Query], plan: Plan) -> dict[str, Any]:
    """The naive approach: ``process.extract(WRatio)`` over every raw name, no index."""
    choices = naive_choices(answers)
    log(
        f"  baseline: {len(queries)} queries x {plan.baseline_reps} (long ones x "
        f"{plan.baseline_long_reps}) over {len(choices):,} names"
    )

    def naive(text: str) -> Any:
        return process.extract(text, choices, scorer=fuzz.WRatio)

    rng = random.Random(54321)
    short_qs = [q for q in queries if q.kind != "long"]
    long_qs = [q for q in queries if q.kind == "long"] if plan.baseline_long_reps else []
    per_query, samples = timed_calls(naive, short_qs, plan.baseline_reps, rng)
    more, extra = timed_calls(naive, long_qs, plan.baseline_long_reps, rng)
    for w, c, hit in zip(extra.wall, extra.cpu, extra.gc_hit, strict=True):
        samples.add(int(w * 1e6), int(c * 1e6), hit)
    out = report_calls(short_qs + long_qs, (per_query + more, samples), worst=5)
    out["call"] = BASELINE_CALL
    out["choices"] = len(choices)
    out["reps"] = plan.baseline_reps
    out["long_reps"] = plan.baseline_long_reps
    return out


def ratios(matcher: dict[str, Any], baseline: dict[str, Any]) -> dict[str, Any]:
    """Baseline ÷ matcher, for the median and the p99 of each figure."""
    out = {}
    for name in ("suggest", "resolve"):
        for mode in ("uncached", "cached"):
            fig = matcher[name][mode]
            out[f"{name}_{mode}"] = {
                stat: (round(baseline[stat] / fig[stat], 1) if fig[stat] else None)
                for stat in ("median", "p99")
            }
    return out
