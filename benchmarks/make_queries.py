"""Write ``benchmarks/queries.txt``: the fixed, mixed query set of the benchmark.

    python benchmarks/make_queries.py            # rewrites benchmarks/queries.txt

The output is deterministic (seeded) and does not depend on the dataset, so the set stays the
same while the data changes. ``queries.txt`` is what the benchmark reads and what is committed;
this script only documents how it was made and lets it be regenerated after a change here.

Format of ``queries.txt``: one query per line, ``KIND<TAB>QUERY``; ``#`` lines and blank
lines are ignored. In QUERY, ``\\t``, ``\\n``, ``\\s`` and ``\\\\`` stand for a tab, a newline, a
space and a backslash (leading and trailing spaces are always written as ``\\s``); everything
else (emoji, any Unicode) is taken literally.
"""

from __future__ import annotations

import random
from pathlib import Path

OUT = Path(__file__).resolve().with_name("queries.txt")
SEED = 20251128

# Common occupation titles (as people type them, and as BLS/O*NET write them).
PREFIX_SOURCES = [
    "registered nurse",
    "software developer",
    "truck driver",
    "accountant",
    "electrician",
    "customer service representative",
    "teacher",
    "cashier",
    "mechanic",
    "pharmacist",
    "police officer",
    "data scientist",
]

OFFICIAL_TITLES = [
    "Registered Nurses",
    "Software Developers",
    "Heavy and Tractor-Trailer Truck Drivers",
    "Cashiers",
    "Retail Salespersons",
    "Home Health and Personal Care Aides",
    "General and Operations Managers",
    "Customer Service Representatives",
    "Accountants and Auditors",
    "Nursing Assistants",
    "Elementary School Teachers, Except Special Education",
    "Bill and Account Collectors",
    "Loan Officers",
    "Security Guards",
    "Electricians",
    "Lawyers",
    "Chief Executives",
    "Pharmacists",
    "Dental Hygienists",
    "Police and Sheriff's Patrol Officers",
    "Fast Food and Counter Workers",
    "Janitors and Cleaners, Except Maids and Housekeeping Cleaners",
    "Licensed Practical and Licensed Vocational Nurses",
    "First-Line Supervisors of Office and Administrative Support Workers",
]

LAY_TITLES = [
    "debt collector",
    "truck driver",
    "software engineer",
    "nurse",
    "teacher",
    "programmer",
    "cop",
    "mailman",
    "doctor",
    "lawyer",
    "chef",
    "barista",
    "bus driver",
    "uber driver",
    "nanny",
    "plumber",
    "welder",
    "web developer",
    "data scientist",
    "flight attendant",
    "pilot",
    "firefighter",
    "dentist",
    "hairdresser",
    "janitor",
    "waitress",
    "bank teller",
    "real estate agent",
    "social worker",
    "receptionist",
    "forklift driver",
    "warehouse worker",
    "construction worker",
    "personal trainer",
    "graphic designer",
    "youtuber",
    "collections specialist",
    "loss prevention officer",
]

ABBREVIATIONS = [
    "RN",
    "LPN",
    "CNA",
    "CEO",
    "CFO",
    "CTO",
    "EMT",
    "LVN",
    "NP",
    "PA",
    "CPA",
    "HR",
    "QA",
    "DBA",
    "IT",
    "HVAC",
    "CNC machinist",
    "HR manager",
    "IT support",
    "UX designer",
    "rn",
    "c.n.a.",
    "R.N.",
]

# Sources for typos: long enough that one or two edits still leave a recognisable word.
TYPO_SOURCES = [
    "registered nurse",
    "software developer",
    "truck driver",
    "accountant",
    "electrician",
    "pharmacist",
    "receptionist",
    "mechanic",
    "carpenter",
    "plumber",
    "cashier",
    "lawyer",
    "secretary",
    "veterinarian",
    "physician",
    "firefighter",
    "bartender",
    "librarian",
    "photographer",
    "architect",
    "dental hygienist",
    "security guard",
    "janitor",
    "paralegal",
    "psychologist",
    "surgeon",
    "machinist",
    "debt collector",
    "loan officer",
    "customer service",
]

NONSENSE = [
    "xqzt",
    "asdfgh",
    "qwerty uiop",
    "zzzzzz",
    "xyzzy plugh",
    "blorptastic wizard",
    "12345",
    "0",
    "!!!",
    "???",
    "-",
    ".",
    "*",
    "%",
    "'; DROP TABLE professions; --",
    "<script>alert(1)</script>",
    "@everyone",
    "**bold** _it_ `code`",
    "${jndi:ldap://x}",
    "null",
    "the of and",
    "a",
    "job",
    "work",
    "\\t",
    "   ",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
]

UNICODE = [
    "🚀",
    "👩‍⚕️",
    "👩‍⚕️ nurse",
    "nurse 🏥",
    "🚚 truck driver 🚚",
    "💻👨‍💻 developer",
    "😀😃😄😁😆😅🤣😂",
    "Caf\u00e9 cook",
    "m\u00e9decin",
    "Krankenschwester",
    "ｎｕｒｓｅ",
    "ＲＮ",
    "护士",
    "ممرضة",
    "медсестра",
    "nur\u200bse",
    "\u202eesrun",
    "n\u0303u\u0301r\u0308s\u0300e\u0302",
    "ﬁrefighter",
    "Ǳ ǲ ǳ",
    "İstanbul driver",
    "straße cleaner",
]

CASE_AND_SPACING = [
    "  NURSE  ",
    "REGISTERED NURSE",
    "Registered   Nurse",
    "nurses",
    "truck-driver",
    "truckdriver",
    "software_engineer",
    "software/web developer",
    "registered-nurses",
    "home health aide",
    "Police and Sheriff’s Patrol Officers",
    "ACCOUNTANTS & AUDITORS",
]


def _typo(word: str, rng: random.Random) -> str:
    """One random edit: delete, insert, substitute or transpose a letter (not a space)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    spots = [i for i, c in enumerate(word) if c != " "]
    i = rng.choice(spots)
    op = rng.choice(("delete", "insert", "substitute", "transpose"))
    if op == "delete":
        return word[:i] + word[i + 1 :]
    if op == "insert":
        return word[:i] + rng.choice(letters) + word[i:]
    if op == "substitute":
        return word[:i] + rng.choice([c for c in letters if c != word[i]]) + word[i + 1 :]
    j = i + 1 if i + 1 < len(word) and word[i + 1] != " " else i - 1
    if j < 0 or word[j] == " " or word[i] == word[j]:
        return word[:i] + word[i + 1 :]
    a, b = min(i, j), max(i, j)
    return word[:a] + word[b] + word[a] + word[b + 1 :]


def _long(rng: random.Random) -> list[str]:
    vocab = ["nurse", "driver", "software", "manager", "clerk", "assistant", "technician"]
    vocab += ["sales", "teacher", "cook"]
    words = " ".join(rng.choice(vocab) for _ in range(260))
    junk = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(1500))
    return [
        ("registered nurse " * 80).strip(),  # 1,359 characters, every word in the vocabulary
        words[:1400],
        "a" * 1500,
        junk,  # one 1,500-letter "word"
        " ".join(junk[i : i + 7] for i in range(0, 1400, 7)),  # 200 words nobody has
        "🚀" * 1100,
        "software engineer " * 60 + "x" * 200,
        ("ÉCOLE ÉTÉ ÇA " * 100).strip(),
        "truck driver" + " " * 1200 + "nurse",
        ("Heavy and Tractor-Trailer Truck Drivers, " * 30).strip(),
    ]


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    # Leading and trailing spaces as \s, so that editors and whitespace hooks keep them.
    body = text.strip(" ")
    if not body:
        return "\\s" * len(text)
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" "))
    return "\\s" * lead + body + "\\s" * trail


def build() -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    rows: list[tuple[str, str]] = []
    # Prefixes of 1..12 characters: every length for the first four titles, three lengths each
    # for the rest (what autocomplete sees while someone types).
    for n, title in enumerate(PREFIX_SOURCES):
        lengths = range(1, 13) if n < 4 else sorted(rng.sample(range(1, 13), 3))
        for k in lengths:
            prefix = title[:k]
            if prefix.strip():
                rows.append(("prefix", prefix))
    rows += [("title", t) for t in OFFICIAL_TITLES]
    rows += [("lay", t) for t in LAY_TITLES]
    rows += [("abbrev", t) for t in ABBREVIATIONS]
    for word in TYPO_SOURCES:
        rows.append(("typo1", _typo(word, rng)))
    for word in TYPO_SOURCES:
        twice = word
        while twice == word:  # two edits can cancel out ("plumber" -> "plumbre" -> "plumber")
            twice = _typo(_typo(word, rng), rng)
        rows.append(("typo2", twice))
    rows += [("nonsense", t.replace("\\t", "\t")) for t in NONSENSE]
    rows += [("unicode", t) for t in UNICODE]
    rows += [("spacing", t) for t in CASE_AND_SPACING]
    rows += [("long", t) for t in _long(rng)]
    return rows


def main() -> None:
    rows = build()
    kinds: dict[str, int] = {}
    for kind, _ in rows:
        kinds[kind] = kinds.get(kind, 0) + 1
    header = [
        "# The benchmark's fixed query set: KIND<TAB>QUERY per line (see make_queries.py).",
        "# Escapes in QUERY: \\t tab, \\n newline, \\s space (always used for leading and trailing",
        "# spaces), \\\\ backslash. Everything else is literal.",
        f"# {len(rows)} queries: " + ", ".join(f"{k} {v}" for k, v in kinds.items()),
        "",
    ]
    body = [f"{kind}\t{_escape(text)}" for kind, text in rows]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} queries to {OUT}")


if __name__ == "__main__":
    main()
