"""Page buttons, pick lists and "did you mean" buttons: answered from their custom_id alone."""

from __future__ import annotations

import re
from typing import Any
from unittest import mock

import discord
import pytest

from bot.answers import Answers
from bot.discord import answering, components
from bot.discord.answering import GONE, UPDATED, YOUR_COPY, page_labels
from bot.discord.cogs import CareerCog
from bot.discord.components import DYNAMIC_ITEMS, FAILED, NOT_AN_OPTION, REFUSED, button_rows
from bot.discord.custom_ids import FOREIGN, MEANT, PAGE, PICK
from bot.matching import Resolution, Status
from bot.render.embeds import render_pages

from .mocks import ALICE, BOB, assert_clean_payload, call, message_of, pick, press, sent


def _compare(answers: Answers) -> list[Any]:
    a, b = answers.dataset.get("collections-specialist"), answers.dataset.get("loan-officers")
    assert a is not None and b is not None
    return [e.to_dict() for e in render_pages(answers.compare(a, b))]


async def _asked(interaction: Any, cog: CareerCog, command: str, *names: str) -> dict[str, Any]:
    inter = interaction()
    await call(getattr(cog, command), inter, *names)
    kwargs = sent(inter.response.send_message)
    assert_clean_payload(kwargs)
    return kwargs


def _ids(kwargs: dict[str, Any]) -> list[str]:
    return [c.custom_id for c in kwargs["view"].children]


@pytest.mark.parametrize(
    ("count", "rows"),
    [(1, [0]), (5, [0] * 5), (6, [0, 0, 0, 1, 1, 1]), (7, [0, 0, 0, 0, 1, 1, 1]), (11, None)],
)
def test_button_rows_are_balanced_and_at_most_five_wide(count: int, rows: list[int] | None) -> None:
    got = button_rows(count)
    if rows is not None:
        assert got == rows
    assert all(got.count(r) <= 5 for r in set(got))
    assert got == sorted(got)


# --------------------------------------------------------------------------- page buttons


async def test_a_comparison_has_one_stateless_button_per_page(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(
        interaction, career_cog, "compare", "collections specialist", "loan officer"
    )
    view = kwargs["view"]
    a, b = (
        mini_answers.dataset.get("collections-specialist"),
        mini_answers.dataset.get("loan-officers"),
    )
    assert a is not None and b is not None
    assert [c.item.label for c in view.children] == page_labels(mini_answers.compare(a, b))
    assert [c.item.disabled for c in view.children] == [True] + [False] * (len(view.children) - 1)
    ids = _ids(kwargs)
    assert len(set(ids)) == len(ids) and all(re.fullmatch(PAGE, i) for i in ids)
    # Nothing to keep: no timeout, only dynamic items, so discord.py's view store keeps nothing.
    assert view.timeout is None
    assert all(isinstance(c, discord.ui.DynamicItem) for c in view.children)
    store = discord.ui.view.ViewStore(mock.Mock())
    store.add_view(view, 1234)
    assert store._views == {} and not store.is_message_tracked(1234)


async def test_the_asker_turns_the_page_of_their_message(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(
        interaction, career_cog, "compare", "collections specialist", "loan officer"
    )
    click = await press(mini_answers, career_cog, message_of(kwargs), _ids(kwargs)[2], ALICE)
    edit = sent(click.response.edit_message)
    body = assert_clean_payload(edit)
    assert body["embeds"] == [_compare(mini_answers)[2]]
    assert edit["content"] is None  # no note: the figures are the same
    buttons = [c for row in body["components"] for c in row["components"]]
    assert [b.get("disabled", False) for b in buttons].index(True) == 2


async def test_anyone_else_gets_a_private_copy_of_that_page(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(
        interaction, career_cog, "compare", "collections specialist", "loan officer"
    )
    click = await press(mini_answers, career_cog, message_of(kwargs), _ids(kwargs)[3], BOB)
    click.response.edit_message.assert_not_called()
    copy = sent(click.response.send_message)
    body = assert_clean_payload(copy)
    assert copy["ephemeral"] is True and copy["content"] == YOUR_COPY
    assert body["embeds"] == [_compare(mini_answers)[3]]
    # bob's copy is his: his clicks on it turn it (Discord shows ephemeral messages to one user)
    mine = message_of(copy, author=BOB)
    again = await press(mini_answers, career_cog, mine, _ids(copy)[1], BOB)
    assert sent(again.response.edit_message)["embed"].to_dict() == _compare(mini_answers)[1]


async def test_changed_figures_are_said_and_the_fresh_page_shown(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(
        interaction, career_cog, "compare", "collections specialist", "loan officer"
    )
    old = re.sub(r":[a-z2-7]{6}$", ":aaaaaa", _ids(kwargs)[4])  # made from other figures
    message = message_of(kwargs)
    message.components[0].children[0].custom_id = old  # as the old message would carry it
    click = await press(mini_answers, career_cog, message, old, ALICE)
    edit = sent(click.response.edit_message)
    assert edit["content"] == UPDATED
    assert edit["embed"].to_dict() == _compare(mini_answers)[4]
    assert all(not i.endswith(":aaaaaa") for i in _ids(edit))  # the buttons are fresh again


async def test_a_profession_no_longer_in_the_data_is_said_politely(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(
        interaction, career_cog, "compare", "collections specialist", "loan officer"
    )
    gone = re.sub(r"^(cb1:pg:c:)[^,]+", r"\1~aaaaaaaa", _ids(kwargs)[1])
    message = message_of(kwargs)
    message.components[0].children[1].custom_id = gone
    click = await press(mini_answers, career_cog, message, gone, ALICE)
    reply = sent(click.response.send_message)
    assert reply["ephemeral"] is True and reply["content"] == GONE


@pytest.mark.parametrize(
    "forged",
    [
        "cb1:pg:c:29-1141:pay",  # a field missing
        "cb1:pg:x:29-1141:pay:aaaaaa",  # no such kind
        "0f3c2a9d8b7e6f5a4c3b2a1908f7e6d5",  # discord.py's random id: a button of an old version
        "cb1:pg:c:29-1141:pay:aaaaaa\n",
        "<@everyone> **x**",
    ],
)
async def test_a_forged_custom_id_gets_a_polite_private_refusal(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers, forged: str
) -> None:
    kwargs = await _asked(
        interaction, career_cog, "compare", "collections specialist", "loan officer"
    )
    message = message_of(kwargs)
    message.components[0].children[0].custom_id = forged
    assert re.fullmatch(FOREIGN, forged)
    click = await press(mini_answers, career_cog, message, forged, BOB)
    reply = sent(click.response.send_message)
    assert reply["ephemeral"] is True and reply["content"] == REFUSED


async def test_a_failure_is_logged_and_the_user_told(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers, caplog: pytest.LogCaptureFixture
) -> None:
    kwargs = await _asked(
        interaction, career_cog, "compare", "collections specialist", "loan officer"
    )
    with mock.patch.object(answering, "render_page", side_effect=KeyError("boom")):
        click = await press(mini_answers, career_cog, message_of(kwargs), _ids(kwargs)[1], ALICE)
    assert sent(click.response.send_message)["content"] == FAILED
    assert "Error in component cb1:pg:" in caplog.text and "boom" in caplog.text


def test_every_kind_of_custom_id_has_exactly_one_item() -> None:
    samples = {
        "cb1:pg:c:29-1141,~abcdefgh:pay:abcdef": components.PageButton,
        "cb1:pk:s:0:?": components.PickSelect,
        "cb1:pk:c:1:29-1141,?": components.PickSelect,
        "cb1:dm:c:0:?,29-1141:13-2072": components.MeantButton,
        "anything else": components.Foreign,
    }
    for custom_id, cls in samples.items():
        matching = [
            c for c in DYNAMIC_ITEMS if c.__discord_ui_compiled_template__.fullmatch(custom_id)
        ]
        assert matching == [cls], custom_id
    assert re.fullmatch(PICK, "cb1:pk:s:0:?") and re.fullmatch(MEANT, "cb1:dm:s:0:?:29-1141")


# --------------------------------------------------------------------------- asking


async def test_an_ambiguous_name_asks_with_a_pick_list_of_keys(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(interaction, career_cog, "salary", "loss prevention")
    assert kwargs["ephemeral"] is True and "could mean several professions" in kwargs["content"]
    (select,) = kwargs["view"].children
    assert re.fullmatch(PICK, select.custom_id)
    keys = career_cog.served.keys
    offered = [keys.get(o.value) for o in select.item.options]
    assert {"retail-loss-prevention-specialists", "security-guards"} <= {
        p.id for p in offered if p is not None
    }


async def test_the_pick_tidies_the_list_and_answers_publicly(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(interaction, career_cog, "salary", "loss prevention")
    click = await pick(mini_answers, career_cog, kwargs, "security-guards")
    tidied = sent(click.response.edit_message)
    assert tidied["view"] is None and tidied["content"] == "✓ Security Guards"
    answer = sent(click.followup.send)
    assert_clean_payload(answer)
    assert not answer.get("ephemeral") and answer["embed"].title.startswith("Security Guards")


async def test_a_value_that_was_not_offered_is_refused(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(interaction, career_cog, "salary", "loss prevention")
    (select,) = kwargs["view"].children
    click = await press(
        mini_answers, career_cog, message_of(kwargs), select.custom_id, values=["13-2072"]
    )
    assert sent(click.response.send_message)["content"] == NOT_AN_OPTION
    click.followup.send.assert_not_called()


async def test_two_ambiguous_names_are_asked_together_and_picked_in_any_order(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(interaction, career_cog, "compare", "loss prevention", "driver")
    first, second = kwargs["view"].children
    keys = career_cog.served.keys
    guards = keys.key(mini_answers.dataset.get("security-guards"))  # type: ignore[arg-type]
    trucks = keys.key(mini_answers.dataset.get("light-truck-drivers"))  # type: ignore[arg-type]
    step = await press(
        mini_answers, career_cog, message_of(kwargs), second.custom_id, values=[trucks]
    )
    edit = sent(step.response.edit_message)
    assert_clean_payload(edit)
    assert edit["content"].startswith("✓ Light Truck Drivers\n")
    (left,) = edit["view"].children  # the other question, now carrying the first pick
    assert left.custom_id == f"cb1:pk:c:0:?,{trucks}"
    done = await press(mini_answers, career_cog, message_of(edit), left.custom_id, values=[guards])
    answer = sent(done.followup.send)
    assert "Security Guards vs Light Truck Drivers" in answer["embed"].title
    assert all(re.fullmatch(PAGE, i) for i in _ids(answer))


async def test_a_confident_name_is_kept_while_the_other_is_asked(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    kwargs = await _asked(interaction, career_cog, "compare", "lawyer", "loss prevention")
    (select,) = kwargs["view"].children
    lawyers = career_cog.served.keys.key(mini_answers.dataset.get("lawyers"))  # type: ignore[arg-type]
    assert select.custom_id == f"cb1:pk:c:1:{lawyers},?"
    value = select.item.options[0].value
    done = await press(
        mini_answers, career_cog, message_of(kwargs), select.custom_id, values=[value]
    )
    assert sent(done.followup.send)["embed"].title.startswith("Summary: Lawyers vs")


async def test_did_you_mean_buttons_answer_when_pressed(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    matcher = mini_answers.matcher
    near = matcher.resolve("xyzzy nurse").candidates[:3]
    assert len(near) == 3
    nothing = Resolution("nurze", Status.NONE, near)  # nothing confident, but these resemble it
    with mock.patch.object(matcher, "resolve", side_effect=lambda q: nothing):
        kwargs = await _asked(interaction, career_cog, "career", "nurze")
    assert kwargs["ephemeral"] is True and "Did you mean" in kwargs["content"]
    buttons = kwargs["view"].children
    assert [b.item.label for b in buttons] == [c.profession.title for c in near]
    assert all(re.fullmatch(MEANT, b.custom_id) for b in buttons)
    done = await press(mini_answers, career_cog, message_of(kwargs), buttons[1].custom_id)
    assert sent(done.response.edit_message)["view"] is None
    assert sent(done.followup.send)["embed"].title.startswith(near[1].profession.title)


async def test_a_name_like_nothing_at_all_offers_no_buttons(
    interaction: Any, career_cog: CareerCog
) -> None:
    kwargs = await _asked(interaction, career_cog, "compare", "qqqqxzzv", "loss prevention")
    assert kwargs["ephemeral"] is True and kwargs.get("view") is None
    assert "qqqqxzzv" in kwargs["content"]
