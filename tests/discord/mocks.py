"""Spec'd mocks of discord.py objects (python-discord/bot style) for the adapter's unit tests.

``make_interaction`` returns a ``create_autospec`` of :class:`discord.Interaction` whose
response behaves like the real one: ``send_message``/``edit_message``/``autocomplete`` are spec'd
async mocks that mark the response done, and calling one twice raises
:class:`discord.InteractionResponded`, as discord.py does.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any, cast
from unittest import mock

import discord
from discord.app_commands import Choice

from bot.answers import Answers
from bot.discord.client import CareerBot
from bot.discord.cogs import CareerCog, InfoCog
from bot.render.limits import message_problems

#: Every slash command the bot registers, in the order its cogs add them.
COMMANDS = ["compare", "salary", "career", "top", "explore", "help", "about", "invite"]

ALICE, BOB = 1000000000000000301, 1000000000000000302
GUILD = 1000000000000000100
APP_ID = 1000000000000000001
_ids = itertools.count(1200000000000000000)


def make_client(answers: Answers) -> mock.NonCallableMagicMock:
    """The bot as the cogs see it through ``interaction.client``: its id and its command tree."""
    client: mock.NonCallableMagicMock = mock.create_autospec(CareerBot, instance=True)
    client.application_id = APP_ID
    client.tree = _tree(answers)
    return client


_trees: dict[int, Any] = {}


def _tree(answers: Answers) -> Any:
    """A command tree holding the cogs' commands (as ``add_cog`` puts them), one per dataset."""
    if id(answers) not in _trees:
        tree = discord.app_commands.CommandTree(discord.Client(intents=discord.Intents.none()))
        for cog in (CareerCog(answers), InfoCog(answers.dataset)):
            for command in cog.__cog_app_commands__:
                tree.add_command(command)
        _trees[id(answers)] = tree
    return _trees[id(answers)]


async def call(command: Any, inter: Any, *args: Any) -> None:
    """A cog's slash command, called as discord.py calls it once the options are parsed."""
    await command.callback(command.binding, inter, *args)


def make_interaction(
    answers: Answers,
    user_id: int = ALICE,
    kind: discord.InteractionType = discord.InteractionType.application_command,
    data: dict[str, Any] | None = None,
) -> Any:
    inter = mock.create_autospec(discord.Interaction, instance=True)
    inter.id = next(_ids)
    inter.type = kind
    inter.data = data or {}
    inter.guild_id = GUILD
    inter.application_id = APP_ID
    inter.client = make_client(answers)
    inter.user = mock.create_autospec(discord.Member, instance=True)
    inter.user.id = user_id
    inter.command = None
    response = mock.create_autospec(discord.InteractionResponse, instance=True)
    done = response.answered = [False]

    def respond(*args: Any, **kwargs: Any) -> None:
        if done[0]:
            raise discord.InteractionResponded(inter)
        done[0] = True

    for name in ("send_message", "edit_message", "autocomplete", "defer"):
        getattr(response, name).side_effect = respond
    response.is_done.side_effect = lambda: done[0]
    inter.response = response
    inter.followup = mock.create_autospec(discord.Webhook, instance=True)
    return inter


def fresh_response(inter: Any) -> Any:
    """Make an interaction mock unanswered again, its call records cleared (cheaper than a new
    mock when a test sends hundreds of commands)."""
    for part in (inter, inter.response, inter.followup):
        part.reset_mock()
    inter.response.answered[0] = False
    return inter


def sent(method: mock.Mock) -> dict[str, Any]:
    """The keyword arguments of the one call to a send/edit mock, content folded in."""
    method.assert_called_once()
    args, kwargs = method.call_args
    sent: dict[str, Any] = {"content": args[0], **kwargs} if args else dict(kwargs)
    return sent


def payload(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The JSON body discord.py would build from send_message/edit_message keyword arguments."""
    body: dict[str, Any] = {}
    if kwargs.get("content") is not None:
        body["content"] = kwargs["content"]
    embeds = kwargs.get("embeds") or ([kwargs["embed"]] if kwargs.get("embed") else [])
    if embeds:
        body["embeds"] = [e.to_dict() for e in embeds]
    view = kwargs.get("view")
    if view is not None:
        body["components"] = view.to_components()
    return body


def assert_clean_payload(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Within Discord's limits, and never able to ping anyone."""
    body = payload(kwargs)
    assert message_problems(body) == [], body
    mentions = kwargs.get("allowed_mentions")
    assert mentions is not None and mentions.to_dict() == {"parse": []}, mentions
    return body


async def autocomplete(cog: CareerCog, interaction: Any, current: str) -> list[Choice[str]]:
    """The cog's autocomplete callback, called as discord.py calls it (its decorator types the
    method as a union of callback shapes, which no call satisfies)."""
    callback: Callable[[Any, str], Awaitable[list[Choice[str]]]]
    callback = cast(Any, cog).profession_autocomplete
    return await callback(interaction, current)


def message_of(kwargs: dict[str, Any], author: int = ALICE) -> Any:
    """The message Discord made of a send/edit (as a component interaction carries it)."""
    from discord.components import _component_factory

    view = kwargs.get("view")
    rows = view.to_components() if view is not None else []
    return SimpleNamespace(  # what the adapter and discord.py's dispatch read of a message
        content=kwargs.get("content") or "",
        flags=discord.MessageFlags(ephemeral=bool(kwargs.get("ephemeral"))),
        interaction_metadata=SimpleNamespace(user=SimpleNamespace(id=author)),
        components=[_component_factory(row) for row in rows],
        attachments=[  # the files sent, or the attachments an edit kept
            SimpleNamespace(filename=f.filename, description=getattr(f, "description", None))
            for f in kwargs.get("files") or kwargs.get("attachments") or []
        ],
    )


async def press(
    answers: Answers,
    cog: Any,
    message: Any,
    custom_id: str,
    user_id: int = ALICE,
    values: list[str] | None = None,
    reuse: Any = None,
) -> Any:
    """A click on ``custom_id`` of ``message`` dispatched as discord.py dispatches it to its
    dynamic items (template match → ``from_custom_id`` → state → ``callback``); returns the
    interaction, its response and follow-ups recorded. ``reuse``: an interaction mock to use
    again (much cheaper than a new one when a test presses thousands of buttons)."""
    from bot.discord.components import DYNAMIC_ITEMS

    data: dict[str, Any] = {"custom_id": custom_id, "component_type": 3 if values else 2}
    if values is not None:
        data["values"] = values
    if reuse is None:
        inter = make_interaction(answers, user_id, discord.InteractionType.component, data)
    else:
        inter = reuse
        for method in (
            inter.response.send_message,
            inter.response.edit_message,
            inter.followup.send,
        ):
            method.reset_mock()
        inter.response.answered[0] = False
        inter.type, inter.data, inter.user.id = discord.InteractionType.component, data, user_id
    inter.message = message
    inter.client.cogs = {"Careers": cog}
    view = discord.ui.View.from_message(message, timeout=None)
    base = next(c for c in view.walk_children() if getattr(c, "custom_id", None) == custom_id)
    (item_cls,) = [
        c for c in DYNAMIC_ITEMS if c.__discord_ui_compiled_template__.fullmatch(custom_id)
    ]
    match = item_cls.__discord_ui_compiled_template__.fullmatch(custom_id)
    assert match is not None
    item = await item_cls.from_custom_id(inter, base, match)
    item._refresh_state(inter, data)
    await item.callback(inter)
    return inter


async def pick(answers: Answers, cog: Any, kwargs: dict[str, Any], profession_id: str) -> Any:
    """Picks ``profession_id`` in the one pick list of the answer sent with ``kwargs``, as the
    user who asked; returns the pick's interaction."""
    (select,) = kwargs["view"].children
    profession = answers.dataset.get(profession_id)
    assert profession is not None, profession_id
    key = cog.served.keys.key(profession)
    return await press(answers, cog, message_of(kwargs), select.custom_id, values=[key])
