"""View model → plain terminal text (what the console prints)."""

from __future__ import annotations

import shutil
import textwrap

from ..comparison import Block, Row, View
from .common import higher_note, marker, source_lines

LABEL = 25


def _width() -> int:
    return max(60, min(120, shutil.get_terminal_size((100, 24)).columns))


def _cell(row: Row, col: int) -> list[str]:
    value = row.values[col]
    text = value.text + marker(value, "brackets")
    note = higher_note(row, col)
    if note:
        text += f"  ▲ {note}"
    elif row.difference == "same" and col == len(row.values) - 1:
        text += "  (same)"
    return text.split("\n")


def _table(block: Block, view: View, width: int) -> list[str]:
    cols = len(view.columns)
    col_w = max(18, (width - LABEL - 2 * cols) // cols)
    lines: list[str] = []
    if cols > 1 and block.rows:
        head = " " * LABEL + "".join(
            textwrap.shorten(t, col_w, placeholder="…").ljust(col_w + 2) for t in view.columns
        )
        lines.append(head.rstrip())
    for row in block.rows:
        cells = [
            [w for part in _cell(row, c) for w in (textwrap.wrap(part, col_w) or [""])]
            for c in range(len(row.values))
        ]
        label = textwrap.wrap(row.label, LABEL - 1) or [""]
        height = max(len(label), *(len(c) for c in cells))
        for i in range(height):
            left = (label[i] if i < len(label) else "").ljust(LABEL)
            rest = "".join((c[i] if i < len(c) else "").ljust(col_w + 2) for c in cells)
            lines.append((left + rest).rstrip())
    return lines


def render_text(view: View, width: int | None = None) -> str:
    width = width or _width()
    out = [view.title, "=" * min(width, len(view.title))]
    if view.summary:
        out += textwrap.wrap(view.summary, width) + [""]
    for block in view.blocks:
        if not (block.rows or block.text or block.bullets):
            continue
        out += [block.title, "-" * len(block.title)]
        if block.key == "about" and block.rows and len(view.columns) > 1:
            for row in block.rows:
                out.append(row.label + ":")
                value = row.values[0]
                out += textwrap.wrap(
                    value.text + marker(value, "brackets"),
                    width,
                    initial_indent="  ",
                    subsequent_indent="  ",
                )
        else:
            if block.text:
                out += textwrap.wrap(block.text, width)
            out += _table(block, view, width)
        for bullet in block.bullets:
            out += textwrap.wrap(bullet, width, initial_indent="  • ", subsequent_indent="    ")
        out.append("")
    sources = source_lines(view, "brackets")
    if sources:
        out += ["Sources:", *(f"  {s}" for s in sources)]
    return "\n".join(out).rstrip() + "\n"
