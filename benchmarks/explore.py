"""Lists and likenesses: ``python -m benchmarks.explore [--rounds N] [--json PATH]``.

- first use: building the rankings (every occupation ranked by each measure) and the ratings
  index (skills and knowledge) the first time a list or an explore answer is asked; nothing of
  it runs at start-up;
- first use of lists by place: decoding every occupation's pay and jobs in every area into two
  matrices (once), and ranking one place's occupations (once per place, 32 places kept);
- warm: every measure × every entry-education filter × no field and five fields (the sheet
  built from scratch each time, no cache), the same for 20 places (10 states, 10 metro areas;
  ``top_where``), and explore for a fixed sample of occupations with each filter; p50/p99 per
  kind, against the 5 ms budget.

Figures go to stdout as a table and to JSON (``benchmarks/results/explore.json``).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

from bot import explore
from bot.answers import Answers
from bot.places import Place, PlaceKind
from bot.ratings import load_ratings

from .stats import summarize

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE / "results" / "explore.json"
FIELDS = ("15", "29", "47", "35", "11")
BUDGET_MS = 5.0


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def first_use(answers: Answers) -> dict[str, float]:
    t = time.perf_counter()
    explore.Rankings(answers.dataset.professions)
    rankings = _ms(t)
    t = time.perf_counter()
    explore.Similarity(answers.dataset.professions, load_ratings())
    similarity = _ms(t)
    answers.places.warm()
    t = time.perf_counter()
    answers.area_columns  # noqa: B018 - built on first use: that is what is timed
    columns = _ms(t)
    t = time.perf_counter()
    answers.place_rankings(_places(answers)[0])
    return {
        "rankings_ms": round(rankings, 2),
        "similarity_ms": round(similarity, 2),
        "area_columns_ms": round(columns, 2),
        "place_rankings_ms": round(_ms(t), 2),
    }


def _places(answers: Answers) -> list[Place]:
    """The 10 states and 10 metro areas with the most jobs."""
    by_size = sorted(answers.places.all, key=lambda p: -p.employment)
    states = [p for p in by_size if p.kind is PlaceKind.STATE][:10]
    metros = [p for p in by_size if p.kind is PlaceKind.METRO and not p.nonmetro][:10]
    return states + metros


def _timed(times: list[float], cpu: list[float], call: Any, *args: Any) -> None:
    t, c = time.perf_counter(), time.thread_time()
    call(*args)
    cpu.append((time.thread_time() - c) * 1000)
    times.append(_ms(t))


def lists(answers: Answers, rounds: int) -> tuple[list[float], list[float]]:
    fields = [None, *(explore.find_field(code, answers.fields) for code in FIELDS)]
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for measure in explore.Measure:
            for education in (None, *explore.EDUCATION_LEVELS):
                for field in fields:
                    _timed(times, cpu, answers.top, measure, education, field)
    return times, cpu


def lists_where(answers: Answers, rounds: int) -> tuple[list[float], list[float]]:
    fields = [None, *(explore.find_field(code, answers.fields) for code in FIELDS)]
    places = _places(answers)
    for place in places:  # warm: each place's rankings built once
        answers.top(explore.Measure.PAY, place=place)
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for place in places:
            for measure in explore.Measure:
                for education in (None, *explore.EDUCATION_LEVELS):
                    for field in fields:
                        _timed(times, cpu, answers.top, measure, education, field, place)
    return times, cpu


def likenesses(answers: Answers, rounds: int) -> tuple[list[float], list[float]]:
    rnd = random.Random(7)
    people = rnd.sample(sorted(explore.lists.listed(answers.dataset), key=lambda p: p.id), 100)
    filters = [
        explore.Filters(),
        explore.Filters(pays_more=True),
        explore.Filters(True, True, True),
    ]
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for p in people:
            for f in filters:
                _timed(times, cpu, answers.explore, p, f)
    return times, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = ap.parse_args(argv)
    answers = Answers.load()
    result: dict[str, Any] = {"first_use": first_use(answers)}
    answers.top(explore.Measure.PAY)  # warm: rankings and the ratings index built once
    answers.explore(next(iter(explore.lists.listed(answers.dataset))))
    for kind, run in (("top", lists), ("top_where", lists_where), ("explore", likenesses)):
        wall, cpu = run(answers, args.rounds)
        result[kind], result[kind + "_cpu"] = summarize(wall), summarize(cpu)
    first = result["first_use"]
    print(
        f"first use: rankings {first['rankings_ms']} ms, "
        f"ratings index {first['similarity_ms']} ms, "
        f"place figures {first['area_columns_ms']} ms, one place's rankings "
        f"{first['place_rankings_ms']} ms"
    )
    for kind in ("top", "top_where", "explore"):
        s, c = result[kind], result[kind + "_cpu"]
        ok = "✅" if s["p99"] <= BUDGET_MS else "❌"
        print(
            f"{kind:8} n={s['n']:5}  median {s['median']:.3f} ms  p99 {s['p99']:.3f} ms  "
            f"(CPU time p99 {c['p99']:.3f} ms; budget p99 ≤ {BUDGET_MS} ms {ok})"
        )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
