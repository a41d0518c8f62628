"""Charts for a running bot: drawn in a worker thread, cached, warmed up in the background.

The event loop never draws: :meth:`ChartService.draw` hands the spec to one dedicated worker
thread (matplotlib's object API is safe there, and one worker keeps figures from competing
with each other for the interpreter) and awaits the result. Charts are kept by what they show —
the spec (occupation, place, every figure drawn) and the data fingerprint — so a popular chart
is drawn once. The same chart asked for twice while it is being drawn is drawn once.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor

from ..model import Money
from .specs import Chart, MapChart, OutlookChart, PayChart, Range, Spec
from .tiles import TILES

log = logging.getLogger(__name__)

CAPACITY = 512  # charts kept (≈ 50 KB each: ≤ 25 MB)

Key = tuple[str, Spec]


def render(spec: Spec) -> Chart:
    """Draw ``spec`` now, in this thread (imports the plotting library on first use)."""
    from .draw import draw

    return draw(spec)


def sample_specs() -> tuple[Spec, ...]:
    """One small chart of each kind, drawn at start-up so the first real one is warm."""
    r = Range(
        "Sample",
        Money(30_000),
        Money(40_000),
        Money(50_000),
        Money(60_000),
        Money(70_000),
        "#5865F2",
    )
    states = tuple((t.code, Money(40_000.0 + 500 * i)) for i, t in enumerate(TILES))
    return (
        PayChart("pay", "Yearly pay range", (r,), "sample"),
        MapChart("Mean yearly pay by state", "Sample", states, "TX", "sample"),
        OutlookChart(
            "Jobs and openings", "Sample", 2024, 2034, 1000, 1100, 10.0, 100, "#FEE75C", "sample"
        ),
    )


def _warm() -> float:
    """Seconds it took; a failure is logged (the bot answers without charts), never raised."""
    start = time.perf_counter()
    try:
        for spec in sample_specs():
            render(spec)
    except Exception as exc:  # noqa: BLE001 - any failure only means no pictures
        log.warning("Charts could not be warmed up: %s", exc)
        return -1.0
    gc.collect()
    gc.freeze()  # the plotting library's own objects live as long as the process
    seconds = time.perf_counter() - start
    log.info("Charts ready (warmed in %.2f s)", seconds)
    return seconds


class ChartService:
    """Draws charts off the event loop and keeps the most recent :data:`CAPACITY`."""

    def __init__(self, fingerprint: str, capacity: int = CAPACITY) -> None:
        self.fingerprint = fingerprint
        self.capacity = capacity
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts")
        self._cache: OrderedDict[Key, Chart] = OrderedDict()
        self._pending: dict[Key, asyncio.Future[Chart]] = {}
        self.warmed: Future[float] | None = None

    def warm(self) -> Future[float]:
        """Load the plotting library and draw one chart of each kind, in the worker thread."""
        if self.warmed is None:
            self.warmed = self._executor.submit(_warm)
        return self.warmed

    def cached(self, spec: Spec) -> Chart | None:
        chart = self._cache.get((self.fingerprint, spec))
        if chart is not None:
            self._cache.move_to_end((self.fingerprint, spec))
        return chart

    async def draw(self, spec: Spec) -> Chart:
        """The chart for ``spec``: from the cache, or drawn in the worker thread."""
        chart = self.cached(spec)
        if chart is not None:
            return chart
        key = (self.fingerprint, spec)
        pending = self._pending.get(key)
        if pending is None:
            loop = asyncio.get_running_loop()
            pending = asyncio.ensure_future(loop.run_in_executor(self._executor, render, spec))
            self._pending[key] = pending
            pending.add_done_callback(lambda done: self._finished(key, done))
        return await asyncio.shield(pending)

    def _finished(self, key: Key, done: asyncio.Future[Chart]) -> None:
        self._pending.pop(key, None)
        if done.cancelled() or done.exception() is not None:
            return
        self._cache[key] = done.result()
        while len(self._cache) > self.capacity:
            self._cache.popitem(last=False)

    def close(self) -> None:
        """Stop the worker (charts still queued are dropped)."""
        self._executor.shutdown(wait=False, cancel_futures=True)
