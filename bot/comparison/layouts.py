"""Which rows each sheet shows, in which sections, and the tables made from them."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from ..model import Profession
from . import figures as f
from .figures import Fig, Footnotes, Getter, difference
from .sheet import Block, Layout, Row


class Show(Enum):
    """When a row appears."""

    ALWAYS = "always"  # even when every column is "—"
    IF_ANY = "if any"  # when at least one column has a figure
    IF_CURATED = "if curated"  # also whenever a curated page is shown (it lists the row as "-")


class Line(NamedTuple):
    label: str
    getter: Getter
    show: Show = Show.IF_ANY


class Part(NamedTuple):
    key: str
    title: str
    lines: tuple[Line, ...]


A = Show.ALWAYS

COMPARE_SECTIONS: tuple[Part, ...] = (
    Part(
        "summary",
        "Summary",
        (
            Line("Yearly salary", f.yearly, A),
            Line("Hourly rate", f.hourly, A),
            Line("Growth rate", f.growth, A),
            Line("Number of jobs", f.number_of_jobs, A),
            Line("Job satisfaction", f.satisfaction),
            Line("Most common degree", f.top_degree),
            Line("Average age", f.age),
            Line("Years of experience", f.experience),
        ),
    ),
    Part(
        "pay",
        "Pay",
        (
            Line("Average salary", f.yearly, A),
            Line("Median salary", f.median_pay),
            Line("Salary range", f.salary_range, A),
            Line("Highest paying city", f.attr_place("top_metro")),
            Line("Highest paying state", f.attr_place("top_state")),
            Line("Best paying company", f.attr_place("top_company")),
            Line("Best paying industry", f.attr_place("top_industry")),
        ),
    ),
    Part(
        "education",
        "Education",
        (
            Line("Most common degree", f.top_degree),
            Line("Typical entry education", f.entry_education),
            Line("Most common major", f.top_major),
            Line("Most common college", f.college, Show.IF_CURATED),
            Line("Time to become", f.time_to_become),
        ),
    ),
    Part(
        "demographics",
        "Demographics",
        (
            Line("Average age", f.age),
            Line("Gender ratio", f.gender),
            Line("Race ratio", f.race),
            Line("LGBT percentage", f.lgbt),
        ),
    ),
    Part(
        "outlook",
        "Skills & outlook",
        (
            Line("Top skills", f.skills),
            Line("Knowledge", f.knowledge),
            Line("Growth rate", f.growth),
            Line("Employment", f.employment_change),
            Line("Openings", f.openings),
            Line("Job satisfaction", f.satisfaction),
        ),
    ),
)

SALARY_LINES: tuple[Line, ...] = (
    Line("Average salary", f.mean_pay),
    Line("Median salary", f.median_pay),
    Line("Hourly (mean)", f.hourly_mean),
    Line("Hourly (median)", f.hourly_median),
    Line("Salary range", f.salary_range),
    Line("Employed", f.employed),
    Line("Highest paying state", f.attr_place("top_state")),
    Line("Highest paying city", f.attr_place("top_metro")),
    Line("Best paying industry", f.attr_place("top_industry")),
    Line("Best paying company", f.attr_place("top_company")),
)
OFFICIAL_SALARY_LINES = SALARY_LINES[:6]  # a curated profile's official occupation

CAREER_SECTIONS: tuple[Part, ...] = (
    Part(
        "outlook",
        "Outlook",
        (
            Line("Yearly salary", f.yearly),
            Line("Growth rate", f.growth),
            Line("Employment", f.employment_change),
            Line("Number of jobs", f.number_of_jobs),
            Line("Openings", f.openings),
            Line("Job satisfaction", f.satisfaction),
        ),
    ),
    Part(
        "education",
        "Education & training",
        (
            Line("Typical entry education", f.entry_education),
            Line("Most common degree", f.top_degree),
            Line("Related majors", f.top_major),
            Line("Work experience", f.work_experience),
            Line("On-the-job training", f.training),
            Line("Time to become", f.time_to_become),
        ),
    ),
    Part("skills", "Skills", (Line("Top skills", f.skills), Line("Knowledge", f.knowledge))),
    Part(
        "people",
        "Who does it",
        (
            Line("Age", f.age),
            Line("Gender ratio", f.gender),
            Line("Race ratio", f.race),
            Line("Years of experience", f.experience),
        ),
    ),
)


def row(label: str, figs: Sequence[Fig | None], notes: Footnotes) -> Row:
    """A table row; two columns also say which is higher and by how much."""
    values = tuple(notes.value(fig) for fig in figs)
    if len(figs) == 2:
        higher, diff = difference(figs[0], figs[1])
        return Row(label, values, higher, diff)
    return Row(label, values)


def _shown(line: Line, figs: Sequence[Fig | None], curated: bool) -> bool:
    if line.show is Show.ALWAYS or (line.show is Show.IF_CURATED and curated):
        return True
    return any(fig is not None for fig in figs)


def table(profs: Sequence[Profession], part: Part, notes: Footnotes) -> Block:
    """One section as a table block, one column per profession."""
    curated = any(p.curated for p in profs)
    rows = []
    for line in part.lines:
        figs = [line.getter(p) for p in profs]
        if _shown(line, figs, curated):
            rows.append(row(line.label, figs, notes))
    return Block(part.key, part.title, Layout.TABLE, tuple(rows))


def tables(profs: Sequence[Profession], parts: Sequence[Part], notes: Footnotes) -> list[Block]:
    return [table(profs, part, notes) for part in parts]
