"""The place an answer is for: the ``where`` option, or a place named after the profession.

``where`` wins over a place typed after a profession ("nurse in texas"): it is the option made
for it, and a place it overrides is named in the answer, so nothing is set aside silently. Two
professions followed by two different places ("nurse in texas", "nurse in ohio") ask for two
places in one answer: that is refused, privately, with how to ask instead.

The place data (names and the header of the wage table) is loaded in a worker thread, never on
the event loop: at start-up, before the bot goes online (:meth:`CareerCog.cog_load`), and
awaited here if an answer comes first (a start-up that did not wait long enough).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from .. import messages
from ..places import Place, PlaceResolution, Places, PlaceStatus
from ..text import clip

MAX_LISTED = 10  # places listed in a private "which one?" message


async def ready(places: Places) -> None:
    """The place data loaded, by a worker thread if it is not yet."""
    if not places.loaded:
        await asyncio.to_thread(places.warm)


@dataclass(frozen=True, slots=True)
class Asked:
    """The place of one question."""

    place: Place | None = None  # answered for; None: national
    unresolved: PlaceResolution | None = None  # ambiguous or unknown: asked about
    note: str | None = None  # for the answer (public): a place named but overridden
    refusal: str | None = None  # private: the question names two places

    @property
    def area(self) -> str | None:
        """What the answer's picks carry: the area code, ``?`` while unresolved, or None."""
        if self.unresolved is not None:
            return "?"
        return None if self.place is None else self.place.code


def _found(res: PlaceResolution) -> Place | None:
    return res.place if res.status is PlaceStatus.FOUND else None


def _national(place: Place | None) -> Place | None:
    return None if place is None or place.is_national else place


def asked(places: Places, where: str | None, typed: Sequence[str]) -> Asked:
    """The place of a question: ``where`` (any text, or an autocomplete's area code) and the
    places typed after its professions (the matcher's ``Resolution.place``), in order."""
    typed_res = [places.resolve(t) for t in dict.fromkeys(typed)]
    named = list(dict.fromkeys(p for p in map(_found, typed_res) if p is not None))
    if where is not None and where.strip():
        res = places.resolve(where)
        place = _found(res)
        if place is None:
            return Asked(unresolved=res)
        overridden = [p for p in named if p != place]
        note = messages.place_overridden(place, overridden[0]) if overridden else None
        return Asked(_national(place), note=note)
    if len(named) > 1:
        return Asked(refusal=messages.two_places(named[0].name, named[1].name))
    if named:
        return Asked(_national(named[0]))
    if typed_res:  # "nurse in portland": ask which one
        return Asked(unresolved=typed_res[0])
    return Asked()


def question(res: PlaceResolution) -> str:
    """What the private message says of an ambiguous or unknown place: the candidates by their
    full OEWS names."""
    text = messages.place_unresolved(res)
    if res.status is PlaceStatus.AMBIGUOUS:
        names = [f"• {c.name}" for c in res.candidates[:MAX_LISTED]]
        text = "\n".join([text, *names])
    return text


def placeholder(res: PlaceResolution) -> str:
    shown = messages.shorten_query(res.query)
    if res.status is PlaceStatus.AMBIGUOUS:
        return clip(f"Pick the place you meant by “{shown}”", 150)
    return "Did you mean one of these places?"
