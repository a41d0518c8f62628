"""One profession's profile: what they do, outlook, education, skills, similar careers."""

from __future__ import annotations

from collections.abc import Sequence

from ... import wording
from ...model import Profession
from .. import figures as f
from ..figures import Footnotes
from ..layouts import CAREER_SECTIONS, OFFICIAL_CAREER, table, tables
from ..outlook import outlook_sentence
from ..sheet import Block, Kind, Layout, Sheet
from .common import figure_line, links_block, members_block, one_column
from .compare import profile_source
from .salary import official_title

TASKS = 5
SIMILAR = 6
CATCH_ALL = ", All Other"


def _about(p: Profession, notes: Footnotes) -> list[Block]:
    blocks = []
    source = notes.number(profile_source(p)) if p.description or p.tasks else None
    if p.description:
        blocks.append(
            Block("about", "What they do", Layout.LEAD, text=p.description, source=source)
        )
    if p.tasks:
        tasks = p.tasks[:TASKS]
        blocks.append(Block("tasks", "Typical tasks", Layout.BULLETS, bullets=tasks, source=source))
    return blocks


def similar_careers(similar: Sequence[Profession]) -> tuple[Profession, ...]:
    """In O*NET's order of relatedness, without "All Other" catch-alls unless nothing else."""
    specific = [s for s in similar if CATCH_ALL not in s.title]
    return tuple((specific or list(similar))[:SIMILAR])


def _summary(p: Profession, closest: Profession | None) -> str | None:
    subject = closest if closest is not None else p
    parts = []
    pay, hourly = f.yearly(subject), f.hourly(subject)
    if pay is not None:
        parts.append(wording.pay_sentence(subject, pay.text, hourly.text if hourly else None))
    o = subject.outlook
    if o is not None and o.growth_pct is not None and o.start_year and o.end_year:
        parts.append(outlook_sentence(o.growth_pct, o.start_year, o.end_year, o.annual_openings))
    if closest is not None and parts:
        c, n = wording.noun(closest), wording.noun(p)
        parts.append(f"{wording.pronoun(c)} the official occupation closest to {n.phrase}.")
    return " ".join(parts) or None


def profile(
    p: Profession,
    similar: Sequence[Profession] = (),
    closest: Profession | None = None,
    members: Sequence[Profession] = (),
) -> Sheet:
    """What they do, outlook, education, skills and similar careers; a curated profile leads
    with its closest official occupation's figures."""
    notes = Footnotes()
    blocks = _about(p, notes)
    if closest is not None:
        official = table((closest,), OFFICIAL_CAREER._replace(title=official_title(closest)), notes)
        blocks += [official] if official.rows else []
    own = [b for b in tables((p,), CAREER_SECTIONS, notes) if b.rows]
    if p.curated:
        own = [Block(b.key, f"{b.title} (curated page)", b.layout, b.rows) for b in own]
    blocks += own
    group = members_block(members)
    blocks += [group] if group else []
    shown = similar_careers(similar)
    if shown:
        source = notes.number(p.similar)
        lines = tuple(figure_line(s) for s in shown)
        blocks.append(
            Block("similar", "Similar careers", Layout.BULLETS, bullets=lines, source=source)
        )
    linked = links_block(closest if closest is not None else p)
    blocks += [linked] if linked else []
    return one_column(
        Kind.CAREER, wording.short_title(p.title), p, _summary(p, closest), blocks, notes
    )
