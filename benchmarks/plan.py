"""How much each section runs: the full run, and the quick smoke run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    cold_runs: int
    match_reps: int  # timed calls per query, uncached
    cached_reps: int  # timed calls per query, cache hits
    baseline_reps: int
    baseline_long_reps: int  # "long" queries cost the naive baseline seconds each (0: skip them)
    pairs: int  # compare pairs
    render_reps: int
    profiles: int  # professions for salary/profile rendering
    e2e_n: int  # timed interactions per command
    e2e_warmup: int
    e2e_gap: float  # seconds between interactions
    per_kind: int | None  # queries kept per kind (None: all)


FULL = Plan(
    cold_runs=5,
    match_reps=25,
    cached_reps=25,
    baseline_reps=2,
    baseline_long_reps=1,
    pairs=50,
    render_reps=20,
    profiles=100,
    e2e_n=200,
    e2e_warmup=10,
    e2e_gap=0.005,
    per_kind=None,
)
QUICK = Plan(
    cold_runs=1,
    match_reps=3,
    cached_reps=3,
    baseline_reps=1,
    baseline_long_reps=0,
    pairs=6,
    render_reps=3,
    profiles=6,
    e2e_n=3,
    e2e_warmup=1,
    e2e_gap=0.005,
    per_kind=2,
)

E2E_KINDS = ("compare", "salary", "autocomplete")  # what the real bot is sent end to end


def floor_kind(kind: str) -> str:
    """What the echo bot does that an end-to-end figure of the real bot is held against."""
    return "autocomplete" if kind == "autocomplete" else "slash"
