"""Buttons and pick lists that any process of the bot answers, after a restart too.

Every component is one of discord.py's dynamic items (:class:`discord.ui.DynamicItem`): its
``custom_id`` says everything needed (:mod:`.custom_ids`), discord.py routes a click to the class
whose template matches, and nothing is kept in memory between the answer and the click (views
hold only dynamic items, so discord.py's view store keeps none of them, and they never time out).

The items only parse; the cog that serves the answers (a :class:`Handler`, found among the bot's
cogs) does the work. A ``custom_id`` that is none of ours gets a polite refusal (:class:`Foreign`).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import Any, Protocol, cast, runtime_checkable

import discord

from ..matching import Candidate
from ..model import Profession
from ..places import Place
from ..render import limits
from ..text import clip
from .client import CareerBot
from .common import send_ephemeral
from .custom_ids import FOREIGN, MEANT, PAGE, PICK, WHERE, PageRef, PickRef
from .observe import Watched, outcome, who

log = logging.getLogger(__name__)

Interaction = discord.Interaction[CareerBot]
#: What discord.py passes to an item (its methods are generic in the client): the client it
#: carries is the bot that registered the item, a :class:`CareerBot`.
AnyInteraction = discord.Interaction[Any]
Button = discord.ui.Button[discord.ui.View]
Select = discord.ui.Select[discord.ui.View]

FAILED = "Sorry, something went wrong with that button. Please run the command again."
NOT_AN_OPTION = "That is not one of the choices in the list: please pick one of them."
REFUSED = (
    "Sorry, I can't use that button: it isn't one I made (or it is from an older version of "
    "me). Please run the command again."
)
DID_YOU_MEAN = 5  # buttons per name, one row


@runtime_checkable
class Handler(Protocol):
    """What the serving cog does when a component is used (``CareerCog``)."""

    async def turn_page(self, interaction: Interaction, ref: PageRef) -> None: ...

    async def pick(self, interaction: Interaction, ref: PickRef, key: str) -> None: ...

    async def pick_place(self, interaction: Interaction, ref: PickRef, area: str) -> None: ...


def _handler(client: CareerBot) -> Handler | None:
    return next((c for c in client.cogs.values() if isinstance(c, Handler)), None)


async def _handle(interaction: AnyInteraction, act: Callable[[Handler], Awaitable[None]]) -> None:
    """Run ``act`` with the serving cog; any failure is logged and the user told, privately."""
    handler = _handler(interaction.client)
    try:
        if handler is None:
            raise LookupError("no cog serves components")
        await act(handler)
    except Exception:
        outcome(interaction, "error")
        log.exception(
            "Error in component %s%s",
            cast(dict[str, Any], interaction.data or {}).get("custom_id"),
            who(interaction),
        )
        await send_ephemeral(interaction, FAILED)


async def _chosen(interaction: AnyInteraction, item: Select, what: str) -> str | None:
    """The one option picked from a select; ``None`` once a forged value (not one of the
    options offered) has been refused politely."""
    values = item.values
    if len(values) == 1 and values[0] in {o.value for o in item.options}:
        return values[0]
    outcome(interaction, "refused")
    log.info("%s: a value that is not an option%s", what, who(interaction))
    await send_ephemeral(interaction, NOT_AN_OPTION)
    return None


# --------------------------------------------------------------------------- the dynamic items


class PageButton(Watched, discord.ui.DynamicItem[Button], template=PAGE):
    """Shows one page of an answer (see :meth:`Handler.turn_page`)."""

    def __init__(self, item: Button, ref: PageRef) -> None:
        super().__init__(item)
        self.ref = ref

    @classmethod
    async def from_custom_id(
        cls, interaction: AnyInteraction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PageButton:
        assert isinstance(item, discord.ui.Button)
        return cls(item, PageRef.parse(match))

    async def callback(self, interaction: AnyInteraction) -> None:
        await _handle(interaction, lambda h: h.turn_page(interaction, self.ref))


class PickSelect(Watched, discord.ui.DynamicItem[Select], template=PICK):
    """The pick list for one ambiguous name; its options are profession keys."""

    def __init__(self, item: Select, ref: PickRef | None) -> None:
        super().__init__(item)
        self.ref = ref

    @classmethod
    async def from_custom_id(
        cls, interaction: AnyInteraction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PickSelect:
        assert isinstance(item, discord.ui.Select)
        return cls(item, PickRef.parse(match))

    async def callback(self, interaction: AnyInteraction) -> None:
        if self.ref is None:
            await refuse(interaction)
            return
        key = await _chosen(interaction, self.item, "Pick list")
        if key is not None:
            ref = self.ref
            await _handle(interaction, lambda h: h.pick(interaction, ref, key))


class PlaceSelect(Watched, discord.ui.DynamicItem[Select], template=WHERE):
    """The pick list of places for an ambiguous or unknown ``where``; its options are area
    codes."""

    def __init__(self, item: Select, ref: PickRef) -> None:
        super().__init__(item)
        self.ref = ref

    @classmethod
    async def from_custom_id(
        cls, interaction: AnyInteraction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PlaceSelect:
        assert isinstance(item, discord.ui.Select)
        return cls(item, PickRef.parse_where(match))

    async def callback(self, interaction: AnyInteraction) -> None:
        area = await _chosen(interaction, self.item, "Place list")
        if area is not None:
            ref = self.ref
            await _handle(interaction, lambda h: h.pick_place(interaction, ref, area))


class MeantButton(Watched, discord.ui.DynamicItem[Button], template=MEANT):
    """A "did you mean" suggestion for a name that matched nothing: picks it."""

    def __init__(self, item: Button, ref: PickRef | None, key: str) -> None:
        super().__init__(item)
        self.ref, self.key = ref, key

    @classmethod
    async def from_custom_id(
        cls, interaction: AnyInteraction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> MeantButton:
        assert isinstance(item, discord.ui.Button)
        return cls(item, PickRef.parse(match), match["key"])

    async def callback(self, interaction: AnyInteraction) -> None:
        if self.ref is None:
            await refuse(interaction)
            return
        ref, key = self.ref, self.key
        await _handle(interaction, lambda h: h.pick(interaction, ref, key))


class Foreign(Watched, discord.ui.DynamicItem[discord.ui.Item[Any]], template=FOREIGN):
    """Any other ``custom_id``: tampered with, or from a version before this format."""

    @classmethod
    async def from_custom_id(
        cls, interaction: AnyInteraction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Foreign:
        return cls(item)

    async def callback(self, interaction: AnyInteraction) -> None:
        log.info(
            "Refused a component with a foreign custom_id %r%s",
            clip(self.custom_id, limits.CUSTOM_ID),
            who(interaction),
        )
        await refuse(interaction)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    PageButton,
    PickSelect,
    MeantButton,
    PlaceSelect,
    Foreign,
)


async def refuse(interaction: AnyInteraction) -> None:
    outcome(interaction, "refused")
    await send_ephemeral(interaction, REFUSED)


# --------------------------------------------------------------------------- building them


def button_rows(count: int) -> list[int]:
    """The row of each of ``count`` buttons: at most 5 per row, rows as even as possible."""
    if count <= 0:
        return []
    rows = math.ceil(count / limits.BUTTONS_PER_ROW)
    per_row = math.ceil(count / rows)
    return [i // per_row for i in range(count)]


def page_buttons(ref: PageRef, pages: Sequence[tuple[str, str]]) -> discord.ui.View:
    """One button per ``(page key, label)``; ``ref.page``'s is highlighted and inert."""
    view = discord.ui.View(timeout=None)
    for (page, label), row in zip(pages, button_rows(len(pages)), strict=True):
        current = page == ref.page
        button: Button = discord.ui.Button(
            label=clip(label, limits.BUTTON_LABEL),
            custom_id=replace(ref, page=page).custom_id(),
            style=discord.ButtonStyle.primary if current else discord.ButtonStyle.secondary,
            disabled=current,
            row=row,
        )
        view.add_item(PageButton(button, ref))
    return view


def select_option(candidate: Candidate, key: str) -> discord.SelectOption:
    prof = candidate.profession
    details = []
    if candidate.via_alias:
        details.append(f"as “{candidate.matched}”")
    if prof.soc:
        details.append(f"SOC {prof.soc}")
    elif prof.curated:
        details.append("career profile")
    return discord.SelectOption(
        label=clip(prof.title, limits.SELECT_LABEL),
        value=key,
        description=clip(" · ".join(details), limits.SELECT_DESCRIPTION) or None,
    )


def pick_select(ref: PickRef, placeholder: str, options: list[discord.SelectOption]) -> PickSelect:
    select: Select = discord.ui.Select(
        custom_id=ref.select_id(),
        placeholder=clip(placeholder, limits.SELECT_PLACEHOLDER),
        options=options[: limits.SELECT_OPTIONS],
        row=ref.slot,
    )
    return PickSelect(select, ref)


PLACE_ROW = 3  # below the names' pick lists (rows 0-2, one per name)


def place_options(places: Sequence[Place]) -> list[discord.SelectOption]:
    """Full OEWS names; the values are their area codes."""
    return [
        discord.SelectOption(
            label=clip(p.name, limits.SELECT_LABEL), value=p.code, description=p.kind_label
        )
        for p in places
    ]


def place_select(
    ref: PickRef, placeholder: str, options: list[discord.SelectOption]
) -> PlaceSelect:
    """The pick list of places, below the names' ones."""
    select: Select = discord.ui.Select(
        custom_id=ref.where_id(),
        placeholder=clip(placeholder, limits.SELECT_PLACEHOLDER),
        options=options[: limits.SELECT_OPTIONS],
        row=PLACE_ROW,
    )
    return PlaceSelect(select, ref)


def meant_buttons(ref: PickRef, suggestions: Sequence[tuple[Profession, str]]) -> list[MeantButton]:
    """Did-you-mean buttons for ``ref.slot``: one per ``(profession, key)``, on one row."""
    made = []
    for prof, key in suggestions[:DID_YOU_MEAN]:
        button: Button = discord.ui.Button(
            label=clip(prof.title, limits.BUTTON_LABEL),
            custom_id=ref.button_id(key),
            style=discord.ButtonStyle.secondary,
            row=ref.slot,
        )
        made.append(MeantButton(button, ref, key))
    return made


def carry_over(
    message: discord.Message | None, picked: PickRef, slot: int | None
) -> discord.ui.View:
    """The pick items of ``message`` still to be used, each now carrying ``picked``'s keys and
    place; ``slot`` is the name just picked (None: the place was)."""
    view = discord.ui.View(timeout=None)
    for row in message.components if message else []:
        for c in getattr(row, "children", ()):
            if isinstance(c, discord.SelectMenu) and re.fullmatch(WHERE, c.custom_id or ""):
                if slot is not None:
                    view.add_item(place_select(picked, c.placeholder or "", list(c.options)))
                continue
            match = re.fullmatch(PICK, c.custom_id or "") or re.fullmatch(MEANT, c.custom_id or "")
            ref = PickRef.parse(match) if match else None
            if ref is None or ref.slot == slot:
                continue
            ref = picked.asking(ref.slot)
            if isinstance(c, discord.SelectMenu):
                view.add_item(pick_select(ref, c.placeholder or "", list(c.options)))
            elif match is not None and c.label:
                button: Button = discord.ui.Button(
                    label=c.label, custom_id=ref.button_id(match["key"]), row=ref.slot
                )
                view.add_item(MeantButton(button, ref, match["key"]))
    return view
