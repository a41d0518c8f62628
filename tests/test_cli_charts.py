"""The console's --chart: the same pictures the bot attaches, written next to FILE.png; and
without --chart the plotting library is never imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import __main__ as cli
from bot.answers import Answers
from bot.charts.specs import Chart

from .charts.helpers import decode


@pytest.fixture(autouse=True)
def _shipped(monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers) -> None:
    monkeypatch.setattr(cli, "_answers", lambda settings: shipped_answers)


@pytest.mark.parametrize(
    ("argv", "files"),
    [
        (["salary", "RN"], ["out-map.png", "out-pay.png"]),
        (["career", "RN"], ["out-map.png", "out-outlook.png"]),
        (["salary", "RN", "--where", "texas"], ["out-map.png", "out-pay.png"]),
        (["compare", "RN", "LPN"], ["out-compare.png"]),
    ],
)
def test_chart_files_one_per_chart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], files: list[str]
) -> None:
    code = cli.main([*argv, "--chart", str(tmp_path / "out.png")])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Registered Nurses" in out  # the text answer is still printed
    assert sorted(p.name for p in tmp_path.iterdir()) == files
    for name in files:
        png = (tmp_path / name).read_bytes()
        assert f"Wrote {tmp_path / name}" in err
        assert png.startswith(b"\x89PNG")
        decode(Chart(name, png, *_size(png), ""))


def _size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_no_figures_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["salary", "actors", "--chart", str(tmp_path / "c.png")])  # hourly only
    assert code == 0
    assert "No chart" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_curated_profile_maps_its_official_occupation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["salary", "collections specialist", "--chart", str(tmp_path / "c.png")])
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["c-map.png"]
    assert "Map of mean yearly pay for Collections Specialist" in capsys.readouterr().err


def test_a_place_is_drawn_beside_the_nation_and_outlined_on_the_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["salary", "RN", "--where", "Dallas", "--chart", str(tmp_path / "d.png")])
    assert code == 0
    err = capsys.readouterr().err
    assert "Dallas area, TX: 10th percentile" in err and "United States: 10th" in err
    assert "Texas (outlined): $" in err


def _modules_after(tmp_path: Path, *argv: str) -> set[str]:
    program = (
        "import sys; from bot.__main__ import main; main(sys.argv[1:]); "
        "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", program, *argv],
        cwd=tmp_path,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return set(proc.stderr.split()[-400:])


def test_console_without_chart_never_imports_the_plotting_library(tmp_path: Path) -> None:
    for argv in (("salary", "RN"), ("compare", "RN", "LPN"), ("career", "RN")):
        assert "matplotlib" not in _modules_after(tmp_path, *argv)
    assert "matplotlib" in _modules_after(tmp_path, "salary", "RN", "--chart", "x.png")
