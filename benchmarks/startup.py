"""Start-up: fresh processes (:mod:`.startup_child`), each timed from spawn to index built.

``empty_cache``: every run gets a new, empty start-up cache folder (a first start, or the first
after the data changed; it includes writing the cache: see ``cache_write``).
``warm_cache``: the same folder again and again (every later restart of the bot).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .inputs import ROOT, log
from .plan import Plan
from .stats import empty_stats, summarize

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


def _unit(key: str) -> str:
    return "MB" if key.endswith("_mb") else "s"


def cold_run(extra: list[str], cache_dir: str | None) -> dict[str, Any]:
    """One fresh process that loads the answers like the bot; phases in seconds."""
    t_spawn = time.monotonic()  # CLOCK_MONOTONIC: the same clock as time.monotonic() in the child
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.startup_child", json.dumps(extra)]
        + ([cache_dir] if cache_dir else []),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    t_exit = time.monotonic()
    if proc.returncode != 0:
        raise RuntimeError(f"start-up child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    c = json.loads(proc.stdout.strip().splitlines()[-1])
    sp = c["spent"]
    load = sp["load_dataset"]
    return {
        "total": c["t_indexed"] - t_spawn,
        "interpreter": c["t_main"] - t_spawn,
        "imports": c["t_imported"] - c["t_main"],
        "load_dataset": load,
        "yaml_parse": sp["yaml_parse"],
        "validation": sp["validation"],
        "link_checks": sp["link_checks"],
        "cache_read": sp["cache_read"],
        "cache_write": sp["cache_write"],
        # file reads, hashing, reading the parsed YAML from the cache, merging layers
        "load_other": load - sp["yaml_parse"] - sp["validation"] - sp["link_checks"],
        "matcher_build": c["t_indexed"] - c["t_load"] - load,
        "process_wall": t_exit - t_spawn,
        "max_rss_mb": c["max_rss_mb"],
        "rss_loaded_mb": c["rss_loaded_mb"],
        "rss_imported_mb": c["rss_imported_mb"],
        "_cache_used": c["cache"],
    }


def _summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"runs": len(runs)}
    for key in COLD_KEYS:
        vals = [r[key] for r in runs if r.get(key) is not None]
        out[key] = summarize(vals, _unit(key)) if vals else empty_stats(_unit(key))
    out["samples"] = [
        {k: (round(r[k], 4) if r.get(k) is not None else None) for k in COLD_KEYS} for r in runs
    ]
    return out


def empty_cold() -> dict[str, Any]:
    return {"runs": 0, "samples": [], "cache": None} | {k: empty_stats(_unit(k)) for k in COLD_KEYS}


def placeholder() -> dict[str, Any]:
    """The section's shape when it could not run."""
    return {
        "empty_cache": empty_cold(),
        "warm_cache": empty_cold(),
        "cache_supported": None,
        "cache_dir": None,
    }


def bench_cold_start(plan: Plan, extra: list[str], cache_root: Path) -> dict[str, Any]:
    """``plan.cold_runs`` starts with an empty cache, then as many with a warm one. The last
    empty folder is left in ``cache_root`` (``cache_dir``) for this process to load from."""
    empty: list[dict[str, Any]] = []
    for i in range(plan.cold_runs):
        run = cold_run(extra, str(cache_root / f"empty-{i}"))
        empty.append(run)
        log(
            f"  cold start, empty cache {i + 1}/{plan.cold_runs}: {run['total']:.3f} s "
            f"(load_dataset {run['load_dataset']:.3f}, yaml {run['yaml_parse']:.3f}, "
            f"validation {run['validation']:.3f}, index {run['matcher_build']:.3f}, "
            f"cache writes {run['cache_write']:.3f}), max RSS {run['max_rss_mb']:.1f} MB"
        )
    warm: list[dict[str, Any]] = []
    last = cache_root / f"empty-{plan.cold_runs - 1}"
    for i in range(plan.cold_runs):
        run = cold_run(extra, str(last))
        warm.append(run)
        log(
            f"  cold start, warm cache {i + 1}/{plan.cold_runs}: {run['total']:.3f} s "
            f"(load_dataset {run['load_dataset']:.3f}, index {run['matcher_build']:.3f})"
            f", max RSS {run['max_rss_mb']:.1f} MB"
        )
    return {
        "empty_cache": _summary(empty),
        "warm_cache": _summary(warm),
        "cache_supported": bool(empty[0]["_cache_used"]),
        "cache_dir": str(last),
    }
