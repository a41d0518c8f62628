"""Fixtures for the Discord adapter's tests (the mocks live in :mod:`tests.discord.mocks`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.answers import Answers

from .mocks import make_interaction


@pytest.fixture
def interaction(mini_answers: Answers) -> Callable[..., Any]:
    def make(**kwargs: Any) -> Any:
        return make_interaction(mini_answers, **kwargs)

    return make
