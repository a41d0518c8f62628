"""bot.ratings: the O*NET importance vectors, read on first use; cosine similarity."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from bot.ratings import RatingsError, check_ratings, load_ratings, parse_ratings


def test_shipped_ratings_load_and_cover_the_rated_occupations(shipped: object) -> None:
    started = time.perf_counter()
    ratings = load_ratings()
    assert time.perf_counter() - started < 2  # a small file (the benchmark has the real figure)
    assert len(ratings.elements) > 60
    assert any(e.startswith("Skill: ") for e in ratings.elements)
    assert any(e.startswith("Knowledge: ") for e in ratings.elements)
    assert len(ratings.vectors) > 700
    assert load_ratings() is ratings  # parsed once


def test_similarity_is_a_cosine() -> None:
    ratings = load_ratings()
    a, b = "software-developers", "computer-programmers"
    assert ratings.similarity(a, a) == pytest.approx(1.0)
    assert ratings.similarity(a, b) == pytest.approx(ratings.similarity(b, a))
    assert ratings.similarity(a, "no-such-job") is None
    near = [pid for pid, _ in ratings.most_similar(a, 10)]
    assert a not in near and len(near) == 10
    far = ratings.similarity(a, "fast-food-and-counter-workers") or 0.0
    best = ratings.similarity(a, near[0])
    assert best is not None and best > far
    assert ratings.most_similar("no-such-job") == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "header"),
        ("id\tSkill: A\tSkill: B\nx\t1.5\n", "row 2 (x) has 1 values, not 2"),
        ("id\tSkill: A\nx\tmany\n", "row 2 (x)"),
        ("id\tSkill: A\nx\t7\n", "outside 1–5"),
    ],
)
def test_malformed_files_are_refused(text: str, words: str) -> None:
    with pytest.raises(RatingsError, match=re.escape(words)):
        parse_ratings(text, "r.tsv")


def test_blank_cells_are_not_rated() -> None:
    ratings = parse_ratings("# c\nid\tSkill: A\tSkill: B\nx\t\t2\ny\t3\t\n")
    assert list(ratings.vectors["x"]) == [0.0, 2.0]
    assert ratings.similarity("x", "y") == 0.0


def test_check_ratings(tmp_path: Path) -> None:
    assert check_ratings(["a-job"], tmp_path) == [
        f"[Errno 2] No such file or directory: '{tmp_path / 'ratings.tsv'}'"
    ]
    (tmp_path / "ratings.tsv").write_text("id\tSkill: A\na-job\t2\nghost\t3\n", encoding="utf-8")
    assert check_ratings(["a-job"], tmp_path) == ["ratings.tsv: no profession has the id 'ghost'"]
    assert check_ratings(["a-job", "ghost"], tmp_path) == []
