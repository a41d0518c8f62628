"""One profession's pay: figures, percentiles, and a curated profile's official figures."""

from __future__ import annotations

from ... import format as fmt
from ...model import Profession
from .. import figures as f
from ..figures import Footnotes
from ..layouts import OFFICIAL_SALARY_LINES, SALARY_LINES, Part, table
from ..sheet import Block, Kind, Layout, Sheet

NO_PAY = "No pay figures are published for this profession."


def percentile_bullets(p: Profession) -> tuple[str, ...]:
    pay = p.pay
    if pay is None:
        return ()
    points = [
        ("10th", pay.p10),
        ("25th", pay.p25),
        ("50th (median)", pay.annual_median),
        ("75th", pay.p75),
        ("90th", pay.p90),
    ]
    if sum(v is not None for _, v in points) < 3:
        return ()
    return tuple(f"{name} percentile: {fmt.money(v)}" for name, v in points if v is not None)


def _official(closest: Profession, notes: Footnotes) -> Block | None:
    rows = table((closest,), Part("official", "", OFFICIAL_SALARY_LINES), notes).rows
    if not rows:
        return None
    title = f"Official figures: {closest.title}"
    if closest.soc:
        title += f" (SOC {closest.soc})"
    return Block("official", title, Layout.TABLE, rows)


def _summary(p: Profession) -> str | None:
    y = f.yearly(p)
    if y is None:
        return None
    h = f.hourly(p)
    if h is None:
        return f"{p.title} earn {y.text} a year on average."
    return f"{p.title} earn {y.text} a year on average ({h.text})."


def salary(p: Profession, closest: Profession | None = None) -> Sheet:
    """One profession's pay; a curated profile also shows its closest official occupation."""
    notes = Footnotes()
    blocks = [table((p,), Part("pay", "Pay", SALARY_LINES), notes)]
    bullets = percentile_bullets(p)
    if bullets:
        blocks.append(
            Block("percentiles", "Pay percentiles (annual)", Layout.BULLETS, bullets=bullets)
        )
        notes.number(p.pay)
    official = _official(closest, notes) if closest is not None else None
    if official is not None:
        blocks.append(official)
    if all(b.empty for b in blocks):
        blocks = [Block("pay", "Pay", Layout.PROSE, text=NO_PAY)]
    return Sheet(
        Kind.SALARY,
        f"{p.title}: pay",
        (p.title,),
        (p.id,),
        _summary(p),
        tuple(blocks),
        tuple(notes.citations),
    )
