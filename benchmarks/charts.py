"""Chart figures: ``python -m benchmarks.charts [--quick] [--json PATH]``.

- cold: a fresh process draws its first chart (plotting library imported, fonts loaded);
- warm: every kind of chart drawn again and again for a fixed sample of occupations (no
  cache: each call draws), as the bot's worker thread does; p50/p99 per kind;
- memory: resident memory after loading the data, then after the library is loaded and
  200 charts drawn (the difference is what charts cost a running bot);
- loop: autocomplete latency on the event loop alone, and while 20 charts are drawn;
- console: ``career-bot salary RN`` never imports the plotting library (and its time), and
  the same with ``--chart``.

Every figure goes to stdout as a table and to JSON (``benchmarks/results/charts.json``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bot.answers import Answers
from bot.charts import specs
from bot.charts.places import state_map
from bot.charts.service import ChartService
from bot.charts.specs import Spec

from .stats import loadavg, summarize

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE / "results" / "charts.json"
QUERIES = ["nur", "regis", "truck dr", "softw", "electr", "accoun", "teach", "plumb"]


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def sample(answers: Answers, n: int) -> dict[str, list[Spec]]:
    """Fixed sample of specs per kind (seeded): pay, compare, map, outlook."""
    rnd = random.Random(7)
    profs = rnd.sample(sorted(answers.dataset, key=lambda p: p.id), n)
    out: dict[str, list[Spec]] = {"pay": [], "compare": [], "map": [], "outlook": []}
    texas = answers.places.resolve("Texas").place  # the map's outlined state
    for i, p in enumerate(profs):
        found = {
            "pay": specs.salary_chart(p),
            "compare": specs.compare_chart(p, profs[(i + 1) % n]),
            "map": state_map(answers.places, p, answers.official(p), texas),
            "outlook": specs.outlook_chart(p),
        }
        for kind, spec in found.items():
            if spec is not None:
                out[kind].append(spec)
    return out


async def bench_warm(samples: dict[str, list[Spec]], rounds: int) -> dict[str, Any]:
    """Through the bot's own path (``ChartService.draw``: worker thread), with no cache."""
    charts = ChartService("bench", capacity=0)
    await asyncio.wrap_future(charts.warm())
    result: dict[str, Any] = {}
    every: list[float] = []
    for kind, kind_specs in samples.items():
        times, cpu, sizes = [], [], []
        for _ in range(rounds):
            for spec in kind_specs:
                t0, c0 = time.perf_counter(), time.process_time()
                chart = await charts.draw(spec)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                sizes.append(len(chart.png) / 1024)
        result[kind] = summarize(times) | {
            "cpu_median": round(sorted(cpu)[len(cpu) // 2], 2),
            "png_kb_median": round(sorted(sizes)[len(sizes) // 2], 1),
            "png_kb_max": round(max(sizes), 1),
        }
        every += times
    charts.close()
    result["all"] = summarize(every)
    return result


def bench_cold(runs: int) -> dict[str, Any]:
    """Seconds from a fresh interpreter to its first chart's PNG (import + fonts + draw)."""
    program = (
        "import time; t=time.perf_counter(); from bot.charts.service import render, "
        "sample_specs; render(sample_specs()[0]); print(time.perf_counter()-t)"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
        times.append(float(out.stdout.strip()) * 1000)
    return summarize(times)


async def _autocomplete(answers: Answers, stop: asyncio.Event) -> list[float]:
    latencies, i = [], 0
    while not stop.is_set():
        due = time.perf_counter()
        await asyncio.sleep(0)
        answers.matcher.suggest(QUERIES[i % len(QUERIES)] + "abcdefgh"[i % 8], limit=25)
        latencies.append((time.perf_counter() - due) * 1000)
        i += 1
        await asyncio.sleep(0.002)
    return latencies


async def _loop(answers: Answers, wanted: list[Spec]) -> dict[str, Any]:
    stop = asyncio.Event()
    alone = asyncio.create_task(_autocomplete(answers, stop))
    await asyncio.sleep(1.0)
    stop.set()
    quiet = await alone
    charts = ChartService("bench")
    charts.warm().result()
    stop = asyncio.Event()
    busy = asyncio.create_task(_autocomplete(answers, stop))
    t0 = time.perf_counter()
    await asyncio.gather(*(charts.draw(s) for s in wanted))
    drawn_in = time.perf_counter() - t0
    stop.set()
    during = await busy
    charts.close()
    return {
        "autocomplete_alone": summarize(quiet),
        "autocomplete_while_20_charts": summarize(during),
        "twenty_charts_s": round(drawn_in, 2),
    }


def _modules_and_time(*argv: str) -> tuple[bool, float]:
    program = (
        "import sys, time; t=time.perf_counter(); from bot.__main__ import main; "
        "main(sys.argv[1:]); d=time.perf_counter()-t; "
        "print('matplotlib' in sys.modules, d, file=sys.stderr)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", program, *argv], capture_output=True, text=True, cwd=tmp
        )
    imported, seconds = out.stderr.split()[-2:]
    return imported == "True", float(seconds)


def bench_console(runs: int) -> dict[str, Any]:
    plain = [_modules_and_time("salary", "RN") for _ in range(runs)]
    chart = [_modules_and_time("salary", "RN", "--chart", "x.png") for _ in range(runs)]
    return {
        "imports_plotting_without_chart": any(i for i, _ in plain),
        "imports_plotting_with_chart": all(i for i, _ in chart),
        "salary_s": summarize([s for _, s in plain], unit="s"),
        "salary_with_chart_s": summarize([s for _, s in chart], unit="s"),
    }


def measure(quick: bool) -> dict[str, Any]:
    results: dict[str, Any] = {"loadavg_start": loadavg()}
    answers = Answers.load()
    answers.places.warm()  # the place data (the map's figures) is the places' memory, not ours
    base = rss_mb()
    samples = sample(answers, 20 if quick else 100)
    results["warm"] = asyncio.run(bench_warm(samples, 1 if quick else 2))
    results["memory_mb"] = {
        "after_loading_data": round(base, 1),
        "with_charts": round(rss_mb(), 1),
        "increase": round(rss_mb() - base, 1),
    }
    wanted = (samples["pay"] + samples["outlook"])[:20]
    results["loop"] = asyncio.run(_loop(answers, wanted))
    results["cold"] = bench_cold(2 if quick else 5)
    results["console"] = bench_console(1 if quick else 3)
    results["loadavg_end"] = loadavg()
    return results


def _table(r: dict[str, Any]) -> str:
    lines = ["| figure | median | p99 |", "|---|---|---|"]
    for kind in ("pay", "compare", "map", "outlook", "all"):
        w = r["warm"][kind]
        size = f" (PNG ≤ {w['png_kb_max']:.0f} KB)" if "png_kb_max" in w else ""
        lines.append(f"| chart warm: {kind}{size} | {w['median']:.0f} ms | {w['p99']:.0f} ms |")
    c = r["cold"]
    lines.append(f"| chart cold (fresh process) | {c['median']:.0f} ms | {c['p99']:.0f} ms |")
    for key in ("autocomplete_alone", "autocomplete_while_20_charts"):
        s = r["loop"][key]
        lines.append(f"| {key.replace('_', ' ')} | {s['median']:.2f} ms | {s['p99']:.2f} ms |")
    m = r["memory_mb"]
    lines.append(f"| resident memory: data → with charts | {m['after_loading_data']} MB → "
                 f"{m['with_charts']} MB (+{m['increase']} MB) | |")  # fmt: skip
    k = r["console"]
    lines.append(f"| console imports the plotting library without --chart | "
                 f"{k['imports_plotting_without_chart']} | |")  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="chart benchmarks")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", default=str(DEFAULT_JSON))
    ns = parser.parse_args(argv)
    results = measure(ns.quick)
    print(_table(results))
    path = Path(ns.json)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
