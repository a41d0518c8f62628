"""Careers like one: symmetric, self-most-similar, deterministic, related occupations present."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.explore import Filters, Similarity
from bot.explore.filters import education_rank, entry_education
from bot.explore.lists import growth, listed, mean_pay
from bot.model import Profession
from bot.ratings import load_ratings
from bot.render.embeds import message_payloads
from bot.render.limits import message_problems

pytestmark = pytest.mark.slow_data


def _rated(answers: Answers) -> list[Profession]:
    return [p for p in listed(answers.dataset.professions) if p.skills and p.skills.skills]


def test_symmetric_and_self_most_similar(shipped_answers: Answers) -> None:
    sim = shipped_answers.similarity
    rated = _rated(shipped_answers)
    for a in rated[::7]:
        assert sim.cosine(a, a) == pytest.approx(1.0)
        for b in rated[::53]:
            assert sim.cosine(a, b) == pytest.approx(sim.cosine(b, a))
            assert sim.cosine(a, b) <= sim.cosine(a, a) + 1e-9


def test_deterministic(shipped_answers: Answers) -> None:
    again = Similarity(shipped_answers.dataset.professions, load_ratings())
    for p in _rated(shipped_answers)[::11]:
        assert shipped_answers.similarity.like(p) == again.like(p)


def test_related_occupations_come_first(shipped_answers: Answers) -> None:
    rn = shipped_answers.matcher.resolve("registered nurse").profession
    assert rn is not None and rn.similar
    likes = shipped_answers.similarity.like(rn)
    ids = [k.profession.id for k in likes]
    assert (
        "nurse-practitioners" in ids or "licensed-practical-and-licensed-vocational-nurses" in ids
    )
    assert all(rn.id != i for i in ids)
    assert any(k.related for k in likes[:3])


def test_filters_hold(shipped_answers: Answers) -> None:
    for p in _rated(shipped_answers)[::29]:
        for like in shipped_answers.similarity.like(p, Filters(True, True, True)):
            o = like.profession
            assert mean_pay(o) > mean_pay(p)  # type: ignore[operator]
            assert education_rank(entry_education(o)) < education_rank(entry_education(p))  # type: ignore[operator]
            assert growth(o) > 0  # type: ignore[operator]


def test_explore_answers_say_why_and_fit_discord(shipped_answers: Answers) -> None:
    for p in _rated(shipped_answers)[::5]:
        for filters in (Filters(), Filters(pays_more=True)):
            sheet = shipped_answers.explore(p, filters)
            for payload in message_payloads(sheet):
                assert message_problems(payload) == []
    rn = shipped_answers.matcher.resolve("registered nurse").profession
    assert rn is not None
    bullet = shipped_answers.explore(rn).blocks[0].bullets[0]
    assert "▲" in bullet or "▼" in bullet
    assert "of its top" in bullet or "related by O*NET" in bullet
