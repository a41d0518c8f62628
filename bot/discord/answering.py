"""What was typed → an answer: resolve every name, ask when unsure, then render and send."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord

from .. import messages
from ..answers import Answers
from ..comparison import Kind, Sheet
from ..matching import Status
from ..model import Profession
from ..render.embeds import LazyPages
from .common import NO_MENTIONS, escape
from .deadline import respond
from .views import Pager, PickView

Interaction = discord.Interaction[Any]  # any client: this flow needs only the interaction


def build_view(answers: Answers, kind: Kind, professions: Sequence[Profession]) -> Sheet:
    return answers.sheet(kind, professions)


def page_labels(sheet: Sheet) -> list[str]:
    """The section title of each page ``render_pages`` makes, in the same order."""
    return list(sheet.page_titles)


async def send_answer(
    interaction: Interaction, answers: Answers, kind: Kind, professions: Sequence[Profession]
) -> None:
    """Send the (public) answer as this interaction's response; a comparison gets page buttons."""
    view = build_view(answers, kind, professions)
    pages = LazyPages(view)  # only the first page is rendered now
    if len(pages) == 1:
        await respond(interaction, embed=pages[0], allowed_mentions=NO_MENTIONS)
        return
    pager = Pager(page_labels(view), pages, owner_id=interaction.user.id)
    await respond(interaction, embed=pages[0], view=pager, allowed_mentions=NO_MENTIONS)
    pager.attach(interaction)


async def answer(
    interaction: Interaction, answers: Answers, kind: Kind, names: Sequence[str]
) -> None:
    """Resolve ``names`` (what the user submitted: an autocomplete id or any text) and answer.

    All confident → the answer. Any name that matches nothing → one ephemeral note (with "did you
    mean" hints) and nothing else. Otherwise an ephemeral pick list asks about each ambiguous name
    in turn; the last pick sends the answer.
    """
    matcher = answers.matcher
    resolutions = [matcher.resolve(name) for name in names]
    unknown = [r for r in resolutions if r.status is Status.NONE]
    if unknown:
        text = "\n".join(escape(messages.not_found(r)) for r in unknown)
        await respond(interaction, content=text, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    found = [r.profession for r in resolutions]
    if all(p is not None for p in found):
        await send_answer(interaction, answers, kind, [p for p in found if p is not None])
        return

    async def finish(picked: discord.Interaction, professions: list[Profession]) -> None:
        await send_answer(picked, answers, kind, professions)

    picker = PickView(resolutions, owner_id=interaction.user.id, finish=finish)
    await respond(
        interaction,
        content=picker.content,
        view=picker,
        ephemeral=True,
        allowed_mentions=NO_MENTIONS,
    )
    picker.attach(interaction)
