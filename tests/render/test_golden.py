"""Golden answers: a curated, a public and a group answer per command, as the console prints
them (the same sheet the embeds render). Reviewed by eye; when the data or wording changes on
purpose, regenerate with ``CAREER_BOT_UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py``
and read the diff before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.answers import Answers
from bot.comparison import Sheet
from bot.render import limits
from bot.render.embeds import message_payloads
from bot.render.text import render_text

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "compare-curated": ("compare", ["collections-specialist", "loss-mitigation-specialist"]),
    "compare-public": ("compare", ["pharmacists", "registered-nurses"]),
    "compare-group": ("compare", ["physicians", "registered-nurses"]),
    "salary-curated": ("salary", ["collections-specialist"]),
    "salary-public": ("salary", ["registered-nurses"]),
    "salary-group": ("salary", ["engineers"]),
    "career-curated": ("career", ["loss-mitigation-specialist"]),
    "career-public": ("career", ["software-developers"]),
    "career-group": ("career", ["physicians"]),
}


def _sheet(answers: Answers, kind: str, ids: list[str]) -> Sheet:
    profs = [answers.dataset.by_id[i] for i in ids]
    return answers.sheet(kind, profs)  # type: ignore[arg-type]


@pytest.mark.slow_data
@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_answer(shipped_answers: Answers, name: str) -> None:
    kind, ids = CASES[name]
    sheet = _sheet(shipped_answers, kind, ids)
    text = render_text(sheet, width=100)
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("CAREER_BOT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: set CAREER_BOT_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: review, then regenerate"
    for payload in message_payloads(sheet):
        assert limits.message_problems(payload) == []
