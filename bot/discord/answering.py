"""What was typed → an answer: resolve every name, ask when unsure, then render and send.

Also what the components do (page buttons, pick lists, "did you mean" buttons): each works from
its ``custom_id`` alone (:mod:`.custom_ids`), with the answers of the cog that calls it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import discord

from .. import messages
from ..answers import Answers
from ..charts.places import STATE_SOURCE
from ..charts.service import ChartService
from ..charts.specs import Chart, MapChart, Spec, map_summary
from ..comparison import Block, Kind, Layout, Sheet
from ..matching import Resolution, Status
from ..model import Profession
from ..places import Place
from ..render import limits
from ..render.embeds import render_page
from ..text import clip
from . import charts as pictures
from . import where
from .common import NO_MENTIONS, escape, send_ephemeral
from .components import (
    carry_over,
    meant_buttons,
    page_buttons,
    pick_select,
    place_options,
    place_select,
    select_option,
)
from .custom_ids import Keys, PageRef, PickRef
from .deadline import respond
from .observe import outcome

Interaction = discord.Interaction[Any]  # any client: this flow needs only the interaction

GONE = (
    "The profession behind this button is no longer in my data (it was updated since). "
    "Please run the command again."
)
PLACE_GONE = (
    "The place behind this button is no longer in my data (it was updated since). "
    "Please run the command again."
)
UPDATED = "The figures have been updated since this answer was sent: this page shows the new ones."
YOUR_COPY = "Your own copy of this page (only you can see it):"
NO_MAP = "BLS publishes too few state figures for this occupation to draw a map."


@dataclass(frozen=True)
class Served:
    """What a cog serves from: the answers, the short keys of their professions, and the
    charts (None: answers without pictures)."""

    answers: Answers
    keys: Keys
    charts: ChartService | None = None

    @classmethod
    def of(cls, answers: Answers, charts: ChartService | None = None) -> Served:
        return cls(answers, Keys(answers.dataset), charts)


def build_view(
    answers: Answers, kind: Kind, professions: Sequence[Profession], place: Place | None = None
) -> Sheet:
    return answers.sheet(kind, professions, place)


def page_labels(sheet: Sheet) -> list[str]:
    """The section title of each page ``render_page`` makes, in the same order."""
    return list(sheet.page_titles)


def page_keys(sheet: Sheet) -> list[str]:
    """A short stable name for each page: the key of its (first) section."""
    return [page[0].key if page else "all" for page in sheet.pages]


@dataclass(frozen=True)
class Page:
    """One page of an answer, ready to send: the embed and its buttons (if it has pages)."""

    embed: discord.Embed
    buttons: discord.ui.View | None
    stale: bool = False  # the answer's figures changed since the button was made
    spec: Spec | None = None  # the chart this page shows (when charts are on)

    def message(self, *content: str) -> dict[str, Any]:
        """Keyword arguments for discord.py's send and edit methods."""
        kwargs: dict[str, Any] = {"content": "\n".join(content) or None, "embed": self.embed}
        if self.buttons is not None:
            kwargs["view"] = self.buttons
        return kwargs | {"allowed_mentions": NO_MENTIONS}

    def pictured(self, chart: Chart | None, *content: str) -> dict[str, Any]:
        """:meth:`message` with the chart as the embed's image and its file (for a send)."""
        kwargs = self.message(*content)
        if chart is None:
            return kwargs
        embed = kwargs["embed"] = self.embed.copy()  # rendered pages are cached and shared
        embed.set_image(url=f"attachment://{chart.filename}")
        return kwargs | {"files": [pictures.as_file(chart)]}


def _pages(
    served: Served, kind: Kind, professions: Sequence[Profession], view: Sheet
) -> tuple[list[str], list[str]]:
    """The answer's page keys and button labels: the sheet's, and "Map" when charts are on
    and the occupation has state figures (the map stays off the first, quick-to-read page)."""
    keys, labels = page_keys(view), page_labels(view)
    if served.charts is not None and pictures.has_map(served.answers, kind, professions):
        if len(keys) == 1:
            labels = [pictures.FIRST_LABELS.get(kind, labels[0])]
        keys, labels = [*keys, pictures.MAP_PAGE], [*labels, pictures.MAP_LABEL]
    return keys, labels


def map_sheet(view: Sheet, spec: Spec | None) -> Sheet:
    """The Map page: whose pay, the map's figures in words above the picture, its source."""
    if isinstance(spec, MapChart):
        text, source = map_summary(spec), spec.source
    else:
        text, source = NO_MAP, STATE_SOURCE
    block = Block(pictures.MAP_PAGE, pictures.MAP_LABEL, Layout.LEAD, text=text)
    title = f"{spec.occupation}: mean pay by state" if isinstance(spec, MapChart) else view.title
    return Sheet(view.kind, title, view.columns, view.ids, None, (block,), (source,), url=view.url)


def page_of(
    served: Served,
    kind: Kind,
    professions: Sequence[Profession],
    asked: PageRef | None = None,
    place: Place | None = None,
) -> Page:
    """The page ``asked`` names (the first page when None, or when it no longer exists), of the
    answer for ``place`` (national when None)."""
    view = build_view(served.answers, kind, professions, place)
    keys, labels = _pages(served, kind, professions, view)
    fingerprint = served.keys.fingerprint(professions)
    index = keys.index(asked.page) if asked and asked.page in keys else 0
    stale = asked is not None and (asked.fingerprint != fingerprint or asked.page not in keys)
    spec = None
    if served.charts is not None:
        spec = pictures.page_spec(served.answers, kind, professions, keys[index], index == 0, place)
    if keys[index] == pictures.MAP_PAGE:
        embed = render_page(map_sheet(view, spec), 0)
    else:
        embed = render_page(view, index)
    if len(keys) < 2:
        return Page(embed, None, stale, spec)
    codes = tuple(served.keys.key(p) for p in professions)
    ref = PageRef(kind, codes, keys[index], fingerprint, place.code if place else None)
    return Page(embed, page_buttons(ref, list(zip(keys, labels, strict=True))), stale, spec)


async def send_answer(
    interaction: Interaction,
    served: Served,
    kind: Kind,
    professions: Sequence[Profession],
    *,
    followup: bool = False,
    private: bool = False,
    note: str | None = None,
    place: Place | None = None,
) -> None:
    """Send the answer (public unless ``private``) for ``place`` (None: national): the
    interaction's response, or a follow-up when it already has one. ``note`` (which name
    matched) is the embed's first line."""
    page = page_of(served, kind, professions, place=place)
    if note:  # on a copy: rendered pages are cached and shared between answers
        author = clip(" · ".join(note.splitlines()), limits.AUTHOR_NAME)
        page = replace(page, embed=page.embed.copy().set_author(name=author))

    def defer() -> Any:  # a slow chart: "thinking…", then the answer follows
        return interaction.response.defer(ephemeral=private, thinking=True)

    chart = await pictures.chart_for(interaction, served.charts, page.spec, defer)
    if followup:
        await interaction.followup.send(**page.pictured(chart), ephemeral=private)
    else:  # deferred if late
        await respond(interaction, **page.pictured(chart), ephemeral=private)


def is_asker(interaction: Interaction) -> bool:
    """Whether the user who clicked is the one the message answered (a private message: always)."""
    message = interaction.message
    if message is None:
        return False
    if message.flags.ephemeral:
        return True
    meta = message.interaction_metadata
    return meta is not None and meta.user.id == interaction.user.id


async def turn_page(interaction: Interaction, served: Served, ref: PageRef) -> None:
    """The asker's message turns to the page; anyone else gets a private copy of it."""
    professions = served.keys.professions(ref.keys)
    if professions is None:
        await send_ephemeral(interaction, GONE)
        return
    place = await _place_of(served, ref.place)
    if ref.place and place is None:
        await send_ephemeral(interaction, PLACE_GONE)
        return
    page = page_of(served, ref.kind, professions, ref, place)
    note = [UPDATED] if page.stale else []
    if is_asker(interaction):
        await _turn(interaction, served, page, note)
        return
    chart = await pictures.chart_for(
        interaction,
        served.charts,
        page.spec,
        lambda: interaction.response.defer(ephemeral=True, thinking=True),
    )
    kwargs = page.pictured(chart, YOUR_COPY, *note)
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs, ephemeral=True)
    else:
        await interaction.response.send_message(**kwargs, ephemeral=True)


async def _turn(interaction: Interaction, served: Served, page: Page, note: list[str]) -> None:
    """The asker's message shows ``page``, with its picture: the attachment the message has
    when it is the same chart, else the chart drawn now, or none (``attachments=[]``)."""
    kwargs = page.message(*note)
    same = None if page.stale else pictures.kept(interaction.message, page.spec)
    attachments: list[discord.Attachment | discord.File] = []
    if same is not None:
        attachments = [same]
        kwargs["embed"] = page.embed.copy().set_image(url=f"attachment://{same.filename}")
    elif page.spec is not None:
        # a slow chart: the update is deferred, the message turns when it is drawn
        chart = await pictures.chart_for(
            interaction, served.charts, page.spec, interaction.response.defer
        )
        if chart is not None:
            kwargs = page.pictured(chart, *note)
            attachments = kwargs.pop("files")
    if interaction.response.is_done():
        await interaction.edit_original_response(**kwargs, attachments=attachments)
    else:
        await interaction.response.edit_message(**kwargs, attachments=attachments)


async def _place_of(served: Served, area: str | None) -> Place | None:
    """The place of an area code a component carries (None: national, or no longer known)."""
    if area is None:
        return None
    await where.ready(served.answers.places)
    place = served.answers.places.by_code(area)
    return None if place is None or place.is_national else place


# --------------------------------------------------------------------------- asking


def _asking(served: Served, ref: PickRef, res: Resolution) -> list[discord.ui.Item[Any]]:
    """The components that ask which profession ``res`` meant: a pick list, or did-you-mean."""
    keys = served.keys
    if res.status is Status.AMBIGUOUS:
        options = [select_option(c, keys.key(c.profession)) for c in res.candidates]
        placeholder = f"Pick the profession you meant by “{messages.shorten_query(res.query)}”"
        return [pick_select(ref, placeholder, options)]
    return list(
        meant_buttons(ref, [(c.profession, keys.key(c.profession)) for c in res.candidates])
    )


async def answer(
    interaction: Interaction,
    served: Served,
    kind: Kind,
    names: Sequence[str],
    *,
    private: bool = False,
    place: str | None = None,
) -> None:
    """Resolve ``names`` (what the user submitted: an autocomplete id or any text) and the
    place (``place``, the ``where`` option, or a place typed after a name), and answer.

    All confident → the answer (only the user sees it if ``private``). Otherwise one private
    message says what was not understood and asks: a pick list per ambiguous name or place,
    "did you mean" buttons per name that matched nothing (if it resembles anything); the last
    pick sends the answer.
    """
    await where.ready(served.answers.places)  # the matcher asks it whether words are a place
    resolutions = [served.answers.matcher.resolve(name) for name in names]
    asked = where.asked(served.answers.places, place, [r.place for r in resolutions if r.place])
    if asked.refusal is not None:
        await _private(interaction, asked.refusal)
        return
    confident = [r.profession for r in resolutions if r.profession is not None]
    if len(confident) == len(resolutions):
        repeated = messages.repeated_professions(names, confident)
        distinct = list(dict.fromkeys(confident))
        if repeated and len(distinct) < 2:  # nothing left to compare: say so before asking more
            await _private(interaction, repeated)
            return
        if asked.unresolved is None:
            notes = [*(messages.matched(r) for r in resolutions), repeated]
            note = "\n".join(n for n in [*notes, asked.note] if n) or None
            await send_answer(
                interaction, served, kind, distinct, private=private, note=note, place=asked.place
            )
            return
    await _ask(interaction, served, PickRef(kind, 0, (), private, asked.area), resolutions, asked)


async def _private(interaction: Interaction, text: str) -> None:
    await respond(interaction, content=escape(text), ephemeral=True, allowed_mentions=NO_MENTIONS)


def _questions(
    served: Served, base: PickRef, resolutions: Sequence[Resolution], asked: where.Asked
) -> list[discord.ui.Item[Any]]:
    """The components asking for every unresolved name and place; none when any of them has
    nothing to offer (the answer cannot be completed then)."""
    items: list[discord.ui.Item[Any]] = []
    for slot, res in enumerate(resolutions):
        if res.profession is None:
            asking = _asking(served, base.asking(slot), res)
            if not asking:
                return []
            items += asking
    unresolved = asked.unresolved
    if unresolved is not None:
        if not unresolved.candidates:
            return []
        options = place_options(unresolved.candidates)
        items.append(place_select(base, where.placeholder(unresolved), options))
    return items


async def _ask(
    interaction: Interaction,
    served: Served,
    base: PickRef,
    resolutions: Sequence[Resolution],
    asked: where.Asked,
) -> None:
    """One private message: what was not understood, with the components that ask."""
    keys = tuple(served.keys.key(r.profession) if r.profession else None for r in resolutions)
    items = _questions(served, replace(base, keys=keys), resolutions, asked)
    lines = [messages.unresolved(r) for r in resolutions if r.profession is None]
    if asked.unresolved is not None:
        lines.append(where.question(asked.unresolved))
    outcome(interaction, "asked")
    extra: dict[str, Any] = {}
    if items:
        extra["view"] = view = discord.ui.View(timeout=None)
        for item in items:
            view.add_item(item)
    text = clip(escape("\n".join(lines)), limits.CONTENT)
    await respond(interaction, content=text, ephemeral=True, allowed_mentions=NO_MENTIONS, **extra)


async def pick(interaction: Interaction, served: Served, ref: PickRef, key: str) -> None:
    """A name was picked: ask the next one (same message), or tidy up and send the answer."""
    chosen = served.keys.get(key)
    if chosen is None:
        await send_ephemeral(interaction, GONE)
        return
    await _advance(interaction, served, ref.picked(key), chosen.title, ref.slot)


async def pick_place(interaction: Interaction, served: Served, ref: PickRef, area: str) -> None:
    """The place was picked: ask what is still unsure, or tidy up and send the answer."""
    await where.ready(served.answers.places)
    place = served.answers.places.by_code(area)
    if place is None:
        await send_ephemeral(interaction, PLACE_GONE)
        return
    await _advance(interaction, served, ref.placed(area), place.name, None)


async def _advance(
    interaction: Interaction, served: Served, now: PickRef, label: str, slot: int | None
) -> None:
    """After a pick (of name ``slot``, or of the place when None): the next question, or the
    answer."""
    if not now.complete:
        asked = interaction.message.content if interaction.message else ""
        await interaction.response.edit_message(
            content=clip(escape(f"✓ {label}") + "\n" + asked, limits.CONTENT),
            view=carry_over(interaction.message, now, slot),
            allowed_mentions=NO_MENTIONS,
        )
        return
    professions = served.keys.professions(now.keys)
    place = await _place_of(served, now.place)
    if professions is None or (now.place and place is None):
        await send_ephemeral(interaction, GONE if professions is None else PLACE_GONE)
        return
    names = [p.title for p in professions] + ([place.name] if place else [])
    titles = escape("✓ " + " · ".join(names))
    await interaction.response.edit_message(content=titles, view=None, allowed_mentions=NO_MENTIONS)
    distinct = list(dict.fromkeys(professions))
    repeated = messages.repeated_professions([p.title for p in professions], professions)
    if len(distinct) < 2 <= len(professions):  # the pick named the other profession again
        await interaction.followup.send(
            content=escape(repeated or ""), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
        return
    await send_answer(
        interaction,
        served,
        now.kind,
        distinct,
        followup=True,
        private=now.private,
        note=repeated,
        place=place,
    )
