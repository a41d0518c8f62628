"""Charts in the Discord answers: attached when ready, deferred then followed up when slow,
left out (never the answer) when they fail; the cog warms and stops its chart service."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest

from bot.answers import Answers
from bot.charts import service as service_mod
from bot.charts.service import ChartService
from bot.charts.specs import Chart, Spec
from bot.discord import charts as discord_charts
from bot.discord.cogs import CareerCog

from .mocks import make_interaction, sent


def _service(
    monkeypatch: pytest.MonkeyPatch, delay: float = 0.0, fail: bool = False
) -> ChartService:
    real = service_mod._draw

    def draw(spec: Spec) -> Chart:
        if fail:
            raise RuntimeError("no ink")
        import time

        time.sleep(delay)
        return real(spec)

    monkeypatch.setattr(service_mod, "_draw", draw)
    charts = ChartService("test")
    charts.warm().result(timeout=120)  # the library loaded: only the drawing is timed
    return charts


async def _salary(cog: CareerCog, answers: Answers) -> Any:
    inter = make_interaction(answers)
    await cast(Any, cog.salary).callback(cog, inter, "registered nurses")
    return inter


async def test_a_ready_chart_is_the_embeds_image_with_its_alt_text(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    charts = _service(monkeypatch)
    cog = CareerCog(shipped_answers, charts)
    try:
        inter = await _salary(cog, shipped_answers)
    finally:
        charts.close()
    kwargs = sent(inter.response.send_message)
    (file,) = kwargs["files"]
    assert file.filename == "pay.png" and "median $97,550" in file.description
    assert kwargs["embed"].image.url == "attachment://pay.png"
    inter.response.defer.assert_not_called()


async def test_a_slow_chart_defers_then_follows_up_with_it(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    monkeypatch.setattr(discord_charts, "CHART_WAIT", 0.05)
    charts = _service(monkeypatch, delay=0.3)
    cog = CareerCog(shipped_answers, charts)
    try:
        inter = await _salary(cog, shipped_answers)
    finally:
        charts.close()
    inter.response.defer.assert_called_once_with(ephemeral=False, thinking=True)
    inter.response.send_message.assert_not_called()
    kwargs = sent(inter.followup.send)
    assert [f.filename for f in kwargs["files"]] == ["pay.png"]
    assert kwargs["embed"].image.url == "attachment://pay.png"


async def test_a_failed_chart_never_costs_the_answer(
    monkeypatch: pytest.MonkeyPatch, shipped_answers: Answers
) -> None:
    charts = _service(monkeypatch, fail=True)
    cog = CareerCog(shipped_answers, charts)
    try:
        inter = await _salary(cog, shipped_answers)
    finally:
        charts.close()
    kwargs = sent(inter.response.send_message)
    assert kwargs.get("files", []) == [] and kwargs["embed"].image.url is None


async def test_the_cog_warms_its_charts_on_load_and_stops_them_on_unload(
    shipped_answers: Answers,
) -> None:
    charts = ChartService("test")
    cog = CareerCog(shipped_answers, charts)
    await cog.cog_load()
    assert charts.warmed is not None
    await asyncio.wrap_future(charts.warmed)
    await cog.cog_unload()
    with pytest.raises(RuntimeError):  # the worker is stopped: nothing more is drawn
        await charts.draw(_any_spec())


def _any_spec() -> Spec:
    return service_mod.sample_specs()[0]
