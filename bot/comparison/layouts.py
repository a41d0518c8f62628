"""Which rows each sheet shows, in which sections, and the tables made from them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import Enum
from typing import NamedTuple

from ..model import Profession
from . import figures as f
from .figures import Fig, Footnotes, Getter, highest
from .sheet import Block, Layout, Row


class Show(Enum):
    """When a row appears."""

    ALWAYS = "always"  # even when every column is "—"
    IF_ANY = "if any"  # when at least one column has a figure
    IF_CURATED = "if curated"  # also whenever a curated page is shown (it lists the row as "-")


class Line(NamedTuple):
    label: str  # used unless every figure names itself alike (``Fig.label``)
    getter: Getter
    show: Show = Show.IF_ANY
    ranked: bool = False  # more is better (pay, growth, openings, satisfaction)


class Part(NamedTuple):
    key: str
    title: str
    lines: tuple[Line, ...]


A = Show.ALWAYS
JOBS = "Number of jobs"  # the one label for a count of jobs, wherever it appears

YEARLY = Line("Yearly salary", f.yearly, A, ranked=True)
HOURLY = Line("Hourly rate", f.hourly, A, ranked=True)
GROWTH = Line("Growth rate", f.growth, A, ranked=True)
SATISFACTION = Line("Job satisfaction", f.satisfaction, ranked=True)
DEGREE = Line("Most common education level", f.top_degree)
AGE = Line("Age", f.age)
MAJORS = Line("Majors", f.top_major)
METRO = Line("Highest-paying metro area", f.attr_place("top_metro"))
STATE = Line("Highest-paying state", f.attr_place("top_state"))
COMPANY = Line("Best-paying company", f.attr_place("top_company"))
INDUSTRY = Line("Best-paying industry", f.top_industry)
OPENINGS = Line("Openings per year", f.openings, ranked=True)
CHANGE = Line("Projected change", f.employment_change)

COMPARE_SECTIONS: tuple[Part, ...] = (
    Part(
        "summary",
        "Summary",
        (
            YEARLY,
            HOURLY,
            GROWTH,
            Line(JOBS, f.number_of_jobs, A),
            SATISFACTION,
            DEGREE,
            AGE,
            Line("Experience", f.experience),
        ),
    ),
    Part(
        "pay",
        "Pay",
        (
            Line("Average salary", f.yearly, A, ranked=True),
            Line("Median salary", f.median_pay, ranked=True),
            Line("Salary range", f.salary_range, A),
            METRO,
            STATE,
            COMPANY,
            INDUSTRY,
        ),
    ),
    Part(
        "education",
        "Education",
        (
            DEGREE,
            Line("Typical entry education", f.entry_education),
            MAJORS,
            Line("Most common college", f.college, Show.IF_CURATED),
            Line("Time to become", f.time_to_become),
        ),
    ),
    Part(
        "demographics",
        "Demographics",
        (
            AGE,
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
            GROWTH._replace(show=Show.IF_ANY),
            CHANGE,
            OPENINGS,
            SATISFACTION,
        ),
    ),
)

SALARY_LINES: tuple[Line, ...] = (
    Line("Average salary", f.mean_pay, ranked=True),
    Line("Median salary", f.median_pay, ranked=True),
    Line("Hourly (mean)", f.hourly_mean, ranked=True),
    Line("Hourly (median)", f.hourly_median, ranked=True),
    Line("Salary range", f.curated_range),
    Line(JOBS, f.employed),
    STATE,
    METRO,
    INDUSTRY,
    COMPANY,
)
OFFICIAL_SALARY_LINES = SALARY_LINES[:6]  # a curated profile's official occupation

CAREER_SECTIONS: tuple[Part, ...] = (
    Part(
        "outlook",
        "Outlook",
        (
            Line("Yearly salary", f.yearly),
            Line("Growth rate", f.growth),
            CHANGE,
            Line(JOBS, f.number_of_jobs),
            OPENINGS,
            SATISFACTION,
        ),
    ),
    Part(
        "education",
        "Education & training",
        (
            Line("Typical entry education", f.entry_education),
            DEGREE,
            MAJORS,
            Line("Work experience", f.work_experience),
            Line("Experience", f.experience),
            Line("On-the-job training", f.training),
            Line("Time to become", f.time_to_become),
        ),
    ),
    Part("skills", "Skills", (Line("Top skills", f.skills), Line("Knowledge", f.knowledge))),
    Part(
        "people",
        "Who does it",
        (
            AGE,
            Line("Gender ratio", f.gender),
            Line("Race ratio", f.race),
        ),
    ),
)


OFFICIAL_CAREER = Part(
    "official",
    "Official figures",
    (
        Line("Yearly salary", f.yearly),
        Line("Growth rate", f.growth),
        Line(JOBS, f.number_of_jobs),
        OPENINGS,
        Line("Time to become", f.time_to_become),
    ),
)


def _label(line: Line, figs: Sequence[Fig | None]) -> tuple[str, bool]:
    """The row's label, and whether each value must say what it is (its kinds differ)."""
    labels = {fig.label for fig in figs if fig is not None}
    if len(labels) == 1:
        (only,) = labels
        return only or line.label, False
    return line.label, len(labels) > 1


def _qualified(fig: Fig | None) -> Fig | None:
    if fig is None or not fig.qualifier:
        return fig
    return replace(fig, text=f"{fig.text} ({fig.qualifier})")


def row(label: str, figs: Sequence[Fig | None], notes: Footnotes, ranked: bool = False) -> Row:
    """A table row; two or three columns also say which is highest and by how much
    (``ranked`` when higher is better)."""
    values = tuple(notes.value(fig) for fig in figs)
    if len(figs) >= 2:
        higher, diff = highest(figs)
        return Row(label, values, higher, diff, ranked)
    return Row(label, values, ranked=ranked)


def line_row(line: Line, figs: Sequence[Fig | None], notes: Footnotes) -> Row:
    label, mixed = _label(line, figs)
    if mixed:
        figs = [_qualified(fig) for fig in figs]
    return row(label, figs, notes, line.ranked)


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
            rows.append(line_row(line, figs, notes))
    return Block(part.key, part.title, Layout.TABLE, tuple(rows))


def tables(profs: Sequence[Profession], parts: Sequence[Part], notes: Footnotes) -> list[Block]:
    return [table(profs, part, notes) for part in parts]
