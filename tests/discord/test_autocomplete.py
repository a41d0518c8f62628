"""Autocomplete: at most 25 choices, every name and value within Discord's limits, fast."""

from __future__ import annotations

import time
from typing import Any

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers import Answers
from bot.discord.autocomplete import choices
from bot.discord.cogs import CareerCog
from bot.matching import Matcher
from bot.render.limits import choices_problems

from .mocks import autocomplete


def _prefixes(matcher: Matcher) -> list[str]:
    names = {p.title for p in matcher.professions} | {
        a.name for p in matcher.professions for a in p.aliases
    }
    out = {""}
    for name in names:
        out.update(name[:n] for n in range(1, len(name) + 1))
        out.add(name.upper())
        out.add(name[::-1][:10])
    return sorted(out)


def _check(matcher: Matcher, current: str) -> list[discord.app_commands.Choice[str]]:
    got = choices(matcher, current)
    as_json = [c.to_dict() for c in got]
    assert choices_problems(as_json) == [], (current, as_json)
    assert len(got) <= 25
    for c in got:
        assert 1 <= len(c.name) <= 100 and 1 <= len(c.value) <= 100
        assert matcher.get(c.value) is not None  # the value is a profession id
    return got


def test_every_prefix_of_every_name_gives_valid_choices(mini_answers: Answers) -> None:
    matcher = mini_answers.matcher
    for current in _prefixes(matcher):
        _check(matcher, current)


def test_an_empty_box_suggests_popular_professions(mini_answers: Answers) -> None:
    got = _check(mini_answers.matcher, "")
    assert len(got) == min(25, len(mini_answers.dataset))


def test_a_picked_choice_resolves_exactly(mini_answers: Answers) -> None:
    for c in _check(mini_answers.matcher, "nur"):
        res = mini_answers.matcher.resolve(c.value)
        assert res.profession is not None and res.profession.id == c.value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_valid_choices(mini_answers: Answers, current: str) -> None:
    _check(mini_answers.matcher, current)


async def test_the_callback_answers_from_the_cogs_matcher(
    interaction: Any, career_cog: CareerCog
) -> None:
    inter = interaction(kind=discord.InteractionType.autocomplete)
    got = await autocomplete(career_cog, inter, "regist")
    assert got[0].value == "registered-nurses"
    inter.response.autocomplete.assert_not_called()  # discord.py sends what we return


def test_full_dataset_prefixes_are_valid_and_fast(shipped_answers: Answers) -> None:
    matcher = shipped_answers.matcher
    if len(matcher.professions) < 100:
        pytest.skip("the full public-data build is not in data/ yet")
    every = _prefixes(matcher)
    prefixes = every[:: max(1, len(every) // 800)]

    def timed(current: str) -> float:
        start = time.perf_counter()
        matcher.suggest(current, limit=25)
        return time.perf_counter() - start

    for current in prefixes:
        _check(matcher, current)
    # A gross-regression guard, not a benchmark (benchmarks/run.py is): the slowest prefixes are
    # timed again, best of three, so a busy machine or a GC pause does not fail it.
    slowest = sorted(prefixes, key=timed)[-5:]
    worst = max(min(timed(p) for _ in range(3)) for p in slowest)
    assert worst < 0.05, f"slowest autocomplete took {worst * 1000:.0f} ms"
