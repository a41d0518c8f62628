"""Pay where you live: place lookups, location answers, start-up, memory and package size.

``python -m benchmarks.places [--base PATH]`` prints one JSON object. ``--base`` is a checkout of
the code before the place data (e.g. a worktree of the previous release) whose start-up and
memory are measured the same way, for the before/after figures.

- lookup: ``Places.ranked`` (figures + rank among peers) for random (occupation, area) pairs,
  first touch of each occupation's block (cold) and again (warm);
- resolve / autocomplete: ``Places.resolve`` over the evaluation places, ``Places.complete``
  per keystroke;
- rendering: sheet + every embed page of /salary, /compare and /career with ``where``;
- start-up and memory: a fresh process loading ``Answers`` (median of several), then its resident
  memory before and after the first location answer;
- package size: the bytes the place data and code add to an installed package.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PLACES_QUERIES = (
    *("texas", "TX", "Tex.", "california", "NYC", "LA", "SF", "DC", "Philly", "Vegas", "DFW"),
    *("Dallas", "Fort Worth", "Denver", "Seattle", "Portland", "Springfield", "Columbus"),
    *("Atlanta", "Boston", "Miami", "Chicago", "Houston", "Phoenix", "Dalas", "Pheonix"),
    *("Atlantis", "national", "US", "Guam", "PR"),
)

CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from bot.answers import Answers
answers = Answers.load(cache_dir=sys.argv[1])
loaded = time.perf_counter() - t0
def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
from bot.render.embeds import render_pages  # the bot has discord imported already
nurse = answers.matcher.resolve("registered nurse").profession
render_pages(answers.career(nurse))  # a national answer: no place data read
before = rss()
after = None
if hasattr(answers, "places"):
    place = answers.places.resolve("texas").place
    render_pages(answers.sheet("salary", [nurse], place))
    after = rss()
print(json.dumps({"startup_s": loaded, "rss_mb": before, "rss_after_place_mb": after}))
"""


def _percentiles(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {"median_ms": pick(0.5) * 1e3, "p99_ms": pick(0.99) * 1e3, "n": len(ordered)}


def _time(calls: Sequence[Callable[[], object]]) -> dict[str, Any]:
    """Wall-clock and CPU-time percentiles: on a shared machine the wall-clock p99 is mostly
    other processes' turns; the CPU time of this thread is what the code itself costs."""
    wall, cpu = [], []
    for call in calls:
        t, c = time.perf_counter(), time.thread_time()
        call()
        cpu.append(time.thread_time() - c)
        wall.append(time.perf_counter() - t)
    return {"wall": _percentiles(wall), "cpu": _percentiles(cpu)}


def _child(code_root: Path, cache: Path, runs: int) -> dict[str, Any]:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(cache)],
            cwd=code_root,
            env={"PYTHONPATH": str(code_root), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout))
    return {
        "startup_s": median(r["startup_s"] for r in results),
        "rss_mb": median(r["rss_mb"] for r in results),
        "rss_after_place_mb": results[-1]["rss_after_place_mb"],
    }


def _lookups(answers: Any, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    places = answers.places
    places.wages.table.block.cache_clear()
    places.wages._score_cache.clear()  # cold: neither the block nor its rankings decoded
    cold = _time([partial(places.ranked, s, p) for s, p in pairs])
    warm = _time([partial(places.ranked, s, p) for s, p in pairs])
    resolve = _time([partial(places.resolve, q) for q in PLACES_QUERIES * 20])
    keys = [q[:n] for q in PLACES_QUERIES for n in range(1, len(q) + 1)]
    complete = _time([partial(places.complete, k) for k in keys * 5])
    return {"lookup_cold": cold, "lookup_warm": warm, "resolve": resolve, "complete": complete}


def _rendering(answers: Any, pairs: list[tuple[Any, Any]], rng: random.Random) -> dict[str, Any]:
    from bot.comparison import Kind
    from bot.render.embeds import render_pages

    profs = [p for p, _ in pairs]
    out = {}
    for kind in (Kind.SALARY, Kind.COMPARE, Kind.CAREER):

        def one(p: Any, place: Any, kind: Kind = kind) -> None:
            group = [p, rng.choice(profs)] if kind is Kind.COMPARE else [p]
            render_pages(answers.where(kind, group, place))

        out[f"render_{kind.value}"] = _time([partial(one, p, pl) for p, pl in pairs])
    return out


def _package_bytes() -> dict[str, int]:
    data = sum((ROOT / "data" / f).stat().st_size for f in ("oews-areas.bin", "places.yaml"))
    code = sum(f.stat().st_size for f in (ROOT / "bot" / "places").glob("*.py"))
    code += (ROOT / "bot" / "comparison" / "builders" / "where.py").stat().st_size
    return {"data_bytes": data, "code_bytes": code, "total_bytes": data + code}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=Path, help="a checkout without the place data, for 'before'")
    ap.add_argument("--pairs", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bot.answers import Answers

    answers = Answers.load()
    rng = random.Random(11)
    profs = [p for p in answers.dataset if p.soc and not p.curated]
    areas = list(answers.places.all)
    pairs = [(rng.choice(profs), rng.choice(areas)) for _ in range(args.pairs)]
    report: dict[str, Any] = _lookups(answers, [(p.soc or "", a) for p, a in pairs])
    report.update(_rendering(answers, pairs[:500], rng))
    report["package"] = _package_bytes()
    cache = Path(subprocess.check_output(["mktemp", "-d"], text=True).strip())
    _child(ROOT, cache, 1)  # fill the start-up cache first: warm start-ups are measured
    report["after"] = _child(ROOT, cache, args.runs)
    if args.base is not None:
        base_cache = Path(subprocess.check_output(["mktemp", "-d"], text=True).strip())
        _child(args.base, base_cache, 1)
        report["before"] = _child(args.base, base_cache, args.runs)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
