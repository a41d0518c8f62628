"""Two professions side by side, in the original comparison page's sections."""

from __future__ import annotations

from ...model import Profession, Section
from .. import figures as f
from ..figures import Footnotes
from ..layouts import COMPARE_SECTIONS, row, tables
from ..sheet import Block, Kind, Layout, Row, Sheet, Value


def _plural(title: str) -> str:
    t = title.lower()
    return t if t.endswith("s") else t + "s"


def summary(a: Profession, b: Profession) -> str:
    parts = []
    ta, tb = f.time_to_become(a), f.time_to_become(b)
    if ta and tb and ta.text == tb.text:
        parts.append(
            f"It typically takes {ta.text} to become both a {a.title.lower()} "
            f"and a {b.title.lower()}."
        )
    ya, yb = f.yearly(a), f.yearly(b)
    if ya and yb and ya.number is not None and yb.number is not None and ya.number != yb.number:
        hi, lo = (a, b) if ya.number > yb.number else (b, a)
        fhi, flo = (ya, yb) if hi is a else (yb, ya)
        parts.append(
            f"A {hi.title.lower()} has an average salary of {fhi.text}, which is higher than "
            f"the {flo.text} of a {lo.title.lower()}."
        )
    sa, sb = f.skills(a), f.skills(b)
    if sa and sb:
        parts.append(
            f"Top skills for {_plural(a.title)}: {sa.text.lower()}; "
            f"for {_plural(b.title)}: {sb.text.lower()}."
        )
    return " ".join(parts) or f"{a.title} and {b.title}, side by side."


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
        f"{a.title} vs {b.title}",
        (a.title, b.title),
        (a.id, b.id),
        summary(a, b),
        tuple(blocks),
        tuple(notes.citations),
        paged=True,
    )
