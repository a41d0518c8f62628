"""Pieces both renderers share: footnote markers, which column is higher, clipping."""

from __future__ import annotations

from ..comparison import Row, Value, View

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
ELLIPSIS = "…"


def superscript(n: int | None) -> str:
    return "" if n is None else str(n).translate(_SUPERSCRIPT)


def clip(text: str, limit: int) -> str:
    """Shorten to at most ``limit`` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def pages(view: View) -> list[str]:
    """Keys of the blocks that make up the pages of a view, in order (blocks with content)."""
    return [b.key for b in view.blocks if b.rows or b.text or b.bullets]


def marker(value: Value, style: str) -> str:
    """Footnote marker for a value: ``¹`` (Discord) or ``[1]`` (terminal)."""
    if value.source is None or value.missing:
        return ""
    return superscript(value.source) if style == "sup" else f" [{value.source}]"


def higher_note(row: Row, column: int) -> str | None:
    """The difference text, for the column that is higher."""
    if row.higher == column and row.difference:
        return row.difference
    return None


def source_lines(view: View, style: str) -> list[str]:
    return [
        (superscript(n) if style == "sup" else f"[{n}]") + " " + cite
        for n, cite in enumerate(view.sources, start=1)
    ]
