"""`career-bot places` and the place checks of `career-bot check-data`."""

from __future__ import annotations

import json

import pytest

from bot.__main__ import main
from bot.exitcodes import ExitCode


def test_places_prints_each_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", "texas", "Portland", "Atlantis"]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "'texas': found\n  Texas  [state 4800000]" in out
    assert "• Portland-Vancouver-Hillsboro, OR-WA  [metro area 0038900]" in out
    assert "• Atlanta-Sandy Springs-Roswell, GA" in out


@pytest.mark.parametrize("query", ["Springfield", "Atlantis"])
def test_one_unresolved_place_exits_2_with_full_names(
    query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["places", "--json", query]) == ExitCode.NO_ANSWER
    body = json.loads(capsys.readouterr().out)
    assert body["place"] is None and body["candidates"]
    assert all(", " in c["name"] for c in body["candidates"])  # "Springfield, IL"…


def test_places_json_one_line_per_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["places", "--json", "NYC", "tx"]) == ExitCode.OK
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["place"]["name"] for line in lines] == [
        "New York-Newark-Jersey City, NY-NJ",
        "Texas",
    ]


def test_check_data_checks_the_places(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-data"]) == ExitCode.OK
    assert "54 states and territories, 528 metro and nonmetro areas" in capsys.readouterr().out


def test_where_answers_for_that_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["salary", "registered nurse", "--where", "tx"]) == ExitCode.OK
    out = capsys.readouterr().out
    assert "Registered Nurses: pay in Texas" in out and "national ($" in out
    assert main(["compare", "registered nurse", "software developer", "--where", "NYC"]) == 0
    assert "in New York-Newark-Jersey City, NY-NJ" in capsys.readouterr().out
    assert main(["career", "software developer", "--where", "Seattle", "--json"]) == ExitCode.OK
    assert "Pay in Seattle-Tacoma-Bellevue, WA" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("where", "names"),
    [
        (
            "Springfield",
            ["Springfield, IL", "Springfield, MA", "Springfield, MO", "Springfield, OH"],
        ),
        ("Atlantis", ["Atlanta-Sandy Springs-Roswell, GA"]),
    ],
)
def test_where_unsure_exits_2_naming_full_areas(
    where: str, names: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["salary", "registered nurse", "--where", where]) == ExitCode.NO_ANSWER
    err = capsys.readouterr().err
    assert all(name in err for name in names)
    assert main(["salary", "registered nurse", "--where", where, "--json"]) == ExitCode.NO_ANSWER
    body = json.loads(capsys.readouterr().out)
    assert body["error"] and {c["name"] for c in body["candidates"]} >= set(names)


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("nurse in texas", "Registered Nurses: pay in Texas"),
        ("plumber, Denver", "pay in Denver-Aurora-Centennial, CO"),
        ("electrician tx", "Electricians: pay in Texas"),
    ],
)
def test_a_place_in_the_question_answers_for_it(
    question: str, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["salary", question]) == ExitCode.OK
    assert title in capsys.readouterr().out
