"""Pieces both renderers share: footnote markers, which column is higher, source lines.

One footnote style per surface (``¹`` in Discord, ``[1]`` in the terminal), and numbers only
when a sheet has several sources: with one, the footer names it and nothing is marked.
"""

from __future__ import annotations

from ..comparison import Row, Sheet, Value

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(n: int | None) -> str:
    return "" if n is None else str(n).translate(_SUPERSCRIPT)


def note_marker(source: int | None, sheet: Sheet, style: str) -> str:
    """Footnote marker: ``¹`` (Discord) or `` [1]`` (terminal); none with a single source."""
    if source is None or not sheet.footnoted:
        return ""
    return superscript(source) if style == "sup" else f" [{source}]"


def marker(value: Value, sheet: Sheet, style: str) -> str:
    """Footnote marker for a value ("—" has none)."""
    return "" if value.missing else note_marker(value.source, sheet, style)


def higher_note(row: Row, column: int) -> str | None:
    """The difference text, for the column that is higher."""
    if row.higher == column and row.difference:
        return row.difference
    return None


def source_lines(sheet: Sheet, style: str) -> list[str]:
    """The sources, numbered when there are several."""
    if not sheet.footnoted:
        return list(sheet.sources)
    return [
        (superscript(n) if style == "sup" else f"[{n}]") + " " + cite
        for n, cite in enumerate(sheet.sources, start=1)
    ]


def sources_heading(sheet: Sheet) -> str:
    return "Sources" if sheet.footnoted else "Source"
