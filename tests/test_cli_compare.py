"""`career-bot compare A B [C]`: two or three professions, as text and as Discord payloads."""

from __future__ import annotations

import json

import pytest

from bot import __main__ as cli
from bot.answers import Answers
from bot.exitcodes import ExitCode
from bot.render.embeds import TAGS


@pytest.fixture(autouse=True)
def _shipped(monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers) -> None:
    monkeypatch.setattr(cli, "_answers", lambda settings: shipped_answers)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_three_professions_as_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, err = run(capsys, "compare", "registered nurse", "electrician", "pharmacist")
    assert code == ExitCode.OK and err == ""
    assert out.startswith("Registered Nurses vs Electricians vs Pharmacists\n")
    for section in ("Summary", "What they do", "Pay", "Education", "Demographics"):
        assert f"\n{section}\n" in out
    headers = [line.split() for line in out.splitlines() if line.startswith(" " * 10)]
    assert ["Registered", "Nurses", "Electricians", "Pharmacists"] in headers


def test_three_professions_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "compare", "RN", "electrician", "pharmacist", "--json")
    assert code == ExitCode.OK
    pages = json.loads(out)
    assert len(pages) == 6
    for page in pages:
        (embed,) = page["embeds"]
        assert embed["title"].endswith("Registered Nurses vs Electricians vs Pharmacists")
        legend = embed["description"].split("\n")[:3]
        assert [line.split(" ", 1)[0] for line in legend] == list(TAGS)
        assert page["allowed_mentions"] == {"parse": []}


def test_three_professions_in_a_place(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("compare", "RN", "electrician", "pharmacist", "--where", "texas", "--json")
    code, out, _ = run(capsys, *argv)
    assert code == ExitCode.OK
    (page,) = json.loads(out)
    fields = {f["name"]: f["value"] for f in page["embeds"][0]["fields"]}
    assert fields["Average salary"].count("\n") == 2  # three columns
    assert "in Texas" in page["embeds"][0]["title"]


def test_a_repeated_profession_compares_the_other_two(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", "registered nurse", "electrician", "RN")
    assert code == ExitCode.OK
    assert "Registered Nurses is named twice: this compares it with Electricians." in err
    assert out.startswith("Registered Nurses vs Electricians\n")


def test_three_names_of_one_profession_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", "nurse", "RN", "registered nurse")
    assert code == ExitCode.NO_ANSWER and out == ""
    assert "are all the same profession (Registered Nurses)" in err


def test_an_unknown_third_name_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", "RN", "electrician", "xyzzy plugh qwv")
    assert code == ExitCode.NO_ANSWER and out == ""
    assert "No profession matches “xyzzy plugh qwv”" in err
