"""Pieces both renderers share: footnote markers, which column is higher, source lines."""

from __future__ import annotations

from ..comparison import Row, Sheet, Value

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(n: int | None) -> str:
    return "" if n is None else str(n).translate(_SUPERSCRIPT)


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


def source_lines(sheet: Sheet, style: str) -> list[str]:
    return [
        (superscript(n) if style == "sup" else f"[{n}]") + " " + cite
        for n, cite in enumerate(sheet.sources, start=1)
    ]
