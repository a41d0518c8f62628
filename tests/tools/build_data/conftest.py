"""Fixtures for the builder's tests: the small source extracts in tests/tools/fixtures/sources.

Never reads ../shared/data: see fixtures/README.md for what the extracts hold and which values
were edited to exercise a rule.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools.build_data import main
from tools.build_data.context import Context, load_sources

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sources"


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
    """Every entry of the YAML files in ``out``, by SOC code."""
    entries: dict[str, dict[str, Any]] = {}
    for path in sorted(out.glob("*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for e in doc["professions"]:
            entries[e["soc"]] = e
    return entries


def build_into(sources: Path, out: Path) -> dict[str, dict[str, Any]]:
    assert main(["--sources", str(sources), "--out", str(out), "-q"]) == 0
    return load_entries(out)


def national(con: sqlite3.Connection, soc: str) -> dict[str, str]:
    """The raw national OEWS cell of ``soc``, by column name."""
    cur = con.execute(
        "SELECT * FROM cell WHERE key = ?", (f"OEUN0000000000000{soc.replace('-', '')}",)
    )
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True))


@pytest.fixture(scope="session")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_sources(tmp_path_factory.mktemp("build") / "sources")


@pytest.fixture(scope="session")
def built(sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "professions"
    assert main(["--sources", str(sources), "--out", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="session")
def entries(built: Path) -> dict[str, dict[str, Any]]:
    return load_entries(built)


@pytest.fixture(scope="session")
def groups(built: Path) -> dict[str, dict[str, Any]]:
    return load_entries(built.parent / "groups")


@pytest.fixture(scope="session")
def ctx(sources: Path) -> Context:
    return load_sources(sources)


@pytest.fixture(scope="session")
def oews(sources: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(":memory:")
    con.executescript((sources / "bls-oews-2025" / "oews-2025.sql").read_text(encoding="utf-8"))
    yield con
    con.close()
