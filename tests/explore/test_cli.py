"""``career-bot top`` and ``career-bot explore`` in the console."""

from __future__ import annotations

import json

import pytest

from bot import __main__ as cli


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_top_pay_for_a_degree_in_a_field(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "top", "pay", "--education", "Bachelor's degree", "--field", "15")
    assert code == 0
    assert out.startswith("Highest pay · Bachelor's degree · Computer and Mathematical Occupations")
    assert "1. Software Developers — $" in out
    assert "Sources:" in out


@pytest.mark.parametrize("measure", ["pay", "growth", "openings", "jobs", "pay-for-education"])
def test_every_measure_answers_as_json(capsys: pytest.CaptureFixture[str], measure: str) -> None:
    code, out, _ = run(capsys, "top", measure, "--education", "hs", "--json")
    assert code == 0
    pages = json.loads(out)
    assert len(pages) >= 1 and pages[0]["embeds"][0]["fields"]


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [("--education", "astronaut school", "Bachelor's degree"), ("--field", "wizardry", "15 ")],
)
def test_unknown_filters_exit_2_and_list_the_choices(
    capsys: pytest.CaptureFixture[str], option: str, value: str, hint: str
) -> None:
    code, out, err = run(capsys, "top", "pay", option, value)
    assert code == 2 and not out
    assert value in err and hint in err


def test_explore_with_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explore", "registered nurse", "--pays-more")
    assert code == 0
    assert out.startswith("Careers like Registered Nurses")
    assert "that pay more" in out
    bullets = [line for line in out.splitlines() if line.startswith("  • ")]
    assert bullets and all("▲" in b and "▼" not in b for b in bullets)


def test_explore_unknown_name_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "explore", "xyzzy")
    assert code == 2 and "xyzzy" in err


def test_top_where_ranks_by_the_places_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "top", "jobs", "--where", "DFW", "--education", "hs")
    assert code == 0
    assert out.startswith("Most jobs in Dallas-Fort Worth-Arlington, TX · High school diploma")
    words = " ".join(out.split()).replace("- ", "-")  # as read, whatever the terminal's width
    assert "ranked by employment in Dallas-Fort Worth-Arlington, TX (BLS OEWS)" in words
    assert "BLS OEWS May 2025 — Dallas-Fort Worth-Arlington, TX" in words


def test_top_where_growth_says_it_is_national(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "top", "growth", "--where", "texas", "--json")
    assert code == 0
    (first, *_) = json.loads(out)
    embed = first["embeds"][0]
    assert embed["title"] == "1–10: Fastest growth in Texas"
    assert "growth and openings are national" in embed["description"]


def test_top_where_an_ambiguous_place_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "top", "pay", "--where", "Portland")
    assert code == 2 and not out
    assert "Portland-Vancouver-Hillsboro, OR-WA" in err
