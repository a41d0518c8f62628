"""Combine several result files of ``python -m benchmarks``: per figure, the median over the
runs of each run's median and p99, with the range of the p99s; targets judged on the combined p99.

    python -m benchmarks.combine run1.json run2.json run3.json [--json OUT]

On a shared 2-core machine one run's p99 can be moved by whatever else was running; the median
over a few runs is the figure to act on, and a wide p99 range says how noisy the machine was.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

from .report import dig, fmt  # the same figures and formatting as the run's table

FIGURES = [
    ("cold start, empty cache", "cold_start.empty_cache.total"),
    ("  YAML parse", "cold_start.empty_cache.yaml_parse"),
    ("  validation", "cold_start.empty_cache.validation"),
    ("  matcher index build", "cold_start.empty_cache.matcher_build"),
    ("  imports", "cold_start.empty_cache.imports"),
    ("  cache writes", "cold_start.empty_cache.cache_write"),
    ("cold start, warm cache", "cold_start.warm_cache.total"),
    ("  validation", "cold_start.warm_cache.validation"),
    ("  matcher index (from cache)", "cold_start.warm_cache.matcher_build"),
    ("  cache reads", "cold_start.warm_cache.cache_read"),
    ("  imports", "cold_start.warm_cache.imports"),
    ("max RSS after loading (empty cache)", "cold_start.empty_cache.max_rss_mb"),
    ("max RSS after loading (warm cache)", "cold_start.warm_cache.max_rss_mb"),
    ("suggest, uncached", "suggest.uncached"),
    ("  CPU time", "suggest.uncached.cpu"),
    ("suggest, cached", "suggest.cached"),
    ("resolve, uncached", "resolve.uncached"),
    ("  CPU time", "resolve.uncached.cpu"),
    ("resolve, cached", "resolve.cached"),
    ("naive baseline", "baseline"),
    ("compare (view)", "render.compare_view"),
    ("compare payloads", "render.compare_payloads"),
    ("compare + render", "render.compare_total"),
    ("  CPU time", "render.compare_total.cpu"),
    ("salary + render", "render.salary_total"),
    ("profile + render", "render.career_total"),
    ("e2e floor: echo /echo", "e2e.floor.slash"),
    ("e2e floor: echo autocomplete", "e2e.floor.autocomplete"),
    ("e2e /compare", "e2e.bot.compare"),
    ("e2e /salary", "e2e.bot.salary"),
    ("e2e autocomplete", "e2e.bot.autocomplete"),
]


def combine(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"runs": len(runs), "figures": {}, "targets": []}
    for _, path in FIGURES:
        stats = [s for s in (dig(r, path) for r in runs) if s and s.get("median") is not None]
        if not stats:
            out["figures"][path] = None
            continue
        p99s = [s["p99"] for s in stats]
        out["figures"][path] = {
            "unit": stats[0]["unit"],
            "runs": len(stats),
            "median": statistics.median(s["median"] for s in stats),
            "p99": statistics.median(p99s),
            "p99_min": min(p99s),
            "p99_max": max(p99s),
        }
    for target in runs[-1].get("targets", []):
        key, figure = target["key"], target["figure"]
        values = [v for v in (dig(r, figure) for r in runs) if v is not None]
        limits = [  # e2e: each run's own floor p99 + 5 ms
            t["limit"] for r in runs for t in r.get("targets", []) if t["key"] == key and t["limit"]
        ]
        value = statistics.median(values) if values else None
        limit = statistics.median(limits) if limits else None
        out["targets"].append(
            {
                "key": key,
                "label": target["label"],
                "value": value,
                "limit": limit,
                "unit": target["unit"],
                "pass": None if value is None or limit is None else value <= limit,
                "per_run": values,
            }
        )
    return out


def table(combined: dict[str, Any]) -> str:
    lines = [f"median over {combined['runs']} runs", ""]
    rows = []
    for label, path in FIGURES:
        f = combined["figures"][path]
        if f is None:
            rows.append((label, "—", "—", ""))
            continue
        u = f["unit"]
        rows.append(
            (
                label,
                fmt(f["median"], u),
                fmt(f["p99"], u),
                f"{fmt(f['p99_min'], u)} – {fmt(f['p99_max'], u)}",
            )
        )
    w = [
        max(len(r[i]) for r in rows + [("figure", "median", "p99", "p99 range")]) for i in range(4)
    ]
    lines.append(f"{'figure':<{w[0]}}  {'median':>{w[1]}}  {'p99':>{w[2]}}  p99 range over runs")
    lines += [f"{a:<{w[0]}}  {b:>{w[1]}}  {c:>{w[2]}}  {d}" for a, b, c, d in rows]
    lines += ["", "targets (on the medians over runs)"]
    for t in combined["targets"]:
        verdict = {True: "PASS", False: "FAIL", None: "n/a"}[t["pass"]]
        runs = ", ".join(fmt(v, t["unit"]) for v in t["per_run"])
        lines.append(
            f"  {verdict:4}  {t['label']}: {fmt(t['value'], t['unit'])} "
            f"(target ≤ {fmt(t['limit'], t['unit'])}; runs: {runs})"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, help="also write the combined figures here")
    ns = parser.parse_args()
    runs = [json.loads(p.read_text(encoding="utf-8")) for p in ns.files]
    combined = combine(runs)
    print(table(combined))
    if ns.json:
        ns.json.write_text(json.dumps(combined, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
