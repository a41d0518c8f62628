"""data/SOURCES.md lists every O*NET rating fallback the shipped data uses."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[2] / "data"
NOTE = re.compile(r"ratings of (.+?) \((\d\d-\d{4}\.\d\d)\), the closest rated occupation")


def test_every_fallback_is_listed() -> None:
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    found = 0
    for path in sorted((DATA / "professions").glob("*.yaml")):
        for e in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)[
            "professions"
        ]:
            for name in ("skills", "education"):
                match = NOTE.search(e.get(name, {}).get("note", ""))
                if match:
                    found += 1
                    row = f"| {e['soc']} {e['title']} | {match.group(2)} {match.group(1)} |"
                    assert row in sources, row
    assert found  # 15-1252 Software Developers at least
