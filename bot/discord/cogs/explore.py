"""/top and /explore: ranked lists of occupations and careers like one, served from the cog's
own :class:`Answers` (which builds the lists; this cog only parses options and sends pages).

A list's page buttons are dynamic items whose ``custom_id`` names the list (measure, education,
field) and the page (:data:`~bot.discord.custom_ids.TOP`): any process of the bot answers them,
after a restart too, and nothing is kept in memory between the answer and the click.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass, replace
from typing import Any

import discord
from discord import app_commands

from ... import explore, messages
from ...answers import Answers
from ...comparison import Sheet
from ...places import PlaceResolution
from ...render.embeds import render_page
from ...text import clip
from .. import answering
from ..autocomplete import choices, place_choices
from ..client import CareerBot, ServingCog
from ..common import NO_MENTIONS, escape, send_ephemeral
from ..custom_ids import TOP
from ..deadline import respond
from ..observe import Watched, outcome, who
from .career import PRIVATE, ProfessionName, answer_cooldown

log = logging.getLogger(__name__)

Interaction = discord.Interaction[CareerBot]
AnyInteraction = discord.Interaction[Any]
Button = discord.ui.Button[discord.ui.View]

MEASURE_CODES = {
    explore.Measure.PAY: "p",
    explore.Measure.GROWTH: "g",
    explore.Measure.OPENINGS: "o",
    explore.Measure.JOBS: "j",
    explore.Measure.PAY_FOR_EDUCATION: "e",
}
MEASURES = {code: m for m, code in MEASURE_CODES.items()}
MEASURE_CHOICES = [app_commands.Choice(name=m.heading, value=m.value) for m in explore.Measure]
EDUCATION_CHOICES = [
    app_commands.Choice(name=level, value=str(i))
    for i, level in enumerate(explore.EDUCATION_LEVELS)
]
NOT_A_FIELD = (
    "“{}” is not a field I know. Start typing and pick one, e.g. Computer and Mathematical."
)
FAILED = "Sorry, something went wrong with that button. Please run /top again."
MAX_PLACES = 10  # candidates listed when a place is ambiguous or unknown


def _place_question(res: PlaceResolution) -> str:
    """Privately: which place was meant (ambiguous), or that none matches, with suggestions."""
    lines = [messages.place_unresolved(res)]
    lines += [f"• {p.name}" for p in res.candidates[:MAX_PLACES]]
    if res.candidates:
        lines.append("Start typing in `where` and pick one of the suggestions.")
    return escape("\n".join(lines))


@dataclass(frozen=True, slots=True)
class TopRef:
    """A page of a ranked list, as a page button carries it."""

    measure: explore.Measure
    education: int | None  # index into explore.EDUCATION_LEVELS
    field: str | None  # SOC major group, "15"
    page: int
    area: str | None = None  # OEWS area code of a state or metro area; None: national

    def custom_id(self) -> str:
        edu = "-" if self.education is None else str(self.education)
        at = f"@{self.area}" if self.area else ""
        return f"cb1:tp:{MEASURE_CODES[self.measure]}:{edu}:{self.field or '--'}:{self.page}{at}"

    @classmethod
    def parse(cls, match: re.Match[str]) -> TopRef:
        edu, field = match["education"], match["field"]
        return cls(
            MEASURES[match["measure"]],
            None if edu == "-" else int(edu),
            None if field == "--" else field,
            int(match["page"]),
            match["area"],
        )

    def at(self, page: int) -> TopRef:
        return replace(self, page=page)


class TopPageButton(Watched, discord.ui.DynamicItem[Button], template=TOP):
    """Turns a ranked list to another page (see :meth:`ExploreCog.turn_top_page`)."""

    def __init__(self, item: Button, ref: TopRef) -> None:
        super().__init__(item)
        self.ref = ref

    @classmethod
    async def from_custom_id(
        cls, interaction: AnyInteraction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> TopPageButton:
        assert isinstance(item, discord.ui.Button)
        return cls(item, TopRef.parse(match))

    async def callback(self, interaction: AnyInteraction) -> None:
        cog = interaction.client.get_cog(ExploreCog.__cog_name__)
        try:
            if not isinstance(cog, ExploreCog):
                raise LookupError("no cog serves /top pages")
            await cog.turn_top_page(interaction, self.ref)
        except Exception:
            outcome(interaction, "error")
            log.exception("Error in a /top page button%s", who(interaction))
            await send_ephemeral(interaction, FAILED)


def _buttons(ref: TopRef, pages: int) -> discord.ui.View | None:
    """◀ and ▶ around the page shown (none for a one-page list)."""
    if pages < 2:
        return None
    view = discord.ui.View(timeout=None)
    for label, target in (("◀ Previous", ref.page - 1), ("Next ▶", ref.page + 1)):
        button: Button = discord.ui.Button(
            label=label,
            custom_id=ref.at(min(max(target, 0), pages - 1)).custom_id(),
            style=discord.ButtonStyle.secondary,
            disabled=not 0 <= target < pages,
        )
        view.add_item(TopPageButton(button, ref.at(target)))
    return view


class ExploreCog(ServingCog, name="Explore"):
    """Ranked lists and careers like one. Holds the loaded :class:`Answers`."""

    dynamic_items = (TopPageButton,)

    def __init__(self, answers: Answers) -> None:
        self.answers = answers
        self.served = answering.Served.of(answers)

    def _sheet(self, ref: TopRef) -> Sheet:
        education = None if ref.education is None else explore.EDUCATION_LEVELS[ref.education]
        field = explore.find_field(ref.field, self.answers.fields) if ref.field else None
        place = None
        if ref.area is not None:
            place = self.answers.places.resolve(ref.area).place
            if place is None:  # not an area of this data (forged, or the data changed)
                raise LookupError(f"no place {ref.area}")
        return self.answers.top(ref.measure, education, field, place)

    async def _page_soon(self, ref: TopRef) -> dict[str, Any]:
        """The page; a list of a place in a worker thread (its first list decodes the place
        figures of every occupation, about 0.4 s), never on the event loop."""
        if ref.area is None:
            return self._page(ref)
        return await asyncio.to_thread(self._page, ref)

    def _page(self, ref: TopRef) -> dict[str, Any]:
        sheet = self._sheet(ref)
        pages = len(sheet.pages)
        page = min(max(ref.page, 0), pages - 1)
        kwargs: dict[str, Any] = {
            "embed": render_page(sheet, page),
            "allowed_mentions": NO_MENTIONS,
        }
        view = _buttons(ref.at(page), pages)
        if view is not None:
            kwargs["view"] = view
        return kwargs

    @app_commands.command(
        name="top", description="Occupations ranked by pay, growth, openings or jobs, filtered"
    )
    @app_commands.describe(
        measure="What to rank by",
        education="Only occupations whose typical entry education is this",
        field="Only occupations in this field: start typing, e.g. healthcare",
        where="Only occupations in this state or metro area, by its pay and jobs, e.g. Texas",
        private=PRIVATE,
    )
    @app_commands.choices(measure=MEASURE_CHOICES, education=EDUCATION_CHOICES)
    @answer_cooldown()
    async def top(
        self,
        interaction: Interaction,
        measure: app_commands.Choice[str],
        education: app_commands.Choice[str] | None = None,
        field: app_commands.Range[str, 1, 100] | None = None,
        where: app_commands.Range[str, 1, 100] | None = None,
        private: bool = False,
    ) -> None:
        area = None
        if where is not None:
            res = self.answers.places.resolve(where)
            if res.place is None:
                await respond(
                    interaction,
                    content=_place_question(res),
                    ephemeral=True,
                    allowed_mentions=NO_MENTIONS,
                )
                return
            area = None if res.place.is_national else res.place.code
        code = None
        if field is not None:
            found = explore.find_field(field, self.answers.fields)
            if found is None:
                text = NOT_A_FIELD.format(escape(clip(field, 80)))
                await respond(
                    interaction, content=text, ephemeral=True, allowed_mentions=NO_MENTIONS
                )
                return
            code = found.code
        edu = None if education is None else int(education.value)
        ref = TopRef(explore.Measure(measure.value), edu, code, 0, area)
        await respond(interaction, **await self._page_soon(ref), ephemeral=private)

    @top.autocomplete("field")
    async def field_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        want = current.casefold().strip() if isinstance(current, str) else ""
        return [
            app_commands.Choice(name=f.title, value=f.code)
            for f in self.answers.fields
            if want in f.title.casefold() or want == f.code
        ][:25]

    @top.autocomplete("where")
    async def where_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """States first, then metro areas, most jobs first; the value is the area code."""
        return place_choices(self.answers.places, current if isinstance(current, str) else "")

    async def turn_top_page(self, interaction: AnyInteraction, ref: TopRef) -> None:
        """The asker's message turns; anyone else gets a private copy of that page."""
        page = await self._page_soon(ref)
        if answering.is_asker(interaction):
            await interaction.response.edit_message(**page)
        else:
            await interaction.response.send_message(
                content=answering.YOUR_COPY, ephemeral=True, **page
            )

    @app_commands.command(
        name="explore", description="Careers like one profession, with their pay and growth"
    )
    @app_commands.describe(
        profession="The profession: start typing and pick one, e.g. registered nurse",
        pays_more="Only careers that pay more",
        less_school="Only careers whose typical entry education is lower",
        growing="Only careers projected to grow",
        private=PRIVATE,
    )
    @answer_cooldown()
    async def explore_command(
        self,
        interaction: Interaction,
        profession: ProfessionName,
        pays_more: bool = False,
        less_school: bool = False,
        growing: bool = False,
        private: bool = False,
    ) -> None:
        res = self.answers.matcher.resolve(profession)
        if res.profession is None:
            lines = [messages.unresolved(res), *(f"• {c.profession.title}" for c in res.candidates)]
            text = escape("\n".join(lines))
            await respond(interaction, content=text, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        filters = explore.Filters(pays_more, less_school, growing)
        sheet = self.answers.explore(res.profession, filters)
        embed = render_page(sheet, 0)
        await respond(interaction, embed=embed, ephemeral=private, allowed_mentions=NO_MENTIONS)

    @explore_command.autocomplete("profession")
    async def profession_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.answers.matcher, current if isinstance(current, str) else "")
