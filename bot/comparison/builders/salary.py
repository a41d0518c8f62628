"""One profession's pay. A curated profile leads with its closest official occupation's
figures, then shows the curated page's own figures as such."""

from __future__ import annotations

from collections.abc import Sequence

from ... import format as fmt
from ... import wording
from ...model import Profession
from .. import figures as f
from ..figures import Footnotes
from ..layouts import OFFICIAL_SALARY_LINES, SALARY_LINES, Part, table
from ..sheet import Block, Kind, Layout, Sheet
from .common import links_block, members_block, one_column

NO_PAY = "No pay figures are published for this profession."


def percentile_bullets(p: Profession) -> tuple[str, ...]:
    """The 10th, 25th, 75th and 90th percentiles (the median has its own row)."""
    pay = p.pay
    if pay is None:
        return ()
    points = [("10th", pay.p10), ("25th", pay.p25), ("75th", pay.p75), ("90th", pay.p90)]
    if sum(v is not None for _, v in points) < 2:
        return ()
    return tuple(f"{name} percentile: {fmt.money(v)}" for name, v in points if v is not None)


def official_title(closest: Profession) -> str:
    title = f"Official figures: {closest.title}"
    return title + (f" (SOC {closest.soc})" if closest.soc else "")


def _pay_blocks(p: Profession, notes: Footnotes, key: str, title: str) -> list[Block]:
    lines = SALARY_LINES if key == "pay" else OFFICIAL_SALARY_LINES
    blocks = [table((p,), Part(key, title, lines), notes)]
    bullets = percentile_bullets(p)
    if bullets:
        source = notes.number(p.pay)
        blocks.append(
            Block(
                f"{key}-percentiles",
                "Pay percentiles (annual)",
                Layout.BULLETS,
                bullets=bullets,
                source=source,
            )
        )
    return blocks


def _summary(p: Profession, closest: Profession | None) -> str | None:
    own = f.yearly(p)
    official = f.yearly(closest) if closest is not None else None
    if closest is None or official is None:
        if own is None:
            return None
        hourly = f.hourly(p)
        return wording.pay_sentence(p, own.text, hourly.text if hourly else None)
    n, c = wording.noun(p), wording.noun(closest)
    text = wording.pay_sentence(closest, official.text)
    text += f" {wording.pronoun(c)} the official occupation closest to {n.phrase}."
    if own is not None:
        page = f"the {p.source}" if p.source else "the curated page"
        text += f" {wording.capitalize(page)} gives {n.phrase} an average of {own.text} a year."
    return text


def salary(
    p: Profession, closest: Profession | None = None, members: Sequence[Profession] = ()
) -> Sheet:
    """One profession's pay; a curated profile leads with its closest official occupation."""
    notes = Footnotes()
    blocks: list[Block] = []
    if closest is not None:
        blocks += _pay_blocks(closest, notes, "official", official_title(closest))
        own_title = f"{p.title}: the curated page's figures"
    else:
        own_title = "Pay"
    blocks += _pay_blocks(p, notes, "pay", own_title)
    group = members_block(members)
    blocks += [group] if group else []
    linked = links_block(closest if closest is not None else p)
    blocks += [linked] if linked else []
    if all(b.empty for b in blocks if b.layout is not Layout.LINKS):
        blocks = [Block("pay", "Pay", Layout.PROSE, text=NO_PAY)]
    return one_column(
        Kind.SALARY, f"{wording.short_title(p.title)}: pay", p, _summary(p, closest), blocks, notes
    )
