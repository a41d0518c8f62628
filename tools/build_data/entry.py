"""What the assembler produces: plain mappings in output order, with markers for the YAML style
of a few values (see ``writer``)."""

from __future__ import annotations

from typing import Any

Entry = dict[str, Any]  # one profession, or one section of it, as written to YAML


class Flow(dict[str, Any]):
    """A mapping written in flow style: {name: X, sources: 2}."""


class FlowList(list[Any]):
    """A list written in flow style: [a, b]."""


class Block(str):
    """Text written as a literal block (``|``): one alias a line, ``Name|N`` for N sources."""
