"""What the one-profession builders share: the links block and the sheet around the blocks."""

from __future__ import annotations

from collections.abc import Sequence

from ... import format as fmt
from ...model import Profession
from .. import figures as f
from ..figures import Footnotes
from ..links import links
from ..sheet import Block, Kind, Layout, Sheet

MEMBERS = 15  # occupations listed for a group; the rest are counted


def figure_line(p: Profession) -> str:
    """ "Nurse Practitioners · $132,050 a year · +40.1% by 2034" (what is published)."""
    parts = [p.title]
    pay = f.yearly(p)
    if pay is not None:
        parts.append(f"{pay.text} a year")
    o = p.outlook
    if o is not None and o.growth_pct is not None:
        growth = fmt.pct(o.growth_pct, signed=True)
        parts.append(growth + (f" by {o.end_year}" if o.end_year else ""))
    return " · ".join(parts)


def members_block(members: Sequence[Profession]) -> Block | None:
    """A group's occupations, each with its pay and growth."""
    if not members:
        return None
    lines = [figure_line(m) for m in members[:MEMBERS]]
    if len(members) > MEMBERS:
        lines.append(f"and {len(members) - MEMBERS} more")
    title = f"Occupations in this group ({len(members)})"
    return Block("members", title, Layout.BULLETS, bullets=tuple(lines))


def links_block(p: Profession) -> Block | None:
    """Where to read more about ``p`` (an official occupation), or None."""
    found = links(p)
    return Block("links", "Read more", Layout.LINKS, links=found) if found else None


def one_column(
    kind: Kind,
    title: str,
    p: Profession,
    summary: str | None,
    blocks: Sequence[Block],
    notes: Footnotes,
) -> Sheet:
    """A sheet about one profession; its title links to the first page it links to."""
    first = next((b.links[0].url for b in blocks if b.links), None)
    sources = tuple(notes.citations)
    return Sheet(kind, title, (p.title,), (p.id,), summary, tuple(blocks), sources, url=first)
