"""The targets, and the table ``run`` prints (``combine`` formats numbers the same way)."""

from __future__ import annotations

from typing import Any

from .plan import E2E_KINDS, floor_kind

# Targets on a 2-core machine: (key, figure in the results, limit, unit, label)
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


def dig(results: dict[str, Any], path: str) -> Any:
    """``results["a"]["b"]["c"]`` for ``"a.b.c"``; None when any part is missing."""
    node: Any = results
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _target(
    key: str, label: str, figure: str, value: Any, limit: float | None, unit: str
) -> dict[str, Any]:
    passed = None if value is None or limit is None else value <= limit
    return {
        "key": key,
        "label": label,
        "figure": figure,
        "value": value,
        "limit": limit,
        "unit": unit,
        "pass": passed,
    }


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    targets = [
        _target(key, label, path, dig(results, path), limit, unit)
        for key, path, limit, unit, label in TARGETS
    ]
    e2e = results.get("e2e") or {}
    for kind in E2E_KINDS:
        floor = dig(e2e, f"floor.{floor_kind(kind)}.p99")
        limit = None if floor is None else round(floor + E2E_TARGET_MS, 3)
        what = "autocomplete" if kind == "autocomplete" else f"/{kind}"
        figure = f"e2e.bot.{kind}.p99"
        label = f"end to end {what} p99"
        targets.append(
            _target(f"e2e_{kind}_p99", label, figure, dig(e2e, f"bot.{kind}.p99"), limit, "ms")
        )
    return targets


def fmt(value: Any, unit: str = "ms") -> str:
    """A figure for the table: ``—`` when not measured."""
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
            f" p99 without them {fmt(fig['p99_without_gc'])}"
        )
    return note


Row = tuple[str, str, str, str]


class _Rows:
    def __init__(self) -> None:
        self.rows: list[Row] = []

    def add(self, label: str, stats: dict[str, Any] | None, note: str = "") -> None:
        stats = stats or {}
        unit = stats.get("unit", "ms")
        self.rows.append((label, fmt(stats.get("median"), unit), fmt(stats.get("p99"), unit), note))

    def raw(self, label: str, median: str, p99: str = "", note: str = "") -> None:
        self.rows.append((label, median, p99, note))

    def section(self, title: str) -> None:
        self.rows.append((f"— {title}", "", "", ""))


def _cold_rows(t: _Rows, cs: dict[str, Any]) -> None:
    for regime, title in (("empty_cache", "empty start-up cache"), ("warm_cache", "warm cache")):
        c = cs[regime]
        t.section(f"cold start, {title} ({c['runs']} fresh processes)")
        t.add("process start → index built", c["total"])
        t.add("  interpreter start-up", c["interpreter"])
        t.add("  imports (bot.answers: yaml, rapidfuzz, ...)", c["imports"])
        t.add("  load_dataset", c["load_dataset"])
        t.add("    YAML parse (yaml.load)", c["yaml_parse"])
        t.add("    validation (per entry)", c["validation"])
        t.add("    link checks", c["link_checks"])
        t.add("    other: file reads, hashing, cache", c["load_other"])
        t.add("  matcher index (build or cache load)", c["matcher_build"])
        t.add("  start-up cache reads (marshal)", c["cache_read"])
        t.add("  start-up cache writes (marshal)", c["cache_write"])
        t.add("max RSS after loading", c["max_rss_mb"])
        t.add("  RSS after imports only", c["rss_imported_mb"])


def _matcher_rows(t: _Rows, results: dict[str, Any]) -> None:
    r = results["ratios"]
    for name, label in (("suggest", "autocomplete (suggest)"), ("resolve", "resolve")):
        fig = results[name]
        t.section(f"{label}, {fig['uncached']['n']} calls")
        t.add("uncached", fig["uncached"], _ratio(r.get(f"{name}_uncached")))
        t.raw("  p99 of per-query medians", fmt(fig["uncached"]["p99_of_query_medians"]))
        t.add("  uncached, CPU time", fig["uncached"]["cpu"], _gc_note(fig["uncached"]))
        t.add("cached (repeat query)", fig["cached"])
        for kind, st in fig["uncached"]["by_kind"].items():
            t.add(f"  uncached, {kind}", st)
    b = results["baseline"]
    t.section(f"naive baseline: process.extract(WRatio) over {b['choices']:,} names")
    t.add("per call", b)


def _render_rows(t: _Rows, rd: dict[str, Any]) -> None:
    t.section(f"rendering ({rd['pairs']} pairs, {rd['profiles']} professions)")
    t.add("compare (view model)", rd["compare_view"])
    t.add("compare payloads (render)", rd["compare_payloads"])
    t.add("compare + render", rd["compare_total"])
    t.add("  compare + render, CPU time", rd["compare_total"]["cpu"], _gc_note(rd["compare_total"]))
    t.add("salary + render", rd["salary_total"])
    t.add("profile (/career) + render", rd["career_total"])


def _e2e_rows(t: _Rows, e: dict[str, Any]) -> None:
    if e["skipped"]:
        t.section(f"end to end: skipped ({e['reason']})")
        return
    t.section(f"end to end via the fake Discord ({e['interactions']} per command)")
    t.add("floor: echo bot /echo", e["floor"]["slash"])
    t.add("floor: echo bot autocomplete", e["floor"]["autocomplete"])
    for kind in E2E_KINDS:
        of = e["over_floor"][kind]
        note = f"+{of['p99']:.2f} ms p99 over floor" if of["p99"] is not None else ""
        t.add(f"career-bot {kind}", e["bot"][kind], note)
    ready = (fmt(e["floor"]["ready_s"], "s"), fmt(e["bot"]["ready_s"], "s"))
    t.raw("ready after start: echo / career-bot", *ready)
    rss = (fmt(e["bot"]["rss_mb"], "MB"), fmt(e["bot"]["peak_rss_mb"], "MB"))
    t.raw("career-bot process RSS / peak", *rss)


def table(results: dict[str, Any]) -> str:
    """Every figure (median, p99, notes), then the targets."""
    t = _Rows()
    _cold_rows(t, results["cold_start"])
    _matcher_rows(t, results)
    _render_rows(t, results["render"])
    _e2e_rows(t, results["e2e"])
    w = [max(len(r[i]) for r in t.rows) for i in range(3)]
    lines = [f"{'figure':<{w[0]}}  {'median':>{w[1]}}  {'p99':>{w[2]}}  notes"]
    lines.append("-" * (w[0] + w[1] + w[2] + 11))
    for label, med, p99, note in t.rows:
        if label.startswith("— "):
            lines.append(label)
            continue
        lines.append(f"{label:<{w[0]}}  {med:>{w[1]}}  {p99:>{w[2]}}  {note}".rstrip())
    lines.append("")
    lines.append("targets (2 cores)")
    for tg in results["targets"]:
        verdict = {True: "PASS", False: "FAIL", None: "n/a"}[tg["pass"]]
        lines.append(
            f"  {verdict:4}  {tg['label']}: {fmt(tg['value'], tg['unit'])} "
            f"(target ≤ {fmt(tg['limit'], tg['unit'])})"
        )
    return "\n".join(lines)
