"""End to end with pictures: the real bot attaches each answer's chart as a file (multipart),
the embed's image points at it, the file's description is the alt text, and every request
passes the fake Discord's OpenAPI check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from bot.answers import Answers
from bot.charts.specs import alt_text, answer_specs
from bot.comparison import Kind
from fake_discord import BotProcess, FakeDiscord
from fake_discord.models import InteractionRecord

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


UPDATE_MESSAGE, DEFERRED_UPDATE = 7, 6


def _answer_message(fake: FakeDiscord, record: InteractionRecord) -> dict[str, Any]:
    """The message that carries the answer (and its buttons)."""
    if record.callback_type == DEFERRED:
        fake.wait_for_request(f"POST /webhooks/*/{record.token}", timeout=30)
        (message,) = fake.followup_messages(record)
        return cast(dict[str, Any], message)
    found = fake.response_message(record)
    assert found is not None
    return cast(dict[str, Any], found)


def _button(message: dict[str, Any], label: str) -> str:
    for row in message["components"]:
        for button in row["components"]:
            if button.get("label") == label:
                return str(button["custom_id"])
    raise AssertionError(f"no {label!r} button")


def _turn(fake: FakeDiscord, message: dict[str, Any], label: str) -> tuple[Any, dict[str, Any]]:
    """Press a page button; the request that turned the page, and the message after it."""
    record = fake.click(message, _button(message, label), timeout=30)
    if record.callback_type == DEFERRED_UPDATE:  # a slow chart: the message is edited after
        (turned,) = fake.wait_for_request(f"PATCH /webhooks/*/{record.token}/*", timeout=30)
        body = turned.body
    else:
        assert record.callback_type == UPDATE_MESSAGE
        (turned,) = fake.requests_matching(f"POST /interactions/{record.id}/*/callback")
        body = turned.body["data"]
    after = fake.message(message["id"])
    assert after is not None
    return (turned, body), after


def test_the_map_button_shows_the_map_and_turning_back_shows_the_pay_range(
    served: tuple[FakeDiscord, Answers],
) -> None:
    fake, _answers = served
    record = fake.slash("salary", {"profession": "electricians"}, timeout=30)
    message = _answer_message(fake, record)
    assert [a["filename"] for a in message["attachments"]] == ["pay.png"]
    (sent, body), after = _turn(fake, message, "Map")
    assert sent.content_type.startswith("multipart/form-data")
    assert [f["filename"] for f in sent.files] == ["map.png"] and sent.files[0]["size"] > 1000
    (embed,) = body["embeds"]
    assert embed["image"]["url"] == "attachment://map.png"
    assert "Highest:" in embed["description"]
    # the message now holds the map alone: no stale pay range beside it
    assert [a["filename"] for a in after["attachments"]] == ["map.png"]
    assert "by state" in after["attachments"][0]["description"]
    (_sent, body), back = _turn(fake, after, "Pay")
    assert body["embeds"][0]["image"]["url"] == "attachment://pay.png"
    assert [a["filename"] for a in back["attachments"]] == ["pay.png"]


def test_a_page_with_the_same_chart_keeps_the_attachment_and_others_drop_it(
    served: tuple[FakeDiscord, Answers],
) -> None:
    fake, _answers = served
    record = fake.slash("compare", {"a": "electricians", "b": "plumbers"}, timeout=30)
    message = _answer_message(fake, record)
    (original,) = message["attachments"]
    (sent, body), after = _turn(fake, message, "Pay")
    assert sent.files == [] and [str(a["id"]) for a in body["attachments"]] == [original["id"]]
    assert after["attachments"] == [original]
    (sent, body), bare = _turn(fake, after, "Education")
    assert sent.files == [] and body["attachments"] == []
    assert bare["attachments"] == [] and "image" not in bare["embeds"][0]
