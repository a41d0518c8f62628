"""The occupations' entries, section by section, built from the fixture's sources."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tools.build_data import rules
from tools.build_data.common import read_tsv, slugify
from tools.build_data.context import Context, assign_ids
from tools.build_data.readers.oews import TOP, NamedWages, Wages
from tools.build_data.sections.bls import above, top_place
from tools.build_data.sections.majors import is_generic_program
from tools.build_data.sections.onet import FALLBACK_NOTE, fallbacks, is_catch_all
from tools.build_data.writer import FALLBACKS_BEGIN, FALLBACKS_END, update_fallbacks

from .conftest import build_into, national


def test_ids(entries: dict[str, dict[str, Any]]) -> None:
    assert entries["43-3011"]["id"] == "bill-and-account-collectors"
    assert entries["13-2072"]["id"] == "loan-officers"
    assert entries["13-2081"]["id"] == "tax-examiners-and-collectors-and-revenue-agents"
    assert slugify("Grinding, Lapping, & Buffing -- Café Workers") == (
        "grinding-lapping-buffing-cafe-workers"
    )


def test_long_and_colliding_ids() -> None:
    long_title = "Supervisors of " + ", ".join(["Very Long Occupation Name"] * 6)
    ids = assign_ids(
        {"11-1011": "Chief Executives", "11-1012": "Chief  executives!", "11-2000": long_title}
    )
    assert ids["11-1011"] == "chief-executives"
    assert ids["11-1012"] == "chief-executives-111012"
    assert len(ids["11-2000"]) <= 90
    assert not ids["11-2000"].endswith("-")
    assert slugify(long_title).startswith(ids["11-2000"] + "-")


def test_pay_matches_oews_to_the_dollar(
    entries: dict[str, dict[str, Any]], oews: sqlite3.Connection
) -> None:
    cell = national(oews, "43-3011")
    pay = entries["43-3011"]["pay"]
    assert pay["source"] == "BLS OEWS May 2025" and pay["year"] == 2025
    assert pay["employment"] == int(cell["v01"])
    assert pay["annual_mean"] == int(cell["v04"])
    assert pay["annual_median"] == int(cell["v13"])
    assert pay["hourly_mean"] == float(cell["v03"])
    assert pay["hourly_median"] == float(cell["v08"])
    assert [pay[k] for k in ("p10", "p25", "p75", "p90")] == [
        int(cell[c]) for c in ("v11", "v12", "v14", "v15")
    ]


def test_top_places_rule(entries: dict[str, dict[str, Any]], oews: sqlite3.Connection) -> None:
    pay = entries["43-3011"]["pay"]
    # Wyoming has the highest mean (edited to 99999) but under 1 % of national employment
    assert pay["top_state"] == {"name": "Massachusetts", "annual_mean": 59710}
    # the nonmetropolitan area (edited to 99999) is not a metro
    assert pay["top_metro"]["name"] == "New York-Newark-Jersey City, NY-NJ"
    assert pay["top_metro"]["annual_mean"] == 58450
    # sector, 3-digit, ownership, 5-digit and cross-ownership rows (edited to 9999x) never win
    assert pay["top_industry"] == {"name": "Legal Services", "annual_mean": 56860}
    # 13-2071: California's mean is highest but its employment is not released
    assert entries["13-2071"]["pay"]["top_state"]["name"] == "New York"


def test_top_coded_wages(entries: dict[str, dict[str, Any]]) -> None:
    pay = entries["29-1216"]["pay"]
    assert pay["annual_mean"] == ">=239200"
    assert pay["p75"] == ">=239200"  # blank value with footnote 5
    assert pay["p90"] == ">=239200"  # '#'
    assert pay["annual_median"] == 225000
    assert "hourly_mean" not in pay  # a top-coded hourly wage cannot be written as >=239200
    assert pay["hourly_median"] == 108.17
    # two top-coded states: which one pays most is unknown
    assert "top_state" not in pay
    # one top-coded metro and every published metro mean below the top code: it is the top
    assert pay["top_metro"] == {
        "name": "New York-Newark-Jersey City, NY-NJ",
        "annual_mean": ">=239200",
    }
    # its mean is top-coded: whether Offices of Physicians (also top-coded) pays more is unknown
    assert "top_industry" not in pay


def test_suppressed_and_unpublished_wages(entries: dict[str, dict[str, Any]]) -> None:
    assert "p90" not in entries["13-2071"]["pay"]  # '*'
    assert entries["13-2071"]["pay"]["p75"] == 64080
    teachers = entries["25-2021"]["pay"]  # annual-only occupation
    assert "hourly_mean" not in teachers and "hourly_median" not in teachers
    assert teachers["annual_mean"] == 72650
    actors = entries["27-2011"]["pay"]  # hourly-only occupation
    assert actors["hourly_mean"] == 58.29
    for key in (
        "annual_mean",
        "annual_median",
        "p10",
        "p25",
        "p75",
        "p90",
        "top_state",
        "top_metro",
        "top_industry",
    ):
        assert key not in actors


def test_top_place_rule_unit() -> None:
    W, D = Wages, Decimal
    cells = [
        NamedWages("A", W(employment=D(5000), annual_mean=D(100))),
        NamedWages("B", W(employment=D(5000), annual_mean=D(100))),  # tie: same mean and jobs
        NamedWages("C", W(employment=D(99), annual_mean=D(900))),  # fewer than 100 jobs
        NamedWages("D", W(employment=None, annual_mean=D(900))),
        NamedWages("E", W(employment=D(5000), annual_mean=None)),
    ]
    assert top_place(cells, D(10000)) == {"name": "A", "annual_mean": 100}
    assert top_place(cells, D(10**6)) is None  # 1 % of a million = 10,000 jobs needed
    coded = [NamedWages("T", W(employment=D(500), annual_mean=TOP))]
    assert top_place(cells + coded, D(1000)) == {"name": "T", "annual_mean": ">=239200"}
    high = [NamedWages("H", W(employment=D(500), annual_mean=D(250000)))]
    assert top_place(cells + coded + high, D(1000)) is None


def test_outlook_in_people(entries: dict[str, dict[str, Any]]) -> None:
    out = entries["43-3011"]["outlook"]
    assert out == {
        "source": "BLS Employment Projections 2024–34",
        "year": 2025,
        "start_year": 2024,
        "end_year": 2034,
        "employment_start": 166900,
        "employment_end": 149400,
        "growth_pct": -10.5,
        "annual_openings": 13700,
        "entry_education": "High school diploma or equivalent",
        "work_experience": "None",
        "job_training": "Moderate-term on-the-job training",
    }
    assert "work_experience" not in entries["27-2011"]["outlook"]  # '—'


def test_grouped_projection_line(entries: dict[str, dict[str, Any]]) -> None:
    for soc in ("15-1252", "15-1253"):
        out = entries[soc]["outlook"]
        assert out["employment_start"] == 1895500
        assert out["annual_openings"] == 129200
        assert "15-1250" in out["note"] and "covers 2 SOC codes" in out["note"]
    assert "note" not in entries["43-3011"]["outlook"]


def test_description_prefers_dot_00(entries: dict[str, dict[str, Any]]) -> None:
    assert entries["29-1141"]["description"].startswith("Assess patient health problems")
    # BLS aggregate without its own O*NET code: the first component
    assert entries["31-1120"]["description"].startswith("Monitor the health status")


def test_tasks_core_first(entries: dict[str, dict[str, Any]], sources: Path) -> None:
    rows = read_tsv(sources / "onet-29.3" / "Task Statements.txt")
    kind = {r["Task"]: r["Task Type"] for r in rows if r["O*NET-SOC Code"] == "43-3011.00"}
    assert next(iter(kind.values())) == "Supplemental"  # the edited file starts with one
    tasks = entries["43-3011"]["tasks"]
    assert len(tasks) == 5
    assert all(kind[t] == "Core" for t in tasks)
    for e in entries.values():
        assert len(e.get("tasks", [])) <= 5


def test_education(entries: dict[str, dict[str, Any]]) -> None:
    edu = entries["43-3011"]["education"]
    assert edu["levels"] == [
        {"level": "High School Diploma", "pct": 48.2},
        {"level": "Some College Courses", "pct": 27.4},
        {"level": "Bachelor's Degree", "pct": 21.1},
    ]
    assert edu["job_zone"] == 2
    # the RN bachelor's share is flagged "Recommend Suppress" in O*NET but kept
    assert entries["29-1141"]["education"]["levels"][0] == {
        "level": "Bachelor's Degree",
        "pct": 55.9,
    }
    for e in entries.values():
        levels = e.get("education", {}).get("levels", [])
        pcts = [lv["pct"] for lv in levels]
        assert pcts == sorted(pcts, reverse=True) and len(levels) <= 4
        assert all(p >= 5 for p in pcts)
    assert entries["31-1120"]["education"]["note"] == "O*NET data for 31-1121.00 Home Health Aides"
    # O*NET has no 2.D.1 data for 15-1252: the closest rated related occupation's, labelled
    devs = entries["15-1252"]["education"]
    assert devs["levels"] and "the closest rated occupation" in devs["note"]


def test_skills(entries: dict[str, dict[str, Any]]) -> None:
    sk = entries["43-3011"]["skills"]
    names = [s["name"] for s in sk["skills"]]
    assert len(sk["skills"]) == 8 and len(sk["knowledge"]) == 5
    assert "Active Listening" not in names  # its (edited) rating is flagged for suppression
    for e in entries.values():
        for key in ("skills", "knowledge"):
            values = [s["importance"] for s in e.get("skills", {}).get(key, [])]
            assert values == sorted(values, reverse=True)
            assert all(1 <= v <= 5 and round(v, 2) == v for v in values)


def test_similar(entries: dict[str, dict[str, Any]]) -> None:
    ids = entries["43-3011"]["similar"]["ids"]
    # Primary-Short links first (Legislators is not in OEWS, itself is skipped), then
    # Primary-Long by index, then Supplemental; 29-1141.01 and .00 give one id
    assert ids[:3] == [
        "tax-examiners-and-collectors-and-revenue-agents",
        "registered-nurses",
        "loan-officers",
    ]
    assert len(ids) == len(set(ids)) <= 6
    known = {e["id"] for e in entries.values()}
    for e in entries.values():
        assert e["id"] not in e.get("similar", {}).get("ids", [])
        assert set(e.get("similar", {}).get("ids", [])) <= known


def alias_map(entry: dict[str, Any]) -> dict[str, int]:
    """Aliases are written as a text block: one a line, ``Name|N`` when N sources list it."""
    out = {}
    for line in (entry.get("aliases") or "").splitlines():
        name, sep, n = line.rpartition("|")
        out[name if sep else line] = int(n) if sep else 1
    return out


def test_aliases(entries: dict[str, dict[str, Any]]) -> None:
    collectors = alias_map(entries["43-3011"])
    # 02, 04, 09, 10 in Alternate Titles + reported titles
    assert collectors["Debt Collector"] == 5
    assert "Specialist" not in collectors  # a generic single word
    assert "Accounts Receivable Specialist (AR Specialist)" in collectors
    assert "Bill and Account Collectors" not in collectors
    # shared with Tax Examiners: kept for both
    assert "Collections Specialist" in collectors
    assert "Collections Specialist" in alias_map(entries["13-2081"])
    loans = alias_map(entries["13-2072"])
    assert "loan officers" not in loans and "Loan Officers" not in loans  # own title
    assert loans["Loan Officer"] == 4
    devs = alias_map(entries["15-1252"])
    assert devs.get("VOIP Engineer") == 2 and "VoIP Engineer" not in devs  # nicest casing
    # aliases of every O*NET code of the SOC (29-1141.01 Acute Care Nurses)
    nurses = {k.lower() for k in alias_map(entries["29-1141"])}
    assert nurses & {"acute care nurses", "acute care nurse"}
    for e in entries.values():
        names = list(alias_map(e))
        lowered = [n.casefold() for n in names]
        assert len(lowered) == len(set(lowered))
        assert rules.MAX_ALIASES is None or len(names) <= rules.MAX_ALIASES
        counts = [alias_map(e)[n] for n in names]
        assert counts == sorted(counts, reverse=True)
        assert isinstance(e.get("aliases", ""), str)


def test_generic_alias_rule_and_cap(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Account Representative" is listed under 3 occupations: generic when the limit is 2
    before = build_into(sources, tmp_path / "a")
    assert sum("Account Representative" in alias_map(e) for e in before.values()) == 3
    monkeypatch.setattr(rules, "MAX_ALIAS_OCCUPATIONS", 2)
    monkeypatch.setattr(rules, "MAX_ALIASES", 3)
    after = build_into(sources, tmp_path / "b")
    assert not any("Account Representative" in alias_map(e) for e in after.values())
    assert list(alias_map(after["43-3011"])) == [
        "Debt Collector",
        "Collection Agent",
        "Accounts Receivable Specialist (AR Specialist)",
    ]


def test_majors(entries: dict[str, dict[str, Any]]) -> None:
    loans = entries["13-2072"]["majors"]
    assert loans["source"] == "NCES CIP 2020–SOC 2018 crosswalk" and loans["year"] == 2020
    assert "Finance, General" not in loans["names"]  # a specific program exists
    assert "Credit Management" in loans["names"]
    assert "NO MATCH" not in entries["27-2011"]["majors"]["names"]
    assert entries["27-2011"]["majors"]["names"][0] == "Acting"
    assert "majors" not in entries["13-2081"]
    for e in entries.values():
        names = e.get("majors", {}).get("names", [])
        assert len(names) <= 5 and len(set(names)) == len(names)
        assert all(not n.endswith(".") for n in names)
    # aggregate 31-1120: programs of its components 31-1121 and 31-1122
    assert entries["31-1120"]["majors"]["names"]


def test_is_generic_program() -> None:
    assert is_generic_program("Finance, General")
    assert is_generic_program("Social Sciences, Other")
    assert not is_generic_program("Science Teacher Education/General Science Teacher Education")


def test_demographics(entries: dict[str, dict[str, Any]]) -> None:
    d = entries["43-3011"]["demographics"]
    assert d == {
        "source": "BLS CPS 2023 annual averages",
        "year": 2023,
        "women_pct": 71.2,
        "race": {"White": 66.1, "Black or African American": 25.8},  # Asian suppressed
        "hispanic_pct": 15.0,
    }
    assert "White" not in entries["15-1253"]["demographics"]["race"]
    for soc in ("13-2071", "13-2072"):
        assert entries[soc]["demographics"]["covers"] == (
            "CPS group 'Credit counselors and loan officers' (covers 2 SOC codes)"
        )
        assert entries[soc]["age"]["note"] == entries[soc]["demographics"]["covers"]
    assert (
        entries["29-1216"]["demographics"]["covers"] == "CPS group 'Other physicians' (SOC 29-12XX)"
    )
    for e in entries.values():
        assert "men_pct" not in e.get("demographics", {})


def test_demographics_of_a_bls_aggregate(entries: dict[str, dict[str, Any]]) -> None:
    d = entries["31-1120"]["demographics"]
    assert d["covers"] == (
        "CPS rows 'Home health aides' and 'Personal care aides' combined, weighted by employment"
    )
    assert d["women_pct"] == round((87.2 * 585 + 79.8 * 1521) / (585 + 1521), 1)
    assert "age" not in entries["31-1120"]  # medians cannot be combined


def test_age(entries: dict[str, dict[str, Any]]) -> None:
    assert entries["43-3011"]["age"] == {
        "source": "BLS CPS 2025 annual averages",
        "year": 2025,
        "median": 45.5,
    }
    assert "age" not in entries["27-2011"]  # suppressed


def test_best_paying_industry_only_above_the_mean() -> None:
    top = {"name": "Legal Services", "annual_mean": 56860}
    assert above(Decimal(50000), top) == top
    assert above(Decimal(56860), top) is None  # not more than the occupation's mean
    assert above(Decimal(60000), top) is None
    assert above(TOP, top) is None and above(None, top) is None
    coded = {"name": "Offices of Physicians", "annual_mean": ">=239200"}
    assert above(Decimal(230000), coded) == coded
    assert above(TOP, coded) is None


def test_similar_leaves_out_catch_alls() -> None:
    assert is_catch_all("Engineers, All Other")
    assert is_catch_all("Dentists, All Other Specialists")
    assert not is_catch_all("Allergists")


def test_ooh_link_and_related_experience(entries: dict[str, dict[str, Any]]) -> None:
    assert entries["15-1252"]["ooh_url"] == (
        "https://www.bls.gov/OOH/computer-and-information-technology/software-developers.htm"
    )
    collectors = entries["43-3011"]
    assert collectors["ooh_url"].startswith("https://www.bls.gov/OOH/")
    experience = collectors["education"]["experience"]
    pcts = [x["pct"] for x in experience]
    assert pcts == sorted(pcts, reverse=True) and all(p >= 5 for p in pcts) and len(pcts) <= 4
    assert all(x["level"] for x in experience)
    for e in entries.values():
        assert "ooh_url" not in e or e["ooh_url"].startswith("https://www.bls.gov/")


def test_rating_fallbacks_are_labelled_and_listed(
    entries: dict[str, dict[str, Any]], ctx: Context, tmp_path: Path
) -> None:
    # the fixture has no O*NET ratings for 15-1252.00: its closest related occupation in the
    # fixture with ratings stands in, and every section that uses it says so
    skills = entries["15-1252"]["skills"]
    assert skills["note"] == FALLBACK_NOTE.format(
        title="Software Quality Assurance Analysts and Testers", code="15-1253.00"
    )
    assert skills["skills"] == entries["15-1253"]["skills"]["skills"]
    rows = fallbacks(ctx)
    assert (
        "15-1252 Software Developers",
        "15-1253.00 Software Quality Assurance Analysts and Testers",
        "skills, knowledge, education levels, work experience",
    ) in rows
    notes = [
        e[s]["note"]
        for e in entries.values()
        for s in ("skills", "education")
        if "closest rated" in e.get(s, {}).get("note", "")
    ]
    assert len(notes) >= len(rows)
    md = tmp_path / "SOURCES.md"
    md.write_text(f"intro\n{FALLBACKS_BEGIN}\nold\n{FALLBACKS_END}\nrest\n", encoding="utf-8")
    assert update_fallbacks(md, rows)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("intro\n") and text.endswith("\nrest\n") and "old" not in text
    assert "| 15-1252 Software Developers |" in text
    assert not update_fallbacks(tmp_path / "none.md", rows)
