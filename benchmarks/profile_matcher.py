"""Profile what the benchmark measures, with pyinstrument (a dev tool the benchmarks do not need).

    python -m benchmarks.profile_matcher suggest [--kind typo2 ...] [--worst 20] [--reps 20]
    python -m benchmarks.profile_matcher resolve [--kind ...] [--worst N]
    python -m benchmarks.profile_matcher render          # compare + message_payloads
    python -m benchmarks.profile_matcher load            # Answers.load() without the cache
    python -m benchmarks.profile_matcher load --cache-dir DIR    # ... a restart, warm cache

``suggest``/``resolve`` run the queries of queries.txt uncached (caches cleared before every
call, as the benchmark does), ``--reps`` times; ``--kind`` keeps some kinds, ``--worst N`` first
times every query once and keeps the N slowest (what makes the p99). ``--cache-dir`` loads the data
through a start-up cache folder (faster; filled on first use). Prints pyinstrument's text
report; ``--html PATH`` writes the interactive one too.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.answers import Answers

from .inputs import extra_layers, load_answers, load_queries, short
from .render import sample_pairs


def _answers(cache_dir: str | None) -> Answers:
    return load_answers(extra_layers(), cache_dir)


def _calls(answers: Answers, what: str) -> tuple[Callable[[str], Any], Callable[[], None]]:
    m = answers.matcher
    if what == "suggest":
        return (lambda q: m.suggest(q, 25)), m.clear_caches
    return m.resolve, m.clear_caches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["suggest", "resolve", "render", "load"])
    parser.add_argument("--kind", action="append", help="query kinds to keep (repeatable)")
    parser.add_argument("--worst", type=int, help="keep the N slowest queries")
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--cache-dir", help="start-up cache folder for loading the data")
    parser.add_argument("--interval", type=float, default=0.0001, help="sampling interval, s")
    parser.add_argument("--html", help="also write pyinstrument's HTML report here")
    ns = parser.parse_args()
    from pyinstrument import Profiler

    profiler = Profiler(interval=ns.interval)
    if ns.what == "load":
        import bot.answers  # noqa: F401  (imports are not what is profiled)

        if ns.cache_dir:  # profile a restart: the cache is filled first, unprofiled
            load_answers(extra_layers(), ns.cache_dir)
        profiler.start()
        load_answers(extra_layers(), ns.cache_dir)
        profiler.stop()
    elif ns.what == "render":
        from bot.render.embeds import message_payloads

        answers = _answers(ns.cache_dir)
        pairs = sample_pairs(answers, 50)
        profiler.start()
        for _ in range(ns.reps):
            for a, b in pairs:
                message_payloads(answers.compare(a, b))
        profiler.stop()
    else:
        answers = _answers(ns.cache_dir)
        queries = load_queries()
        if ns.kind:
            queries = [q for q in queries if q.kind in ns.kind]
        call, clear = _calls(answers, ns.what)
        if ns.worst:
            timed = []
            for q in queries:
                best = float("inf")
                for _ in range(3):
                    clear()
                    t0 = time.perf_counter()
                    call(q.text)
                    best = min(best, time.perf_counter() - t0)
                timed.append((best, q))
            timed.sort(key=lambda x: x[0], reverse=True)
            queries = [q for _, q in timed[: ns.worst]]
            for t, q in timed[: ns.worst]:
                print(f"{t * 1000:8.3f} ms  {q.kind:9} {short(q.text, 60)}")
        profiler.start()
        for _ in range(ns.reps):
            for q in queries:
                clear()
                call(q.text)
        profiler.stop()
    print(profiler.output_text(unicode=True, color=False))
    if ns.html:
        Path(ns.html).write_text(profiler.output_html(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
