"""What each chart shows, as plain immutable records, and the same said in words (alt text).

Pure data: no plotting library here. A spec is built from the dataset in microseconds, is
hashable (it is the chart cache's key, with the data fingerprint) and is drawn by
:mod:`bot.charts.draw` in a worker thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import format as fmt
from ..comparison.sheet import Kind
from ..model import Money, Pay, Profession
from .tiles import BY_CODE, TILES

# The embed colours (Discord's palette), so a chart matches the answer it belongs to.
SALARY_COLOUR = "#57F287"
CAREER_COLOUR = "#FEE75C"
#: /compare: A (the compare embed's blurple), B (orange), C (Discord's fuchsia).
SIDE_COLOURS = ("#5865F2", "#E67E22", "#EB459E")
REFERENCE_COLOUR = "#99AAB5"  # the national range shown beside a place's

ALT_MAX = 1024  # Discord's limit for an attachment's description
PERCENTILES = ("10th percentile", "25th percentile", "median", "75th percentile", "90th percentile")


@dataclass(frozen=True, slots=True)
class Range:
    """One pay range: whose (and where), its five percentiles (any may be absent), colour."""

    label: str
    p10: Money | None
    p25: Money | None
    median: Money | None
    p75: Money | None
    p90: Money | None
    colour: str

    @property
    def points(self) -> tuple[Money | None, ...]:
        return (self.p10, self.p25, self.median, self.p75, self.p90)

    @property
    def drawable(self) -> bool:
        """At least a median and one end of the range are published."""
        return self.median is not None and (self.p10 is not None or self.p90 is not None)


@dataclass(frozen=True, slots=True)
class PayChart:
    """/salary (one range, or a place beside the national one) and /compare (two or three)."""

    name: str  # "pay" | "compare": the file name's suffix
    title: str
    rows: tuple[Range, ...]
    source: str


@dataclass(frozen=True, slots=True)
class MapChart:
    """Mean yearly pay by state as a tile grid; ``None`` = not published (suppressed)."""

    title: str
    occupation: str
    values: tuple[tuple[str, Money | None], ...]  # (postal code, annual mean), tile order
    highlight: str | None  # postal code of the asked-for state, outlined
    source: str
    name: str = "map"


@dataclass(frozen=True, slots=True)
class OutlookChart:
    """/career: projected employment at both ends of the projection, and yearly openings."""

    title: str
    occupation: str
    start_year: int
    end_year: int
    employment_start: int
    employment_end: int
    growth_pct: float | None
    annual_openings: int | None
    colour: str
    source: str
    name: str = "outlook"


Spec = PayChart | MapChart | OutlookChart


@dataclass(frozen=True, slots=True)
class Chart:
    """A drawn chart: PNG bytes, its size in pixels, and its alt text."""

    name: str  # "pay" | "compare" | "map" | "outlook"
    png: bytes
    width: int
    height: int
    alt: str

    @property
    def filename(self) -> str:
        return f"{self.name}.png"


def pay_range(pay: Pay | None, label: str, colour: str) -> Range | None:
    """A profession's (or a place's) published percentiles as a range, when there is one."""
    if pay is None:
        return None
    r = Range(label, pay.p10, pay.p25, pay.annual_median, pay.p75, pay.p90, colour)
    return r if r.drawable else None


def salary_chart(p: Profession, place: Range | None = None) -> PayChart | None:
    """The pay range of ``p`` nationally; with ``place``, the place's range above it."""
    national = pay_range(p.pay, "United States", REFERENCE_COLOUR if place else SALARY_COLOUR)
    if national is None or p.pay is None:
        return None
    rows = (place, national) if place is not None and place.drawable else (national,)
    return PayChart("pay", "Yearly pay range", rows, p.pay.citation)


def compare_chart(*professions: Profession) -> PayChart | None:
    """The professions' pay ranges on one scale (two or three), each in its side's colour."""
    colours = SIDE_COLOURS[: len(professions)]
    ranges = [pay_range(p.pay, p.title, c) for p, c in zip(professions, colours, strict=True)]
    rows = tuple(r for r in ranges if r is not None)
    if len(rows) != len(professions):
        return None
    sources = dict.fromkeys(p.pay.citation for p in professions if p.pay is not None)
    return PayChart("compare", "Yearly pay ranges", rows, " · ".join(sources))


def map_chart(
    p: Profession, states: Mapping[str, Money | None], source: str, highlight: str | None = None
) -> MapChart | None:
    """Mean pay by state (postal code → mean; absent or ``None`` = not published)."""
    values = tuple((t.code, states.get(t.code)) for t in TILES)
    if sum(v is not None for _, v in values) < 2:
        return None
    mark = highlight if highlight in BY_CODE else None
    return MapChart("Mean yearly pay by state", p.title, values, mark, source)


def outlook_chart(p: Profession) -> OutlookChart | None:
    o = p.outlook
    if o is None or None in (o.start_year, o.end_year, o.employment_start, o.employment_end):
        return None
    assert o.start_year and o.end_year and o.employment_start is not None
    assert o.employment_end is not None
    return OutlookChart(
        "Jobs and openings",
        p.title,
        o.start_year,
        o.end_year,
        o.employment_start,
        o.employment_end,
        o.growth_pct,
        o.annual_openings,
        CAREER_COLOUR,
        o.citation,
    )


# --------------------------------------------------------------------------- alt text


def _clip(text: str) -> str:
    return text if len(text) <= ALT_MAX else text[: ALT_MAX - 1].rstrip() + "…"


def _range_words(r: Range) -> str:
    parts = []
    for name, value in zip(PERCENTILES, r.points, strict=True):
        if value is None:
            parts.append(f"{name} not published")
        elif value.at_least:
            parts.append(f"{name} at least {fmt.money(Money(value.value))} (top-coded)")
        else:
            parts.append(f"{name} {fmt.money(value)}")
    return f"{r.label}: " + ", ".join(parts)


def pay_alt(chart: PayChart) -> str:
    what = "Yearly pay ranges on one scale" if len(chart.rows) > 1 else "Yearly pay range"
    rows = ". ".join(_range_words(r) for r in chart.rows)
    return _clip(f"{what} ({chart.source}). {rows}.")


def _state_list(items: list[tuple[str, Money]]) -> str:
    return ", ".join(f"{BY_CODE[code].name} {fmt.money(v)}" for code, v in items)


def ranked_states(chart: MapChart) -> tuple[list[tuple[str, Money]], list[str]]:
    """The states in order of pay, best paid first, and those that cannot be ranked: a
    top-coded mean ("at least $239,200") is a floor, above every figure below it but of
    unknown place among figures above it (where a state publishes more, it is not ranked)."""
    exact = [(c, v) for c, v in chart.values if v is not None and not v.at_least]
    floors = [(c, v) for c, v in chart.values if v is not None and v.at_least]
    top = max((v.value for _, v in exact), default=0.0)
    ranked = exact + [(c, v) for c, v in floors if v.value >= top]
    ranked.sort(key=lambda cv: (-cv[1].value, not cv[1].at_least))
    return ranked, [c for c, v in floors if v.value < top]


def _outlined(chart: MapChart, ranked: list[tuple[str, Money]]) -> str:
    assert chart.highlight is not None
    value = dict(chart.values).get(chart.highlight)
    name = BY_CODE[chart.highlight].name
    if value is None:
        return f" {name} (outlined): not published."
    order = [c for c, _ in ranked]
    if chart.highlight not in order:
        return f" {name} (outlined): {fmt.money(value)}, not ranked."
    rank = order.index(chart.highlight) + 1
    return f" {name} (outlined): {fmt.money(value)}, {rank} of {len(order)}."


def map_alt(chart: MapChart) -> str:
    lead = f"Map of mean yearly pay for {chart.occupation} by state ({chart.source}). "
    return _clip(lead + map_summary(chart))


def map_summary(chart: MapChart) -> str:
    """The map's figures in words: the best and worst paid states, the outlined one, those
    not ranked or not published."""
    known, unranked = ranked_states(chart)
    text = f"Highest: {_state_list(known[:5])}. Lowest: {_state_list(known[-3:][::-1])}."
    if chart.highlight:
        text += _outlined(chart, known)
    if unranked:
        floor = fmt.money(dict(chart.values)[unranked[0]])
        names = ", ".join(BY_CODE[c].name for c in unranked)
        text += f" {floor} (BLS's top code), so not ranked: {names}."
    hidden = [BY_CODE[c].name for c, v in chart.values if v is None]
    if hidden:
        text += f" Not published (BLS suppresses unreliable estimates): {', '.join(hidden)}."
    return _clip(text)


def outlook_alt(chart: OutlookChart) -> str:
    text = (
        f"{chart.occupation}: employment projected from {chart.employment_start:,} in "
        f"{chart.start_year} to {chart.employment_end:,} in {chart.end_year}"
    )
    if chart.growth_pct is not None:
        text += f" ({fmt.pct(chart.growth_pct, signed=True)})"
    if chart.annual_openings is not None:
        text += f", with {chart.annual_openings:,} openings a year"
    return _clip(text + f" ({chart.source}).")


def alt_text(spec: Spec) -> str:
    """The chart said in words: every figure it shows."""
    if isinstance(spec, PayChart):
        return pay_alt(spec)
    if isinstance(spec, MapChart):
        return map_alt(spec)
    return outlook_alt(spec)


def answer_specs(kind: Kind, professions: tuple[Profession, ...]) -> tuple[Spec, ...]:
    """The charts of an answer, in the order they are shown. A chart with nothing to show is
    left out."""
    found: list[Spec | None] = []
    if kind is Kind.COMPARE:
        found.append(compare_chart(*professions))
    elif kind is Kind.SALARY:
        found.append(salary_chart(professions[0]))
    else:
        found.append(outlook_chart(professions[0]))
    return tuple(s for s in found if s is not None)
