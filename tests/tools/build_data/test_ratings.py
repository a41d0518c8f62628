"""sections.ratings: data/ratings.tsv from the fixture's O*NET ratings."""

from __future__ import annotations

from pathlib import Path

from bot.ratings import parse_ratings
from tools.build_data.context import Context
from tools.build_data.sections.ratings import ratings_table


def test_ratings_table(ctx: Context, built: Path) -> None:
    text = ratings_table(ctx)
    assert (built.parent / "ratings.tsv").read_text(encoding="utf-8") == text  # written by main
    ratings = parse_ratings(text)
    assert "Skill: Speaking" in ratings.elements
    assert any(e.startswith("Knowledge: ") for e in ratings.elements)
    collectors = ratings.vectors["bill-and-account-collectors"]
    speaking = ratings.elements.index("Skill: Speaking")
    assert round(collectors[speaking], 2) == 3.88  # O*NET's importance, as in Skills.txt
    listening = ratings.elements.index("Skill: Active Listening")
    assert collectors[listening] == 0.0  # flagged "Recommend Suppress": not rated
    # a rating fallback, as in the skills section: 15-1252 has 15-1253's ratings
    devs = ratings.vectors["software-developers"]
    assert list(devs) == list(ratings.vectors["software-quality-assurance-analysts-and-testers"])
    assert ratings_table(ctx) == text  # deterministic
