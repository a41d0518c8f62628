"""The O*NET database (tab-separated text files): titles, descriptions, lay titles, tasks,
skill and knowledge importance, education, job zones and related occupations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..common import clean_text, read_tsv, to_decimal

CODE = "O*NET-SOC Code"


@dataclass(frozen=True)
class AltTitle:
    code: str
    title: str
    short: str
    sources: tuple[str, ...]  # O*NET's source codes ("02", "08"…), empty when none given


@dataclass(frozen=True)
class ReportedTitle:
    code: str
    title: str


@dataclass(frozen=True)
class Task:
    text: str
    kind: str  # "Core", "Supplemental" or ""


@dataclass(frozen=True)
class Related:
    code: str  # the related O*NET-SOC code
    tier: str  # "Primary-Short", "Primary-Long", "Supplemental"
    index: Decimal | None  # O*NET's rank within the tier


Rating = tuple[str, Decimal]  # (element name, importance 1–5)


@dataclass
class Onet:
    titles: dict[str, str]
    descriptions: dict[str, str]
    alternate: list[AltTitle]
    reported: list[ReportedTitle]
    tasks: dict[str, list[Task]]  # in file order
    skills: dict[str, list[Rating]]
    knowledge: dict[str, list[Rating]]
    education: Distribution  # required level of education (2.D.1)
    education_names: dict[int, str]
    experience: Distribution  # related work experience (3.A.1)
    experience_names: dict[int, str]
    job_zones: dict[str, int]
    related: dict[str, list[Related]]  # in file order


def importance(rows: Iterable[dict[str, str]]) -> dict[str, list[Rating]]:
    """Importance ratings (scale IM) by code, without those O*NET recommends to suppress."""
    out: dict[str, list[Rating]] = defaultdict(list)
    for r in rows:
        if r.get("Scale ID") != "IM" or r.get("Recommend Suppress", "").strip() == "Y":
            continue
        value = to_decimal(r.get("Data Value"))
        if value is not None:
            out[r[CODE]].append((r["Element Name"].strip(), value))
    return dict(out)


def education_level_name(description: str) -> str:
    """'High School Diploma - or the equivalent (…)' -> 'High School Diploma'."""
    name = description.split(" - ")[0]
    name = name.split(" (")[0]
    return name.strip()


Distribution = dict[str, list[tuple[int, Decimal]]]  # code -> (category, percent of respondents)


def read_distribution(
    folder: Path, element: str, scale: str, rows: list[dict[str, str]] | None = None
) -> tuple[Distribution, dict[int, str]]:
    """One category element of "Education, Training, and Experience": shares by code, and the
    categories' names (the unnamed category 1 of related work experience: "No related
    experience")."""
    education: Distribution = defaultdict(list)
    if rows is None:
        rows = read_tsv(folder / "Education, Training, and Experience.txt")
    for r in rows:
        if r.get("Element ID") != element or r.get("Scale ID") != scale:
            continue
        # O*NET's "Recommend Suppress" (low precision) flag is deliberately not applied here:
        # dropping one category would distort the distribution (e.g. Registered Nurses'
        # bachelor's share is flagged).
        value = to_decimal(r.get("Data Value"))
        if value is not None:
            education[r[CODE]].append((int(r["Category"]), value))
    names = {
        int(r["Category"]): education_level_name(r["Category Description"])
        or "No related experience"
        for r in read_tsv(folder / "Education, Training, and Experience Categories.txt")
        if r.get("Element ID") == element and r.get("Scale ID") == scale
    }
    return dict(education), names


def read_titles(folder: Path) -> tuple[list[AltTitle], list[ReportedTitle]]:
    alternate = [
        AltTitle(
            r[CODE].strip(),
            r.get("Alternate Title", ""),
            r.get("Short Title", ""),
            tuple(s.strip() for s in r.get("Source(s)", "").split(",") if s.strip()),
        )
        for r in read_tsv(folder / "Alternate Titles.txt")
    ]
    reported = [
        ReportedTitle(r[CODE].strip(), r.get("Reported Job Title", ""))
        for r in read_tsv(folder / "Sample of Reported Titles.txt")
    ]
    return alternate, reported


def read_onet(folder: Path) -> Onet:
    occ = read_tsv(folder / "Occupation Data.txt")
    tasks: dict[str, list[Task]] = defaultdict(list)
    for r in read_tsv(folder / "Task Statements.txt"):
        tasks[r[CODE]].append(Task(r["Task"], r.get("Task Type", "").strip()))
    zones = {}
    for r in read_tsv(folder / "Job Zones.txt"):
        value = to_decimal(r.get("Job Zone"))
        if value is not None:
            zones[r[CODE]] = int(value)
    related: dict[str, list[Related]] = defaultdict(list)
    for r in read_tsv(folder / "Related Occupations.txt"):
        link = Related(
            r["Related O*NET-SOC Code"].strip(),
            r.get("Relatedness Tier", "").strip(),
            to_decimal(r.get("Index")),
        )
        related[r[CODE]].append(link)
    ete = read_tsv(folder / "Education, Training, and Experience.txt")
    education, names = read_distribution(folder, "2.D.1", "RL", ete)
    experience, experience_names = read_distribution(folder, "3.A.1", "RW", ete)
    alternate, reported = read_titles(folder)
    return Onet(
        titles={r[CODE]: clean_text(r["Title"]) for r in occ},
        descriptions={r[CODE]: clean_text(r["Description"]) for r in occ},
        alternate=alternate,
        reported=reported,
        tasks=dict(tasks),
        skills=importance(read_tsv(folder / "Skills.txt")),
        knowledge=importance(read_tsv(folder / "Knowledge.txt")),
        education=dict(education),
        education_names=names,
        experience=experience,
        experience_names=experience_names,
        job_zones=zones,
        related=dict(related),
    )
