"""Charts in Discord: the picture of each page of an answer, never at the answer's cost.

Which chart a page shows is worked out from what the page button's ``custom_id`` carries (the
kind of answer, its professions, the page), so a page turn shows the right picture after a
restart too: the answer's chart on its first page (and on a comparison's pay page), the state
map on the "Map" page, no picture on the others. A page turn that keeps the picture the
message already has keeps its attachment (nothing is drawn or uploaded again).

Charts are drawn by the cog's :class:`~bot.charts.service.ChartService` in its worker thread
while the event loop keeps answering. A response waits for its chart at most until
:data:`CHART_WAIT` seconds after the interaction was created (a warm chart takes a few
hundredths of a second); past that, the interaction is deferred and the answer follows with its
chart. A chart that cannot be drawn never costs the answer: it is sent without one.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from ..answers import Answers
from ..charts.places import MAPPED, answer_chart, state_map
from ..charts.service import ChartService
from ..charts.specs import Chart, Spec
from ..comparison import Kind
from ..model import Profession
from ..places import Place
from .deadline import age

log = logging.getLogger(__name__)

CHART_WAIT = 1.5  # seconds after the interaction was created: Discord wants a response in 3
FOLLOWUP_WAIT = 30.0  # a chart for a message that follows an earlier response
MAP_PAGE, MAP_LABEL = "map", "Map"
#: The first page's button label when the map adds a second page to a one-page answer.
FIRST_LABELS = {Kind.SALARY: "Pay", Kind.CAREER: "Profile"}
ANSWER_CHART_PAGES = frozenset({"pay"})  # pages besides the first that show the answer's chart

Defer = Callable[[], Awaitable[Any]]


def has_map(answers: Answers, kind: Kind, professions: Sequence[Profession]) -> bool:
    """Whether the answer gets a Map page: /salary and /career of an occupation that OEWS
    publishes by area (cheap: the map's figures are looked up when the page is shown)."""
    if kind not in MAPPED or len(professions) != 1:
        return False
    soc = answers.official(professions[0]).soc
    return soc is not None and answers.places.wages.block(soc) is not None


def page_spec(
    answers: Answers,
    kind: Kind,
    professions: Sequence[Profession],
    page: str,
    first: bool,
    place: Place | None = None,
) -> Spec | None:
    """The chart ``page`` of the answer shows (None: no picture on that page)."""
    officials = [answers.official(p) for p in professions]
    if page == MAP_PAGE:
        return state_map(answers.places, professions[0], officials[0], place)
    if first or page in ANSWER_CHART_PAGES:
        return answer_chart(answers.places, kind, professions, officials, place)
    return None


async def chart_for(
    interaction: discord.Interaction[Any],
    charts: ChartService | None,
    spec: Spec | None,
    defer: Defer,
) -> Chart | None:
    """The drawn chart, or None. When it is not ready in time, ``defer`` is awaited (the
    interaction's response has not gone out yet) and the chart is then awaited in full."""
    if charts is None or spec is None:
        return None
    ready = charts.cached(spec)
    if ready is not None:
        return ready
    drawing = asyncio.ensure_future(charts.draw(spec))
    if interaction.response.is_done():  # a follow-up: no deadline but the follow-up's own
        return await _settle(drawing, FOLLOWUP_WAIT)
    warm = charts.warmed is not None and charts.warmed.done()
    try:  # not warmed up yet: the first chart takes seconds, so defer at once
        return await asyncio.wait_for(asyncio.shield(drawing), _left(interaction) if warm else 0)
    except TimeoutError:
        if not interaction.response.is_done():
            await defer()
        return await _settle(drawing, FOLLOWUP_WAIT)
    except Exception:
        log.exception("Chart %s could not be drawn; answering without it", spec.name)
        return None


def _left(interaction: discord.Interaction[Any]) -> float:
    """How long the answer may still wait for its chart (the interaction's age counts)."""
    return max(0.0, CHART_WAIT - age(interaction))


async def _settle(drawing: asyncio.Future[Chart], timeout: float) -> Chart | None:
    try:
        return await asyncio.wait_for(drawing, timeout)
    except TimeoutError:  # a busy machine, not a fault: one line, no traceback
        log.warning("Chart not drawn within %.0f s; answering without it", timeout)
        return None
    except Exception:
        log.exception("Chart could not be drawn; answering without it")
        return None


def as_file(chart: Chart) -> discord.File:
    """The chart as an attachment: its alt text is the file's description."""
    return discord.File(io.BytesIO(chart.png), filename=chart.filename, description=chart.alt)


def kept(message: discord.Message | None, spec: Spec | None) -> discord.Attachment | None:
    """The attachment of ``message`` that already shows ``spec``'s chart (same file name), kept
    as it is when the page turns."""
    if message is None or spec is None:
        return None
    name = f"{spec.name}.png"
    return next((a for a in message.attachments if a.filename == name), None)
