"""Statistics every figure shares: percentiles, and what tells a slow call from an interrupted
one (this thread's CPU time, cyclic-GC collections)."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); ``p`` in 0..100."""
    if not sorted_values:
        raise ValueError("no samples")
    if len(sorted_values) == 1:
        return float(sorted_values[0])
    k = (len(sorted_values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return float(sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo))


def summarize(values: Sequence[float], unit: str = "ms", digits: int = 4) -> dict[str, Any]:
    """n, median, p90, p99, max, mean of ``values`` (already in ``unit``)."""
    if not values:
        return empty_stats(unit)
    s = sorted(values)
    return {
        "unit": unit,
        "n": len(s),
        "median": round(percentile(s, 50), digits),
        "p90": round(percentile(s, 90), digits),
        "p99": round(percentile(s, 99), digits),
        "max": round(s[-1], digits),
        "mean": round(sum(s) / len(s), digits),
    }


def empty_stats(unit: str = "ms") -> dict[str, Any]:
    return {"unit": unit, "n": 0, **dict.fromkeys(("median", "p90", "p99", "max", "mean"))}


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


class GcMonitor:
    """Counts cyclic-GC collections and their pauses (``gc.callbacks``), for telling a slow call
    from one that a collection interrupted."""

    def __init__(self) -> None:
        self.count = 0
        self.by_gen = [0, 0, 0]
        self.pauses: list[float] = []  # ms
        self._start = 0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.perf_counter_ns()
            return
        self.count += 1
        self.by_gen[min(int(info.get("generation", 2)), 2)] += 1
        self.pauses.append((time.perf_counter_ns() - self._start) / 1e6)

    def snapshot(self) -> tuple[int, list[int], int]:
        return self.count, list(self.by_gen), len(self.pauses)

    def since(self, snap: tuple[int, list[int], int]) -> dict[str, Any]:
        _, gens, npause = snap
        pauses = self.pauses[npause:]
        return {
            "collections": {f"gen{g}": self.by_gen[g] - gens[g] for g in range(3)},
            "total_pause_ms": round(sum(pauses), 3),
            "max_pause_ms": round(max(pauses), 3) if pauses else 0.0,
        }


GC = GcMonitor()  # registered in gc.callbacks by run.main()


class Samples:
    """Wall time, this thread's CPU time and "a GC ran" for every timed call of a figure."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.gc_hit: list[bool] = []
        self._snap = GC.snapshot()

    def add(self, wall_ns: int, cpu_ns: int, gc_hit: bool) -> None:
        self.wall.append(wall_ns / 1e6)
        self.cpu.append(cpu_ns / 1e6)
        self.gc_hit.append(gc_hit)

    def diagnostics(self) -> dict[str, Any]:
        """``cpu``: the same figure in CPU time (a p99 far above it means the process was
        descheduled: another process had the core); ``descheduled``: calls whose wall time
        exceeds their CPU time by more than 0.5 ms; ``p99_without_gc``: the p99 of the calls no
        collection interrupted; ``gc``: collections and pauses during the figure."""
        clean = [w for w, hit in zip(self.wall, self.gc_hit, strict=True) if not hit]
        return {
            "cpu": summarize(self.cpu),
            "descheduled": sum(1 for w, c in zip(self.wall, self.cpu, strict=True) if w - c > 0.5),
            "calls_with_gc": len(self.wall) - len(clean),
            "p99_without_gc": round(percentile(sorted(clean), 99), 4) if clean else None,
            "gc": GC.since(self._snap),
        }
