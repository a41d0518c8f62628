"""Charts in the Discord answers: attached when ready, deferred then followed up when slow,
left out (never the answer) when they fail; the cog warms and stops its chart service."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any, cast

import pytest

from bot.answers import Answers
from bot.charts import service as service_mod
from bot.charts.service import ChartService
from bot.charts.specs import Chart, MapChart, Spec
from bot.comparison import Kind
from bot.discord import charts as discord_charts
from bot.discord.cogs import CareerCog

from .mocks import ALICE, BOB, make_interaction, message_of, pick, press, sent


def _service(
    monkeypatch: pytest.MonkeyPatch, delay: float = 0.0, fail: bool = False
) -> ChartService:
    real = service_mod.render

    def draw(spec: Spec) -> Chart:
        if fail:
            raise RuntimeError("no ink")
        import time

        time.sleep(delay)
        return real(spec)

    monkeypatch.setattr(service_mod, "render", draw)
    charts = ChartService("test")
    charts.warm().result(timeout=120)  # the library loaded: only the drawing is timed
    return charts


@contextlib.contextmanager
def _serving(
    monkeypatch: pytest.MonkeyPatch, answers: Answers, delay: float = 0.0, fail: bool = False
) -> Iterator[CareerCog]:
    """A career cog drawing with a warmed chart service, stopped afterwards."""
    charts = _service(monkeypatch, delay, fail)
    try:
        yield CareerCog(answers, charts)
    finally:
        charts.close()


async def _ask(cog: CareerCog, answers: Answers, command: str, *names: str) -> Any:
    """The interaction of ``/command names…`` answered by ``cog``."""
    inter = make_interaction(answers)
    await cast(Any, getattr(cog, command)).callback(cog, inter, *names)
    return inter


async def _salary(cog: CareerCog, answers: Answers) -> Any:
    return await _ask(cog, answers, "salary", "registered nurses")


async def test_a_ready_chart_is_the_embeds_image_with_its_alt_text(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    with _serving(monkeypatch, shipped_answers) as cog:
        inter = await _salary(cog, shipped_answers)
    kwargs = sent(inter.response.send_message)
    (file,) = kwargs["files"]
    assert file.filename == "pay.png" and "median $97,550" in file.description
    assert kwargs["embed"].image.url == "attachment://pay.png"
    inter.response.defer.assert_not_called()


async def test_a_slow_chart_defers_then_follows_up_with_it(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    monkeypatch.setattr(discord_charts, "CHART_WAIT", 0.05)
    with _serving(monkeypatch, shipped_answers, delay=0.3) as cog:
        inter = await _salary(cog, shipped_answers)
    inter.response.defer.assert_called_once_with(ephemeral=False, thinking=True)
    inter.response.send_message.assert_not_called()
    kwargs = sent(inter.followup.send)
    assert [f.filename for f in kwargs["files"]] == ["pay.png"]
    assert kwargs["embed"].image.url == "attachment://pay.png"


async def test_a_failed_chart_never_costs_the_answer(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    with _serving(monkeypatch, shipped_answers, fail=True) as cog:
        inter = await _salary(cog, shipped_answers)
    kwargs = sent(inter.response.send_message)
    assert kwargs.get("files", []) == [] and kwargs["embed"].image.url is None


async def test_the_cog_warms_its_charts_on_load_and_stops_them_on_unload(
    shipped_answers: Answers,
) -> None:
    charts = ChartService("test")
    cog = CareerCog(shipped_answers, charts)
    await cog.cog_load()  # before the gateway connects: the bot goes online warm
    assert charts.warmed is not None and charts.warmed.done()
    assert shipped_answers.places.loaded
    await cog.cog_unload()
    with pytest.raises(RuntimeError):  # the worker is stopped: nothing more is drawn
        await charts.draw(_any_spec())


def _any_spec() -> Spec:
    return service_mod.sample_specs()[0]


# --------------------------------------------------------------------------- pages and the map


def _buttons(kwargs: dict[str, Any]) -> dict[str, str]:
    """Label → custom_id of the page buttons sent."""
    return {b.item.label: b.custom_id for b in kwargs["view"].walk_children()}


async def test_salary_and_career_get_a_map_page_with_the_state_map(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    with _serving(monkeypatch, shipped_answers) as cog:
        for command in ("salary", "career"):
            inter = await _ask(cog, shipped_answers, command, "registered nurses")
            kwargs = sent(inter.response.send_message)
            buttons = _buttons(kwargs)
            assert list(buttons)[-1] == "Map" and len(buttons) == 2
            assert buttons["Map"].startswith("cb1:pg:") and ":map:" in buttons["Map"]
            click = await press(shipped_answers, cog, message_of(kwargs), buttons["Map"], ALICE)
            edit = sent(click.response.edit_message)
            (file,) = edit["attachments"]
            assert file.filename == "map.png" and "by state" in file.description
            assert edit["embed"].image.url == "attachment://map.png"
            assert "California" in (edit["embed"].description or "")
            assert edit["embed"].title == "Registered Nurses: mean pay by state"


async def test_turning_back_keeps_the_attachment_and_a_page_without_a_chart_drops_it(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    with _serving(monkeypatch, shipped_answers) as cog:
        inter = await _ask(cog, shipped_answers, "compare", "registered nurses", "electricians")
        kwargs = sent(inter.response.send_message)
        assert [f.filename for f in kwargs["files"]] == ["compare.png"]
        buttons = _buttons(kwargs)
        message = message_of(kwargs)
        # the pay page shows the same chart: the message's attachment is kept, nothing drawn
        monkeypatch.setattr(service_mod, "render", _never)
        cog.served.charts._cache.clear()  # type: ignore[union-attr]
        pay = sent(
            (await press(shipped_answers, cog, message, buttons["Pay"])).response.edit_message
        )
        (kept,) = pay["attachments"]
        assert kept is message.attachments[0]
        assert pay["embed"].image.url == "attachment://compare.png"
        # a page with no picture removes it, so no bare file hangs under the embed
        other = await press(shipped_answers, cog, message, buttons["Education"])
        edu = sent(other.response.edit_message)
        assert edu["attachments"] == [] and edu["embed"].image.url is None


async def test_after_a_restart_the_map_button_draws_its_chart_and_others_get_a_copy(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    first = _service(monkeypatch)
    cog = CareerCog(shipped_answers, first)
    inter = await _ask(cog, shipped_answers, "salary", "electricians")
    first.close()
    kwargs = sent(inter.response.send_message)
    restarted = _service(monkeypatch)  # a new process: nothing cached, nothing in memory
    again = CareerCog(shipped_answers, restarted)
    try:
        click = await press(
            shipped_answers, again, message_of(kwargs), _buttons(kwargs)["Map"], BOB
        )
    finally:
        restarted.close()
    click.response.edit_message.assert_not_called()
    copy = sent(click.response.send_message)
    assert copy["ephemeral"] and [f.filename for f in copy["files"]] == ["map.png"]
    assert copy["embed"].image.url == "attachment://map.png"


async def test_a_slow_map_defers_the_update_then_edits_the_message(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    monkeypatch.setattr(discord_charts, "CHART_WAIT", 0.05)
    with _serving(monkeypatch, shipped_answers, delay=0.3) as cog:
        inter = await _ask(cog, shipped_answers, "salary", "electricians")
        kwargs = sent(inter.followup.send)
        click = await press(shipped_answers, cog, message_of(kwargs), _buttons(kwargs)["Map"])
    click.response.defer.assert_called_once_with()
    click.response.edit_message.assert_not_called()
    edit = sent(click.edit_original_response)
    assert [f.filename for f in edit["attachments"]] == ["map.png"]


def test_the_map_outlines_the_state_of_the_place_asked_for(shipped_answers: Answers) -> None:
    places = shipped_answers.places
    nurse = shipped_answers.matcher.resolve("registered nurses").profession
    assert nurse is not None
    by_name = {p.name: p for p in places.all}
    asked = {
        "Texas": "TX",
        "Dallas-Fort Worth-Arlington, TX": "TX",
        "Kansas City, MO-KS": "MO",  # across state lines: the first state named
        "District of Columbia": "DC",
        "Northwest Alabama nonmetropolitan area": "AL",
    }
    for name, state in asked.items():
        spec = discord_charts.page_spec(
            shipped_answers, Kind.SALARY, [nurse], "map", False, by_name[name]
        )
        assert isinstance(spec, MapChart) and spec.highlight == state, name
    national = discord_charts.page_spec(shipped_answers, Kind.CAREER, [nurse], "map", False)
    assert isinstance(national, MapChart) and national.highlight is None
    texas = places.pay("29-1141", by_name["Texas"])
    assert texas is not None and dict(national.values)["TX"] == texas.annual_mean


def _never(spec: Spec) -> Chart:
    raise AssertionError(f"{spec.name} drawn again")


async def test_a_picked_name_is_answered_with_its_chart(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    with _serving(monkeypatch, shipped_answers) as cog:
        inter = await _ask(cog, shipped_answers, "salary", "loss prevention")
        kwargs = sent(inter.response.send_message)
        click = await pick(shipped_answers, cog, kwargs, "private-detectives-and-investigators")
    answer = sent(click.followup.send)  # the pick's response tidied the list: a follow-up
    assert [f.filename for f in answer["files"]] == ["pay.png"]
    assert answer["embed"].image.url == "attachment://pay.png"
    assert [b.item.label for b in answer["view"].walk_children()] == ["Pay", "Map"]


async def test_a_three_way_comparison_carries_all_three_ranges(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    with _serving(monkeypatch, shipped_answers) as cog:
        inter = await _ask(
            cog, shipped_answers, "compare", "electricians", "plumbers", "carpenters"
        )
    kwargs = sent(inter.response.send_message)
    (file,) = kwargs["files"]
    assert file.filename == "compare.png"
    assert all(t in file.description for t in ("Electricians", "Plumbers", "Carpenters"))


def test_a_chart_past_its_wait_is_left_out_with_one_line_and_no_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def scenario() -> Chart | None:
        never: asyncio.Future[Chart] = asyncio.get_running_loop().create_future()
        return await discord_charts._settle(never, 0.01)

    with caplog.at_level("WARNING", logger=discord_charts.log.name):
        assert asyncio.run(scenario()) is None
    (record,) = [r for r in caplog.records if r.name == discord_charts.log.name]
    assert record.levelname == "WARNING" and record.exc_info is None
    assert "not drawn within" in record.getMessage()
