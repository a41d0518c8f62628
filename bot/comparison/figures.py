"""Figures of one profession, formatted and sourced: the cells of every sheet.

Each getter takes a profession and returns a ``Fig`` (text, its source section, and the number
behind it when figures can be compared) or ``None`` when the source publishes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import format as fmt
from ..model import Demographics, Money, Place, Profession, Section
from .outlook import category
from .sheet import NOT_PUBLISHED, Value


@dataclass(frozen=True, slots=True)
class Fig:
    """One figure of one profession, before footnotes are numbered."""

    text: str
    section: Section | None
    number: float | None = None
    unit: str = ""  # how differences are worded: "$", "%pts", "jobs", ""
    label: str | None = None  # what this figure is, when it says more than the row's label
    qualifier: str | None = None  # the same, short, for a row mixing kinds: "median"


Getter = Callable[[Profession], Fig | None]


class Footnotes:
    def __init__(self) -> None:
        self.citations: list[str] = []

    def number(self, section: Section | None) -> int | None:
        """The footnote for a section: its citation, with what the figures cover when the
        source says (e.g. "CPS group 'Orderlies and psychiatric aides' (covers 2 SOC codes)")."""
        if section is None:
            return None
        cite = section.citation
        extra = [section.note] if section.note else []
        if isinstance(section, Demographics) and section.covers and section.covers not in extra:
            extra.append(section.covers)
        if extra:
            cite += " — " + "; ".join(extra)
        if cite not in self.citations:
            self.citations.append(cite)
        return self.citations.index(cite) + 1

    def value(self, fig: Fig | None) -> Value:
        if fig is None:
            return Value(NOT_PUBLISHED)
        return Value(fig.text, self.number(fig.section), fig.number)


# --------------------------------------------------------------------------- figure getters


def _money(section: Section | None, value: Money | None, hourly: bool = False) -> Fig | None:
    if value is None:
        return None
    return Fig(fmt.money(value, hourly=hourly), section, value.value, "$/hr" if hourly else "$")


def _place(section: Section | None, place: Place | None) -> Fig | None:
    if place is None:
        return None
    text = place.name
    if place.annual_mean is not None:
        text += f" ({fmt.money(place.annual_mean)})"
    return Fig(text, section)


def _text(section: Section | None, text: str | None) -> Fig | None:
    return None if section is None or text is None else Fig(text, section)


def yearly(p: Profession) -> Fig | None:
    if p.pay is None:
        return None
    return _money(p.pay, p.pay.annual_mean) or _money(p.pay, p.pay.annual_median)


def median_pay(p: Profession) -> Fig | None:
    return _money(p.pay, p.pay.annual_median) if p.pay else None


def hourly(p: Profession) -> Fig | None:
    if p.pay is None:
        return None
    return _money(p.pay, p.pay.hourly_mean, True) or _money(p.pay, p.pay.hourly_median, True)


def salary_range(p: Profession) -> Fig | None:
    pay = p.pay
    if pay is None:
        return None
    if pay.range_low is not None and pay.range_high is not None:
        return Fig(f"{fmt.money(pay.range_low)} – {fmt.money(pay.range_high)}", pay)
    if pay.p10 is not None and pay.p90 is not None:
        return Fig(f"{fmt.money(pay.p10)} – {fmt.money(pay.p90)} (10th–90th percentile)", pay)
    return None


def growth(p: Profession) -> Fig | None:
    o = p.outlook
    if o is None or o.growth_pct is None:
        return None
    text = fmt.pct(o.growth_pct, signed=True)
    if o.start_year and o.end_year:  # a BLS projection: say it in the Handbook's words
        text += f" ({o.start_year}–{str(o.end_year)[-2:]}), {category(o.growth_pct)}"
    return Fig(text, o, o.growth_pct, "%pts")


def number_of_jobs(p: Profession) -> Fig | None:
    if p.outlook is not None and p.outlook.jobs is not None:
        return Fig(fmt.jobs(p.outlook.jobs), p.outlook, p.outlook.jobs, "jobs")
    if p.pay is not None and p.pay.employment is not None:
        return Fig(fmt.jobs(p.pay.employment), p.pay, p.pay.employment, "jobs")
    if p.outlook is not None and p.outlook.employment_start is not None:
        return Fig(
            fmt.jobs(p.outlook.employment_start), p.outlook, p.outlook.employment_start, "jobs"
        )
    return None


def satisfaction(p: Profession) -> Fig | None:
    w = p.workforce
    if w is None or w.job_satisfaction is None:
        return None
    return Fig(f"{fmt.plain(w.job_satisfaction)} / 5", w, w.job_satisfaction)


def top_degree(p: Profession) -> Fig | None:
    e = p.education
    if e is None or not e.levels:
        return None
    best = max(e.levels, key=lambda s: s.pct)
    return Fig(f"{best.label}, {fmt.pct(best.pct)}", e)


# How long BLS's on-the-job training categories last (BLS Employment Projections, education
# and training categories).
TRAINING_SPANS = {
    "short-term on-the-job training": "1 month or less",
    "moderate-term on-the-job training": "1–12 months",
    "long-term on-the-job training": "more than 12 months",
}


def entry_path(p: Profession) -> Fig | None:
    """How people get in, in BLS's terms: "High school diploma or equivalent + moderate-term
    on-the-job training (1–12 months)"; parts BLS calls "None" are left out."""
    o = p.outlook
    if o is None:
        return None
    parts = [o.entry_education] if o.entry_education and o.entry_education != "None" else []
    if o.work_experience and o.work_experience != "None":
        experience = o.work_experience[:1].lower() + o.work_experience[1:]
        parts.append(f"{experience} of related work experience")
    if o.job_training and o.job_training != "None":
        training = o.job_training.lower()
        span = TRAINING_SPANS.get(training)
        parts.append(f"{training} ({span})" if span else training)
    if len(parts) < 2:  # the entry education alone says nothing about time: its own row
        return None
    return Fig(" + ".join(parts), o)


def entry_education(p: Profession) -> Fig | None:
    return _text(p.outlook, p.outlook.entry_education) if p.outlook else None


def age(p: Profession) -> Fig | None:
    a = p.age
    if a is None:
        return None
    if a.average is not None:
        return Fig(fmt.plain(a.average), a, a.average, label="Average age", qualifier="average")
    if a.median is not None:
        return Fig(fmt.plain(a.median), a, a.median, label="Median age", qualifier="median")
    return None


def experience(p: Profession) -> Fig | None:
    """Years of experience as a curated page gives them, else the related work experience most
    O*NET respondents say the job requires, with its share."""
    w = p.workforce
    if w is not None and w.years_experience is not None:
        years = w.years_experience
        return Fig(fmt.plain(years), w, years, label="Years of experience", qualifier="years")
    e = p.education
    if e is None or not e.experience:
        return None
    top = max(e.experience, key=lambda s: s.pct)
    text = f"{top.label}, {fmt.pct(top.pct)}"
    return Fig(text, e, label="Related work experience", qualifier="most common")


def time_to_become(p: Profession) -> Fig | None:
    """A source's own figure ("6–12 months"), else BLS's typical path in."""
    given = _text(p.education, p.education.time_to_become) if p.education else None
    return given or entry_path(p)


def top_major(p: Profession) -> Fig | None:
    m = p.majors
    if m is None or not m.names:
        return None
    text = " · ".join(m.names[:3])  # CIP titles have commas of their own
    if p.curated:  # the curated page says which major is most common
        return Fig(text, m, label="Most common major", qualifier="most common")
    # public data: college programs the NCES CIP–SOC crosswalk links to the occupation
    return Fig(text, m, label="Related majors", qualifier="related programs")


def college(p: Profession) -> Fig | None:
    return _text(p.education, p.education.most_common_college) if p.education else None


def gender(p: Profession) -> Fig | None:
    d = p.demographics
    if d is None or (d.women_pct is None and d.men_pct is None):
        return None
    parts = []
    if d.men_pct is not None:
        parts.append(f"Male, {fmt.pct(d.men_pct, decimals=1)}")
    if d.women_pct is not None:
        parts.append(f"Female, {fmt.pct(d.women_pct, decimals=1)}")
    return Fig(" · ".join(parts), d)


def race(p: Profession) -> Fig | None:
    d = p.demographics
    if d is None or not d.race:
        return None
    parts = [f"{s.label}, {fmt.pct(s.pct, decimals=1)}" for s in d.race]
    if d.hispanic_pct is not None:
        parts.append(f"Hispanic or Latino (any race), {fmt.pct(d.hispanic_pct, decimals=1)}")
    return Fig("\n".join(parts), d)


def lgbt(p: Profession) -> Fig | None:
    d = p.demographics
    if d is None or d.lgbt_pct is None:
        return None
    return Fig(fmt.pct(d.lgbt_pct), d, d.lgbt_pct, "%pts")


def skills(p: Profession) -> Fig | None:
    s = p.skills
    if s is None or not s.skills:
        return None
    return Fig(", ".join(r.name for r in s.skills[:5]), s)


def knowledge(p: Profession) -> Fig | None:
    s = p.skills
    if s is None or not s.knowledge:
        return None
    return Fig(", ".join(r.name for r in s.knowledge[:3]), s)


def openings(p: Profession) -> Fig | None:
    o = p.outlook
    if o is None or o.annual_openings is None:
        return None
    return Fig(f"{o.annual_openings:,}", o, o.annual_openings, "openings")  # label: per year


def employment_change(p: Profession) -> Fig | None:
    """The projected change in the number of jobs: "+166,100 jobs (2024–34)"."""
    o = p.outlook
    if o is None or o.employment_start is None or o.employment_end is None:
        return None
    change = o.employment_end - o.employment_start
    years = f" ({o.start_year}–{str(o.end_year)[-2:]})" if o.start_year and o.end_year else ""
    sign = "+" if change > 0 else "-" if change < 0 else ""
    return Fig(f"{sign}{fmt.jobs(abs(change))}{years}", o, change, "jobs")


def training(p: Profession) -> Fig | None:
    return _text(p.outlook, p.outlook.job_training) if p.outlook else None


def work_experience(p: Profession) -> Fig | None:
    return _text(p.outlook, p.outlook.work_experience) if p.outlook else None


def attr_place(attr: str) -> Getter:
    """The pay section's place named ``attr`` (``top_state``, ``top_metro``...)."""
    return lambda p: _place(p.pay, getattr(p.pay, attr)) if p.pay else None


def top_industry(p: Profession) -> Fig | None:
    """The best-paying industry, unless it pays less than the occupation's own mean (then it is
    not "best-paying" in any sense a reader would take)."""
    pay = p.pay
    if pay is None or pay.top_industry is None:
        return None
    paid, mean = pay.top_industry.annual_mean, pay.annual_mean
    if paid is not None and mean is not None and paid.value < mean.value:
        return None
    return _place(pay, pay.top_industry)


def curated_range(p: Profession) -> Fig | None:
    """A salary range a source gives as such (the percentiles are shown on their own)."""
    pay = p.pay
    if pay is None or pay.range_low is None or pay.range_high is None:
        return None
    return Fig(f"{fmt.money(pay.range_low)} – {fmt.money(pay.range_high)}", pay)


def mean_pay(p: Profession) -> Fig | None:
    return _money(p.pay, p.pay.annual_mean) if p.pay else None


def hourly_mean(p: Profession) -> Fig | None:
    return _money(p.pay, p.pay.hourly_mean, True) if p.pay else None


def hourly_median(p: Profession) -> Fig | None:
    return _money(p.pay, p.pay.hourly_median, True) if p.pay else None


def employed(p: Profession) -> Fig | None:
    if p.pay is None or p.pay.employment is None:
        return None
    return Fig(fmt.jobs(p.pay.employment), p.pay, p.pay.employment, "jobs")


def official(p: Profession | None) -> Fig | None:
    """An official occupation's title and SOC code (what a curated profile links to)."""
    if p is None:
        return None
    return Fig(p.title + (f" (SOC {p.soc})" if p.soc else ""), None)


# --------------------------------------------------------------------------- differences


def difference(a: Fig | None, b: Fig | None, than: str = "") -> tuple[int | None, str | None]:
    """Which column is higher (0 or 1) and by how much, in words; (None, None) if not comparable.
    ``than`` ends the words ("… more than the next")."""
    if a is None or b is None or a.number is None or b.number is None or a.unit != b.unit:
        return None, None
    if a.number == b.number:
        return None, "same"
    hi, lo = (0, b.number) if a.number > b.number else (1, a.number)
    gap = abs(a.number - b.number)
    unit = a.unit
    if unit in {"$", "$/hr"}:
        text = fmt.dollars(gap, hourly=unit == "$/hr")
    elif unit == "%pts":
        text = f"{fmt.plain(gap)} pts"
    elif unit in {"jobs", "openings"}:
        text = f"{gap:,.0f} {unit}"
    else:
        text = fmt.plain(gap)
    if unit in {"$", "$/hr", "jobs", "openings"} and lo > 0:
        text += f" ({gap / lo * 100:.0f}%)"
    text += (" more" if unit != "%pts" else " higher") + than
    if a.section is not None and b.section is not None and a.section.citation != b.section.citation:
        text += " · different sources"
    return hi, text


def highest(figs: Sequence[Fig | None]) -> tuple[int | None, str | None]:
    """Which column is highest and by how much it leads the next, in words: ``difference`` for
    two columns; for more, the columns with a figure (at least two, all in one unit) are ranked,
    and "same" only when every column has the same figure."""
    if len(figs) == 2:
        return difference(figs[0], figs[1])
    numbered = [
        (i, fig) for i, fig in enumerate(figs) if fig is not None and fig.number is not None
    ]
    if len(numbered) < 2 or len({fig.unit for _, fig in numbered}) > 1:
        return None, None
    ranked = sorted(numbered, key=lambda t: -(t[1].number or 0))
    (top, first), (_, second) = ranked[0], ranked[1]
    if first.number == second.number:
        same = len(numbered) == len(figs) and ranked[-1][1].number == first.number
        return None, "same" if same else None
    _, text = difference(first, second, " than the next")
    return top, text
