"""A floor under the matching quality on the shipped data, over the hand-written evaluation set
(``benchmarks/quality/queries.txt``). The measured figures (higher) are in the README, from
``benchmarks/quality.py``; this only stops a change that makes understanding people worse."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bot.answers import Answers
from bot.matching import Status
from bot.matching.vocabulary import in_group

QUERIES = Path(__file__).resolve().parents[2] / "benchmarks" / "quality" / "queries.txt"
FLOOR_TOP1 = {"everyday": 0.95, "typo": 0.9, "question": 0.9, "all": 0.9}
FLOOR_TOP5 = {"everyday": 0.98, "all": 0.95}
CEILING_CONFIDENT_WRONG = {"everyday": 0.01, "all": 0.02}


def _cases() -> list[tuple[str, tuple[str, ...], str]]:
    cases, kind = [], "?"
    for raw in QUERIES.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            kind = line[3:]
        elif line and not line.startswith("#"):
            query, _, codes = line.rpartition("|")
            cases.append(
                (query.strip(), tuple(c.strip() for c in codes.split(",") if c.strip()), kind)
            )
    return cases


def _ok(code: str, accept: tuple[str, ...]) -> bool:
    """An acceptable occupation (or one in an acceptable group), or a group holding one."""
    return any(in_group(code, a) or (code.endswith("0") and in_group(a, code)) for a in accept)


def test_the_evaluation_set_is_large_and_labelled() -> None:
    cases = _cases()
    assert len(cases) >= 600
    kinds = Counter(k for _, _, k in cases)
    assert set(kinds) >= {"everyday", "slang", "abbreviation", "typo", "modern", "specialty",
                          "british", "question"}  # fmt: skip


def test_quality_floor(shipped_answers: Answers) -> None:
    m = shipped_answers.matcher
    n: Counter[str] = Counter()
    top1: Counter[str] = Counter()
    top5: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for query, accept, kind in _cases():
        res = m.resolve(query)
        confident = res.status in (Status.EXACT, Status.MATCH)
        codes = [c.profession.soc or "" for c in res.candidates]
        first = (not confident) if not accept else bool(codes) and _ok(codes[0], accept)
        five = (not confident) if not accept else any(_ok(c, accept) for c in codes[:5])
        for k in (kind, "all"):
            n[k] += 1
            top1[k] += first
            top5[k] += five
            wrong[k] += confident and not first
    for k, floor in FLOOR_TOP1.items():
        assert top1[k] / n[k] >= floor, (k, top1[k], n[k])
    for k, floor in FLOOR_TOP5.items():
        assert top5[k] / n[k] >= floor, (k, top5[k], n[k])
    for k, ceiling in CEILING_CONFIDENT_WRONG.items():
        assert wrong[k] / n[k] <= ceiling, (k, wrong[k], n[k])
