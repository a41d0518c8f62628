"""Typed, immutable records for the dataset, and the dataset's schema: defined once, here.

Every section of a profession carries its own provenance (``source`` and ``year``) so that every
figure the bot shows can say where it came from. Absent figures are ``None`` (rendered "—"),
never zero.

Each field of :class:`Profession` and of its sections declares its :class:`FieldSpec` (the
check the loader applies, its limits, a documented example): ``bot.dataset`` derives its
validation from these, the builder (``tools/build_data``) its key order, and
``tools/schema_doc.py`` the format reference in ``data/SCHEMA.md``.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from typing import Any, NamedTuple

# BLS OEWS publishes an annual wage at or above this only as ">= $239,200" (the top code); the
# data writes such a wage as TOP_CODED, and it is shown as "≥ $239,200".
TOP_CODED_WAGE = 239_200
TOP_CODED = f">={TOP_CODED_WAGE}"


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


class FieldSpec(NamedTuple):
    """How one YAML key is checked and documented.

    ``kind`` names the loader's check (``bot.dataset.CHECKS``); ``lo``/``hi`` bound numbers;
    ``key`` is the label key of share lists (``level``, ``group``); ``required`` keys must be
    present (``year`` may then be null); ``nullable`` keys may be null ("unknown").
    ``example`` is the YAML text shown in SCHEMA.md, ``doc`` its comment."""

    kind: str
    doc: str
    example: str
    lo: float | None = None
    hi: float | None = None
    key: str = ""
    required: bool = False
    nullable: bool = False
    section: type[Section] | None = None


def spec(
    kind: str,
    example: str,
    doc: str = "",
    *,
    default: Any = None,
    lo: float | None = None,
    hi: float | None = None,
    key: str = "",
    required: bool = False,
    nullable: bool = False,
) -> Any:
    """A dataclass field carrying its :class:`FieldSpec`."""
    meta = FieldSpec(kind, doc, example, lo, hi, key, required, nullable)
    return field(default=default, metadata={"spec": meta})


def section(cls: type[Section], source: str, year: str, doc: str = "") -> Any:
    """A profession's section field: a mapping validated as ``cls``; ``source`` and ``year`` are
    the example citation shown in SCHEMA.md."""
    meta = FieldSpec("section", doc, f"{source}\n{year}", section=cls)
    return field(default=None, metadata={"spec": meta})


def _money(example: str, doc: str = "") -> Any:
    return spec("money", example, doc)


def _place(example: str, doc: str = "") -> Any:
    return spec("place", example, doc)


@dataclass(frozen=True, slots=True)
class Section:
    """Provenance shared by every section."""

    source: str = spec("text", "BLS OEWS May 2025", "required in every section", required=True)
    year: int | None = spec(
        "year",
        "2025",
        "required key; null when the source gives none",
        required=True,
        nullable=True,
    )
    note: str | None = spec(
        "opt_text", "…", "optional: anything non-obvious about the figures", nullable=True
    )
    url: str | None = spec(
        "opt_text", "https://…", "optional: where the figures were read", nullable=True
    )

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
    """Wages: annual and hourly means and medians, percentiles, where they pay most (OEWS)."""

    annual_mean: Money | None = _money("46060", f'money: dollars, or "{TOP_CODED}" (BLS top-coded)')
    annual_median: Money | None = _money("44370")
    hourly_mean: Money | None = _money("22.14")
    hourly_median: Money | None = _money("21.33")
    p10: Money | None = _money("33520", "annual percentiles, p10 <= p25 <= median <= p75 <= p90")
    p25: Money | None = _money("38140")
    p75: Money | None = _money("51010")
    p90: Money | None = _money("60120")
    range_low: Money | None = _money("27000", 'a "typical range" when no percentiles are published')
    range_high: Money | None = _money("45000", "range_low <= range_high")
    employment: int | None = spec("count", "158830", "people employed in the pay survey")
    top_state: Place | None = _place(
        "{name: Connecticut, annual_mean: 58000}", "name required, annual_mean optional"
    )
    top_metro: Place | None = _place('{name: "Boston, MA", annual_mean: 61000}')
    top_industry: Place | None = _place("{name: Finance, annual_mean: 55000}")
    top_company: Place | None = _place("{name: Accenture}")


@dataclass(frozen=True, slots=True)
class Outlook(Section):
    """Employment projections: jobs now and later, growth, openings, what entry takes."""

    jobs: int | None = spec("count", "40277", '"number of jobs" as a curated source states it')
    start_year: int | None = spec("year", "2024")
    end_year: int | None = spec("year", "2034", "start_year <= end_year")
    employment_start: int | None = spec("count", "171100", "people, not thousands")
    employment_end: int | None = spec("count", "157900")
    growth_pct: float | None = spec("number", "-8", "may be negative", lo=-100)
    annual_openings: int | None = spec("count", "19400")
    entry_education: str | None = spec("text", "High school diploma or equivalent")
    work_experience: str | None = spec("text", "None")
    job_training: str | None = spec("text", "Moderate-term on-the-job training")


@dataclass(frozen=True, slots=True)
class Education(Section):
    """Education and experience required, and the O*NET job zone."""

    levels: tuple[Share, ...] = spec(
        "shares",
        '[{level: "High school diploma", pct: 61}]',
        "share of workers by required education, pct 0..100, sum <= 100",
        default=(),
        key="level",
    )
    experience: tuple[Share, ...] = spec(
        "shares",
        '[{level: "Over 1 year, up to and including 2 years", pct: 34}]',
        "share of workers by related work experience required (O*NET), most common first",
        default=(),
        key="level",
    )
    job_zone: int | None = spec("job_zone", "2", "O*NET job zone 1..5")
    time_to_become: str | None = spec("text", '"6–12 months"')
    most_common_college: str | None = spec(
        "text", "null", 'null = unknown (shown as "—")', nullable=True
    )


@dataclass(frozen=True, slots=True)
class Majors(Section):
    """College majors related to the occupation (the CIP–SOC crosswalk)."""

    names: tuple[str, ...] = spec(
        "text_list", "[Business]", "related college majors, most specific first", default=()
    )


@dataclass(frozen=True, slots=True)
class Demographics(Section):
    """Who does the job: women and men, race and Hispanic origin (CPS)."""

    women_pct: float | None = spec("pct", "69.5", "0..100")
    men_pct: float | None = spec("pct", "30.5", "0..100; women_pct + men_pct <= 100")
    race: tuple[Share, ...] = spec(
        "shares",
        '{White: 61.0, "Black or African American": 12.2}',
        "group -> pct, sum <= 100",
        default=(),
        key="group",
    )
    hispanic_pct: float | None = spec("pct", "18.5", "Hispanic or Latino of any race (CPS)")
    lgbt_pct: float | None = spec("pct", "8")
    covers: str | None = spec(
        "text",
        "\"CPS row 'Bill and account collectors'\"",
        "which survey group the figures describe",
    )


@dataclass(frozen=True, slots=True)
class Age(Section):
    """Median and average age of the workers (CPS)."""

    median: float | None = spec("number", "41.2", "years, 14..100", lo=14, hi=100)
    average: float | None = spec("number", "46", "years, 14..100", lo=14, hi=100)


@dataclass(frozen=True, slots=True)
class Workforce(Section):
    """Job satisfaction and years of experience, as a curated source states them."""

    job_satisfaction: float | None = spec("number", "3.67", "rating out of 5", lo=0, hi=5)
    years_experience: float | None = spec("number", "12", "0..70", lo=0, hi=70)


@dataclass(frozen=True, slots=True)
class Skills(Section):
    """O*NET skills and knowledge areas, with their importance."""

    skills: tuple[Rated, ...] = spec(
        "rated",
        "[{name: Active Listening, importance: 3.88}]",
        "importance 1..5 optional; or plain strings",
        default=(),
    )
    knowledge: tuple[Rated, ...] = spec(
        "rated", "[{name: Customer and Personal Service, importance: 4.1}]", default=()
    )


@dataclass(frozen=True, slots=True)
class Similar(Section):
    """Other entries of the dataset O*NET relates to this one."""

    ids: tuple[str, ...] = spec(
        "ids", "[loan-interviewers-and-clerks]", "ids of other entries in the dataset", default=()
    )


GROUP_LEVELS = ("major", "minor", "broad")  # SOC hierarchy levels, widest first


@dataclass(frozen=True, slots=True)
class Profession:
    """One occupation, occupation group (``group`` and ``members`` set) or curated profile."""

    id: str = spec(
        "id", "bill-and-account-collectors", "slug: [a-z0-9]+(-[a-z0-9]+)*, unique", required=True
    )
    title: str = spec(
        "title", "Bill and Account Collectors", "non-empty, <= 150 chars", required=True
    )
    soc: str | None = spec(
        "soc", '"43-3011"', '"NN-NNNN" (SOC 2018 code; a group\'s code for groups)'
    )
    group: str | None = spec(
        "group", "broad", "only for a BLS occupation group: major | minor | broad"
    )
    curated: bool = spec("bool", "false", "default false: a hand-curated profile", default=False)
    closest: str | None = spec(
        "slug", "loan-officers", "id of the closest public occupation (curated entries)"
    )
    source: str | None = spec("text", "O*NET 29.3", "provenance of title/description/tasks")
    year: int | None = spec("year", "2025", "int, or null when the source gives none")
    description: str | None = spec("text", '"Locate and notify ..."')
    tasks: tuple[str, ...] = spec("text_list", '["Locate ...", "..."]', "what they do", default=())
    aliases: tuple[Alias, ...] = spec(
        "aliases",
        "|\n  Collections Specialist\n  Debt Collector|3",
        "one alias a line, `|N` after the name when N source lists give it (or a YAML list of "
        "names or {name, sources} mappings)",
        default=(),
    )
    ooh_url: str | None = spec(
        "url",
        "https://www.bls.gov/OOH/office-and-administrative-support/bill-and-account-collectors.htm",
        "its BLS Occupational Outlook Handbook profile (BLS NEM crosswalk)",
    )
    pay: Pay | None = section(Pay, "BLS OEWS May 2025", "2025", "wages: BLS OEWS")
    outlook: Outlook | None = section(
        Outlook, "BLS Employment Projections 2024–34", "2025", "BLS projections"
    )
    education: Education | None = section(Education, "O*NET 29.3", "2025")
    majors: Majors | None = section(Majors, "NCES CIP 2020–SOC 2018 crosswalk", "2020")
    demographics: Demographics | None = section(
        Demographics, "BLS CPS 2023 annual averages", "2023"
    )
    age: Age | None = section(Age, "BLS CPS 2025 annual averages", "2025")
    workforce: Workforce | None = section(Workforce, "Career site comparison page", "null")
    skills: Skills | None = section(Skills, "O*NET 29.3", "2025")
    similar: Similar | None = section(Similar, "O*NET 29.3", "2025")
    members: tuple[str, ...] = spec(
        "ids",
        "[anesthesiologists, cardiologists]",
        "only for a group: ids of its detailed occupations (>= 1), in SOC code order",
        default=(),
    )
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


def schema_fields(cls: type[Any]) -> tuple[tuple[str, FieldSpec], ...]:
    """The YAML keys of a record class (``Profession`` or a section), in schema order, each with
    its spec. A section's ``note`` and ``url`` come after its own figures."""
    specs = [(f.name, _spec_of(f)) for f in fields(cls) if "spec" in f.metadata]
    if issubclass(cls, Section):
        tail = {"note", "url"}
        specs = [s for s in specs if s[0] not in tail] + [s for s in specs if s[0] in tail]
    return tuple(specs)


def _spec_of(f: Field[Any]) -> FieldSpec:
    meta: FieldSpec = f.metadata["spec"]
    return meta


SECTION_TYPES: dict[str, type[Section]] = {
    name: s.section for name, s in schema_fields(Profession) if s.section is not None
}
ENTRY_KEYS = tuple(name for name, _ in schema_fields(Profession))  # the order files are written in
SECTION_KEYS = {
    name: tuple(k for k, _ in schema_fields(cls)) for name, cls in SECTION_TYPES.items()
}
