"""tools/build_data.py, built from the small extracts in tests/tools/fixtures/sources.

Never reads ../shared/data: see fixtures/README.md for what the extracts hold and which values
were edited to exercise a rule.
"""

from __future__ import annotations

import gzip
import importlib.util
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURE = HERE / "fixtures" / "sources"
SCHEMA_ORDER = [
    "id", "title", "soc", "curated", "closest", "source", "year", "description", "tasks",
    "aliases", "pay", "outlook", "education", "majors", "demographics", "age", "workforce",
    "skills", "similar",
]  # fmt: skip
SECTIONS = {"pay", "outlook", "education", "majors", "demographics", "age", "skills", "similar"}


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_data", ROOT / "tools" / "build_data.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_data"] = module
    spec.loader.exec_module(module)
    return module


bd = _load_builder()


def make_sources(dest: Path) -> Path:
    """A copy of the fixture tree with the OEWS SQL text turned into oews-2025.sqlite.gz."""
    shutil.copytree(FIXTURE, dest)
    sql = (dest / "bls-oews-2025" / "oews-2025.sql").read_text(encoding="utf-8")
    con = sqlite3.connect(":memory:")
    con.executescript(sql)
    (dest / "bls-oews-2025" / "oews-2025.sqlite.gz").write_bytes(
        gzip.compress(con.serialize(), mtime=0)
    )
    con.close()
    return dest


def load_entries(out: Path) -> dict[str, dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for path in sorted(out.glob("*.yaml")):
        for e in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)[
            "professions"
        ]:
            entries[e["soc"]] = e
    return entries


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_sources(tmp_path_factory.mktemp("build") / "sources")


@pytest.fixture(scope="module")
def built(sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "professions"
    assert bd.main(["--sources", str(sources), "--out", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def entries(built: Path) -> dict[str, dict[str, Any]]:
    return load_entries(built)


@pytest.fixture(scope="module")
def oews(sources: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(":memory:")
    con.executescript((sources / "bls-oews-2025" / "oews-2025.sql").read_text(encoding="utf-8"))
    yield con
    con.close()


def national(con: sqlite3.Connection, soc: str) -> dict[str, str]:
    cur = con.execute(
        "SELECT * FROM cell WHERE key = ?", (f"OEUN0000000000000{soc.replace('-', '')}",)
    )
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def walk(value: Any) -> Iterator[Any]:
    yield value
    if isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)


# --------------------------------------------------------------------------- output shape


def test_deterministic_byte_identical(sources: Path, built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    bd.main(["--sources", str(sources), "--out", str(again), "-q"])
    first = {p.name: p.read_bytes() for p in sorted(built.glob("*.yaml"))}
    second = {p.name: p.read_bytes() for p in sorted(again.glob("*.yaml"))}
    assert first == second
    assert b"\r" not in b"".join(first.values())


def test_one_file_per_major_group(built: Path, entries: dict[str, dict[str, Any]]) -> None:
    names = sorted(p.name for p in built.glob("*.yaml"))
    assert names == [
        "13-business-and-financial-operations.yaml",
        "15-computer-and-mathematical.yaml",
        "25-educational-instruction-and-library.yaml",
        "27-arts-design-entertainment-sports-and-media.yaml",
        "29-healthcare-practitioners-and-technical.yaml",
        "31-healthcare-support.yaml",
        "43-office-and-administrative-support.yaml",
    ]
    for path in built.glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(doc) == ["professions"]
        socs = [e["soc"] for e in doc["professions"]]
        assert socs == sorted(socs)
        assert all(s.startswith(path.name[:2]) for s in socs)
    # every detailed OEWS occupation of the fixture, and nothing else (no 13-2070 group row,
    # no 11-1031 projections-only line)
    assert sorted(entries) == [
        "13-2071", "13-2072", "13-2081", "15-1252", "15-1253", "25-2021", "27-2011", "29-1141",
        "29-1216", "31-1120", "43-3011",
    ]  # fmt: skip


def test_key_order_and_provenance(entries: dict[str, dict[str, Any]]) -> None:
    for e in entries.values():
        keys = list(e)
        assert keys == sorted(keys, key=SCHEMA_ORDER.index)
        assert e["source"] == "O*NET 29.3" and e["year"] == 2025
        for name in SECTIONS & set(e):
            section = e[name]
            assert list(section)[:2] == ["source", "year"], name
            assert isinstance(section["year"], int)


def test_no_nulls_and_no_placeholder_zeros(entries: dict[str, dict[str, Any]]) -> None:
    for e in entries.values():
        for v in walk(e):
            assert v is not None
            assert v not in ("", "—", "–", "-", "*", "#")
        pay = e.get("pay", {})
        for key in ("annual_mean", "annual_median", "hourly_mean", "hourly_median", "p10", "p90"):
            assert pay.get(key, 1) != 0


def test_validates_against_schema(built: Path) -> None:
    dataset_mod = pytest.importorskip("bot.dataset")
    dataset = dataset_mod.load_dataset([built])
    assert len(dataset) == 11


def test_cli_defaults() -> None:
    assert bd.DEFAULT_SOURCES == "../shared/data"
    assert bd.DEFAULT_OUT == "data/professions"


def test_stale_yaml_removed(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "99-old.yaml").write_text("professions: []\n", encoding="utf-8")
    (out / "keep.txt").write_text("x", encoding="utf-8")
    bd.main(["--sources", str(sources), "--out", str(out), "-q"])
    assert not (out / "99-old.yaml").exists()
    assert (out / "keep.txt").exists()


# --------------------------------------------------------------------------- ids


def test_ids(entries: dict[str, dict[str, Any]]) -> None:
    assert entries["43-3011"]["id"] == "bill-and-account-collectors"
    assert entries["13-2072"]["id"] == "loan-officers"
    assert entries["13-2081"]["id"] == "tax-examiners-and-collectors-and-revenue-agents"
    assert bd.slugify("Grinding, Lapping, & Buffing -- Café Workers") == (
        "grinding-lapping-buffing-cafe-workers"
    )


def test_long_and_colliding_ids() -> None:
    long_title = "Supervisors of " + ", ".join(["Very Long Occupation Name"] * 6)
    ids = bd.assign_ids(
        {"11-1011": "Chief Executives", "11-1012": "Chief  executives!", "11-2000": long_title}
    )
    assert ids["11-1011"] == "chief-executives"
    assert ids["11-1012"] == "chief-executives-111012"
    assert len(ids["11-2000"]) <= 90
    assert not ids["11-2000"].endswith("-")
    assert bd.slugify(long_title).startswith(ids["11-2000"] + "-")


# --------------------------------------------------------------------------- pay


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
    assert pay["top_industry"]["name"] == "Offices of Physicians"


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
    W, D, TOP = bd.Wages, bd.Decimal, bd.TOP
    cells = [
        ("A", W(employment=D(5000), annual_mean=D(100))),
        ("B", W(employment=D(5000), annual_mean=D(100))),  # tie: same mean and jobs -> name
        ("C", W(employment=D(99), annual_mean=D(900))),  # fewer than 100 jobs
        ("D", W(employment=None, annual_mean=D(900))),
        ("E", W(employment=D(5000), annual_mean=None)),
    ]
    assert bd.top_place(cells, D(10000)) == {"name": "A", "annual_mean": 100}
    assert bd.top_place(cells, D(10**6)) is None  # 1 % of a million = 10,000 jobs needed
    coded = [("T", W(employment=D(500), annual_mean=TOP))]
    assert bd.top_place(cells + coded, D(1000))["annual_mean"] == ">=239200"
    high = [("H", W(employment=D(500), annual_mean=D(250000)))]
    assert bd.top_place(cells + coded + high, D(1000)) is None


# --------------------------------------------------------------------------- outlook


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


# --------------------------------------------------------------------------- O*NET


def test_description_prefers_dot_00(entries: dict[str, dict[str, Any]]) -> None:
    assert entries["29-1141"]["description"].startswith("Assess patient health problems")
    # BLS aggregate without its own O*NET code: the first component
    assert entries["31-1120"]["description"].startswith("Monitor the health status")


def test_tasks_core_first(entries: dict[str, dict[str, Any]], sources: Path) -> None:
    rows = bd.read_tsv(sources / "onet-29.3" / "Task Statements.txt")
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
    assert "levels" not in entries["15-1252"]["education"]  # O*NET has no 2.D.1 data for it


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


# --------------------------------------------------------------------------- aliases


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
        assert bd.MAX_ALIASES is None or len(names) <= bd.MAX_ALIASES
        counts = [alias_map(e)[n] for n in names]
        assert counts == sorted(counts, reverse=True)
        assert isinstance(e.get("aliases", ""), str)


def test_generic_alias_rule_and_cap(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Account Representative" is listed under 3 occupations: generic when the limit is 2
    before = load_entries_for(sources, tmp_path / "a")
    assert sum("Account Representative" in alias_map(e) for e in before.values()) == 3
    monkeypatch.setattr(bd, "MAX_ALIAS_OCCUPATIONS", 2)
    monkeypatch.setattr(bd, "MAX_ALIASES", 3)
    after = load_entries_for(sources, tmp_path / "b")
    assert not any("Account Representative" in alias_map(e) for e in after.values())
    assert list(alias_map(after["43-3011"])) == [
        "Debt Collector",
        "Collection Agent",
        "Accounts Receivable Specialist (AR Specialist)",
    ]


def load_entries_for(sources: Path, out: Path) -> dict[str, dict[str, Any]]:
    bd.main(["--sources", str(sources), "--out", str(out), "-q"])
    return load_entries(out)


# --------------------------------------------------------------------------- majors


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
    assert bd.is_generic_program("Finance, General")
    assert bd.is_generic_program("Social Sciences, Other")
    assert not bd.is_generic_program("Science Teacher Education/General Science Teacher Education")


# --------------------------------------------------------------------------- CPS


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


def test_census_prefixes() -> None:
    row = bd.CensusRow
    assert row("x", "0960", "13-20XX").prefix == "13-20"
    assert row("x", "0060", "11-2030").prefix == "11-203"
    assert row("x", "2205", "25-1000").prefix == "25-1"
    assert row("x", "0010", "11-1011").prefix == "11-1011"


# --------------------------------------------------------------------------- occupation groups


@pytest.fixture(scope="module")
def groups(built: Path) -> dict[str, dict[str, Any]]:
    return load_entries(built.parent / "groups")


def test_groups_written_beside_the_professions(
    groups: dict[str, dict[str, Any]], oews: sqlite3.Connection
) -> None:
    # the fixture's OEWS lists the 13-2070 broad group and six major groups (not 00-0000)
    assert sorted(groups) == [
        "13-0000", "13-2070", "15-0000", "25-0000", "27-0000", "29-0000", "31-0000", "43-0000",
    ]  # fmt: skip
    credit = groups["13-2070"]
    assert list(credit) == [
        "id", "title", "soc", "group", "source", "year", "pay", "outlook", "members",
    ]  # fmt: skip
    assert credit["id"] == "credit-counselors-and-loan-officers"
    assert credit["group"] == "broad" and credit["members"] == [
        "credit-counselors",
        "loan-officers",
    ]
    cell = national(oews, "13-2070")
    assert credit["pay"]["employment"] == int(cell["v01"])
    assert credit["pay"]["annual_mean"] == int(cell["v04"])
    assert credit["pay"]["p90"] == int(cell["v15"])
    # the projections' summary row; its education columns are '—' and left out
    assert credit["outlook"]["employment_start"] == 333200
    assert credit["outlook"]["growth_pct"] == 1.8
    assert "entry_education" not in credit["outlook"]
    # a major group without a published national cell: members only, never a made-up figure
    major = groups["13-0000"]
    assert major["group"] == "major" and "pay" not in major and len(major["members"]) == 3


def test_group_membership_follows_the_soc() -> None:
    assert bd.in_group("29-1221", "29-1210", "broad")  # SOC 2018: Physicians span 29-1211-1229
    assert not bd.in_group("29-1131", "29-1120", "broad")  # Veterinarians are not Therapists
    assert bd.in_group("29-1122", "29-1120", "broad")
    assert bd.in_group("15-1252", "15-1200", "minor")
    assert not bd.in_group("15-2011", "15-1200", "minor")
    assert bd.in_group("19-5011", "19-5010", "minor")
    assert bd.in_group("29-9099", "29-0000", "major")


def test_group_ids_never_take_an_occupation_id() -> None:
    ctx = SimpleNamespace(
        ids={"41-2011": "cashiers"},
        oews=SimpleNamespace(
            groups={"41-2010": ("Cashiers", "broad"), "41-0000": ("Sales", "major")}
        ),
    )
    assert bd.group_ids(ctx, ["41-2010", "41-0000"]) == {
        "41-0000": "sales",
        "41-2010": "cashiers-group",
    }


def test_group_employment_must_add_up(sources: Path, tmp_path: Path) -> None:
    ctx = bd.load_sources(sources)
    ctx.oews.national["13-2070"].employment = bd.Decimal(1)
    with pytest.raises(SystemExit, match="13-2070 .* does not add up"):
        bd.group_members(ctx)


def test_group_files_validate_with_the_professions(built: Path) -> None:
    dataset_mod = pytest.importorskip("bot.dataset")
    dataset = dataset_mod.load_dataset([built, built.parent / "groups"])
    assert dataset.get("credit-counselors-and-loan-officers").is_group
    assert len([p for p in dataset if p.is_group]) == 8
