"""Forged interactions: select values that are no option, option values that are not text, and
text with control or bidirectional-override characters: a polite answer, no ERROR, nothing raw."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from discord import app_commands

from bot.answers import Answers
from bot.discord.cogs import CareerCog
from bot.discord.cogs.career import _ProfessionText
from bot.discord.common import escape
from bot.discord.components import NOT_AN_OPTION

from .mocks import autocomplete, call, make_client, message_of, press, sent


@pytest.mark.parametrize("values", [["11-1011"], ["x" * 200], [], [7]])
async def test_a_forged_select_value_is_answered_politely(
    interaction: Any,
    career_cog: CareerCog,
    mini_answers: Answers,
    values: list[Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    asked = interaction()
    await call(career_cog.salary, asked, "loss prevention")
    kwargs = sent(asked.response.send_message)
    (select,) = kwargs["view"].children
    with caplog.at_level(logging.INFO):
        forged = await press(
            mini_answers, career_cog, message_of(kwargs), select.custom_id, values=values
        )
    body = sent(forged.response.send_message)
    assert body["ephemeral"] is True and body["content"] == NOT_AN_OPTION
    forged.followup.send.assert_not_called()  # no answer
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("value", [12345, 1.5, True, None, ["nurse"], {"a": 1}])
async def test_an_option_value_that_is_not_text_is_refused(value: Any) -> None:
    with pytest.raises(app_commands.TransformerError):
        await _ProfessionText().transform(None, value)  # type: ignore[arg-type]
    assert await _ProfessionText().transform(None, "nurse") == "nurse"  # type: ignore[arg-type]


async def test_autocomplete_with_a_value_that_is_not_text(mini_answers: Answers) -> None:
    from bot.discord.cogs import CareerCog

    cog = CareerCog(mini_answers)
    inter: Any = object()
    assert await autocomplete(cog, inter, 12345) == await autocomplete(cog, inter, "")  # type: ignore[arg-type]


def test_the_registered_option_is_still_text_of_1_to_100(mini_answers: Answers) -> None:
    tree = make_client(mini_answers).tree
    command = tree.get_command("salary")
    option = command.to_dict(tree)["options"][0]
    assert option["type"] == 3 and option["min_length"] == 1 and option["max_length"] == 100


@pytest.mark.parametrize(
    "text",
    ["exe.\u202egnp", "bell\x07", "esc\x1b[31mred", "iso\u2066late\u2069", "lrm\u200e", "c1\x85"],
)
def test_control_and_bidi_characters_are_never_echoed_raw(text: str) -> None:
    out = escape(text)
    for bad in ("\u202e", "\x07", "\x1b", "\u2066", "\u2069", "\u200e", "\x85"):
        assert bad not in out
    assert "\ufffd" in out
