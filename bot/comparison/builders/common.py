"""What the one-profession builders share: the links block and the sheet around the blocks."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Profession
from ..figures import Footnotes
from ..links import links
from ..sheet import Block, Kind, Layout, Sheet


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
