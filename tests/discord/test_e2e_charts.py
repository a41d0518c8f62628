"""End to end with pictures: the real bot attaches each answer's chart as a file (multipart),
the embed's image points at it, the file's description is the alt text, and every request
passes the fake Discord's OpenAPI check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.answers import Answers
from bot.charts.specs import alt_text, answer_specs
from bot.comparison import Kind
from fake_discord import BotProcess, FakeDiscord

from ..conftest import MINI
from .e2e_env import bot_env

pytestmark = pytest.mark.e2e

CHANNEL_MESSAGE, DEFERRED = 4, 5


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeDiscord, Answers]]:
    cache: Path = tmp_path_factory.mktemp("cache")
    with FakeDiscord() as fake:
        bot = BotProcess(fake, env=bot_env(cache, CAREER_BOT_CHARTS="on"))
        try:
            bot.start()
            answers = Answers.load(extra=[MINI])
            bot.wait_ready(60)
            bot.wait_for_output("Charts ready", timeout=120)
            yield fake, answers
        finally:
            code = bot.stop()
        assert code == 0, bot.output_tail()
        assert "Traceback" not in bot.output, bot.output_tail()
        fake.assert_clean()  # no failures, no OpenAPI violations


def _carrier(fake: FakeDiscord, record: Any) -> Any:
    """The request that carried the answer: the callback, or the follow-up after a deferral."""
    if record.callback_type == DEFERRED:
        (sent,) = fake.wait_for_request(f"POST /webhooks/*/{record.token}", timeout=30)
        return sent
    (sent,) = fake.requests_matching(f"POST /interactions/{record.id}/*/callback")
    return sent


@pytest.mark.parametrize(
    ("command", "options", "names"),
    [
        ("salary", {"profession": "electricians"}, ["electricians"]),
        ("career", {"profession": "electricians"}, ["electricians"]),
        ("compare", {"a": "electricians", "b": "carpenters"}, ["electricians", "carpenters"]),
    ],
)
def test_answer_carries_its_chart(
    served: tuple[FakeDiscord, Answers], command: str, options: dict[str, str], names: list[str]
) -> None:
    fake, answers = served
    profs = tuple(answers.matcher.resolve(n).profession for n in names)
    assert all(profs)
    (spec, *_) = answer_specs(Kind(command), profs)  # type: ignore[arg-type]
    record = fake.slash(command, options, timeout=30)
    assert record.callback_type in (CHANNEL_MESSAGE, DEFERRED) and not record.ephemeral
    sent = _carrier(fake, record)
    assert sent.content_type.startswith("multipart/form-data")
    assert [f["filename"] for f in sent.files] == [f"{spec.name}.png"]
    assert sent.files[0]["size"] > 1000
    data = sent.body["data"] if record.callback_type == CHANNEL_MESSAGE else sent.body
    (embed,) = data["embeds"]
    assert embed["image"]["url"] == f"attachment://{spec.name}.png"
    (attachment,) = data["attachments"]
    assert attachment["filename"] == f"{spec.name}.png"
    assert attachment["description"] == alt_text(spec)
