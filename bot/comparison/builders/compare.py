"""Two professions side by side, in the original comparison page's sections."""

from __future__ import annotations

from ... import wording
from ...model import Profession, Section
from .. import figures as f
from ..figures import Footnotes
from ..layouts import COMPARE_SECTIONS, row, tables
from ..sheet import Block, Kind, Layout, Row, Sheet, Value


def _time_sentence(a: Profession, b: Profession) -> str | None:
    ta = a.education.time_to_become if a.education else None
    tb = b.education.time_to_become if b.education else None
    if ta and ta == tb:
        return f"It typically takes {ta} to become either."
    return None


def _pay_sentence(a: Profession, b: Profession) -> str | None:
    ya, yb = f.yearly(a), f.yearly(b)
    if not (ya and yb and ya.number is not None and yb.number is not None):
        return None
    if ya.number == yb.number:
        return None
    (hi, fhi), (lo, flo) = sorted(((a, ya), (b, yb)), key=lambda t: -(t[1].number or 0))
    return wording.more_pay_sentence(hi, fhi.text, lo, flo.text)


def _skills_sentence(a: Profession, b: Profession) -> str | None:
    if not (a.skills and a.skills.skills and b.skills and b.skills.skills):
        return None
    pairs = [(p, [r.name for r in p.skills.skills[:3]]) for p in (a, b) if p.skills]
    return wording.skills_sentence(pairs)


def summary(a: Profession, b: Profession) -> str:
    parts = [_time_sentence(a, b), _pay_sentence(a, b), _skills_sentence(a, b)]
    text = " ".join(p for p in parts if p)
    return text or f"{a.title} and {b.title}, side by side."


def profile_source(p: Profession) -> Section | None:
    """Where a profession's description and tasks come from."""
    return Section(p.source, p.year) if p.source else None


def compare(
    a: Profession,
    b: Profession,
    closest: tuple[Profession | None, Profession | None] = (None, None),
) -> Sheet:
    """Two professions side by side. ``closest`` are the official occupations that curated
    profiles link to (shown so both can be looked up)."""
    notes = Footnotes()
    blocks = tables((a, b), COMPARE_SECTIONS, notes)
    if any(closest):
        first = blocks[0]
        line = row("Closest official occupation", [f.official(c) for c in closest], notes)
        blocks[0] = Block(first.key, first.title, first.layout, (*first.rows, line))
    about = tuple(
        Row(p.title, (Value(p.description, notes.number(profile_source(p))),))
        for p in (a, b)
        if p.description
    )
    if about:
        blocks.insert(1, Block("about", "What they do", Layout.PASSAGES, about))
    return Sheet(
        Kind.COMPARE,
        f"{wording.short_title(a.title)} vs {wording.short_title(b.title)}",
        (a.title, b.title),
        (a.id, b.id),
        summary(a, b),
        tuple(blocks),
        tuple(notes.citations),
        paged=True,
    )
