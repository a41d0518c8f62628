"""Views and rendering: ``Answers.compare`` / ``salary`` / ``career`` then ``message_payloads``
(what the Discord adapter sends), over fixed samples of professions."""

from __future__ import annotations

import gc
import json
import random
import time
from typing import Any

from bot.answers import Answers
from bot.model import Profession
from bot.render.embeds import message_payloads

from .inputs import log
from .plan import Plan
from .stats import GC, Samples, summarize

FIGURES = ("compare_view", "compare_payloads", "compare_total", "salary_total", "career_total")


def sample_pairs(answers: Answers, n: int) -> list[tuple[Profession, Profession]]:
    """Fixed sample: each curated profile with its closest official one, the most common jobs in
    pairs, then seeded random pairs over the ids in sorted order."""
    profs = sorted(answers.dataset.professions, key=lambda p: p.id)
    by_id = {p.id: p for p in profs}
    pairs: list[tuple[Profession, Profession]] = []
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


def sample_profiles(answers: Answers, n: int) -> list[Profession]:
    """Fixed sample: the curated profiles, then seeded random official ones."""
    profs = sorted(answers.dataset.professions, key=lambda p: p.id)
    curated = [p for p in profs if p.curated]
    rng = random.Random(99)
    rest = rng.sample(
        [p for p in profs if not p.curated], max(0, min(n, len(profs)) - len(curated))
    )
    return (curated + rest)[:n]


class _Timer:
    """Wall times per figure, with CPU/GC diagnostics for the totals."""

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {k: [] for k in FIGURES}
        self.diag = {k: Samples() for k in ("compare_total", "salary_total", "career_total")}

    def add(self, key: str, wall_ns: int, cpu_ns: int | None = None, gc_hit: bool = False) -> None:
        self.wall[key].append(wall_ns / 1e6)
        if cpu_ns is not None:
            self.diag[key].add(wall_ns, cpu_ns, gc_hit)

    def report(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: summarize(v) for k, v in self.wall.items()}
        for key, d in self.diag.items():
            out[key].update(d.diagnostics())
        return out


def _compare_round(
    answers: Answers, pairs: list[tuple[Profession, Profession]], order: list[int], t: _Timer
) -> list[list[dict[str, object]]]:
    clock, cpu = time.perf_counter_ns, time.thread_time_ns
    rendered = []
    for i in order:
        a, b = pairs[i]
        g0, c0 = GC.count, cpu()
        t0 = clock()
        view = answers.compare(a, b)
        t1 = clock()
        payloads = message_payloads(view)
        t2 = clock()
        c1 = cpu()
        t.add("compare_view", t1 - t0)
        t.add("compare_payloads", t2 - t1)
        t.add("compare_total", t2 - t0, c1 - c0, GC.count != g0)
        rendered.append(payloads)
    return rendered


def _single_round(
    answers: Answers, profiles: list[Profession], order: list[int], t: _Timer
) -> None:
    clock, cpu = time.perf_counter_ns, time.thread_time_ns
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
        t.add("salary_total", t1 - t0, c1 - c0, g1 != g0)
        t.add("career_total", t2 - t1, c2 - c1, GC.count != g1)


def bench_render(answers: Answers, plan: Plan) -> dict[str, Any]:
    pairs = sample_pairs(answers, plan.pairs)
    profiles = sample_profiles(answers, plan.profiles)
    rng = random.Random(777)
    log(f"  compare + render: {len(pairs)} pairs x {plan.render_reps}")
    gc.collect()
    t = _Timer()  # GC diagnostics count from here
    first: list[list[dict[str, object]]] = []
    for rep in range(plan.render_reps):
        order = list(range(len(pairs)))
        rng.shuffle(order)
        rendered = _compare_round(answers, pairs, order, t)
        if rep == 0:
            first = rendered
    log(f"  salary / profile + render: {len(profiles)} professions x {plan.render_reps}")
    for _ in range(plan.render_reps):
        order = list(range(len(profiles)))
        rng.shuffle(order)
        _single_round(answers, profiles, order, t)
    out = t.report()
    out["pairs"] = len(pairs)
    out["profiles"] = len(profiles)
    out["compare_pages"] = summarize([len(p) for p in first], "pages", 1)
    sizes = [len(json.dumps(p, ensure_ascii=False)) for p in first]
    out["compare_json_bytes"] = summarize(sizes, "bytes", 0)
    return out
