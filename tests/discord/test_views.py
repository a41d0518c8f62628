"""Page buttons and the pick list: who may use them, what they send, what happens on timeout."""

from __future__ import annotations

from typing import Any

import discord
import pytest

from bot.answers import Answers
from bot.discord.answering import page_labels
from bot.discord.views import NOT_YOURS_PAGES, VIEW_FAILED, Pager, PickView, button_rows
from bot.matching import Status
from bot.render.embeds import render_pages

from .mocks import ALICE, BOB, assert_clean_payload, sent


def _pager(answers: Answers, a: str = "collections-specialist", b: str = "loan-officers") -> Pager:
    pa, pb = answers.dataset.get(a), answers.dataset.get(b)
    assert pa is not None and pb is not None
    view = answers.compare(pa, pb)
    return Pager(page_labels(view), render_pages(view), owner_id=ALICE)


def _click(make: Any, button: discord.ui.Button[Any], user: int) -> Any:
    return make(
        user_id=user,
        kind=discord.InteractionType.component,
        data={"custom_id": button.custom_id, "component_type": 2},
    )


@pytest.mark.parametrize(
    ("count", "rows"),
    [(1, [0]), (5, [0] * 5), (6, [0, 0, 0, 1, 1, 1]), (7, [0, 0, 0, 0, 1, 1, 1]), (11, None)],
)
def test_button_rows_are_balanced_and_at_most_five_wide(count: int, rows: list[int] | None) -> None:
    got = button_rows(count)
    if rows is not None:
        assert got == rows
    assert all(got.count(r) <= 5 for r in set(got))
    assert got == sorted(got)


async def test_pager_has_one_button_per_page_and_marks_the_current_one(
    mini_answers: Answers,
) -> None:
    pager = _pager(mini_answers)
    assert len(pager.buttons) == len(pager.pages) >= 5
    assert [b.disabled for b in pager.buttons] == [True] + [False] * (len(pager.pages) - 1)
    assert pager.buttons[0].style is discord.ButtonStyle.primary
    components = pager.to_components()
    assert all(len(row["components"]) <= 5 for row in components)
    assert len({b.custom_id for b in pager.buttons}) == len(pager.buttons)


async def test_the_owner_turns_pages(interaction: Any, mini_answers: Answers) -> None:
    pager = _pager(mini_answers)
    target = pager.buttons[2]
    click = _click(interaction, target, ALICE)
    await pager._scheduled_task(target, click)  # discord.py's own dispatch path
    kwargs = sent(click.response.edit_message)
    body = assert_clean_payload(kwargs)
    assert body["embeds"] == [pager.pages[2].to_dict()]
    assert pager.index == 2 and target.disabled and not pager.buttons[0].disabled
    assert pager.message_interaction is click  # the newest token edits the message later


async def test_someone_else_cannot_turn_the_pages(interaction: Any, mini_answers: Answers) -> None:
    pager = _pager(mini_answers)
    click = _click(interaction, pager.buttons[1], BOB)
    await pager._scheduled_task(pager.buttons[1], click)
    click.response.edit_message.assert_not_called()
    kwargs = sent(click.response.send_message)
    assert kwargs["ephemeral"] is True and kwargs["content"] == NOT_YOURS_PAGES
    assert_clean_payload(kwargs)
    assert pager.index == 0


async def test_timeout_disables_every_button_through_the_original_response(
    interaction: Any, mini_answers: Answers
) -> None:
    pager = _pager(mini_answers)
    origin = interaction()
    pager.attach(origin)
    await pager.on_timeout()
    kwargs = sent(origin.edit_original_response)
    assert kwargs["view"] is pager and all(b.disabled for b in pager.buttons)
    assert_clean_payload(kwargs)


async def test_timeout_survives_an_expired_message(interaction: Any, mini_answers: Answers) -> None:
    pager = _pager(mini_answers)
    origin = interaction()
    origin.edit_original_response.side_effect = discord.NotFound(
        _FakeResponse(404), {"code": 10008, "message": "Unknown Message"}
    )
    pager.attach(origin)
    await pager.on_timeout()  # no exception


async def test_a_failing_button_logs_and_apologises(
    interaction: Any, mini_answers: Answers, caplog: pytest.LogCaptureFixture
) -> None:
    pager = _pager(mini_answers)
    click = _click(interaction, pager.buttons[1], ALICE)
    click.response.edit_message.side_effect = RuntimeError("boom")
    await pager._scheduled_task(pager.buttons[1], click)
    assert "boom" in caplog.text and "Traceback" in caplog.text
    kwargs = sent(click.response.send_message)
    assert kwargs["ephemeral"] is True and kwargs["content"] == VIEW_FAILED


async def test_view_error_after_responding_uses_a_followup(
    interaction: Any, mini_answers: Answers
) -> None:
    pager = _pager(mini_answers)
    click = _click(interaction, pager.buttons[1], ALICE)
    await click.response.defer()
    await pager.on_error(click, RuntimeError("late"), pager.buttons[1])
    click.followup.send.assert_awaited_once()
    assert click.followup.send.call_args.kwargs["ephemeral"] is True


async def test_pick_list_is_for_its_owner_only(interaction: Any, mini_answers: Answers) -> None:
    res = mini_answers.matcher.resolve("loss prevention")
    finished: list[Any] = []

    async def finish(inter: Any, profs: list[Any]) -> None:
        finished.append(profs)

    picker = PickView([res], owner_id=ALICE, finish=finish)
    other = interaction(
        user_id=BOB,
        kind=discord.InteractionType.component,
        data={
            "custom_id": picker.select.custom_id,
            "component_type": 3,
            "values": ["security-guards"],
        },
    )
    await picker._scheduled_task(picker.select, other)
    assert finished == []
    assert sent(other.response.send_message)["ephemeral"] is True


async def test_pick_list_options_fit_discord(mini_answers: Answers) -> None:
    checked = 0
    for query in ("loss prevention", "officer", "specialist", "driver", "licensed nurse"):
        res = mini_answers.matcher.resolve(query)
        if res.status is not Status.AMBIGUOUS:
            continue
        checked += 1

        async def finish(inter: Any, profs: list[Any]) -> None: ...

        picker = PickView([res], owner_id=ALICE, finish=finish)
        body: dict[str, Any] = {"content": picker.content, "components": picker.to_components()}
        from bot.render.limits import message_problems

        assert message_problems(body) == []
        options = body["components"][0]["components"][0]["options"]
        assert [o["value"] for o in options] == [c.profession.id for c in res.candidates[:25]]
    assert checked >= 2


async def test_pick_list_expires_politely(interaction: Any, mini_answers: Answers) -> None:
    async def finish(inter: Any, profs: list[Any]) -> None: ...

    picker = PickView([mini_answers.matcher.resolve("driver")], owner_id=ALICE, finish=finish)
    origin = interaction()
    picker.attach(origin)
    await picker.on_timeout()
    kwargs = sent(origin.edit_original_response)
    assert kwargs["view"] is None and "expired" in kwargs["content"]


def test_pick_view_needs_something_to_ask(mini_answers: Answers) -> None:
    async def make() -> None:
        async def finish(inter: Any, profs: list[Any]) -> None: ...

        PickView([mini_answers.matcher.resolve("lawyer")], owner_id=ALICE, finish=finish)

    import asyncio

    with pytest.raises(ValueError):
        asyncio.run(make())


async def test_live_views_are_expired_before_shutdown(
    interaction: Any, mini_answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weakref

    from bot.discord import views

    monkeypatch.setattr(views, "_live", weakref.WeakSet())
    pager, done = _pager(mini_answers), _pager(mini_answers)
    origin, finished = interaction(), interaction()
    pager.attach(origin)
    done.attach(finished)
    done.stop()

    async def finish(inter: Any, profs: list[Any]) -> None: ...

    picker = PickView([mini_answers.matcher.resolve("driver")], owner_id=ALICE, finish=finish)
    asked = interaction()
    picker.attach(asked)

    assert await views.expire_live_views() == 2
    assert pager.is_finished() and all(b.disabled for b in pager.buttons)
    assert sent(origin.edit_original_response)["view"] is pager
    assert sent(asked.edit_original_response)["view"] is None
    finished.edit_original_response.assert_not_called()
    assert await views.expire_live_views() == 0


class _FakeResponse:
    """Just enough of an aiohttp response for discord.HTTPException."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.reason = "Not Found"
