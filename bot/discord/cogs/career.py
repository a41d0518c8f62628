"""/compare, /salary and /career: the answers, served from the cog's own :class:`Answers`.

The cog also answers the buttons and pick lists of those answers (it is the components'
:class:`~bot.discord.components.Handler`), from their ``custom_id`` alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from ...answers import Answers
from ...charts.service import ChartService
from ...comparison import Kind
from .. import answering, where
from ..autocomplete import choices, place_choices
from ..client import CareerBot, ServingCog
from ..components import DYNAMIC_ITEMS
from ..custom_ids import PageRef, PickRef

T = TypeVar("T")
Interaction = discord.Interaction[CareerBot]


class _ProfessionText(app_commands.Transformer):
    """A profession option: text of 1–100 characters, capped by Discord itself (and echoed back
    shortened anyway). A value that is not text (a forged interaction) is refused politely
    through the error handler, never handed to the matcher."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.string

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return 100

    async def transform(self, interaction: discord.Interaction, value: object, /) -> str:
        if not isinstance(value, str):
            raise app_commands.TransformerError(value, self.type, self)
        return value


ProfessionName = app_commands.Transform[str, _ProfessionText]

PlaceName = ProfessionName  # text of 1–100 characters too: a typed place or an area code

PRIVATE = "Only you see the answer (default: everyone who can read this chat)"
WHERE = "A state or metro area, e.g. Texas, Dallas, NYC (default: the whole US)"

#: Per user and command: generous for people, a brake on anyone flooding a channel with answers.
COOLDOWN_RATE, COOLDOWN_PER = 10, 60.0
WARM_WAIT = 15.0  # s: the longest start-up waits for the warm-ups before going online


def _per_user(interaction: discord.Interaction) -> int:
    return interaction.user.id


def answer_cooldown() -> Callable[[T], T]:
    """A fresh cooldown (its own buckets) for one command."""
    return app_commands.checks.cooldown(COOLDOWN_RATE, COOLDOWN_PER, key=_per_user)


class CareerCog(ServingCog, name="Careers"):
    """The career answers. Holds the loaded :class:`Answers`; nothing else is shared."""

    dynamic_items = DYNAMIC_ITEMS

    def __init__(self, answers: Answers, charts: ChartService | None = None) -> None:
        self.answers = answers
        self.served = answering.Served.of(answers, charts)  # charts None: no pictures
        self._warming: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        """Load the place data and warm the charts (the plotting library imported, one chart of
        each kind drawn), in worker threads, and wait for both — at most :data:`WARM_WAIT`
        seconds — before the bot goes online (a cog is loaded before the gateway connects).
        Warming up is CPU work that holds the interpreter: beside a stream of first answers it
        made them miss Discord's 3 s. A warm-up still going on after the wait goes on in the
        background, and answers meanwhile defer their chart."""
        self._warming = asyncio.create_task(where.ready(self.answers.places))
        warming: set[asyncio.Future[Any]] = {self._warming}
        if self.served.charts is not None:
            warming.add(asyncio.wrap_future(self.served.charts.warm()))
        await asyncio.wait(warming, timeout=WARM_WAIT)

    async def cog_unload(self) -> None:
        if self.served.charts is not None:
            self.served.charts.close()

    @app_commands.command(
        name="compare",
        description="Compare two or three professions side by side: pay, education, people, "
        "skills, outlook",
    )
    @app_commands.describe(
        a="First profession: start typing and pick one, e.g. collections specialist",
        b="Second profession to compare it with, e.g. loan officer",
        c="A third profession, if you like, e.g. bank teller",
        where=WHERE,
        private=PRIVATE,
    )
    @answer_cooldown()
    async def compare(
        self,
        interaction: Interaction,
        a: ProfessionName,
        b: ProfessionName,
        c: ProfessionName | None = None,
        where: PlaceName | None = None,
        private: bool = False,
    ) -> None:
        names = [a, b] if c is None else [a, b, c]
        await answering.answer(
            interaction, self.served, Kind.COMPARE, names, private=private, place=where
        )

    @app_commands.command(
        name="salary",
        description="What a profession pays: average, median, range and where it pays most",
    )
    @app_commands.describe(
        profession="The profession: start typing and pick one, e.g. registered nurse",
        where=WHERE,
        private=PRIVATE,
    )
    @answer_cooldown()
    async def salary(
        self,
        interaction: Interaction,
        profession: ProfessionName,
        where: PlaceName | None = None,
        private: bool = False,
    ) -> None:
        await answering.answer(
            interaction, self.served, Kind.SALARY, [profession], private=private, place=where
        )

    @app_commands.command(
        name="career",
        description="A profession's profile: what they do, outlook, education, skills, "
        "similar careers",
    )
    @app_commands.describe(
        profession="The profession: start typing and pick one, e.g. software developer",
        where=WHERE,
        private=PRIVATE,
    )
    @answer_cooldown()
    async def career(
        self,
        interaction: Interaction,
        profession: ProfessionName,
        where: PlaceName | None = None,
        private: bool = False,
    ) -> None:
        await answering.answer(
            interaction, self.served, Kind.CAREER, [profession], private=private, place=where
        )

    @compare.autocomplete("a")
    @compare.autocomplete("b")
    @compare.autocomplete("c")
    @salary.autocomplete("profession")
    @career.autocomplete("profession")
    async def profession_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Runs on every keystroke: no I/O, nothing awaited (see :mod:`..autocomplete`)."""
        return choices(self.answers.matcher, current if isinstance(current, str) else "")

    @compare.autocomplete("where")
    @salary.autocomplete("where")
    @career.autocomplete("where")
    async def where_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """States first, then metro areas, most jobs first; the value is the OEWS area code."""
        await where.ready(self.answers.places)  # loaded at start-up; a worker thread if not yet
        return place_choices(self.answers.places, current if isinstance(current, str) else "")

    # The components' Handler: what a page button or a pick does.

    async def turn_page(self, interaction: Interaction, ref: PageRef) -> None:
        await answering.turn_page(interaction, self.served, ref)

    async def pick(self, interaction: Interaction, ref: PickRef, key: str) -> None:
        await answering.pick(interaction, self.served, ref, key)

    async def pick_place(self, interaction: Interaction, ref: PickRef, area: str) -> None:
        await answering.pick_place(interaction, self.served, ref, area)
