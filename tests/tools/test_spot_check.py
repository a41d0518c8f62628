"""Spot-check the committed data/professions against the raw public files, to the dollar.

Runs only where the raw data folder exists (/work/shared/data, or ../shared/data next to the
repository); skipped otherwise. Reads the raw files independently of tools/build_data, so a
builder bug and a matching test bug would have to coincide to slip through.
"""

from __future__ import annotations

import csv
import gzip
import re
import sqlite3
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = [Path("/work/shared/data"), ROOT.parent / "shared" / "data"]
RAW = next((p for p in CANDIDATES if (p / "bls-oews-2025" / "oews-2025.sqlite.gz").is_file()), None)
DATA = ROOT / "data" / "professions"

pytestmark = pytest.mark.skipif(
    RAW is None,
    reason="raw public data not found at /work/shared/data or ../shared/data: spot check skipped",
)

# ~20 occupations across the major groups, incl. an hourly-only (27-2011), an annual-only
# (25-2021), BLS aggregates (21-1018, 31-1120) and the two the curated seeds link to
SAMPLE = [
    "11-1011", "13-2072", "15-1252", "17-2051", "19-1042", "21-1018", "23-1011", "25-2021",
    "27-2011", "29-1141", "29-1216", "31-1120", "33-3051", "35-2014", "39-5012", "41-2031",
    "43-3011", "47-2061", "49-3023", "51-4121", "53-3032",
]  # fmt: skip

ANNUAL = {
    "annual_mean": "v04",
    "annual_median": "v13",
    "p10": "v11",
    "p25": "v12",
    "p75": "v14",
    "p90": "v15",
}
HOURLY = {"hourly_mean": "v03", "hourly_median": "v08"}


def _num(text: str | None) -> Decimal | None:
    try:
        return Decimal((text or "").replace(",", ""))
    except ArithmeticError:
        return None


@pytest.fixture(scope="module")
def entries() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    groups = {s[:2] for s in SAMPLE}
    for path in sorted(DATA.glob("*.yaml")):
        if path.name[:2] not in groups:
            continue
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for e in doc["professions"]:
            if e["soc"] in SAMPLE:
                out[e["soc"]] = e
    assert sorted(out) == sorted(SAMPLE), "sample occupations missing from data/professions"
    return out


@pytest.fixture(scope="module")
def oews() -> Iterator[sqlite3.Connection]:
    assert RAW is not None
    con = sqlite3.connect(":memory:")
    con.deserialize(gzip.decompress((RAW / "bls-oews-2025" / "oews-2025.sqlite.gz").read_bytes()))
    yield con
    con.close()


def cell(con: sqlite3.Connection, kind: str, area: str, industry: str, soc: str) -> dict[str, str]:
    cur = con.execute(
        "SELECT * FROM cell WHERE key = ?", (f"OEU{kind}{area}{industry}{soc.replace('-', '')}",)
    )
    row = cur.fetchone()
    assert row is not None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def expected_money(c: dict[str, str], col: str) -> Any:
    value = _num(c[col])
    if value is not None:
        return value
    top_coded = c[col] == "#" or c["f" + col[1:]] == "5"
    return ">=239200" if top_coded else None


@pytest.mark.parametrize("soc", SAMPLE)
def test_pay_to_the_dollar(
    entries: dict[str, dict[str, Any]], oews: sqlite3.Connection, soc: str
) -> None:
    pay = entries[soc]["pay"]
    nat = cell(oews, "N", "0000000", "000000", soc)
    assert pay["employment"] == int(nat["v01"])
    for key, col in ANNUAL.items():
        want = expected_money(nat, col)
        if want is None:
            assert key not in pay
        elif want == ">=239200":
            assert pay[key] == want
        else:
            assert Decimal(str(pay[key])) == want, key
    for key, col in HOURLY.items():
        want = _num(nat[col])
        if want is None:
            assert key not in pay
        else:
            assert Decimal(str(pay[key])) == want, key
    for key, kind in (("top_state", "S"), ("top_metro", "M")):
        if key in pay:
            (area,) = oews.execute(
                "SELECT area_code FROM area WHERE area_name = ? AND areatype_code = ?",
                (pay[key]["name"], kind),
            ).fetchone()
            c = cell(oews, kind, area, "000000", soc)
            assert str(pay[key]["annual_mean"]) == str(expected_money(c, "v04"))
            assert int(c["v01"]) >= max(100, int(nat["v01"]) // 100)
    if "top_industry" in pay:
        codes = [
            r[0]
            for r in oews.execute(
                "SELECT industry_code FROM industry WHERE industry_name = ? AND display_level >= 3",
                (pay["top_industry"]["name"],),
            )
        ]
        means = {
            str(expected_money(cell(oews, "N", "0000000", code, soc), "v04"))
            for code in codes
            if _has(oews, code, soc)
        }
        assert str(pay["top_industry"]["annual_mean"]) in means


def _has(con: sqlite3.Connection, industry: str, soc: str) -> bool:
    key = f"OEUN0000000{industry}{soc.replace('-', '')}"
    return con.execute("SELECT 1 FROM cell WHERE key = ?", (key,)).fetchone() is not None


def _thousands(text: str) -> int:
    return int((Decimal(text) * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@pytest.fixture(scope="module")
def projections() -> dict[str, dict[str, str]]:
    assert RAW is not None
    path = RAW / "bls-ep-2024-34" / "table1.2_occupational_projections_2024-34.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {
            r["2024 National Employment Matrix code"]: r
            for r in csv.DictReader(fh)
            if r["Occupation type"] == "Line item"
        }


@pytest.mark.parametrize("soc", SAMPLE)
def test_outlook(
    entries: dict[str, dict[str, Any]], projections: dict[str, dict[str, str]], soc: str
) -> None:
    out, row = entries[soc]["outlook"], projections[soc]
    assert out["employment_start"] == _thousands(row["Employment, 2024"])
    assert out["employment_end"] == _thousands(row["Employment, 2034"])
    assert out["annual_openings"] == _thousands(
        row["Occupational openings, 2024–34 annual average"]
    )
    assert Decimal(str(out["growth_pct"])) == Decimal(row["Employment change, percent, 2024–34"])
    assert out["entry_education"] == row["Typical education needed for entry"]


def _norm(title: str) -> str:
    return re.sub(r"\s+", " ", title.replace(",", " ").strip().lower())


@pytest.fixture(scope="module")
def cps() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]], dict[str, str]]:
    assert RAW is not None

    def rows(rel: str, key: str) -> dict[str, dict[str, str]]:
        with (RAW / rel).open(encoding="utf-8-sig", newline="") as fh:
            return {_norm(r[key]): r for r in csv.DictReader(fh)}

    census = rows("crosswalks/census2018_occ_to_soc2018.csv", "census_2018_title")
    by_soc = {r["soc_2018_code"]: t for t, r in census.items()}
    return (
        rows("bls-cps/cpsaat11-2023.csv", "occupation"),
        rows("bls-cps/cpsaat11b-2025.csv", "occupation"),
        by_soc,
    )


@pytest.mark.parametrize("soc", SAMPLE)
def test_cps_figures(
    entries: dict[str, dict[str, Any]],
    cps: tuple[dict[str, dict[str, str]], dict[str, dict[str, str]], dict[str, str]],
    soc: str,
) -> None:
    demo, age, by_soc = cps
    e = entries[soc]
    title = by_soc.get(soc)
    if title is None:  # broader CPS group or several rows: the entry must say so
        if "demographics" in e:
            assert "covers" in e["demographics"]
        return
    row = demo[title]
    d = e.get("demographics", {})
    want = _num(row["pct_women"])
    assert (d.get("women_pct") is None) == (want is None)
    if want is not None:
        assert Decimal(str(d["women_pct"])) == want
    for group, col in (
        ("White", "pct_white"),
        ("Black or African American", "pct_black"),
        ("Asian", "pct_asian"),
    ):
        want = _num(row[col])
        got = d.get("race", {}).get(group)
        assert (got is None) == (want is None), group
        if want is not None:
            assert Decimal(str(got)) == want
    median = _num(age[title]["median_age"])
    if median is None:
        assert "age" not in e
    else:
        assert Decimal(str(e["age"]["median"])) == median
