"""One profession's profile: what they do, outlook, education, skills, similar careers."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Profession
from ..figures import Footnotes
from ..layouts import CAREER_SECTIONS, tables
from ..sheet import Block, Kind, Layout, Sheet
from .compare import profile_source

TASKS = 5


def _about(p: Profession, notes: Footnotes) -> list[Block]:
    blocks = []
    if p.description or p.tasks:
        num = notes.number(profile_source(p))
        text = p.description
        if text and num is not None:
            text = f"{text} [{num}]"
        if text:
            blocks.append(Block("about", "What they do", Layout.LEAD, text=text))
    if p.tasks:
        blocks.append(Block("tasks", "Typical tasks", Layout.BULLETS, bullets=p.tasks[:TASKS]))
    return blocks


def profile(
    p: Profession,
    similar: Sequence[Profession] = (),
    closest: Profession | None = None,
) -> Sheet:
    """What they do, outlook, education, skills and similar careers."""
    notes = Footnotes()
    blocks = _about(p, notes)
    blocks += [b for b in tables((p,), CAREER_SECTIONS, notes) if b.rows]
    names = tuple(s.title for s in similar)
    if names:
        notes.number(p.similar)
        blocks.append(Block("similar", "Similar careers", Layout.BULLETS, bullets=names))
    if closest is not None:
        line = closest.title + (f" (SOC {closest.soc})" if closest.soc else "")
        blocks.append(
            Block("official", "Closest official occupation", Layout.BULLETS, bullets=(line,))
        )
    summary = f"SOC {p.soc}" if p.soc else None
    return Sheet(
        Kind.CAREER, p.title, (p.title,), (p.id,), summary, tuple(blocks), tuple(notes.citations)
    )
