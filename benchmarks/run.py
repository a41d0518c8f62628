"""career-bot benchmarks: cold start, memory, matcher, rendering, end to end, naive baseline.

    python -m benchmarks [--quick] [--json PATH | --json -] [--skip-e2e]

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
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from bot.answers import Answers

from . import e2e, startup
from .inputs import HERE, ROOT, Query, extra_layers, load_answers, load_queries, log, subset
from .matcher import bench_baseline, bench_matcher, ratios
from .plan import FULL, QUICK, Plan
from .render import bench_render
from .report import evaluate_targets, table
from .stats import GC, loadavg

DEFAULT_JSON = HERE / "results" / "latest.json"
SCHEMA = 1


def git(*args: str) -> str | None:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def _meta(quick: bool, plan: Plan, extra: list[str], queries: list[Query]) -> dict[str, Any]:
    return {
        "mode": "quick" if quick else "full",
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
    }


def _dataset(answers: Answers) -> dict[str, Any]:
    ds = answers.dataset
    return {
        "professions": len(ds.professions),
        "curated": sum(p.curated for p in ds.professions),
        "aliases": sum(len(p.aliases) for p in ds.professions),
        "matcher_keys": len(answers.matcher.keys),
        "files": len(ds.files),
        "fingerprint": ds.fingerprint or None,
    }


def _cold_start(plan: Plan, extra: list[str], errors: list[str]) -> tuple[dict[str, Any], Answers]:
    """The start-up figures, then this process's answers, loaded through the start-up cache the
    cold runs left (seconds saved; the objects are the same as from the YAML)."""
    with tempfile.TemporaryDirectory(prefix="career-bot-bench-") as tmp:
        log("cold start")
        try:
            cold = startup.bench_cold_start(plan, extra, Path(tmp))
        except Exception as exc:  # keep going: every other figure is still worth having
            errors.append(f"cold_start: {str(exc).splitlines()[0]}")
            log(traceback.format_exc())
            cold = startup.placeholder()
        return cold, load_answers(extra, cold["cache_dir"])


def _e2e(
    skip: bool,
    answers: Answers,
    queries: list[Query],
    plan: Plan,
    extra: list[str],
    errors: list[str],
) -> dict[str, Any]:
    if skip:
        return e2e.placeholder("--skip-e2e")
    log("end to end")
    try:
        return e2e.bench_e2e(answers, queries, plan, extra)
    except Exception as exc:
        errors.append(f"e2e: {exc}")
        log(traceback.format_exc())
        return e2e.placeholder(f"failed: {str(exc).splitlines()[0][:200]}")


def measure(quick: bool, skip_e2e: bool) -> dict[str, Any]:
    """Every section, in order; a section that fails is recorded in ``errors``."""
    plan = QUICK if quick else FULL
    started = time.monotonic()
    extra = extra_layers()
    queries = subset(load_queries(), plan.per_kind)
    errors: list[str] = []
    results: dict[str, Any] = {"schema": SCHEMA, "meta": _meta(quick, plan, extra, queries)}
    if extra:
        log(f"NOTE: CAREER_BOT_DATA adds {extra}: these are not the shipped-data figures")
    results["cold_start"], answers = _cold_start(plan, extra, errors)
    results["dataset"] = _dataset(answers)
    d = results["dataset"]
    log(f"  {d['professions']} professions, {d['aliases']:,} aliases, {d['matcher_keys']:,} keys")
    log("matcher")
    results.update(bench_matcher(answers, queries, plan))
    log("naive baseline")
    results["baseline"] = bench_baseline(answers, queries, plan)
    results["ratios"] = ratios(results, results["baseline"])
    log("rendering")
    results["render"] = bench_render(answers, plan)
    results["e2e"] = _e2e(skip_e2e, answers, queries, plan, extra, errors)
    results["targets"] = evaluate_targets(results)
    results["meta"]["loadavg_end"] = loadavg()
    results["meta"]["duration_s"] = round(time.monotonic() - started, 1)
    results["errors"] = errors
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: few repetitions, < 30 s")
    parser.add_argument(
        "--json", default=str(DEFAULT_JSON), help="where to write the results ('-': stdout)"
    )
    parser.add_argument("--skip-e2e", action="store_true", help="skip the end-to-end section")
    ns = parser.parse_args(argv)
    gc.callbacks.append(GC)
    results = measure(ns.quick, ns.skip_e2e)
    meta = results["meta"]
    print(table(results))
    print(
        f"\n({meta['mode']} run, {meta['duration_s']} s, "
        f"load average {meta['loadavg_start']} → {meta['loadavg_end']})"
    )
    text = json.dumps(results, indent=2, ensure_ascii=False)
    if ns.json == "-":
        print(text)
    else:
        path = Path(ns.json)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        print(f"results: {path}")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
