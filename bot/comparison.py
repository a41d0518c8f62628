"""Profession(s) → view models: labelled rows, sources, which is higher and by how much.

The view model is the single thing both surfaces render (Discord embeds and terminal text), so
they cannot disagree. No ``discord`` import here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import format as fmt
from .model import Demographics, Money, Place, Profession, Section

MISSING = fmt.MISSING


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    source: int | None = None  # footnote number (1-based) into View.sources
    number: float | None = None  # the figure behind the text, when comparable

    @property
    def missing(self) -> bool:
        return self.text == MISSING


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    values: tuple[Value, ...]
    higher: int | None = None  # column holding the larger figure
    difference: str | None = None  # "$8,087 (23%) more"


@dataclass(frozen=True, slots=True)
class Block:
    key: str
    title: str
    rows: tuple[Row, ...] = ()
    text: str | None = None
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class View:
    kind: str  # "compare" | "salary" | "career"
    title: str
    columns: tuple[str, ...]  # profession titles, one per value column
    ids: tuple[str, ...]
    summary: str | None
    blocks: tuple[Block, ...]
    sources: tuple[str, ...]  # footnote n is sources[n - 1]

    def block(self, key: str) -> Block | None:
        return next((b for b in self.blocks if b.key == key), None)


@dataclass(frozen=True, slots=True)
class Fig:
    """One figure of one profession, before footnotes are numbered."""

    text: str
    section: Section | None
    number: float | None = None
    unit: str = ""  # how differences are worded: "$", "%pts", "jobs", ""


Getter = Callable[[Profession], Fig | None]


class _Footnotes:
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
            return Value(MISSING)
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
    if o.start_year and o.end_year:
        text += f" ({o.start_year}–{str(o.end_year)[-2:]})"
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


def entry_education(p: Profession) -> Fig | None:
    return _text(p.outlook, p.outlook.entry_education) if p.outlook else None


def age(p: Profession) -> Fig | None:
    a = p.age
    if a is None:
        return None
    if a.average is not None:
        return Fig(fmt.plain(a.average), a, a.average)
    if a.median is not None:
        return Fig(f"{fmt.plain(a.median)} (median)", a, a.median)
    return None


def experience(p: Profession) -> Fig | None:
    w = p.workforce
    if w is None or w.years_experience is None:
        return None
    return Fig(fmt.plain(w.years_experience), w, w.years_experience)


def time_to_become(p: Profession) -> Fig | None:
    return _text(p.education, p.education.time_to_become) if p.education else None


def top_major(p: Profession) -> Fig | None:
    m = p.majors
    if m is None or not m.names:
        return None
    return Fig(" · ".join(m.names[:3]), m)  # CIP titles have commas of their own


def college(p: Profession) -> Fig | None:
    e = p.education
    if e is None or e.most_common_college is None:
        return None
    return Fig(e.most_common_college, e)


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
    return Fig(f"{o.annual_openings:,} a year", o, o.annual_openings, "openings")


def employment_change(p: Profession) -> Fig | None:
    o = p.outlook
    if o is None or o.employment_start is None or o.employment_end is None:
        return None
    years = f" ({o.start_year}→{o.end_year})" if o.start_year and o.end_year else ""
    return Fig(f"{o.employment_start:,} → {o.employment_end:,}{years}", o)


def training(p: Profession) -> Fig | None:
    o = p.outlook
    if o is None or o.job_training is None:
        return None
    return Fig(o.job_training, o)


def work_experience(p: Profession) -> Fig | None:
    o = p.outlook
    if o is None or o.work_experience is None:
        return None
    return Fig(o.work_experience, o)


def _attr_place(attr: str) -> Getter:
    return lambda p: _place(p.pay, getattr(p.pay, attr)) if p.pay else None


# label, getter, always shown (even when every column is "—")
RowSpec = tuple[str, Getter, bool]

COMPARE_BLOCKS: tuple[tuple[str, str, tuple[RowSpec, ...]], ...] = (
    (
        "summary",
        "Summary",
        (
            ("Yearly salary", yearly, True),
            ("Hourly rate", hourly, True),
            ("Growth rate", growth, True),
            ("Number of jobs", number_of_jobs, True),
            ("Job satisfaction", satisfaction, False),
            ("Most common degree", top_degree, False),
            ("Average age", age, False),
            ("Years of experience", experience, False),
        ),
    ),
    (
        "pay",
        "Pay",
        (
            ("Average salary", yearly, True),
            ("Median salary", median_pay, False),
            ("Salary range", salary_range, True),
            ("Highest paying city", _attr_place("top_metro"), False),
            ("Highest paying state", _attr_place("top_state"), False),
            ("Best paying company", _attr_place("top_company"), False),
            ("Best paying industry", _attr_place("top_industry"), False),
        ),
    ),
    (
        "education",
        "Education",
        (
            ("Most common degree", top_degree, False),
            ("Typical entry education", entry_education, False),
            ("Most common major", top_major, False),
            ("Most common college", college, False),
            ("Time to become", time_to_become, False),
        ),
    ),
    (
        "demographics",
        "Demographics",
        (
            ("Average age", age, False),
            ("Gender ratio", gender, False),
            ("Race ratio", race, False),
            ("LGBT percentage", lgbt, False),
        ),
    ),
    (
        "outlook",
        "Skills & outlook",
        (
            ("Top skills", skills, False),
            ("Knowledge", knowledge, False),
            ("Growth rate", growth, False),
            ("Employment", employment_change, False),
            ("Openings", openings, False),
            ("Job satisfaction", satisfaction, False),
        ),
    ),
)


# --------------------------------------------------------------------------- differences


def difference(a: Fig | None, b: Fig | None) -> tuple[int | None, str | None]:
    """Which column is higher (0 or 1) and by how much, in words; (None, None) if not comparable."""
    if a is None or b is None or a.number is None or b.number is None or a.unit != b.unit:
        return None, None
    if a.number == b.number:
        return None, "same"
    hi, lo = (0, b.number) if a.number > b.number else (1, a.number)
    gap = abs(a.number - b.number)
    unit = a.unit
    if unit == "$":
        text = f"${gap:,.0f}"
    elif unit == "$/hr":
        text = f"${gap:,.2f}/hr"
    elif unit == "%pts":
        text = f"{fmt.plain(gap)} pts"
    elif unit in {"jobs", "openings"}:
        text = f"{gap:,.0f} {unit}"
    else:
        text = fmt.plain(gap)
    if unit in {"$", "$/hr", "jobs", "openings"} and lo > 0:
        text += f" ({gap / lo * 100:.0f}%)"
    text += " more" if unit != "%pts" else " higher"
    if a.section is not None and b.section is not None and a.section.citation != b.section.citation:
        text += " · different sources"
    return hi, text


def _row(label: str, figs: Sequence[Fig | None], notes: _Footnotes) -> Row:
    values = tuple(notes.value(f) for f in figs)
    if len(figs) == 2:
        higher, diff = difference(figs[0], figs[1])
        return Row(label, values, higher, diff)
    return Row(label, values)


def _blocks(
    profs: Sequence[Profession],
    specs: Sequence[tuple[str, str, Sequence[RowSpec]]],
    notes: _Footnotes,
) -> list[Block]:
    blocks = []
    curated = any(p.curated for p in profs)
    for key, title, rows in specs:
        built = []
        for label, getter, always in rows:
            figs = [getter(p) for p in profs]
            shown = always or any(f is not None for f in figs)
            if label == "Most common college" and curated:
                shown = True  # the curated page lists it (as "-"): keep the row, show "—"
            if shown:
                built.append(_row(label, figs, notes))
        blocks.append(Block(key, title, tuple(built)))
    return blocks


def _plural(title: str) -> str:
    t = title.lower()
    return t if t.endswith("s") else t + "s"


def _compare_summary(a: Profession, b: Profession) -> str:
    parts = []
    ta, tb = time_to_become(a), time_to_become(b)
    if ta and tb and ta.text == tb.text:
        parts.append(
            f"It typically takes {ta.text} to become both a {a.title.lower()} "
            f"and a {b.title.lower()}."
        )
    ya, yb = yearly(a), yearly(b)
    if ya and yb and ya.number is not None and yb.number is not None and ya.number != yb.number:
        hi, lo = (a, b) if ya.number > yb.number else (b, a)
        fhi, flo = (ya, yb) if hi is a else (yb, ya)
        parts.append(
            f"A {hi.title.lower()} has an average salary of {fhi.text}, which is higher than "
            f"the {flo.text} of a {lo.title.lower()}."
        )
    sa, sb = skills(a), skills(b)
    if sa and sb:
        parts.append(
            f"Top skills for {_plural(a.title)}: {sa.text.lower()}; "
            f"for {_plural(b.title)}: {sb.text.lower()}."
        )
    return " ".join(parts) or f"{a.title} and {b.title}, side by side."


def _official(p: Profession | None) -> Fig | None:
    if p is None:
        return None
    return Fig(p.title + (f" (SOC {p.soc})" if p.soc else ""), None)


def compare(
    a: Profession,
    b: Profession,
    closest: tuple[Profession | None, Profession | None] = (None, None),
) -> View:
    """Two professions side by side, in the original page's sections. ``closest`` are the
    official occupations that curated profiles link to (shown so both can be looked up)."""
    notes = _Footnotes()
    blocks = _blocks((a, b), COMPARE_BLOCKS, notes)
    if any(closest):
        summary = blocks[0]
        row = _row("Closest official occupation", [_official(c) for c in closest], notes)
        blocks[0] = Block(summary.key, summary.title, (*summary.rows, row))
    extra = []
    for p in (a, b):
        if p.description:
            extra.append(Row(p.title, (Value(p.description, notes.number(_profile_source(p))),)))
    if extra:
        blocks.insert(1, Block("about", "What they do", tuple(extra)))
    return View(
        "compare",
        f"{a.title} vs {b.title}",
        (a.title, b.title),
        (a.id, b.id),
        _compare_summary(a, b),
        tuple(blocks),
        tuple(notes.citations),
    )


def _profile_source(p: Profession) -> Section | None:
    return Section(p.source, p.year) if p.source else None


SALARY_ROWS: tuple[RowSpec, ...] = (
    ("Average salary", lambda p: _money(p.pay, p.pay.annual_mean) if p.pay else None, False),
    ("Median salary", median_pay, False),
    ("Hourly (mean)", lambda p: _money(p.pay, p.pay.hourly_mean, True) if p.pay else None, False),
    (
        "Hourly (median)",
        lambda p: _money(p.pay, p.pay.hourly_median, True) if p.pay else None,
        False,
    ),
    ("Salary range", salary_range, False),
    ("Employed", lambda p: _count_fig(p.pay, p.pay.employment) if p.pay else None, False),
    ("Highest paying state", _attr_place("top_state"), False),
    ("Highest paying city", _attr_place("top_metro"), False),
    ("Best paying industry", _attr_place("top_industry"), False),
    ("Best paying company", _attr_place("top_company"), False),
)


def _count_fig(section: Section | None, value: int | None) -> Fig | None:
    return None if value is None else Fig(fmt.jobs(value), section, value, "jobs")


def _percentile_bullets(p: Profession) -> tuple[str, ...]:
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


def salary(p: Profession, closest: Profession | None = None) -> View:
    """One profession's pay; a curated profile also shows its closest official occupation."""
    notes = _Footnotes()
    blocks = _blocks((p,), (("pay", "Pay", SALARY_ROWS),), notes)
    bullets = _percentile_bullets(p)
    if bullets:
        blocks.append(Block("percentiles", "Pay percentiles (annual)", bullets=bullets))
        notes.number(p.pay)
    if closest is not None:
        rows = _blocks((closest,), (("official", "", SALARY_ROWS[:6]),), notes)[0].rows
        if rows:
            title = f"Official figures: {closest.title}"
            if closest.soc:
                title += f" (SOC {closest.soc})"
            blocks.append(Block("official", title, rows))
    if not any(b.rows or b.bullets for b in blocks):
        blocks = [Block("pay", "Pay", text="No pay figures are published for this profession.")]
    summary = None
    y = yearly(p)
    if y is not None:
        summary = f"{p.title} earn {y.text} a year on average."
        h = hourly(p)
        if h is not None:
            summary = f"{p.title} earn {y.text} a year on average ({h.text})."
    return View(
        "salary",
        f"{p.title}: pay",
        (p.title,),
        (p.id,),
        summary,
        tuple(blocks),
        tuple(notes.citations),
    )


PROFILE_BLOCKS: tuple[tuple[str, str, tuple[RowSpec, ...]], ...] = (
    (
        "outlook",
        "Outlook",
        (
            ("Yearly salary", yearly, False),
            ("Growth rate", growth, False),
            ("Employment", employment_change, False),
            ("Number of jobs", number_of_jobs, False),
            ("Openings", openings, False),
            ("Job satisfaction", satisfaction, False),
        ),
    ),
    (
        "education",
        "Education & training",
        (
            ("Typical entry education", entry_education, False),
            ("Most common degree", top_degree, False),
            ("Related majors", top_major, False),
            ("Work experience", work_experience, False),
            ("On-the-job training", training, False),
            ("Time to become", time_to_become, False),
        ),
    ),
    (
        "skills",
        "Skills",
        (
            ("Top skills", skills, False),
            ("Knowledge", knowledge, False),
        ),
    ),
    (
        "people",
        "Who does it",
        (
            ("Age", age, False),
            ("Gender ratio", gender, False),
            ("Race ratio", race, False),
            ("Years of experience", experience, False),
        ),
    ),
)


def profile(
    p: Profession,
    similar: Sequence[Profession] = (),
    closest: Profession | None = None,
) -> View:
    """What they do, outlook, education, skills and similar careers."""
    notes = _Footnotes()
    blocks: list[Block] = []
    src = _profile_source(p)
    if p.description or p.tasks:
        num = notes.number(src)
        text = p.description
        if text and num is not None:
            text = f"{text} [{num}]"
        blocks.append(Block("about", "What they do", text=text, bullets=p.tasks[:5]))
    blocks += [b for b in _blocks((p,), PROFILE_BLOCKS, notes) if b.rows]
    links = [f"{s.title}" for s in similar]
    if links:
        notes.number(p.similar)
        blocks.append(Block("similar", "Similar careers", bullets=tuple(links)))
    if closest is not None:
        line = f"{closest.title}" + (f" (SOC {closest.soc})" if closest.soc else "")
        blocks.append(Block("official", "Closest official occupation", bullets=(line,)))
    summary = None
    if p.soc:
        summary = f"SOC {p.soc}"
    return View(
        "career", p.title, (p.title,), (p.id,), summary, tuple(blocks), tuple(notes.citations)
    )
