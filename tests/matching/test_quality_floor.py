"""A floor under the matching quality on the shipped data, over the hand-written evaluation set
(``benchmarks/quality/queries.txt``). The measured figures (higher) are in the README, from
``benchmarks/quality.py``; this only stops a change that makes understanding people worse."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from benchmarks.quality import held_out, ours, right
from bot.answers import Answers
from bot.dataset import Dataset
from bot.matching import Matcher, Status
from bot.matching.vocabulary import in_group

SETS = Path(__file__).resolve().parents[2] / "benchmarks" / "quality"
QUERIES = SETS / "queries.txt"
INDEPENDENT = SETS / "independent.txt"
FLOOR_TOP1 = {"everyday": 0.95, "typo": 0.9, "question": 0.9, "all": 0.9}
FLOOR_TOP5 = {"everyday": 0.98, "all": 0.95}
CEILING_CONFIDENT_WRONG = {"everyday": 0.01, "all": 0.02}
HELD_OUT_FLOOR = {"top1": 0.50, "top5": 0.73, "confident_wrong": 0.03}  # measured: README


def _cases(path: Path = QUERIES) -> list[tuple[str, tuple[str, ...], str]]:
    cases, kind = [], "?"
    for raw in path.read_text(encoding="utf-8").splitlines():
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


@pytest.mark.parametrize("path", [QUERIES, INDEPENDENT], ids=["eval", "independent"])
def test_quality_floor(shipped_answers: Answers, path: Path) -> None:
    m = shipped_answers.matcher
    n: Counter[str] = Counter()
    top1: Counter[str] = Counter()
    top5: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for query, accept, kind in _cases(path):
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


def test_the_independent_set_is_large_and_labelled() -> None:
    cases = _cases(INDEPENDENT)
    assert len(cases) >= 300
    assert {k for _, _, k in cases} >= {"everyday", "typo", "specialty", "british", "question"}


def test_held_out_alternate_titles_floor(shipped: Dataset) -> None:
    """Names the index has never seen (a random 10 % of the alternate titles, removed with
    everything derived from them; no vocabulary): a floor under generalisation."""
    kept, cases = held_out(shipped.professions)
    readings = ours(Matcher(kept))([c.query for c in cases])
    top1 = top5 = wrong = 0
    for case, (confident, codes) in zip(cases, readings, strict=True):
        first = bool(codes) and right(codes[0], case.accept)
        top1 += first
        top5 += any(right(c, case.accept) for c in codes[:5])
        wrong += confident and not first
    assert top1 / len(cases) >= HELD_OUT_FLOOR["top1"], top1
    assert top5 / len(cases) >= HELD_OUT_FLOOR["top5"], top5
    assert wrong / len(cases) <= HELD_OUT_FLOOR["confident_wrong"], wrong
