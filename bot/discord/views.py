"""Message components: page buttons for a comparison, and the pick list for an ambiguous name."""

from __future__ import annotations

import asyncio
import logging
import math
import weakref
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from .. import messages
from ..matching import Candidate, Resolution
from ..model import Profession
from ..render import limits
from ..text import clip
from .common import NO_MENTIONS, escape, send_ephemeral

log = logging.getLogger(__name__)

PAGER_TIMEOUT = 600.0  # seconds after the last click; < 15 min, the life of an interaction token
PICK_TIMEOUT = 300.0
NOT_YOURS_PAGES = (
    "Only the person who asked can turn these pages. Run `/compare` yourself to get your own copy."
)
NOT_YOURS_PICK = "This choice belongs to someone else's question."
VIEW_FAILED = "Sorry, something went wrong with that button. Please run the command again."
PICK_EXPIRED = "This choice has expired. Run the command again when you are ready."
NOT_AN_OPTION = "That is not one of the choices in the list: please pick one of them."

Finish = Callable[[discord.Interaction, list[Profession]], Awaitable[None]]


class _OwnedView(discord.ui.View):
    """A view only its owner may use; it remembers the interaction that can edit its message.

    ``message_interaction`` is the latest interaction whose original response *is* the message
    holding this view (the command that sent it, or the last component click that updated it),
    so the view can edit its message on timeout through the interaction webhook: no channel
    permissions needed, and the token is always younger than its 15 minutes.
    """

    not_yours = ""

    def __init__(self, owner_id: int, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.message_interaction: discord.Interaction | None = None

    def attach(self, interaction: discord.Interaction) -> None:
        self.message_interaction = interaction
        _live.add(self)

    async def expire(self) -> None:
        """Stop listening and show it on the message, as a timeout does."""
        self.stop()
        await self.on_timeout()

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await send_ephemeral(interaction, self.not_yours)
        return False

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        log.error(
            "Error in %s %s (user %s)",
            type(self).__name__,
            getattr(item, "custom_id", item),
            interaction.user.id,
            exc_info=error,
        )
        await send_ephemeral(interaction, VIEW_FAILED)

    async def _edit(self, **kwargs: Any) -> None:
        if self.message_interaction is None:
            return
        try:
            await self.message_interaction.edit_original_response(
                allowed_mentions=NO_MENTIONS, **kwargs
            )
        except discord.HTTPException as exc:
            log.debug("Could not edit %s's message: %s", type(self).__name__, exc)


_live: weakref.WeakSet[_OwnedView] = weakref.WeakSet()


async def expire_live_views(timeout: float = 3.0) -> int:
    """Expire every view still listening (before shutting down: its buttons could not work after
    a restart, so they are disabled rather than left to fail). Returns how many there were."""
    views = [v for v in list(_live) if not v.is_finished()]
    if views:
        pending = asyncio.gather(*(v.expire() for v in views), return_exceptions=True)
        try:
            await asyncio.wait_for(pending, timeout)
        except TimeoutError:
            log.warning("Gave up disabling buttons after %.0f s", timeout)
    return len(views)


# --------------------------------------------------------------------------- comparison pages


def button_rows(count: int) -> list[int]:
    """The row of each of ``count`` buttons: at most 5 per row, rows as even as possible."""
    if count <= 0:
        return []
    rows = math.ceil(count / limits.BUTTONS_PER_ROW)
    per_row = math.ceil(count / rows)
    return [i // per_row for i in range(count)]


class PageButton(discord.ui.Button["Pager"]):
    def __init__(self, index: int, label: str, row: int) -> None:
        super().__init__(label=clip(label, limits.BUTTON_LABEL), row=row)
        self.index = index

    async def callback(self, interaction: discord.Interaction) -> None:
        assert self.view is not None
        await self.view.show(interaction, self.index)


class Pager(_OwnedView):
    """One button per section page; the current page's button is highlighted (and inert)."""

    not_yours = NOT_YOURS_PAGES

    def __init__(
        self,
        labels: Sequence[str],
        pages: Sequence[discord.Embed],
        owner_id: int,
        timeout: float = PAGER_TIMEOUT,
    ) -> None:
        super().__init__(owner_id, timeout)
        if len(labels) != len(pages):
            raise ValueError(f"{len(labels)} page labels for {len(pages)} pages")
        self.pages = pages  # a LazyPages renders each page when it is first shown
        self.index = 0
        for i, (label, row) in enumerate(zip(labels, button_rows(len(pages)), strict=True)):
            self.add_item(PageButton(i, label, row))
        self._mark()

    @property
    def buttons(self) -> list[PageButton]:
        return [c for c in self.children if isinstance(c, PageButton)]

    def _mark(self) -> None:
        for button in self.buttons:
            current = button.index == self.index
            button.style = discord.ButtonStyle.primary if current else discord.ButtonStyle.secondary
            button.disabled = current

    async def show(self, interaction: discord.Interaction, index: int) -> None:
        self.index = index
        self._mark()
        await interaction.response.edit_message(
            embed=self.pages[index], view=self, allowed_mentions=NO_MENTIONS
        )
        self.attach(interaction)

    async def on_timeout(self) -> None:
        for button in self.buttons:
            button.disabled = True
        await self._edit(view=self)


# --------------------------------------------------------------------------- pick list


def select_option(candidate: Candidate) -> discord.SelectOption:
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
        value=prof.id,
        description=clip(" · ".join(details), limits.SELECT_DESCRIPTION) or None,
    )


class ProfessionSelect(discord.ui.Select["PickView"]):
    def __init__(self, resolution: Resolution) -> None:
        candidates = resolution.candidates[: limits.SELECT_OPTIONS]
        super().__init__(
            placeholder=clip(
                f"Pick the profession you meant by “{messages.shorten_query(resolution.query)}”",
                limits.SELECT_PLACEHOLDER,
            ),
            options=[select_option(c) for c in candidates],
        )

    async def callback(self, interaction: discord.Interaction) -> None:
        assert self.view is not None
        value = self.values[0] if self.values else ""
        await self.view.picked(interaction, value if isinstance(value, str) else "")


class PickView(_OwnedView):
    """Asks which profession each ambiguous name meant, one at a time, then ``finish``es.

    ``resolutions`` are the names of one command in order; those already resolved are kept.
    The answer is the (public) response to the last pick; the pick list, which is ephemeral,
    is then edited to say what was picked.
    """

    not_yours = NOT_YOURS_PICK

    def __init__(
        self,
        resolutions: Sequence[Resolution],
        owner_id: int,
        finish: Finish,
        timeout: float = PICK_TIMEOUT,
    ) -> None:
        super().__init__(owner_id, timeout)
        self.resolutions = list(resolutions)
        self.chosen: list[Profession | None] = [r.profession for r in self.resolutions]
        self.finish = finish
        self.current = self._next()
        if self.current is None:
            raise ValueError("PickView needs at least one unresolved name")
        self.select = ProfessionSelect(self.resolutions[self.current])
        self.add_item(self.select)

    def _next(self) -> int | None:
        return next((i for i, p in enumerate(self.chosen) if p is None), None)

    @property
    def content(self) -> str:
        assert self.current is not None
        return escape(messages.ambiguous(self.resolutions[self.current]))

    async def picked(self, interaction: discord.Interaction, profession_id: str) -> None:
        assert self.current is not None
        options = {c.profession.id: c.profession for c in self.resolutions[self.current].candidates}
        if profession_id not in options:  # a forged or stale value: not one of the choices
            log.info("Pick list: a value that is not an option (user %s)", interaction.user.id)
            await send_ephemeral(interaction, NOT_AN_OPTION)
            return
        self.chosen[self.current] = options[profession_id]
        self.current = self._next()
        if self.current is not None:  # another name to ask about: same message, next question
            self.remove_item(self.select)
            self.select = ProfessionSelect(self.resolutions[self.current])
            self.add_item(self.select)
            await interaction.response.edit_message(
                content=self.content, view=self, allowed_mentions=NO_MENTIONS
            )
            self.attach(interaction)
            return
        self.stop()
        chosen = [p for p in self.chosen if p is not None]
        await self.finish(interaction, chosen)
        await self._edit(content=escape("✓ " + " · ".join(p.title for p in chosen)), view=None)

    async def on_timeout(self) -> None:
        await self._edit(content=PICK_EXPIRED, view=None)
