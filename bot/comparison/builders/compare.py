"""Two or three professions side by side, in the original comparison page's sections."""

from __future__ import annotations

from collections.abc import Sequence

from ... import wording
from ...model import Profession, Section
from .. import figures as f
from ..figures import Footnotes
from ..layouts import COMPARE_SECTIONS, row, tables
from ..sheet import Block, Kind, Layout, Row, Sheet, Value

MAX_COLUMNS = 3


def _time_sentence(profs: Sequence[Profession]) -> str | None:
    times = {p.education.time_to_become if p.education else None for p in profs}
    if len(times) == 1 and None not in times:
        (time,) = times
        whom = "either" if len(profs) == 2 else f"any of the {len(profs)}"
        return f"It typically takes {time} to become {whom}."
    return None


def _pay_sentence(profs: Sequence[Profession]) -> str | None:
    """The best-paid first, "more than" the others (only when every one has a figure)."""
    pays = [(p, f.yearly(p)) for p in profs]
    if any(fig is None or fig.number is None for _, fig in pays):
        return None
    ranked = sorted(((p, fig) for p, fig in pays if fig), key=lambda t: -(t[1].number or 0))
    (hi, fhi), (lo, flo), *rest = ranked
    if fhi.number == flo.number:
        return None
    lower = [(p, fig.text) for p, fig in rest]
    return wording.more_pay_sentence(hi, fhi.text, lo, flo.text, *lower)


def _skills_sentence(profs: Sequence[Profession]) -> str | None:
    if not all(p.skills and p.skills.skills for p in profs):
        return None
    pairs = [(p, [r.name for r in p.skills.skills[:3]]) for p in profs if p.skills]
    return wording.skills_sentence(pairs)


def summary(*profs: Profession) -> str:
    parts = [_time_sentence(profs), _pay_sentence(profs), _skills_sentence(profs)]
    text = " ".join(p for p in parts if p)
    return text or f"{wording.listing([p.title for p in profs])}, side by side."


def profile_source(p: Profession) -> Section | None:
    """Where a profession's description and tasks come from."""
    return Section(p.source, p.year) if p.source else None


def compare(*profs: Profession, closest: Sequence[Profession | None] = ()) -> Sheet:
    """Two or three professions side by side, one column each. ``closest`` are the official
    occupations that curated profiles link to (shown so each can be looked up)."""
    if not 2 <= len(profs) <= MAX_COLUMNS:
        raise ValueError(f"compare takes 2 to {MAX_COLUMNS} professions, not {len(profs)}")
    notes = Footnotes()
    blocks = tables(profs, COMPARE_SECTIONS, notes)
    if any(closest):
        first = blocks[0]
        links = [f.official(c) for c in closest]
        line = row("Closest official occupation", links, notes)
        blocks[0] = Block(first.key, first.title, first.layout, (*first.rows, line))
    about = tuple(
        Row(p.title, (Value(p.description, notes.number(profile_source(p))),))
        for p in profs
        if p.description
    )
    if about:
        blocks.insert(1, Block("about", "What they do", Layout.PASSAGES, about))
    return Sheet(
        Kind.COMPARE,
        " vs ".join(wording.short_title(p.title) for p in profs),
        tuple(p.title for p in profs),
        tuple(p.id for p in profs),
        summary(*profs),
        tuple(blocks),
        tuple(notes.citations),
        paged=True,
    )
