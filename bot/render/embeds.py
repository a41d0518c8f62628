"""View model → ``discord.Embed`` pages, always within Discord's limits."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import overload

import discord
from discord.utils import escape_markdown

from ..comparison import Block, Kind, Layout, Row, Sheet
from ..text import clip
from . import limits
from .common import higher_note, marker, note_marker, source_lines, sources_heading

COLOURS = {
    Kind.COMPARE: 0x5865F2,
    Kind.SALARY: 0x57F287,
    Kind.CAREER: 0xFEE75C,
    Kind.TOP: 0xEB459E,
    Kind.EXPLORE: 0x3BA55C,
}
TAGS = ("🅰️", "🅱️", "🅲")  # one per column; 🅲 has no emoji form, so the plain letter


@lru_cache(maxsize=32_768)
def esc(text: str) -> str:
    """Markdown-escaped text. Cached: the same labels and figures recur in every answer, and
    ``escape_markdown`` costs ~13 µs a call (half of rendering a comparison)."""
    return escape_markdown(text, as_needed=False)


def _row_value(row: Row, sheet: Sheet) -> str:
    if len(row.values) == 1:
        value = row.values[0]
        return esc(value.text) + marker(value, sheet, "sup")
    lines = []
    for col, value in enumerate(row.values):
        text = esc(value.text) + marker(value, sheet, "sup")
        if "\n" in text:
            text = "\n" + "\n".join(f"  {line}" for line in text.split("\n"))
        note = higher_note(row, col)
        if note and row.ranked:  # more is better: mark the better one
            text = f"**{text}** ▲ {esc(note)}"
        elif note:  # a plain difference, no winner
            text = f"{text} · {esc(note)}"
        lines.append(f"{TAGS[col] if col < len(TAGS) else '•'} {text}")
    if row.difference == "same":
        lines[-1] += " · same"
    return "\n".join(lines)


def _footer(sheet: Sheet, page: int | None, total: int) -> str:
    parts = source_lines(sheet, "sup")
    text = f"{sources_heading(sheet)}: " + " · ".join(parts) if parts else ""
    if total > 1 and page is not None:
        text = f"Page {page + 1}/{total}" + (" · " + text if text else "")
    return clip(text, limits.FOOTER_TEXT)


def _full(embed: discord.Embed) -> bool:
    return len(embed.fields) >= limits.EMBED_FIELDS


def _titled(embed: discord.Embed, title: str, value: str) -> None:
    """One field named ``title``; a value too long for one field goes on in more fields."""
    name = clip(esc(title), limits.FIELD_NAME)
    while value and not _full(embed):
        if len(value) <= limits.FIELD_VALUE:
            embed.add_field(name=name, value=value, inline=False)
            return
        cut = value.rfind("\n", 0, limits.FIELD_VALUE)
        cut = cut if cut > 0 else limits.FIELD_VALUE - 1
        embed.add_field(name=name, value=clip(value[:cut], limits.FIELD_VALUE), inline=False)
        value = value[cut:].lstrip("\n")
        name = clip(f"{esc(title)} (continued)", limits.FIELD_NAME)


def _columns(embed: discord.Embed, block: Block, sheet: Sheet) -> None:
    """Rows compared across columns: one field per row, a line per column (a row too long for
    one field goes on in the next, never cut)."""
    for row in block.rows:
        _titled(embed, row.label, _row_value(row, sheet) or "—")


def _facts(block: Block, sheet: Sheet) -> str:
    """One column's rows as "**Label:** value" lines."""
    lines = []
    for row in block.rows:
        value = _row_value(row, sheet).replace("\n", "\n  ")
        lines.append(f"**{esc(row.label)}:** {value}")
    return "\n".join(lines)


def _block(embed: discord.Embed, block: Block, sheet: Sheet) -> None:
    """A block's fields, by its layout (a lead is the description, placed by the caller)."""
    mark = note_marker(block.source, sheet, "sup")
    if block.layout is Layout.PROSE and block.text:
        _titled(embed, block.title, esc(block.text) + mark)
    elif block.layout is Layout.PASSAGES or (block.layout is Layout.TABLE and sheet.paged):
        _columns(embed, block, sheet)
    elif block.layout is Layout.TABLE and block.rows:
        _titled(embed, block.title, _facts(block, sheet))
    elif block.layout is Layout.BULLETS and block.bullets:
        _titled(embed, block.title + mark, "\n".join(f"• {esc(b)}" for b in block.bullets))
    elif block.layout is Layout.LINKS and block.links:
        _titled(embed, block.title, " · ".join(f"[{esc(k.label)}]({k.url})" for k in block.links))


def _size(embed: discord.Embed) -> int:
    return len(embed)


def _fit(embed: discord.Embed) -> discord.Embed:
    """Trim the longest parts until the embed fits the 6,000-character total."""
    while _size(embed) > limits.EMBED_TOTAL and embed.fields:
        longest = max(range(len(embed.fields)), key=lambda i: len(embed.fields[i].value or ""))
        field = embed.fields[longest]
        value = field.value or ""
        excess = _size(embed) - limits.EMBED_TOTAL
        if len(value) - excess < 20:
            embed.remove_field(longest)
            continue
        embed.set_field_at(
            longest, name=field.name, value=clip(value, len(value) - excess), inline=field.inline
        )
    if _size(embed) > limits.EMBED_TOTAL and embed.description:
        excess = _size(embed) - limits.EMBED_TOTAL
        embed.description = clip(embed.description, max(0, len(embed.description) - excess))
    return embed


def _legend(sheet: Sheet) -> str:
    return "\n".join(f"{TAGS[i]} **{esc(t)}**" for i, t in enumerate(sheet.columns))


def page_count(sheet: Sheet) -> int:
    """How many pages a sheet has (a comparison pages by section; the others are one page)."""
    return len(sheet.pages)


def render_page(sheet: Sheet, n: int) -> discord.Embed:
    """Page ``n`` (0-based) of a sheet as an embed, within every Discord limit."""
    if n < 0 or n >= len(sheet.pages):
        raise IndexError(n)
    return _section_page(sheet, n) if sheet.paged else _single(sheet)


def _opening(sheet: Sheet, *parts: str) -> str:
    """The description: the note line (how the question was understood), then ``parts``."""
    lines = [f"*{esc(sheet.note)}*"] if sheet.note else []
    return "\n\n".join([*lines, *(p for p in parts if p)])


def _section_page(sheet: Sheet, n: int) -> discord.Embed:
    """One section of a paged sheet: the columns' legend, then the section (the note and the
    summary sentence head the first page)."""
    pages = sheet.pages
    (block,) = pages[n]
    title = clip(f"{block.title}: {sheet.title}", limits.EMBED_TITLE)
    summary = esc(sheet.summary) if n == 0 and sheet.summary else ""
    desc = _opening(sheet, _legend(sheet), summary) if n == 0 else _legend(sheet)
    colour = COLOURS[sheet.kind]
    embed = discord.Embed(title=title, description=clip(desc, 4096), colour=colour)
    _block(embed, block, sheet)
    embed.set_footer(text=_footer(sheet, n, len(pages)))
    return _fit(embed)


def _single(sheet: Sheet) -> discord.Embed:
    """Every block on one page: the note, the summary and the lead make the description; each
    other block is a titled field."""
    embed = discord.Embed(title=clip(esc(sheet.title), limits.EMBED_TITLE), url=sheet.url)
    embed.colour = COLOURS[sheet.kind]
    (blocks,) = sheet.pages
    leads = [
        esc(b.text) + note_marker(b.source, sheet, "sup")
        for b in blocks
        if b.layout is Layout.LEAD and b.text
    ]
    summary = esc(sheet.summary) if sheet.summary else ""
    embed.description = clip(_opening(sheet, summary, *leads), 4096) or None
    for block in blocks:
        _block(embed, block, sheet)
    embed.set_footer(text=_footer(sheet, None, 1))
    return _fit(embed)


def render_pages(sheet: Sheet) -> list[discord.Embed]:
    """Every page of a sheet, rendered now."""
    return [render_page(sheet, n) for n in range(page_count(sheet))]


class LazyPages(Sequence[discord.Embed]):
    """The pages of a sheet, each rendered the first time it is shown: a comparison is sent
    with its first page, and most people never open all six."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self._pages: list[discord.Embed | None] = [None] * page_count(sheet)

    def __len__(self) -> int:
        return len(self._pages)

    @overload
    def __getitem__(self, index: int) -> discord.Embed: ...
    @overload
    def __getitem__(self, index: slice) -> list[discord.Embed]: ...
    def __getitem__(self, index: int | slice) -> discord.Embed | list[discord.Embed]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        page = self._pages[index]
        if page is None:
            page = self._pages[index] = render_page(self.sheet, index % len(self))
        return page


def message_payloads(sheet: Sheet) -> list[dict[str, object]]:
    """The message payload(s) the bot sends for a sheet, as JSON-ready dicts: one per page."""
    return [
        {"embeds": [e.to_dict()], "allowed_mentions": {"parse": []}} for e in render_pages(sheet)
    ]
