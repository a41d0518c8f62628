"""Autocomplete for every profession option: ``Matcher.suggest``, nothing else.

It runs on every keystroke, so it does no I/O and awaits nothing: the choices are computed from
the in-memory index and returned for discord.py to send. A choice shows the title (or
"Alias → Title") and submits the profession id, which ``Matcher.resolve`` recognises exactly.
The cog that holds the matcher calls :func:`choices` (``CareerCog.profession_autocomplete``).
"""

from __future__ import annotations

from discord import app_commands

from ..matching import Matcher
from ..places import Places
from ..render import limits
from ..text import clip


def choices(matcher: Matcher, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=clip(s.label, limits.CHOICE_NAME), value=s.id)
        for s in matcher.suggest(current, limit=limits.CHOICES)
    ]


def place_choices(places: Places, current: str) -> list[app_commands.Choice[str]]:
    """The ``where`` option: full OEWS names; the value is the area code (``Places.resolve``
    recognises it exactly)."""
    return [
        app_commands.Choice(name=clip(p.name, limits.CHOICE_NAME), value=p.code)
        for p in places.complete(current, limit=limits.CHOICES)
    ]
