"""View model → ``discord.Embed`` pages, always within Discord's limits."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import overload

import discord
from discord.utils import escape_markdown

from ..comparison import Block, Row, View
from . import limits
from .common import clip, higher_note, marker, source_lines

COLOURS = {"compare": 0x5865F2, "salary": 0x57F287, "career": 0xFEE75C}
TAGS = ("🅰️", "🅱️")


@lru_cache(maxsize=32_768)
def esc(text: str) -> str:
    """Markdown-escaped text. Cached: the same labels and figures recur in every answer, and
    ``escape_markdown`` costs ~13 µs a call (half of rendering a comparison)."""
    return escape_markdown(text, as_needed=False)


def _row_value(row: Row, view: View) -> str:
    if len(row.values) == 1:
        value = row.values[0]
        return esc(value.text) + marker(value, "sup")
    lines = []
    for col, value in enumerate(row.values):
        text = esc(value.text) + marker(value, "sup")
        if "\n" in text:
            text = "\n" + "\n".join(f"  {line}" for line in text.split("\n"))
        note = higher_note(row, col)
        if note:
            text = f"**{text}** ▲ {esc(note)}"
        lines.append(f"{TAGS[col] if col < len(TAGS) else '•'} {text}")
    if row.difference == "same":
        lines[-1] += " · same"
    return "\n".join(lines)


def _footer(view: View, page: int | None, total: int) -> str:
    parts = source_lines(view, "sup")
    text = "Sources: " + " · ".join(parts) if parts else ""
    if total > 1 and page is not None:
        text = f"Page {page + 1}/{total}" + (" · " + text if text else "")
    return clip(text, limits.FOOTER_TEXT)


def _block_fields(embed: discord.Embed, block: Block, view: View, inline: bool) -> None:
    if block.text and view.kind != "career":
        embed.add_field(
            name=clip(block.title, 256), value=clip(esc(block.text), 1024), inline=False
        )
    for row in block.rows:
        if len(embed.fields) >= limits.EMBED_FIELDS:
            return
        value = _row_value(row, view)
        wide = len(row.values) > 1 or len(value) > 60 or "\n" in value
        embed.add_field(
            name=clip(esc(row.label), limits.FIELD_NAME),
            value=clip(value, limits.FIELD_VALUE) or "—",
            inline=inline and not wide,
        )
    if block.bullets and len(embed.fields) < limits.EMBED_FIELDS:
        text = "\n".join(f"• {esc(b)}" for b in block.bullets)
        embed.add_field(name=clip(esc(block.title), 256), value=clip(text, 1024), inline=False)


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


def _legend(view: View) -> str:
    return "\n".join(f"{TAGS[i]} **{esc(t)}**" for i, t in enumerate(view.columns))


def _page_blocks(view: View) -> list[Block]:
    return [b for b in view.blocks if b.rows or b.text or b.bullets]


def page_count(view: View) -> int:
    """How many pages a view has: a comparison pages by section; the others are one page."""
    return len(_page_blocks(view)) if view.kind == "compare" else 1


def render_page(view: View, n: int) -> discord.Embed:
    """Page ``n`` (0-based) of a view as an embed, within every Discord limit."""
    if view.kind != "compare":
        if n != 0:
            raise IndexError(n)
        return _single(view)
    blocks = _page_blocks(view)
    block = blocks[n]
    title = clip(f"{block.title}: {view.title}", limits.EMBED_TITLE)
    desc = _legend(view)
    if block.key == "summary" and view.summary:
        desc += "\n\n" + esc(view.summary)
    embed = discord.Embed(title=title, description=clip(desc, 4096), colour=COLOURS["compare"])
    if block.key == "about":
        for row in block.rows:
            embed.add_field(
                name=clip(esc(row.label), 256),
                value=clip(_row_value(row, view), 1024),
                inline=False,
            )
    else:
        _block_fields(embed, block, view, inline=False)
    embed.set_footer(text=_footer(view, n, len(blocks)))
    return _fit(embed)


def _single(view: View) -> discord.Embed:
    colour = COLOURS.get(view.kind, 0x5865F2)
    embed = discord.Embed(title=clip(esc(view.title), limits.EMBED_TITLE), colour=colour)
    parts = []
    if view.summary:
        parts.append(esc(view.summary))
    about = view.block("about")
    if view.kind == "career" and about and about.text:
        parts.append(esc(about.text))
    embed.description = clip("\n\n".join(parts), 4096) or None
    for block in view.blocks:
        if view.kind == "career" and block.key == "about":
            if block.bullets:
                text = "\n".join(f"• {esc(b)}" for b in block.bullets)
                embed.add_field(name="Typical tasks", value=clip(text, 1024), inline=False)
            continue
        if block.text and not block.rows and not block.bullets:
            embed.add_field(name=clip(esc(block.title), 256), value=clip(esc(block.text), 1024))
            continue
        if block.rows and block.key != "pay" and len(embed.fields) < limits.EMBED_FIELDS:
            embed.add_field(
                name="\u200b", value=f"__**{clip(esc(block.title), 1000)}**__", inline=False
            )
        _block_fields(embed, block, view, inline=True)
    embed.set_footer(text=_footer(view, None, 1))
    return _fit(embed)


def render_pages(view: View) -> list[discord.Embed]:
    """Every page of a view, rendered now."""
    return [render_page(view, n) for n in range(page_count(view))]


class LazyPages(Sequence[discord.Embed]):
    """The pages of a view, each rendered the first time it is shown: a comparison is sent
    with its first page, and most people never open all six."""

    def __init__(self, view: View) -> None:
        self.view = view
        self._pages: list[discord.Embed | None] = [None] * page_count(view)

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
            page = self._pages[index] = render_page(self.view, index % len(self))
        return page


def message_payloads(view: View) -> list[dict[str, object]]:
    """The message payload(s) the bot sends for a view, as JSON-ready dicts: one per page."""
    return [
        {"embeds": [e.to_dict()], "allowed_mentions": {"parse": []}} for e in render_pages(view)
    ]
