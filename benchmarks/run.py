#!/usr/bin/env python3
"""career-bot benchmarks: cold start, memory, matcher, rendering, end to end, naive baseline.

    python benchmarks/run.py [--quick] [--json PATH | --json -] [--skip-e2e]

Runs on the shipped dataset (``data/``) plus, like the bot, any layers named in the
``CAREER_BOT_DATA`` environment variable (``.env`` is not read). Prints a table; writes every
figure as JSON to ``benchmarks/results/latest.json`` (``--json PATH``; ``--json -`` prints it to
stdout after the table). Every figure is a median and a p99 over many repetitions; targets are
reported as pass/fail but never change the exit code (1 only when a section could not run).
See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.txt"
DEFAULT_JSON = HERE / "results" / "latest.json"
SCHEMA = 1

if str(ROOT) not in sys.path:  # tests.fake_discord lives in the source tree, not the package
    sys.path.insert(0, str(ROOT))


# ====================================================================== settings


@dataclass(frozen=True)
class Plan:
    cold_runs: int
    match_reps: int  # timed calls per query, uncached
    cached_reps: int  # timed calls per query, cache hits
    baseline_reps: int
    baseline_long_reps: int  # "long" queries cost the naive baseline seconds each (0: skip them)
    pairs: int  # compare pairs
    render_reps: int
    profiles: int  # professions for salary/profile rendering
    e2e_n: int  # timed interactions per command
    e2e_warmup: int
    e2e_gap: float  # seconds between interactions
    per_kind: int | None  # queries kept per kind (None: all)


FULL = Plan(
    cold_runs=5,
    match_reps=25,
    cached_reps=25,
    baseline_reps=2,
    baseline_long_reps=1,
    pairs=50,
    render_reps=20,
    profiles=100,
    e2e_n=200,
    e2e_warmup=10,
    e2e_gap=0.005,
    per_kind=None,
)
QUICK = Plan(
    cold_runs=1,
    match_reps=3,
    cached_reps=3,
    baseline_reps=1,
    baseline_long_reps=0,
    pairs=6,
    render_reps=3,
    profiles=6,
    e2e_n=3,
    e2e_warmup=1,
    e2e_gap=0.005,
    per_kind=2,
)

# Targets on a 2-core machine: (key in the results, limit, unit, label)
TARGETS: list[tuple[str, str, float, str, str]] = [
    ("suggest_p99", "suggest.uncached.p99", 2.0, "ms", "autocomplete p99 (uncached)"),
    ("resolve_p99", "resolve.uncached.p99", 5.0, "ms", "resolve p99 (uncached)"),
    ("compare_render_p99", "render.compare_total.p99", 2.0, "ms", "compare + render p99"),
    (
        "cold_start",
        "cold_start.empty_cache.total.median",
        1.0,
        "s",
        "cold start, no cache (median)",
    ),
    (
        "cold_start_warm",
        "cold_start.warm_cache.total.median",
        1.0,
        "s",
        "cold start, warm start-up cache (median)",
    ),
    ("memory", "cold_start.empty_cache.max_rss_mb.median", 150.0, "MB", "max RSS after loading"),
]
E2E_TARGET_MS = 5.0  # end to end p99 <= floor p99 + this


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ====================================================================== statistics


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); ``p`` in 0..100."""
    if not sorted_values:
        raise ValueError("no samples")
    if len(sorted_values) == 1:
        return float(sorted_values[0])
    k = (len(sorted_values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return float(sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo))


def summarize(values: Sequence[float], unit: str = "ms", digits: int = 4) -> dict[str, Any]:
    """n, median, p90, p99, max, mean of ``values`` (already in ``unit``)."""
    if not values:
        return empty_stats(unit)
    s = sorted(values)
    return {
        "unit": unit,
        "n": len(s),
        "median": round(percentile(s, 50), digits),
        "p90": round(percentile(s, 90), digits),
        "p99": round(percentile(s, 99), digits),
        "max": round(s[-1], digits),
        "mean": round(sum(s) / len(s), digits),
    }


def empty_stats(unit: str = "ms") -> dict[str, Any]:
    return {"unit": unit, "n": 0, **dict.fromkeys(("median", "p90", "p99", "max", "mean"))}


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


class GcMonitor:
    """Counts cyclic-GC collections and their pauses (``gc.callbacks``), for telling a slow call
    from one that a collection interrupted."""

    def __init__(self) -> None:
        self.count = 0
        self.by_gen = [0, 0, 0]
        self.pauses: list[float] = []  # ms
        self._start = 0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.perf_counter_ns()
            return
        self.count += 1
        self.by_gen[min(int(info.get("generation", 2)), 2)] += 1
        self.pauses.append((time.perf_counter_ns() - self._start) / 1e6)

    def snapshot(self) -> tuple[int, list[int], int]:
        return self.count, list(self.by_gen), len(self.pauses)

    def since(self, snap: tuple[int, list[int], int]) -> dict[str, Any]:
        _, gens, npause = snap
        pauses = self.pauses[npause:]
        return {
            "collections": {f"gen{g}": self.by_gen[g] - gens[g] for g in range(3)},
            "total_pause_ms": round(sum(pauses), 3),
            "max_pause_ms": round(max(pauses), 3) if pauses else 0.0,
        }


GC = GcMonitor()


class Samples:
    """Wall time, this thread's CPU time and "a GC ran" for every timed call of a figure."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.gc_hit: list[bool] = []
        self._snap = GC.snapshot()

    def add(self, wall_ns: int, cpu_ns: int, gc_hit: bool) -> None:
        self.wall.append(wall_ns / 1e6)
        self.cpu.append(cpu_ns / 1e6)
        self.gc_hit.append(gc_hit)

    def diagnostics(self) -> dict[str, Any]:
        """``cpu``: the same figure in CPU time (a p99 far above it means the process was
        descheduled: another process had the core); ``descheduled``: calls whose wall time
        exceeds their CPU time by more than 0.5 ms; ``p99_without_gc``: the p99 of the calls no
        collection interrupted; ``gc``: collections and pauses during the figure."""
        clean = [w for w, hit in zip(self.wall, self.gc_hit, strict=True) if not hit]
        return {
            "cpu": summarize(self.cpu),
            "descheduled": sum(1 for w, c in zip(self.wall, self.cpu, strict=True) if w - c > 0.5),
            "calls_with_gc": len(self.wall) - len(clean),
            "p99_without_gc": round(percentile(sorted(clean), 99), 4) if clean else None,
            "gc": GC.since(self._snap),
        }


# ====================================================================== inputs


@dataclass(frozen=True)
class Query:
    kind: str
    text: str


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in "tns\\":
            out.append({"t": "\t", "n": "\n", "s": " ", "\\": "\\"}[text[i + 1]])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def load_queries(path: Path = QUERIES) -> list[Query]:
    queries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, sep, text = line.partition("\t")
        if not sep:
            raise ValueError(f"{path}:{n}: expected KIND<TAB>QUERY")
        queries.append(Query(kind, _unescape(text)))
    return queries


def subset(queries: list[Query], per_kind: int | None) -> list[Query]:
    if per_kind is None:
        return queries
    seen: dict[str, int] = {}
    kept = []
    for q in queries:
        limit = 1 if q.kind == "long" else per_kind  # a long query costs the baseline seconds
        if seen.get(q.kind, 0) < limit:
            kept.append(q)
            seen[q.kind] = seen.get(q.kind, 0) + 1
    return kept


def extra_layers() -> list[str]:
    """``CAREER_BOT_DATA`` as the bot reads it (from the environment only)."""
    return [p for p in (os.environ.get("CAREER_BOT_DATA") or "").split(os.pathsep) if p.strip()]


def short(text: str, limit: int = 40) -> str:
    r = repr(text)
    return r if len(r) <= limit else r[: limit - 5] + f"…[{len(text)}]"


# ====================================================================== cold start

COLD_CHILD = r"""
import time
t_main = time.monotonic()
import inspect, json, resource, sys
from pathlib import Path

def rss_mb():
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return out

import yaml
import bot.answers as answers_mod
import bot.dataset as ds_mod
from bot.answers import Answers
t_imported = time.monotonic()
rss_imported = rss_mb()

# Time the phases by wrapping private steps of the loader; a renamed step reports null.
spent = {}
def timed(owner, name, key):
    fn = getattr(owner, name, None)
    if fn is None:
        spent[key] = None
        return
    spent[key] = 0.0
    def wrapper(*a, **k):
        t = time.monotonic()
        try:
            return fn(*a, **k)
        finally:
            spent[key] += time.monotonic() - t
    setattr(owner, name, wrapper)

timed(answers_mod, "load_dataset", "load_dataset")
timed(ds_mod, "_read_yaml", "read_yaml")
timed(yaml, "load", "yaml_load")
timed(ds_mod, "_parse_entry", "parse_entries")
timed(ds_mod, "_check_links", "check_links")
timed(ds_mod, "digest", "hashing")
try:
    import bot.cache as cache_mod
    timed(cache_mod.DiskCache, "get", "cache_read")
    timed(cache_mod.DiskCache, "put", "cache_write")
except ImportError:
    spent["cache_read"] = spent["cache_write"] = None

extra, cache_dir = json.loads(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None
kwargs = {}
if cache_dir is not None and "cache_dir" in inspect.signature(Answers.load).parameters:
    kwargs["cache_dir"] = Path(cache_dir)
t_load = time.monotonic()
answers = Answers.load(extra=extra, **kwargs)
t_indexed = time.monotonic()
rss_loaded = rss_mb()
max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
dataset = answers.dataset
print(json.dumps({
    "t_main": t_main, "t_imported": t_imported, "t_load": t_load, "t_indexed": t_indexed,
    "spent": spent, "cache": bool(kwargs),
    "rss_imported_mb": rss_imported.get("VmRSS"), "rss_loaded_mb": rss_loaded.get("VmRSS"),
    "max_rss_mb": max_rss,
    "professions": len(dataset.professions),
    "aliases": sum(len(p.aliases) for p in dataset.professions),
    "keys": len(answers.matcher.keys),
}))
"""

COLD_KEYS = (
    "total",
    "interpreter",
    "imports",
    "load_dataset",
    "yaml_parse",
    "validation",
    "link_checks",
    "cache_read",
    "cache_write",
    "load_other",
    "matcher_build",
    "process_wall",
    "max_rss_mb",
    "rss_loaded_mb",
    "rss_imported_mb",
)


def _cold_run(extra: list[str], cache_dir: str | None) -> dict[str, Any]:
    """One fresh ``python -c`` that does ``Answers.load(extra, cache_dir)``; phases in seconds."""
    t_spawn = time.monotonic()  # CLOCK_MONOTONIC: the same clock as time.monotonic() in the child
    proc = subprocess.run(
        [sys.executable, "-c", COLD_CHILD, json.dumps(extra), *([cache_dir] if cache_dir else [])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    t_exit = time.monotonic()
    if proc.returncode != 0:
        raise RuntimeError(f"cold-start child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    c = json.loads(proc.stdout.strip().splitlines()[-1])
    sp = c["spent"]
    load = sp["load_dataset"] if sp["load_dataset"] is not None else None

    def part(key: str) -> float | None:
        return sp.get(key)

    known = [part(k) for k in ("read_yaml", "parse_entries", "check_links")]
    other = None
    if load is not None and None not in known:
        # file reads, hashing, cache reads/writes of parsed YAML, merging layers
        other = load - sum(k for k in known if k is not None)
        read_yaml, yaml_s = part("read_yaml"), part("yaml_load") or 0.0
        other += (read_yaml or 0.0) - yaml_s
    return {
        "total": c["t_indexed"] - t_spawn,
        "interpreter": c["t_main"] - t_spawn,
        "imports": c["t_imported"] - c["t_main"],
        "load_dataset": load,
        "yaml_parse": part("yaml_load"),
        "validation": part("parse_entries"),
        "link_checks": part("check_links"),
        "cache_read": part("cache_read"),
        "cache_write": part("cache_write"),
        "load_other": other,
        "matcher_build": None if load is None else c["t_indexed"] - c["t_load"] - load,
        "process_wall": t_exit - t_spawn,
        "max_rss_mb": c["max_rss_mb"],
        "rss_loaded_mb": c["rss_loaded_mb"],
        "rss_imported_mb": c["rss_imported_mb"],
        "_cache_used": c["cache"],
    }


def _cold_summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"runs": len(runs)}
    for key in COLD_KEYS:
        unit = "MB" if key.endswith("_mb") else "s"
        vals = [r[key] for r in runs if r.get(key) is not None]
        out[key] = summarize(vals, unit) if vals else empty_stats(unit)
    out["samples"] = [
        {k: (round(r[k], 4) if r.get(k) is not None else None) for k in COLD_KEYS} for r in runs
    ]
    return out


def empty_cold() -> dict[str, Any]:
    return {"runs": 0, "samples": [], "cache": None} | {
        k: empty_stats("MB" if k.endswith("_mb") else "s") for k in COLD_KEYS
    }


def bench_cold_start(plan: Plan, extra: list[str], cache_root: Path) -> dict[str, Any]:
    """Fresh processes, each timed from spawn to index built.

    ``empty``: every run gets a new, empty start-up cache folder (a first start, or the first
    after the data changed; it includes writing the cache: see ``cache_write``).
    ``warm``: the same folder again and again (every later restart of the bot). The last empty
    folder is left in ``cache_root`` for this process to load from quickly."""
    out: dict[str, Any] = {}
    empty: list[dict[str, Any]] = []
    for i in range(plan.cold_runs):
        folder = cache_root / f"empty-{i}"
        run = _cold_run(extra, str(folder))
        empty.append(run)
        log(
            f"  cold start, empty cache {i + 1}/{plan.cold_runs}: {run['total']:.3f} s "
            f"(load_dataset {run['load_dataset'] or 0:.3f}, yaml {run['yaml_parse'] or 0:.3f}, "
            f"validation {run['validation'] or 0:.3f}, index {run['matcher_build'] or 0:.3f}, "
            f"cache writes {run['cache_write'] or 0:.3f}), max RSS {run['max_rss_mb']:.1f} MB"
        )
    warm: list[dict[str, Any]] = []
    last = cache_root / f"empty-{plan.cold_runs - 1}"
    for i in range(plan.cold_runs):
        run = _cold_run(extra, str(last))
        warm.append(run)
        log(
            f"  cold start, warm cache {i + 1}/{plan.cold_runs}: {run['total']:.3f} s "
            f"(load_dataset {run['load_dataset'] or 0:.3f}, index {run['matcher_build'] or 0:.3f})"
            f", max RSS {run['max_rss_mb']:.1f} MB"
        )
    out["empty_cache"] = _cold_summary(empty)
    out["warm_cache"] = _cold_summary(warm)
    out["cache_supported"] = bool(empty[0]["_cache_used"])
    out["cache_dir"] = str(last)
    return out


# ====================================================================== matcher


def timed_calls(
    fn: Callable[[str], Any],
    queries: list[Query],
    reps: int,
    rng: random.Random,
    before: Callable[[], None] | None = None,
) -> tuple[list[list[float]], Samples]:
    """Per query, ``reps`` wall timings (ms) of ``fn(query)``, queries shuffled anew each round;
    and every sample with its CPU time and GC flag."""
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


def report_calls(
    queries: list[Query], timed: tuple[list[list[float]], Samples], worst: int = 10
) -> dict[str, Any]:
    per_query, samples = timed
    flat = [t for ts in per_query for t in ts]
    out = summarize(flat)
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


def bench_matcher(answers: Any, queries: list[Query], plan: Plan) -> dict[str, Any]:
    m = answers.matcher
    rng = random.Random(12345)
    clear_resolve = clear_suggest = m.clear_caches

    def suggest(text: str) -> Any:
        return m.suggest(text, 25)

    results: dict[str, Any] = {}
    for name, fn, clear in (
        ("suggest", suggest, clear_suggest),
        ("resolve", m.resolve, clear_resolve),
    ):
        log(f"  {name}: uncached, {len(queries)} queries x {plan.match_reps}")
        uncached = report_calls(queries, timed_calls(fn, queries, plan.match_reps, rng, clear))
        for q in queries:  # warm every cache
            fn(q.text)
        log(f"  {name}: cached, {len(queries)} queries x {plan.cached_reps}")
        cached = report_calls(queries, timed_calls(fn, queries, plan.cached_reps, rng), worst=3)
        results[name] = {"uncached": uncached, "cached": cached}
    clear_resolve()
    clear_suggest()
    return results


def naive_choices(answers: Any) -> list[str]:
    return [p.title for p in answers.dataset.professions] + [
        a.name for p in answers.dataset.professions for a in p.aliases
    ]


def bench_baseline(answers: Any, queries: list[Query], plan: Plan) -> dict[str, Any]:
    from rapidfuzz import fuzz, process

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
    out["call"] = "rapidfuzz.process.extract(query, every_title_and_alias, scorer=fuzz.WRatio)"
    out["choices"] = len(choices)
    out["reps"] = plan.baseline_reps
    out["long_reps"] = plan.baseline_long_reps
    return out


def ratios(matcher: dict[str, Any], baseline: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name in ("suggest", "resolve"):
        for mode in ("uncached", "cached"):
            fig = matcher[name][mode]
            out[f"{name}_{mode}"] = {
                stat: (round(baseline[stat] / fig[stat], 1) if fig[stat] else None)
                for stat in ("median", "p99")
            }
    return out


# ====================================================================== rendering


def sample_pairs(answers: Any, n: int) -> list[tuple[Any, Any]]:
    """Fixed sample: each curated profile with its closest official one, the most common jobs in
    pairs, then seeded random pairs over the ids in sorted order."""
    profs = sorted(answers.dataset.professions, key=lambda p: p.id)
    by_id = {p.id: p for p in profs}
    pairs: list[tuple[Any, Any]] = []
    for p in profs:
        if p.curated and p.closest in by_id:
            pairs.append((p, by_id[p.closest]))
    popular = sorted(profs, key=lambda p: -p.popularity)[:20]
    pairs += list(zip(popular[0::2], popular[1::2], strict=False))
    rng = random.Random(2024)
    while len(pairs) < n and len(profs) > 1:
        a, b = rng.sample(profs, 2)
        pairs.append((a, b))
    return pairs[:n]


def sample_profiles(answers: Any, n: int) -> list[Any]:
    profs = sorted(answers.dataset.professions, key=lambda p: p.id)
    curated = [p for p in profs if p.curated]
    rng = random.Random(99)
    rest = rng.sample(
        [p for p in profs if not p.curated], max(0, min(n, len(profs)) - len(curated))
    )
    return (curated + rest)[:n]


def bench_render(answers: Any, plan: Plan) -> dict[str, Any]:
    from bot.render.embeds import message_payloads

    clock = time.perf_counter_ns
    pairs = sample_pairs(answers, plan.pairs)
    profiles = sample_profiles(answers, plan.profiles)
    rng = random.Random(777)
    t: dict[str, list[float]] = {
        k: []
        for k in (
            "compare_view",
            "compare_payloads",
            "compare_total",
            "salary_total",
            "career_total",
        )
    }
    cpu = time.thread_time_ns
    pages: list[int] = []
    sizes: list[int] = []
    log(f"  compare + render: {len(pairs)} pairs x {plan.render_reps}")
    gc.collect()
    diag = {k: Samples() for k in ("compare_total", "salary_total", "career_total")}
    for rep in range(plan.render_reps):
        order = list(range(len(pairs)))
        rng.shuffle(order)
        for i in order:
            a, b = pairs[i]
            g0, c0 = GC.count, cpu()
            t0 = clock()
            view = answers.compare(a, b)
            t1 = clock()
            payloads = message_payloads(view)
            t2 = clock()
            c1 = cpu()
            t["compare_view"].append((t1 - t0) / 1e6)
            t["compare_payloads"].append((t2 - t1) / 1e6)
            t["compare_total"].append((t2 - t0) / 1e6)
            diag["compare_total"].add(t2 - t0, c1 - c0, GC.count != g0)
            if rep == 0:
                pages.append(len(payloads))
                sizes.append(len(json.dumps(payloads, ensure_ascii=False)))
    log(f"  salary / profile + render: {len(profiles)} professions x {plan.render_reps}")
    for _ in range(plan.render_reps):
        order = list(range(len(profiles)))
        rng.shuffle(order)
        for i in order:
            p = profiles[i]
            g0, c0 = GC.count, cpu()
            t0 = clock()
            message_payloads(answers.salary(p))
            t1 = clock()
            c1, g1 = cpu(), GC.count
            message_payloads(answers.career(p))
            t2 = clock()
            c2 = cpu()
            t["salary_total"].append((t1 - t0) / 1e6)
            t["career_total"].append((t2 - t1) / 1e6)
            diag["salary_total"].add(t1 - t0, c1 - c0, g1 != g0)
            diag["career_total"].add(t2 - t1, c2 - c1, GC.count != g1)
    out: dict[str, Any] = {k: summarize(v) for k, v in t.items()}
    for key, d in diag.items():
        out[key].update(d.diagnostics())
    out["pairs"] = len(pairs)
    out["profiles"] = len(profiles)
    out["compare_pages"] = summarize(pages, "pages", 1)
    out["compare_json_bytes"] = summarize(sizes, "bytes", 0)
    return out


# ====================================================================== end to end

E2E_KINDS = ("compare", "salary", "autocomplete")


def _proc_memory(pid: int | None) -> dict[str, float | None]:
    out: dict[str, float | None] = {"rss_mb": None, "peak_rss_mb": None}
    if pid is None:
        return out
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    out["rss_mb"] = round(int(line.split()[1]) / 1024, 1)
                elif line.startswith("VmHWM:"):
                    out["peak_rss_mb"] = round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return out


def _start_bot(fake: Any, module: str, args: list[str], env: dict[str, str]) -> tuple[Any, float]:
    """Start a bot on ``fake`` and wait until its own session is READY with commands synced.

    One FakeDiscord serves both bots one after the other, so READY alone is not enough: wait for
    a command sync newer than this start (both bots sync in setup_hook, before connecting)."""
    from tests.fake_discord import BotProcess

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


def _drive(
    fake: Any, sends: list[Callable[..., Any]], users: list[str], plan: Plan
) -> dict[str, Any]:
    """Send interactions one at a time; latency = event sent -> callback received."""
    lat, delivered, refused = [], [], 0
    for n, send in enumerate(sends):
        user = users[n % len(users)]
        handle = send(user=user)
        rec = handle.wait_callback(10.0, allow_rejected=True)
        if rec.callback is None:
            refused += 1
        elif n >= plan.e2e_warmup:
            lat.append(rec.latency * 1000)
            if rec.delivered_at is not None:
                delivered.append((rec.callback_at - rec.delivered_at) * 1000)
        time.sleep(plan.e2e_gap)
    out = summarize(lat)
    out["from_delivery"] = summarize(delivered)
    out["refused"] = refused
    return out


def bench_e2e(answers: Any, queries: list[Query], plan: Plan, extra: list[str]) -> dict[str, Any]:
    from tests.fake_discord import ECHO_BOT, FakeDiscord
    from tests.fake_discord.models import snowflake

    n, warm = plan.e2e_n, plan.e2e_warmup
    total = n + warm
    # Discord's client caps typed text at the option's max_length (100).
    typed = [q.text[:100] for q in queries if q.text[:100].strip()] or ["nurse"]
    typed = (typed * (total // len(typed) + 1))[:total]
    pairs = sample_pairs(answers, max(plan.pairs, 2))
    pairs = (pairs * (total // len(pairs) + 1))[:total]
    profs = sample_profiles(answers, max(plan.profiles, 2))
    profs = (profs * (total // len(profs) + 1))[:total]

    out: dict[str, Any] = {"skipped": False, "reason": None, "interactions": n, "warmup": warm}
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
        # --- the floor: the trivial echo bot
        log("  e2e: echo bot (floor)")
        echo, ready = _start_bot(fake, ECHO_BOT, [], env)
        try:
            floor: dict[str, Any] = {"ready_s": round(ready, 3)}
            fruits = ["a", "ap", "b", "bl", "c", "l", "m", "p", "pe", "st", "x", ""]
            floor["slash"] = _drive(
                fake, [partial(fake.send_slash, "echo", {"text": "hello"})] * total, users, plan
            )
            floor["autocomplete"] = _drive(
                fake,
                [
                    partial(fake.send_autocomplete, "fruit", "name", fruits[i % 12])
                    for i in range(total)
                ],
                users,
                plan,
            )
            floor.update(_proc_memory(echo.pid))
        finally:
            echo.stop()
        out["floor"] = floor
        fake.clear_records()
        # --- the real bot
        log("  e2e: career-bot (python -m bot run)")
        real, ready = _start_bot(fake, "bot", ["run"], env)
        try:
            res: dict[str, Any] = {"ready_s": round(ready, 3)}
            compare = [
                partial(fake.send_slash, "compare", {"a": a.id, "b": b.id}) for a, b in pairs
            ]
            salary = [partial(fake.send_slash, "salary", {"profession": p.id}) for p in profs]
            complete = [partial(fake.send_autocomplete, "salary", "profession", v) for v in typed]
            res["compare"] = _drive(fake, compare, users, plan)
            res["salary"] = _drive(fake, salary, users, plan)
            res["autocomplete"] = _drive(fake, complete, users, plan)
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
        out["bot"] = res
    for kind in E2E_KINDS:
        floor_kind = "autocomplete" if kind == "autocomplete" else "slash"
        b, f = out["bot"][kind], out["floor"][floor_kind]
        out.setdefault("over_floor", {})[kind] = {
            stat: (
                round(b[stat] - f[stat], 3) if b[stat] is not None and f[stat] is not None else None
            )
            for stat in ("median", "p99")
        }
    return out


def e2e_placeholder(reason: str) -> dict[str, Any]:
    return {
        "skipped": True,
        "reason": reason,
        "interactions": 0,
        "warmup": 0,
        "floor": {
            "ready_s": None,
            "slash": {**empty_stats(), "from_delivery": empty_stats(), "refused": 0},
            "autocomplete": {**empty_stats(), "from_delivery": empty_stats(), "refused": 0},
            "rss_mb": None,
            "peak_rss_mb": None,
        },
        "bot": {
            "ready_s": None,
            **{
                k: {**empty_stats(), "from_delivery": empty_stats(), "refused": 0}
                for k in E2E_KINDS
            },
            "rss_mb": None,
            "peak_rss_mb": None,
            "fake_failures": None,
            "fake_violations": None,
            "fake_problems": [],
        },
        "over_floor": {k: {"median": None, "p99": None} for k in E2E_KINDS},
    }


# ====================================================================== targets and table


def dig(results: dict[str, Any], path: str) -> Any:
    node: Any = results
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    targets = []
    for key, path, limit, unit, label in TARGETS:
        value = dig(results, path)
        targets.append(
            {
                "key": key,
                "label": label,
                "figure": path,
                "value": value,
                "limit": limit,
                "unit": unit,
                "pass": None if value is None else value <= limit,
            }
        )
    e2e = results.get("e2e") or {}
    for kind in E2E_KINDS:
        floor_kind = "autocomplete" if kind == "autocomplete" else "slash"
        value = dig(e2e, f"bot.{kind}.p99")
        floor = dig(e2e, f"floor.{floor_kind}.p99")
        limit = None if floor is None else round(floor + E2E_TARGET_MS, 3)
        targets.append(
            {
                "key": f"e2e_{kind}_p99",
                "label": "end to end "
                + ("autocomplete" if kind == "autocomplete" else f"/{kind}")
                + " p99",
                "figure": f"e2e.bot.{kind}.p99",
                "value": value,
                "limit": limit,
                "unit": "ms",
                "pass": None if value is None or limit is None else value <= limit,
            }
        )
    return targets


def _fmt(value: Any, unit: str = "ms") -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "ms":
        return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"
    return f"{value}"


def _ratio(r: dict[str, Any] | None) -> str:
    if not r or r.get("median") is None:
        return ""
    return f"{r['median']:.0f}× faster (median), {r['p99']:.0f}× (p99)"


def _gc_note(fig: dict[str, Any]) -> str:
    if not fig.get("n"):
        return ""
    note = f"{fig['descheduled']} calls descheduled"
    if fig["calls_with_gc"]:
        note += (
            f"; {fig['calls_with_gc']} hit a GC (max pause {fig['gc']['max_pause_ms']:.2f} ms),"
            f" p99 without them {_fmt(fig['p99_without_gc'])}"
        )
    return note


def table(results: dict[str, Any]) -> str:
    rows: list[tuple[str, str, str, str]] = []
    cs = results["cold_start"]

    def add(label: str, stats: dict[str, Any] | None, note: str = "") -> None:
        stats = stats or {}
        unit = stats.get("unit", "ms")
        rows.append((label, _fmt(stats.get("median"), unit), _fmt(stats.get("p99"), unit), note))

    def section(title: str) -> None:
        rows.append((f"— {title}", "", "", ""))

    for regime, title in (("empty_cache", "empty start-up cache"), ("warm_cache", "warm cache")):
        c = cs[regime]
        section(f"cold start, {title} ({c['runs']} fresh processes)")
        add("process start → index built", c["total"])
        add("  interpreter start-up", c["interpreter"])
        add("  imports (bot.answers: yaml, rapidfuzz, ...)", c["imports"])
        add("  load_dataset", c["load_dataset"])
        add("    YAML parse (yaml.load)", c["yaml_parse"])
        add("    validation (_parse_entry)", c["validation"])
        add("    link checks", c["link_checks"])
        add("    other: file reads, hashing, cache", c["load_other"])
        add("  matcher index (build or cache load)", c["matcher_build"])
        add("  start-up cache reads (marshal)", c["cache_read"])
        add("  start-up cache writes (marshal)", c["cache_write"])
        add("max RSS after loading", c["max_rss_mb"])
        add("  RSS after imports only", c["rss_imported_mb"])
    r = results["ratios"]
    for name, label in (("suggest", "autocomplete (suggest)"), ("resolve", "resolve")):
        fig = results[name]
        section(f"{label}, {fig['uncached']['n']} calls")
        add("uncached", fig["uncached"], _ratio(r.get(f"{name}_uncached")))
        rows.append(
            ("  p99 of per-query medians", _fmt(fig["uncached"]["p99_of_query_medians"]), "", "")
        )
        add("  uncached, CPU time", fig["uncached"]["cpu"], _gc_note(fig["uncached"]))
        add("cached (repeat query)", fig["cached"])
        for kind, st in fig["uncached"]["by_kind"].items():
            add(f"  uncached, {kind}", st)
    b = results["baseline"]
    section(f"naive baseline: process.extract(WRatio) over {b['choices']:,} names")
    add("per call", b)
    rd = results["render"]
    section(f"rendering ({rd['pairs']} pairs, {rd['profiles']} professions)")
    add("compare (view model)", rd["compare_view"])
    add("compare payloads (render)", rd["compare_payloads"])
    add("compare + render", rd["compare_total"])
    add("  compare + render, CPU time", rd["compare_total"]["cpu"], _gc_note(rd["compare_total"]))
    add("salary + render", rd["salary_total"])
    add("profile (/career) + render", rd["career_total"])
    e = results["e2e"]
    if e["skipped"]:
        section(f"end to end: skipped ({e['reason']})")
    else:
        section(f"end to end via the fake Discord ({e['interactions']} per command)")
        add("floor: echo bot /echo", e["floor"]["slash"])
        add("floor: echo bot autocomplete", e["floor"]["autocomplete"])
        for kind in E2E_KINDS:
            of = e["over_floor"][kind]
            note = f"+{of['p99']:.2f} ms p99 over floor" if of["p99"] is not None else ""
            add(f"career-bot {kind}", e["bot"][kind], note)
        rows.append(
            (
                "ready after start: echo / career-bot",
                _fmt(e["floor"]["ready_s"], "s"),
                _fmt(e["bot"]["ready_s"], "s"),
                "",
            )
        )
        rows.append(
            (
                "career-bot process RSS / peak",
                _fmt(e["bot"]["rss_mb"], "MB"),
                _fmt(e["bot"]["peak_rss_mb"], "MB"),
                "",
            )
        )
    w = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"{'figure':<{w[0]}}  {'median':>{w[1]}}  {'p99':>{w[2]}}  notes"]
    lines.append("-" * (w[0] + w[1] + w[2] + 11))
    for label, med, p99, note in rows:
        if label.startswith("— "):
            lines.append(label)
            continue
        lines.append(f"{label:<{w[0]}}  {med:>{w[1]}}  {p99:>{w[2]}}  {note}".rstrip())
    lines.append("")
    lines.append("targets (2 cores)")
    for t in results["targets"]:
        verdict = {True: "PASS", False: "FAIL", None: "n/a"}[t["pass"]]
        lines.append(
            f"  {verdict:4}  {t['label']}: {_fmt(t['value'], t['unit'])} "
            f"(target ≤ {_fmt(t['limit'], t['unit'])})"
        )
    return "\n".join(lines)


# ====================================================================== main


def git(*args: str) -> str | None:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def load_answers(extra: list[str], cache_dir: str | None) -> Any:
    import inspect

    from bot.answers import Answers

    log("loading the dataset in this process" + (" (warm start-up cache)" if cache_dir else ""))
    if cache_dir and "cache_dir" in inspect.signature(Answers.load).parameters:
        return Answers.load(extra=extra, cache_dir=Path(cache_dir))
    return Answers.load(extra=extra)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: few repetitions, < 30 s")
    parser.add_argument(
        "--json", default=str(DEFAULT_JSON), help="where to write the results ('-': stdout)"
    )
    parser.add_argument("--skip-e2e", action="store_true", help="skip the end-to-end section")
    ns = parser.parse_args(argv)
    plan = QUICK if ns.quick else FULL
    started = time.monotonic()
    gc.callbacks.append(GC)
    extra = extra_layers()
    queries = subset(load_queries(), plan.per_kind)
    errors: list[str] = []
    results: dict[str, Any] = {
        "schema": SCHEMA,
        "meta": {
            "mode": "quick" if ns.quick else "full",
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "commit": git("rev-parse", "HEAD"),
            # Uncommitted changes to the data make the figures those of the working tree.
            "data_changed_since_commit": bool(git("status", "--porcelain", "--", "data")),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "loadavg_start": loadavg(),
            "extra_data": extra,
            "queries": len(queries),
            "query_kinds": sorted({q.kind for q in queries}),
            "plan": plan.__dict__,
        },
    }
    if extra:
        log(f"NOTE: CAREER_BOT_DATA adds {extra}: these are not the shipped-data figures")

    tmp = tempfile.TemporaryDirectory(prefix="career-bot-bench-")
    log("cold start")
    try:
        results["cold_start"] = bench_cold_start(plan, extra, Path(tmp.name))
    except Exception as exc:  # keep going: every other figure is still worth having
        errors.append(f"cold_start: {str(exc).splitlines()[0]}")
        log(traceback.format_exc())
        results["cold_start"] = {
            "empty_cache": empty_cold(),
            "warm_cache": empty_cold(),
            "cache_supported": None,
            "cache_dir": None,
        }
    # This process loads through the start-up cache the cold runs left (seconds saved; the
    # objects are the same as from the YAML, which the cache is keyed on).
    answers = load_answers(extra, results["cold_start"]["cache_dir"])
    tmp.cleanup()
    ds = answers.dataset
    results["dataset"] = {
        "professions": len(ds.professions),
        "curated": sum(p.curated for p in ds.professions),
        "aliases": sum(len(p.aliases) for p in ds.professions),
        "matcher_keys": len(answers.matcher.keys),
        "files": len(ds.files),
        "fingerprint": getattr(ds, "fingerprint", None) or None,
    }
    log(
        f"  {results['dataset']['professions']} professions, "
        f"{results['dataset']['aliases']:,} aliases, {results['dataset']['matcher_keys']:,} keys"
    )

    log("matcher")
    results.update(bench_matcher(answers, queries, plan))
    log("naive baseline")
    results["baseline"] = bench_baseline(answers, queries, plan)
    results["ratios"] = ratios(results, results["baseline"])
    log("rendering")
    results["render"] = bench_render(answers, plan)

    if ns.skip_e2e:
        results["e2e"] = e2e_placeholder("--skip-e2e")
    else:
        log("end to end")
        try:
            results["e2e"] = bench_e2e(answers, queries, plan, extra)
        except Exception as exc:
            errors.append(f"e2e: {exc}")
            log(traceback.format_exc())
            results["e2e"] = e2e_placeholder(f"failed: {str(exc).splitlines()[0][:200]}")

    results["targets"] = evaluate_targets(results)
    results["meta"]["loadavg_end"] = loadavg()
    results["meta"]["duration_s"] = round(time.monotonic() - started, 1)
    results["errors"] = errors

    print(table(results))
    print(
        f"\n({results['meta']['mode']} run, {results['meta']['duration_s']} s, "
        f"load average {results['meta']['loadavg_start']} → {results['meta']['loadavg_end']})"
    )
    text = json.dumps(results, indent=2, ensure_ascii=False)
    if ns.json == "-":
        print(text)
    else:
        path = Path(ns.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        print(f"results: {path}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
