"""The console: exit codes, text and --json shapes. Never a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import __main__ as cli
from bot import __version__
from bot.answers import Answers

from .conftest import MINI, ROOT
from .seed_figures import SEED_ROWS


@pytest.fixture(autouse=True)
def _mini(monkeypatch: pytest.MonkeyPatch, mini_answers: Answers) -> None:
    monkeypatch.setattr(cli, "_answers", lambda settings: mini_answers)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_seed_pair(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, err = run(capsys, "compare", "collections specialist", "loss mitigation specialist")
    assert code == 0 and err == ""
    for _, a, b in SEED_ROWS:
        assert a in out and b in out


def test_compare_json_is_one_payload_per_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", "colections specialist", "loss mitigation", "--json")
    payloads = json.loads(out)
    assert code == 0 or code == 2
    if code == 0:
        assert isinstance(payloads, list) and all(set(p) >= {"embeds"} for p in payloads)


def test_compare_json_exact(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", "RN", "LPN", "--json")
    assert code == 0
    payloads = json.loads(out)
    assert len(payloads) >= 2
    assert all(len(p["embeds"]) == 1 and p["embeds"][0]["title"] for p in payloads)


@pytest.mark.parametrize("command", ["salary", "career"])
def test_single_views(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "registered nurse")
    assert code == 0 and "Registered Nurses" in out
    code, out, _ = run(capsys, command, "registered nurse", "--json")
    (payload,) = json.loads(out)
    assert payload["embeds"][0]["title"].startswith("Registered Nurses")


def test_unknown_name_exit_2_friendly(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "salary", "xyzzy")
    assert code == 2 and out == ""
    assert "No profession matches “xyzzy”" in err and "Traceback" not in err


def test_ambiguous_name_lists_choices(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "salary", "driver")
    assert code == 2
    assert "could mean several professions" in err and "• " in err


def test_unresolved_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "career", "xyzzy", "--json")
    body = json.loads(out)
    assert code == 2 and body["status"] == "none" and "error" in body


def test_match_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "match", "--json", "RN", "xyzzy")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [x["query"] for x in lines] == ["RN", "xyzzy"]
    assert lines[0]["status"] == "exact"
    assert lines[0]["matches"][0] == {
        "id": "registered-nurses",
        "title": "Registered Nurses",
        "soc": "29-1141",
        "score": 100.0,
    }
    assert lines[1] == {"query": "xyzzy", "status": "none", "matches": []}
    assert code == 0


def test_match_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("RN\ndebt collector\n\n"))
    code, out, _ = run(capsys, "match", "--json", "-")
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 3
    assert lines[1]["matches"][0]["id"] == "bill-and-account-collectors"
    assert lines[2]["status"] == "none"


def test_match_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "match", "debt collector")
    assert code == 0 and "Bill and Account Collectors" in out and "Debt Collector" in out
    assert run(capsys, "match", "xyzzy")[0] == 2


def test_check_data_ok_and_broken(capsys: pytest.CaptureFixture[str]) -> None:
    broken = ROOT / "tests" / "fixtures" / "broken" / "negative-wage.yaml"
    code, _, err = run(capsys, "check-data", str(broken))
    assert code == 1
    assert "negative-wage.yaml" in err and "pay.annual_median" in err and "Traceback" not in err


def test_bad_setting_is_a_config_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_LEVEL", "LOUD")
    code, _, err = run(capsys, "salary", "RN")
    assert code == 1 and "LOG_LEVEL" in err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out
    assert run(capsys)[0] == 0


def test_module_entry_point_runs_from_another_folder(tmp_path: Path) -> None:
    env = {**os.environ, "CAREER_BOT_DATA": str(MINI)}
    env.pop("DISCORD_TOKEN", None)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "salary", "RN"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Registered Nurses" in proc.stdout
