"""Smoke test of the benchmarks: ``python -m benchmarks --quick --skip-e2e`` runs and reports every
figure.

Benchmarks are not timed tests: only the presence and shape of the figures is checked here, never
the targets (those depend on the machine and on what else runs on it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.inputs import QUERIES, load_queries
from benchmarks.startup import COLD_KEYS

ROOT = Path(__file__).resolve().parents[2]
STATS = ("unit", "n", "median", "p90", "p99", "max", "mean")
RENDER = ("compare_view", "compare_payloads", "compare_total", "salary_total", "career_total")
E2E_KINDS = ("compare", "salary", "autocomplete")
TARGETS = {
    "suggest_p99",
    "resolve_p99",
    "compare_render_p99",
    "cold_start",
    "cold_start_warm",
    "memory",
    "e2e_compare_p99",
    "e2e_salary_p99",
    "e2e_autocomplete_p99",
}


def _measured(stats: dict[str, Any], where: str) -> None:
    assert set(STATS) <= stats.keys(), f"{where}: missing {set(STATS) - stats.keys()}"
    assert stats["n"] > 0, f"{where}: no samples"
    for key in ("median", "p90", "p99", "max", "mean"):
        assert isinstance(stats[key], int | float) and stats[key] >= 0, f"{where}.{key}"
    assert stats["median"] <= stats["p99"] <= stats["max"], where


def _shaped(stats: dict[str, Any], where: str) -> None:
    assert set(STATS) <= stats.keys(), f"{where}: missing {set(STATS) - stats.keys()}"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("bench") / "results.json"
    env = {k: v for k, v in os.environ.items() if k != "CAREER_BOT_DATA"}
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--skip-e2e", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "targets" in proc.stdout  # the table was printed
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


pytestmark = pytest.mark.slow_data


def test_top_level(results: dict[str, Any]) -> None:
    assert {
        "schema",
        "meta",
        "dataset",
        "cold_start",
        "suggest",
        "resolve",
        "baseline",
        "ratios",
        "render",
        "e2e",
        "targets",
        "errors",
    } <= results.keys()
    assert results["errors"] == []
    assert results["meta"]["mode"] == "quick"
    assert results["dataset"]["professions"] > 0 and results["dataset"]["aliases"] > 0


@pytest.mark.parametrize("regime", ["empty_cache", "warm_cache"])
def test_cold_start(results: dict[str, Any], regime: str) -> None:
    cold = results["cold_start"][regime]
    assert cold["runs"] >= 1 and len(cold["samples"]) == cold["runs"]
    for key in COLD_KEYS:
        _shaped(cold[key], f"cold_start.{regime}.{key}")
    for key in ("total", "interpreter", "imports", "load_dataset", "matcher_build", "max_rss_mb"):
        _measured(cold[key], f"cold_start.{regime}.{key}")
    assert cold["max_rss_mb"]["unit"] == "MB" and cold["total"]["unit"] == "s"


@pytest.mark.parametrize("name", ["suggest", "resolve"])
def test_matcher(results: dict[str, Any], name: str) -> None:
    for mode in ("uncached", "cached"):
        fig = results[name][mode]
        _measured(fig, f"{name}.{mode}")
        assert isinstance(fig["p99_of_query_medians"], float)
        assert fig["by_kind"] and fig["worst"]
        for kind, stats in fig["by_kind"].items():
            _measured(stats, f"{name}.{mode}.by_kind.{kind}")
        ratio = results["ratios"][f"{name}_{mode}"]
        assert ratio["median"] > 0 and ratio["p99"] > 0


def test_baseline(results: dict[str, Any]) -> None:
    base = results["baseline"]
    _measured(base, "baseline")
    assert base["choices"] > results["dataset"]["professions"]
    assert "process.extract" in base["call"]


def test_render(results: dict[str, Any]) -> None:
    for key in RENDER:
        _measured(results["render"][key], f"render.{key}")
    assert results["render"]["pairs"] > 0 and results["render"]["profiles"] > 0


def test_e2e_skipped_but_present(results: dict[str, Any]) -> None:
    e2e = results["e2e"]
    assert e2e["skipped"] is True and e2e["reason"]
    for kind in ("slash", "autocomplete"):
        _shaped(e2e["floor"][kind], f"e2e.floor.{kind}")
    for kind in E2E_KINDS:
        _shaped(e2e["bot"][kind], f"e2e.bot.{kind}")
        assert {"median", "p99"} <= e2e["over_floor"][kind].keys()
    assert {"ready_s", "rss_mb", "peak_rss_mb"} <= e2e["bot"].keys()


def test_targets(results: dict[str, Any]) -> None:
    targets = {t["key"]: t for t in results["targets"]}
    assert set(targets) == TARGETS
    for key, t in targets.items():
        assert {"label", "figure", "value", "limit", "unit", "pass"} <= t.keys()
        if key.startswith("e2e_"):
            assert t["pass"] is None  # skipped
        else:
            assert isinstance(t["value"], int | float) and isinstance(t["pass"], bool), key


def test_query_set() -> None:
    queries = load_queries(QUERIES)
    assert 150 <= len(queries) <= 300
    kinds = {q.kind for q in queries}
    assert {"prefix", "typo1", "typo2", "lay", "abbrev", "nonsense", "long", "unicode"} <= kinds
    assert any(len(q.text) >= 1000 for q in queries)
    assert any(not q.text.isascii() for q in queries)
    prefixes = {len(q.text) for q in queries if q.kind == "prefix"}
    assert prefixes == set(range(1, 13))
    # Significant spaces survive editors and whitespace hooks: they are written as \s.
    assert any(q.text != q.text.strip() for q in queries)
    assert not any(line.endswith((" ", "\t")) for line in QUERIES.read_text("utf-8").splitlines())
