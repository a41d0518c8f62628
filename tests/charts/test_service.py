"""The chart service: drawn off the event loop, cached by what a chart shows, warmed up."""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from typing import Any

import pytest

from bot.answers import Answers
from bot.charts import service as service_mod
from bot.charts import specs
from bot.charts.service import ChartService, sample_specs
from bot.charts.specs import Chart, Spec
from bot.dataset import Dataset

from .helpers import decode

CHARTS_IN_FLIGHT = 20
AUTOCOMPLETE_P99_BUDGET = 0.050  # s: far below Discord's 3 s, far above a blocked loop's gaps


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record which thread draws each chart."""
    threads: list[str] = []
    real = service_mod.render

    def draw(spec: Spec) -> Chart:
        threads.append(threading.current_thread().name)
        return real(spec)

    monkeypatch.setattr(service_mod, "render", draw)
    return threads


async def test_drawn_in_the_worker_thread_once_then_cached(
    monkeypatch: pytest.MonkeyPatch, mini: Dataset
) -> None:
    threads = _counting(monkeypatch)
    charts = ChartService(mini.fingerprint)
    spec = sample_specs()[0]
    try:
        first, second = await asyncio.gather(charts.draw(spec), charts.draw(spec))
        again = await charts.draw(spec)
    finally:
        charts.close()
    assert first is second is again
    assert len(threads) == 1 and threads[0].startswith("charts")
    assert charts.cached(spec) is first
    decode(first)


async def test_cache_key_includes_the_data_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    threads = _counting(monkeypatch)
    spec = sample_specs()[2]
    old, new = ChartService("old-data"), ChartService("new-data")
    try:
        await old.draw(spec)
        await new.draw(spec)
    finally:
        old.close()
        new.close()
    assert len(threads) == 2


async def test_cache_keeps_the_most_recent(mini: Dataset) -> None:
    charts = ChartService(mini.fingerprint, capacity=2)
    a, b, c = sample_specs()
    try:
        for spec in (a, b, c):
            await charts.draw(spec)
    finally:
        charts.close()
    assert charts.cached(a) is None and charts.cached(c) is not None


async def test_a_failed_drawing_is_not_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(spec: Spec) -> Chart:
        raise RuntimeError("no ink")

    monkeypatch.setattr(service_mod, "render", broken)
    charts = ChartService("x")
    try:
        with pytest.raises(RuntimeError):
            await charts.draw(sample_specs()[0])
    finally:
        charts.close()
    assert charts.cached(sample_specs()[0]) is None


def test_warm_draws_every_kind_in_the_background(caplog: pytest.LogCaptureFixture) -> None:
    charts = ChartService("x")
    caplog.set_level("INFO", logger="bot.charts.service")
    try:
        seconds = charts.warm().result(timeout=60)
        assert charts.warm() is charts.warmed  # once
    finally:
        charts.close()
    assert seconds > 0
    assert any("Charts ready" in r.getMessage() for r in caplog.records)


async def _autocomplete_latencies(answers: Answers, stop: asyncio.Event) -> list[float]:
    """Autocomplete as the bot runs it (on the loop), timed from when it was due."""
    queries = ["nur", "regis", "truck dr", "softw", "electr", "accoun", "teach", "plumb"]
    latencies: list[float] = []
    i = 0
    while not stop.is_set():
        due = time.perf_counter()
        await asyncio.sleep(0)  # let the loop run whatever is ready, as between interactions
        answers.matcher.suggest(queries[i % len(queries)] + "abcdefgh"[i % 8], limit=25)
        latencies.append(time.perf_counter() - due)
        i += 1
        await asyncio.sleep(0.002)
    return latencies


async def test_autocomplete_keeps_its_latency_while_20_charts_are_drawn(
    shipped_answers: Answers,
) -> None:
    """The loop never waits for a chart: autocomplete runs between the worker's slices."""
    people = list(shipped_answers.dataset)[:CHARTS_IN_FLIGHT]
    wanted: list[Any] = [specs.salary_chart(p) or specs.outlook_chart(p) for p in people]
    charts = ChartService(shipped_answers.dataset.fingerprint)
    charts.warm().result(timeout=60)
    stop = asyncio.Event()
    timer = asyncio.create_task(_autocomplete_latencies(shipped_answers, stop))
    try:
        drawn = await asyncio.gather(*(charts.draw(s) for s in wanted if s is not None))
    finally:
        stop.set()
        charts.close()
    latencies = sorted(await timer)
    assert len(drawn) >= CHARTS_IN_FLIGHT - 2
    assert len(latencies) >= 20, "autocomplete kept running while the charts were drawn"
    p99 = latencies[int(0.99 * (len(latencies) - 1))]
    assert p99 <= AUTOCOMPLETE_P99_BUDGET, (p99, statistics.median(latencies))
