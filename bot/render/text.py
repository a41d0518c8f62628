"""Sheet → plain terminal text (what the console prints)."""

from __future__ import annotations

import shutil
import textwrap

from ..comparison import Block, Layout, Row, Sheet
from .common import higher_note, marker, note_marker, source_lines, sources_heading

LABEL = 25


def _width() -> int:
    return max(60, min(120, shutil.get_terminal_size((100, 24)).columns))


def _cell(row: Row, col: int, sheet: Sheet) -> list[str]:
    value = row.values[col]
    text = value.text + marker(value, sheet, "brackets")
    note = higher_note(row, col)
    if note and row.ranked:  # more is better: mark the better one
        text += f"  ▲ {note}"
    elif note:  # a plain difference, no winner
        text += f"  · {note}"
    elif row.difference == "same" and col == len(row.values) - 1:
        text += "  (same)"
    return text.split("\n")


def _table(block: Block, sheet: Sheet, width: int) -> list[str]:
    cols = len(sheet.columns)
    if not block.rows or not cols:
        return []
    col_w = max(18, (width - LABEL - 2 * cols) // cols)
    lines: list[str] = []
    if cols > 1 and block.rows:
        head = " " * LABEL + "".join(
            textwrap.shorten(t, col_w, placeholder="…").ljust(col_w + 2) for t in sheet.columns
        )
        lines.append(head.rstrip())
    for row in block.rows:
        cells = [
            [w for part in _cell(row, c, sheet) for w in (textwrap.wrap(part, col_w) or [""])]
            for c in range(len(row.values))
        ]
        label = textwrap.wrap(row.label, LABEL - 1) or [""]
        height = max(len(label), *(len(c) for c in cells))
        for i in range(height):
            left = (label[i] if i < len(label) else "").ljust(LABEL)
            rest = "".join((c[i] if i < len(c) else "").ljust(col_w + 2) for c in cells)
            lines.append((left + rest).rstrip())
    return lines


def _passages(block: Block, sheet: Sheet, width: int) -> list[str]:
    lines = []
    for row in block.rows:
        lines.append(row.label + ":")
        value = row.values[0]
        text = value.text + marker(value, sheet, "brackets")
        lines += textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="  ")
    return lines


def _block(block: Block, sheet: Sheet, width: int) -> list[str]:
    """A block's lines under its title, by its layout."""
    out = [block.title, "-" * len(block.title)]
    if block.layout is Layout.PASSAGES:
        out += _passages(block, sheet, width)
    else:
        mark = note_marker(block.source, sheet, "brackets")
        if block.text:
            out += textwrap.wrap(block.text + mark, width)
        elif block.bullets and mark:
            out[0] += mark
        out += _table(block, sheet, width)
    for bullet in block.bullets:
        out += textwrap.wrap(bullet, width, initial_indent="  • ", subsequent_indent="    ")
    out += [f"  • {link.label}: {link.url}" for link in block.links]
    return [*out, ""]


def render_text(sheet: Sheet, width: int | None = None) -> str:
    width = width or _width()
    out = [sheet.title, "=" * min(width, len(sheet.title))]
    if sheet.note:
        out += textwrap.wrap(sheet.note, width) + [""]
    if sheet.summary:
        out += textwrap.wrap(sheet.summary, width) + [""]
    for page in sheet.pages:
        for block in page:
            out += _block(block, sheet, width)
    sources = source_lines(sheet, "brackets")
    if sources:
        out += [f"{sources_heading(sheet)}:", *(f"  {s}" for s in sources)]
    return "\n".join(out).rstrip() + "\n"
