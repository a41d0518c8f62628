"""Selection rules of the build (how many of what, which values qualify); see data/SOURCES.md."""

from __future__ import annotations

from decimal import Decimal

DEFAULT_SOURCES = "../shared/data"
DEFAULT_OUT = "data/professions"

MAX_ID_LEN = 90
MAX_TASKS = 5
MAX_SKILLS = 8
MAX_KNOWLEDGE = 5
MAX_SIMILAR = 6
MAX_MAJORS = 5
MAX_EDU_LEVELS = 4
MIN_EDU_PCT = 5.0  # education levels below this share are not listed

# "top" state / metro / industry: only cells with a published annual mean and employment of at
# least MIN_TOP_JOBS and at least MIN_TOP_SHARE of the national employment.
MIN_TOP_JOBS = 100
MIN_TOP_SHARE = Decimal("0.01")

# Aliases kept per occupation (the best-attested first); None keeps them all. They are written as
# one text block per occupation (one alias a line), which loads ~20x faster than a YAML list.
MAX_ALIASES: int | None = None
# An alias given under more than this many different dataset occupations is too generic.
MAX_ALIAS_OCCUPATIONS = 8
# Single words that mean nothing on their own as a job title (compared case-insensitively).
GENERIC_ALIASES = frozenset(
    {
        "administrator", "advisor", "adviser", "agent", "aide", "analyst", "apprentice",
        "assistant", "associate", "attendant", "clerk", "consultant", "contractor",
        "coordinator", "director", "employee", "engineer", "executive", "foreman", "helper",
        "inspector", "intern", "laborer", "labourer", "lead", "leader", "manager", "member",
        "officer", "operator", "owner", "partner", "professional", "representative",
        "specialist", "staff", "supervisor", "tech", "technician", "trainee", "worker",
    }
)  # fmt: skip

# OEWS display levels of the occupation groups written to data/groups/
GROUP_LEVELS = {0: "major", 1: "minor", 2: "broad"}
# a group's published employment and the sum of its members' may differ by rounding only
GROUP_EMPLOYMENT_SLACK = Decimal("0.01")

TIER_RANK = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}
TASK_TYPE_RANK = {"Core": 0, "Supplemental": 1}
