"""Pay where you live: a profession's pay in a state or metro area, beside the national figure.

The builders here are pure: the caller looks the place's figures up (``bot.places``) and passes
them in, as :class:`~bot.places.Ranked` (the figures and their rank) or ``None`` when BLS
publishes nothing for that occupation there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ... import format as fmt
from ...model import Money, Profession, Section
from ...places.model import AreaPay, Place, Ranked
from ...wording import listing
from ..figures import Fig, Footnotes
from ..layouts import row
from ..sheet import Block, Kind, Layout, Row, Sheet, Value

OEWS_SOURCE, OEWS_YEAR = "BLS OEWS May 2025", 2025
MAX_MEMBERS = 20  # member occupations listed for a group BLS publishes only nationally
LABELS = {
    "employment": "Employment",
    "per_1000": "Jobs per 1,000",
    "location_quotient": "Location quotient",
    "annual_mean": "Average salary",
    "hourly_mean": "Hourly (mean)",
    "annual_median": "Median salary",
    "annual_p10": "10th percentile",
    "annual_p25": "25th percentile",
    "annual_p75": "75th percentile",
    "annual_p90": "90th percentile",
}


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def section(place: Place) -> Section:
    """The footnote of a place's figures: the release and the area's full OEWS name."""
    return Section(OEWS_SOURCE, OEWS_YEAR, note=place.name)


def versus(here: Money | None, national: Money | None, hourly: bool = False) -> str:
    """``▲ 12% above national ($101,420)``; empty when either side is absent or a floor."""
    if here is None or national is None or here.at_least or national.at_least:
        return ""
    base = fmt.money(national, hourly=hourly)
    if not national.value:
        return ""
    change = (here.value - national.value) / national.value * 100
    if round(change) == 0:
        return f"≈ national ({base})"
    arrow, word = ("▲", "above") if change > 0 else ("▼", "below")
    return f"{arrow} {abs(change):.0f}% {word} national ({base})"


def concentration(quotient: float | None) -> str | None:
    """A location quotient in words: ``1.3× as concentrated as nationally``."""
    if quotient is None:
        return None
    if 0.95 <= quotient <= 1.05:
        return f"about as concentrated as nationally ({quotient:.2f})"
    return f"{quotient:.2f}× as concentrated as nationally"


def employment_text(pay: AreaPay) -> str | None:
    if pay.employment is None:
        return None
    text = fmt.jobs(pay.employment)
    if pay.per_1000 is not None:
        text += f" ({fmt.plain(pay.per_1000)} per 1,000 jobs)"
    return text


def rank_text(ranked: Ranked) -> str | None:
    if ranked.rank <= 0 or ranked.of <= 1:
        return None
    return (
        f"{ordinal(ranked.rank)} of {ranked.of} {ranked.pay.place.peers_label} (by average salary)"
    )


def pay_range(pay: AreaPay) -> str | None:
    if pay.annual_p10 is None or pay.annual_p90 is None:
        return None
    return f"{fmt.money(pay.annual_p10)} – {fmt.money(pay.annual_p90)} (10th–90th percentile)"


def reasons(pay: AreaPay) -> tuple[str, ...]:
    """Why each shown figure is absent or a floor, in words (the notes under the figures)."""
    out = []
    for name, label in LABELS.items():
        why = pay.reason(name)
        if why is not None:
            out.append(f"{label} in {pay.place.name}: {why}.")
    return tuple(out)


def _value(text: str | None, notes: Footnotes, place: Place) -> Value:
    if text is None:
        return Value(fmt.MISSING)
    return Value(text, notes.number(section(place)))


def _money_line(here: Money | None, national: Money | None, hourly: bool = False) -> str | None:
    if here is None:
        return None
    text = fmt.money(here, hourly=hourly)
    against = versus(here, national, hourly)
    return f"{text} {against}" if against else text


def place_rows(p: Profession, ranked: Ranked, notes: Footnotes) -> tuple[Row, ...]:
    """One profession's pay in one place, each figure beside the national one."""
    pay, nat, place = ranked.pay, p.pay, ranked.pay.place
    lines = [
        ("Average salary", _money_line(pay.annual_mean, nat.annual_mean if nat else None)),
        ("Median salary", _money_line(pay.annual_median, nat.annual_median if nat else None)),
        ("Hourly (mean)", _money_line(pay.hourly_mean, nat.hourly_mean if nat else None, True)),
        ("Salary range", pay_range(pay)),
        ("Rank", rank_text(ranked)),
        ("Employed", employment_text(pay)),
        ("Concentration", concentration(pay.location_quotient)),
    ]
    return tuple(Row(label, (_value(text, notes, place),)) for label, text in lines)


def _percentiles(pay: AreaPay) -> tuple[str, ...]:
    points = [
        ("10th", pay.annual_p10),
        ("25th", pay.annual_p25),
        ("50th (median)", pay.annual_median),
        ("75th", pay.annual_p75),
        ("90th", pay.annual_p90),
    ]
    if sum(v is not None for _, v in points) < 3:
        return ()
    return tuple(f"{name} percentile: {fmt.money(v)}" for name, v in points if v is not None)


def _summary(p: Profession, ranked: Ranked) -> str:
    pay, place = ranked.pay, ranked.pay.place
    if pay.annual_mean is None:
        return f"{p.title} in {place.name}: BLS publishes no average salary there."
    text = f"{p.title} in {place.name}: an average salary of {fmt.money(pay.annual_mean)}"
    against = versus(pay.annual_mean, p.pay.annual_mean if p.pay else None)
    text += f", {against}." if against else "."
    if rank_text(ranked) is None:
        return text
    return f"{text} {place.name} ranks {ordinal(ranked.rank)} of {ranked.of} {place.peers_label}."


def no_data_sheet(kind: Kind, p: Profession, place: Place, why: str) -> Sheet:
    """BLS publishes nothing for this occupation in this place: say so, and why."""
    text = f"BLS OEWS May 2025 publishes no figures for {p.title} in {place.name}: {why}"
    block = Block("pay", f"Pay in {place.name}", Layout.PROSE, text=text)
    return Sheet(kind, f"{p.title}: pay in {place.name}", (p.title,), (p.id,), None, (block,), ())


def salary_where(p: Profession, ranked: Ranked) -> Sheet:
    """``/salary profession where``: the place's pay beside the national figures."""
    notes = Footnotes()
    place = ranked.pay.place
    blocks = [Block("pay", f"Pay in {place.name}", Layout.TABLE, place_rows(p, ranked, notes))]
    bullets = _percentiles(ranked.pay)
    if bullets:
        blocks.append(
            Block("percentiles", "Pay percentiles (annual)", Layout.BULLETS, bullets=bullets)
        )
    notes.number(p.pay)  # the national figures beside the place's
    why = reasons(ranked.pay)
    if why:
        blocks.append(Block("notes", "Notes", Layout.BULLETS, bullets=why))
    return Sheet(
        Kind.SALARY,
        f"{p.title}: pay in {place.name}",
        (place.name,),
        (p.id,),
        _summary(p, ranked),
        tuple(blocks),
        tuple(notes.citations),
    )


def _fig(value: Money | None, place: Place, hourly: bool = False) -> Fig | None:
    if value is None:
        return None
    unit = "$/hr" if hourly else "$"
    return Fig(fmt.money(value, hourly=hourly), section(place), value.value, unit)


def _count(value: int | None, text: str | None, place: Place) -> Fig | None:
    if value is None or text is None:
        return None
    return Fig(text, section(place), value, "jobs")


def _plain(text: str | None, place: Place) -> Fig | None:
    return None if text is None else Fig(text, section(place))


def compare_where(
    profs: Sequence[Profession], place: Place, pays: Sequence[Ranked | None]
) -> Sheet:
    """``/compare a b [c] where``: the professions' pay in that place, side by side."""
    notes = Footnotes()
    areas = [r.pay if r else None for r in pays]
    lines = [
        ("Average salary", [_fig(x.annual_mean if x else None, place) for x in areas]),
        ("Median salary", [_fig(x.annual_median if x else None, place) for x in areas]),
        ("Hourly (mean)", [_fig(x.hourly_mean if x else None, place, True) for x in areas]),
        ("Salary range", [_plain(pay_range(x) if x else None, place) for x in areas]),
        ("Rank", [_plain(rank_text(r) if r else None, place) for r in pays]),
        (
            "Employed",
            [
                _count(x.employment if x else None, employment_text(x) if x else None, place)
                for x in areas
            ],
        ),
        (
            "Concentration",
            [_plain(concentration(x.location_quotient) if x else None, place) for x in areas],
        ),
    ]
    rows = tuple(row(label, figs, notes) for label, figs in lines)
    blocks = [Block("pay", f"Pay in {place.name}", Layout.TABLE, rows)]
    why = tuple(w for x in areas if x is not None for w in reasons(x))
    missing = [p.title for p, x in zip(profs, areas, strict=True) if x is None]
    why += tuple(f"{t}: BLS publishes no figures for {place.name}." for t in missing)
    if why:
        blocks.append(Block("notes", "Notes", Layout.BULLETS, bullets=why))
    titles = [p.title for p in profs]
    return Sheet(
        Kind.COMPARE,
        f"{' vs '.join(titles)} in {place.name}",
        tuple(titles),
        tuple(p.id for p in profs),
        f"{listing(titles)} in {place.name}.",
        tuple(blocks),
        tuple(notes.citations),
        paged=True,
    )


def career_where(sheet: Sheet, p: Profession, ranked: Ranked | None, place: Place) -> Sheet:
    """``/career profession where``: the profile, its outlook followed by the place's pay."""
    notes = Footnotes()
    for cite in sheet.sources:
        notes.citations.append(cite)
    if ranked is None:
        text = f"BLS OEWS May 2025 publishes no figures for {p.title} in {place.name}."
        if p.is_group:
            text += " It publishes them for the group's member occupations: /salary lists them."
        extra = Block("where", f"Pay in {place.name}", Layout.PROSE, text=text)
    else:
        rows = place_rows(p, ranked, notes)
        extra = Block("where", f"Pay in {place.name}", Layout.TABLE, rows)
    blocks = list(sheet.blocks)
    at = next((i + 1 for i, b in enumerate(blocks) if b.key == "outlook"), len(blocks))
    blocks.insert(at, extra)
    if ranked is not None and reasons(ranked.pay):
        blocks.append(Block("notes", "Notes", Layout.BULLETS, bullets=reasons(ranked.pay)))
    return replace(
        sheet,
        title=f"{sheet.title} in {place.name}",
        blocks=tuple(blocks),
        sources=tuple(notes.citations),
    )


def with_top_places(sheet: Sheet, states: Sequence[AreaPay], metros: Sequence[AreaPay]) -> Sheet:
    """``/salary`` without a place: today's answer plus the top-paying states and metro areas."""
    blocks = list(sheet.blocks)
    for key, title, tops in (
        ("top_states", "Top paying states", states),
        ("top_metros", "Top paying metro areas", metros),
    ):
        bullets = tuple(
            f"{t.place.name}: {fmt.money(t.annual_mean)}" for t in tops if t.annual_mean
        )
        if bullets:
            blocks.append(Block(key, f"{title} (average salary)", Layout.BULLETS, bullets=bullets))
    return replace(sheet, blocks=tuple(blocks))


def members_where(
    kind: Kind, group: Profession, place: Place, members: Sequence[tuple[Profession, Ranked | None]]
) -> Sheet:
    """A group BLS publishes only nationally: its member occupations' pay in the place."""
    notes = Footnotes()
    shown = sorted(
        ((m, r) for m, r in members if r is not None),
        key=lambda mr: -(mr[1].pay.employment or 0),
    )[:MAX_MEMBERS]
    rows = []
    for member, ranked in shown:
        pay = ranked.pay
        parts = [f"{fmt.money(pay.annual_mean)} average" if pay.annual_mean else "—"]
        if pay.employment is not None:
            parts.append(fmt.jobs(pay.employment))
        rows.append(Row(member.title, (_value(" · ".join(parts), notes, place),)))
    lead = (
        f"BLS publishes state and metro figures for the occupations in {group.title}, not for "
        f"the group itself. Its member occupations in {place.name}"
        + (":" if rows else ": none has published figures there.")
    )
    blocks = [Block("lead", "Members", Layout.LEAD, text=lead)]
    if rows:
        blocks.append(Block("members", f"Pay in {place.name}", Layout.TABLE, tuple(rows)))
    return Sheet(
        kind,
        f"{group.title}: pay in {place.name}",
        (place.name,),
        (group.id,),
        None,
        tuple(blocks),
        tuple(notes.citations),
    )
