"""Fixtures for the Discord adapter's tests (the mocks live in :mod:`tests.discord.mocks`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.answers import Answers
from bot.discord.cogs import CareerCog, InfoCog

from .mocks import make_interaction


@pytest.fixture
def interaction(mini_answers: Answers) -> Callable[..., Any]:
    def make(**kwargs: Any) -> Any:
        return make_interaction(mini_answers, **kwargs)

    return make


@pytest.fixture(scope="session")
def career_cog(mini_answers: Answers) -> CareerCog:
    """The career cog built from the small test dataset."""
    return CareerCog(mini_answers)


@pytest.fixture(scope="session")
def info_cog(mini_answers: Answers) -> InfoCog:
    return InfoCog(mini_answers.dataset)
