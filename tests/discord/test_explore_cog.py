"""/top and /explore in Discord: pages that any process turns, filters, refusals."""

from __future__ import annotations

import re
from typing import Any, cast

import discord
import pytest
from discord import app_commands

from bot.answers import Answers
from bot.discord.cogs import ExploreCog
from bot.discord.cogs.explore import TopPageButton, TopRef
from bot.discord.custom_ids import FOREIGN, TOP
from bot.explore import Measure

from .mocks import ALICE, BOB, assert_clean_payload, call, make_interaction, message_of, sent

pytestmark = pytest.mark.slow_data


@pytest.fixture(scope="module")
def cog(shipped_answers: Answers) -> ExploreCog:
    return ExploreCog(shipped_answers)


def _choice(value: str) -> app_commands.Choice[str]:
    return app_commands.Choice(name=value, value=value)


def _components(kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    view = kwargs.get("view")
    return [c for row in (view.to_components() if view else []) for c in row["components"]]


async def _top(answers: Answers, cog: ExploreCog, *options: Any) -> dict[str, Any]:
    """``/top`` with these options (sort, education, field, where), as alice; what it sent."""
    inter = make_interaction(answers)
    await call(cog.top, inter, *options)
    return sent(inter.response.send_message)


async def _press(answers: Answers, cog: ExploreCog, message: Any, custom_id: str, user: int) -> Any:
    data = {"custom_id": custom_id, "component_type": 2}
    inter = make_interaction(answers, user, discord.InteractionType.component, data)
    inter.message = message
    inter.client.get_cog.return_value = cog
    match = re.fullmatch(TOP, custom_id)
    assert match is not None
    item = await TopPageButton.from_custom_id(inter, discord.ui.Button(custom_id=custom_id), match)
    await item.callback(inter)
    return inter


async def test_top_sends_page_one_with_buttons_that_turn_it(
    shipped_answers: Answers, cog: ExploreCog
) -> None:
    kwargs = await _top(shipped_answers, cog, _choice("pay"))
    assert_clean_payload(kwargs)
    assert not kwargs.get("ephemeral")
    assert kwargs["embed"].title.endswith("Highest pay")
    prev, nxt = _components(kwargs)
    assert prev["disabled"] and not nxt.get("disabled")
    assert all(len(c["custom_id"]) <= 100 for c in (prev, nxt))
    turned = await _press(shipped_answers, cog, message_of(kwargs), nxt["custom_id"], user=ALICE)
    edit = sent(turned.response.edit_message)
    assert_clean_payload(edit)
    assert edit["embed"].title.startswith("11–20")


async def test_someone_else_gets_a_private_copy(shipped_answers: Answers, cog: ExploreCog) -> None:
    kwargs = await _top(shipped_answers, cog, _choice("growth"))
    nxt = _components(kwargs)[1]
    other = await _press(shipped_answers, cog, message_of(kwargs), nxt["custom_id"], user=BOB)
    copy = sent(other.response.send_message)
    assert copy["ephemeral"] is True and "copy" in copy["content"]
    other.response.edit_message.assert_not_called()


async def test_filters_narrow_the_list(shipped_answers: Answers, cog: ExploreCog) -> None:
    education = app_commands.Choice(name="Bachelor's degree", value="5")
    kwargs = await _top(shipped_answers, cog, _choice("pay"), education, "computer")
    assert_clean_payload(kwargs)
    assert "Computer and Mathematical" in kwargs["embed"].title
    assert len(_components(kwargs)) == 2  # 16 occupations: two pages


async def test_an_unknown_field_is_refused_privately(
    shipped_answers: Answers, cog: ExploreCog
) -> None:
    kwargs = await _top(shipped_answers, cog, _choice("jobs"), None, "@everyone wizardry")
    assert kwargs["ephemeral"] is True
    assert "not a field" in kwargs["content"] and "@everyone" not in kwargs["content"]


async def test_field_autocomplete(shipped_answers: Answers, cog: ExploreCog) -> None:
    inter = make_interaction(shipped_answers, kind=discord.InteractionType.autocomplete)
    complete = cast(Any, cog).field_autocomplete
    found = await complete(inter, "health")
    assert [c.value for c in found] == ["29", "31"]
    every = await complete(inter, "")
    assert 20 <= len(every) <= 25


async def test_explore_answers_and_refuses_unknown_names(
    shipped_answers: Answers, cog: ExploreCog
) -> None:
    inter = make_interaction(shipped_answers)
    await call(cog.explore_command, inter, "registered nurse", True)
    kwargs = sent(inter.response.send_message)
    assert_clean_payload(kwargs)
    assert kwargs["embed"].title == "Careers like Registered Nurses"
    unknown = make_interaction(shipped_answers)
    await call(cog.explore_command, unknown, "xyzzy")
    refused = sent(unknown.response.send_message)
    assert refused["ephemeral"] is True and "xyzzy" in refused["content"]


def test_top_custom_ids_are_ours_and_round_trip() -> None:
    for measure in Measure:
        for education in (None, 0, 7):
            for field in (None, "15"):
                for area in (None, "4800000", "0019100"):
                    ref = TopRef(measure, education, field, 24, area)
                    cid = ref.custom_id()
                    match = re.fullmatch(TOP, cid)
                    assert match is not None and len(cid) <= 100
                    assert TopRef.parse(match) == ref
                    assert re.fullmatch(FOREIGN, cid) is None
    assert re.fullmatch(FOREIGN, "cb1:tp:z:-:--:0") is not None  # forged: refused politely
    assert re.fullmatch(FOREIGN, "cb1:tp:p:-:--:0@48") is not None


async def test_top_where_ranks_the_places_occupations_and_its_pages_turn(
    shipped_answers: Answers, cog: ExploreCog
) -> None:
    kwargs = await _top(shipped_answers, cog, _choice("pay"), None, None, "texas")
    assert_clean_payload(kwargs)
    assert kwargs["embed"].title == "1–10: Highest pay in Texas"
    assert "(national $" in kwargs["embed"].fields[0].value
    prev, nxt = _components(kwargs)
    assert nxt["custom_id"] == "cb1:tp:p:-:--:1@4800000"
    turned = await _press(shipped_answers, cog, message_of(kwargs), nxt["custom_id"], user=ALICE)
    edit = sent(turned.response.edit_message)
    assert_clean_payload(edit)
    assert edit["embed"].title == "11–20: Highest pay in Texas"


async def test_top_where_the_nation_is_the_national_list(
    shipped_answers: Answers, cog: ExploreCog
) -> None:
    kwargs = await _top(shipped_answers, cog, _choice("jobs"), None, None, "national")
    assert kwargs["embed"].title == "1–10: Most jobs"
    assert "@" not in _components(kwargs)[1]["custom_id"]


@pytest.mark.parametrize(("where", "listed"), [("Portland", "Portland-South Portland, ME")])
async def test_top_where_an_unclear_place_asks_privately(
    shipped_answers: Answers, cog: ExploreCog, where: str, listed: str
) -> None:
    kwargs = await _top(shipped_answers, cog, _choice("pay"), None, None, where)
    assert kwargs["ephemeral"] is True and listed in kwargs["content"]
    refused = await _top(shipped_answers, cog, _choice("pay"), None, None, "@everyone Atlantis")
    assert refused["ephemeral"] is True and "@everyone" not in refused["content"]


async def test_top_where_a_forged_area_is_refused_politely(
    shipped_answers: Answers, cog: ExploreCog
) -> None:
    message = message_of({"content": "x"})
    pressed = await _press(shipped_answers, cog, message, "cb1:tp:p:-:--:1@1234567", user=ALICE)
    refused = sent(pressed.response.send_message)
    assert refused["ephemeral"] is True and "/top again" in refused["content"]


async def test_where_autocomplete(shipped_answers: Answers, cog: ExploreCog) -> None:
    inter = make_interaction(shipped_answers, kind=discord.InteractionType.autocomplete)
    complete = cast(Any, cog).where_autocomplete
    found = await complete(inter, "tex")
    assert found[0].name == "Texas" and found[0].value == "4800000"
    every = await complete(inter, "")
    assert len(every) == 25 and all(len(c.name) <= 100 for c in every)
