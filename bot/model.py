"""Typed, immutable records for the dataset.

Every section of a profession carries its own provenance (``source`` and ``year``) so that every
figure the bot shows can say where it came from. Absent figures are ``None`` (rendered "—"),
never zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

TOP_CODED_WAGE = 239_200  # BLS OEWS publishes wages at or above this only as ">= $239,200"


@dataclass(frozen=True, slots=True)
class Money:
    """A dollar amount; ``at_least`` marks BLS top-coded values ("≥ $239,200")."""

    value: float
    at_least: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """A named place, industry or company, optionally with its annual mean wage."""

    name: str
    annual_mean: Money | None = None


# The three small records below are typed named tuples (immutable like the dataclasses, and
# several times cheaper to create: the dataset holds ~60,000 aliases).


class Share(NamedTuple):
    """A labelled percentage (an education level, a race group)."""

    label: str
    pct: float


class Rated(NamedTuple):
    """A skill or knowledge area with its O*NET importance (1–5) when known."""

    name: str
    importance: float | None = None


class Alias(NamedTuple):
    """Another name for a profession; ``sources`` = how many source lists give it."""

    name: str
    sources: int = 1


@dataclass(frozen=True, slots=True)
class Section:
    """Provenance shared by every section."""

    source: str
    year: int | None = None
    note: str | None = None
    url: str | None = None

    @property
    def citation(self) -> str:
        """``"BLS OEWS May 2025"`` style label; the year is appended when the source lacks it."""
        if self.year is None:
            return f"{self.source} (no year given)"
        if str(self.year) in self.source:
            return self.source
        return f"{self.source} ({self.year})"


@dataclass(frozen=True, slots=True)
class Pay(Section):
    annual_mean: Money | None = None
    annual_median: Money | None = None
    hourly_mean: Money | None = None
    hourly_median: Money | None = None
    p10: Money | None = None
    p25: Money | None = None
    p75: Money | None = None
    p90: Money | None = None
    range_low: Money | None = None
    range_high: Money | None = None
    employment: int | None = None
    top_state: Place | None = None
    top_metro: Place | None = None
    top_industry: Place | None = None
    top_company: Place | None = None


@dataclass(frozen=True, slots=True)
class Outlook(Section):
    jobs: int | None = None
    start_year: int | None = None
    end_year: int | None = None
    employment_start: int | None = None
    employment_end: int | None = None
    growth_pct: float | None = None
    annual_openings: int | None = None
    entry_education: str | None = None
    work_experience: str | None = None
    job_training: str | None = None


@dataclass(frozen=True, slots=True)
class Education(Section):
    levels: tuple[Share, ...] = ()
    job_zone: int | None = None
    time_to_become: str | None = None
    most_common_college: str | None = None


@dataclass(frozen=True, slots=True)
class Majors(Section):
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Demographics(Section):
    women_pct: float | None = None
    men_pct: float | None = None
    race: tuple[Share, ...] = ()
    hispanic_pct: float | None = None
    lgbt_pct: float | None = None
    covers: str | None = None


@dataclass(frozen=True, slots=True)
class Age(Section):
    median: float | None = None
    average: float | None = None


@dataclass(frozen=True, slots=True)
class Workforce(Section):
    job_satisfaction: float | None = None
    years_experience: float | None = None


@dataclass(frozen=True, slots=True)
class Skills(Section):
    skills: tuple[Rated, ...] = ()
    knowledge: tuple[Rated, ...] = ()


@dataclass(frozen=True, slots=True)
class Similar(Section):
    ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Profession:
    """One occupation, occupation group (``group`` and ``members`` set) or curated profile."""

    id: str
    title: str
    soc: str | None = None
    curated: bool = False
    closest: str | None = None
    source: str | None = None
    year: int | None = None
    description: str | None = None
    tasks: tuple[str, ...] = ()
    aliases: tuple[Alias, ...] = ()
    pay: Pay | None = None
    outlook: Outlook | None = None
    education: Education | None = None
    majors: Majors | None = None
    demographics: Demographics | None = None
    age: Age | None = None
    workforce: Workforce | None = None
    skills: Skills | None = None
    similar: Similar | None = None
    group: str | None = None  # "major", "minor" or "broad" for a BLS occupation group
    members: tuple[str, ...] = ()  # a group's detailed occupations (ids), in SOC code order
    origin: str = field(default="", compare=False)  # file the entry was loaded from

    @property
    def is_group(self) -> bool:
        """A BLS occupation group (e.g. 29-1210 Physicians) rather than one occupation."""
        return self.group is not None

    @property
    def popularity(self) -> int:
        """How many people hold this job (used to rank suggestions); 0 when unknown."""
        if self.pay and self.pay.employment:
            return self.pay.employment
        if self.outlook:
            return self.outlook.employment_start or self.outlook.jobs or 0
        return 0


GROUP_LEVELS = ("major", "minor", "broad")  # SOC hierarchy levels, widest first

SECTION_TYPES: dict[str, type[Section]] = {
    "pay": Pay,
    "outlook": Outlook,
    "education": Education,
    "majors": Majors,
    "demographics": Demographics,
    "age": Age,
    "workforce": Workforce,
    "skills": Skills,
    "similar": Similar,
}
