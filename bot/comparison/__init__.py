"""Profession(s) → sheets (the view model): labelled rows, sources, which is higher and by how
much.

- ``sheet``: the view model itself (``Sheet``, its ``Kind``, blocks and their ``Layout``);
- ``figures``: one formatted, sourced figure of one profession per getter;
- ``layouts``: which rows each sheet shows, in which sections;
- ``builders``: one sheet builder per command.

The sheet is the single thing both surfaces render (Discord embeds and terminal text), so they
cannot disagree. No ``discord`` import here.
"""

from __future__ import annotations

from .builders.career import profile
from .builders.compare import compare
from .builders.salary import salary
from .figures import Fig, difference
from .sheet import Block, Kind, Layout, Link, Row, Sheet, Value

__all__ = [
    "Block",
    "Fig",
    "Kind",
    "Layout",
    "Link",
    "Row",
    "Sheet",
    "Value",
    "compare",
    "difference",
    "profile",
    "salary",
]
