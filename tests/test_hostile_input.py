"""Hostile input, property-based: any string gets a valid answer or a friendly error."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import __main__ as cli
from bot import messages
from bot.answers import Answers
from bot.matching import Status, normalize
from bot.render import limits

NASTY = [
    "",
    " ",
    "\t\n",
    "x" * 6000,
    "👩‍⚕️👨‍👩‍👧‍👦",
    "nurse\u200b\u200d",
    "\u202eesrun",  # right-to-left override
    "ممرضة",
    "\x00\x01\x1b[31m",
    "ｎｕｒｓｅ",
    "**bold** __under__ ~~strike~~ ||spoiler|| `code`",
    "```py\nprint(1)\n```",
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@&123456789012345678>",
    "<#123456789012345678>",
    "[click](https://example.com)",
    "\\",
    "nurse" * 1000,
]

any_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY + ["nurse", "RN", "debt", " "]), max_size=8).map("".join),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=any_text)
def test_matcher_never_raises(mini_answers: Answers, query: str) -> None:
    res = mini_answers.matcher.resolve(query)
    assert res.status in Status
    if res.status in (Status.EXACT, Status.MATCH):
        assert res.profession is not None
    for s in mini_answers.matcher.suggest(query):
        assert 1 <= len(s.label) <= limits.CHOICE_NAME and 1 <= len(s.id) <= limits.CHOICE_VALUE
    assert len(normalize(query)) <= 100


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=any_text)
def test_unresolved_messages_are_short_and_quote_safely(mini_answers: Answers, query: str) -> None:
    res = mini_answers.matcher.resolve(query)
    if res.profession is None:
        text = messages.unresolved(res)
        assert 0 < len(text) <= 600
        assert "\n" not in text


@pytest.mark.parametrize("query", NASTY)
def test_cli_never_tracebacks(
    query: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    mini_answers: Answers,
) -> None:
    monkeypatch.setattr(cli, "_answers", lambda settings: mini_answers)
    for argv in (
        ["salary", query],
        ["compare", query, "RN"],
        ["career", query, "--json"],
        ["match", "--json", query],
    ):
        code = cli.main(argv)
        out, err = capsys.readouterr()
        assert code in (0, 2), (argv, err)
        assert "Traceback" not in out + err
        if "--json" in argv and out.strip():
            for line in out.strip().splitlines() if argv[0] == "match" else [out]:
                json.loads(line)
