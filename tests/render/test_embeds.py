"""Discord rendering: the seed figures in embeds, and every Discord limit over the data."""

from __future__ import annotations

import itertools
import json
import random
from typing import Any

import pytest

from bot.answers import Answers
from bot.comparison import Block, Kind, Layout, Row, Sheet, Value
from bot.render import limits
from bot.render.embeds import message_payloads, render_pages

from ..seed_figures import SEED_ROWS


def payload_text(payloads: list[dict[str, Any]]) -> str:
    return json.dumps(payloads, ensure_ascii=False).replace("\\n", "\n")


def test_every_seed_figure_is_in_the_embeds(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    view = mini_answers.compare(
        d.by_id["collections-specialist"], d.by_id["loss-mitigation-specialist"]
    )
    payloads = message_payloads(view)
    text = payload_text(payloads)
    for _, a, b in SEED_ROWS:
        for fig in (a, b):
            # markdown escaping may put a backslash before punctuation; compare without it
            assert fig.replace("-", "\\-") in text or fig in text.replace("\\", ""), fig
    assert "Zippia comparison page (zippia.com) (no year given)" in text
    assert (
        len(payloads) == 6
    )  # Summary, What they do, Pay, Education, Demographics, Skills & outlook


def test_pages_are_numbered_and_allowed_mentions_none(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    payloads = message_payloads(mini_answers.compare(d.by_id["cashiers"], d.by_id["lawyers"]))
    for n, p in enumerate(payloads):
        assert p["allowed_mentions"] == {"parse": []}
        embeds: Any = p["embeds"]
        assert embeds[0]["footer"]["text"].startswith(f"Page {n + 1}/{len(payloads)}")


def assert_within_limits(payloads: list[dict[str, Any]]) -> None:
    for p in payloads:
        assert limits.message_problems(p) == [], p


def test_limits_for_every_pair_in_the_mini_data(mini_answers: Answers) -> None:
    profs = list(mini_answers.dataset)
    for a, b in itertools.product(profs, repeat=2):
        assert_within_limits(message_payloads(mini_answers.compare(a, b)))
    for p in profs:
        assert_within_limits(message_payloads(mini_answers.salary(p)))
        assert_within_limits(message_payloads(mini_answers.career(p)))


def test_oversized_view_is_clipped_to_limits() -> None:
    huge = "x" * 5000
    rows = tuple(
        Row(f"label {i} " + huge, (Value(huge, 1), Value(huge, 2)), 0, huge) for i in range(40)
    )
    view = Sheet(
        Kind.COMPARE,
        "T" * 400,
        ("A" * 300, "B" * 300),
        ("a", "b"),
        huge,
        (Block("summary", "S" * 300, Layout.TABLE, rows), Block("pay", "Pay", Layout.TABLE, rows)),
        tuple("source " * 400 for _ in range(3)),
        paged=True,
    )
    assert_within_limits(message_payloads(view))
    one = Sheet(
        Kind.SALARY,
        "T" * 400,
        ("A",),
        ("a",),
        huge,
        (
            Block("lead", "About", Layout.LEAD, text=huge),
            Block("pay", "Pay", Layout.TABLE, rows[:30]),
            Block("note", "Note", Layout.PROSE, text=huge),
            Block("list", "List", Layout.BULLETS, bullets=(huge,) * 30),
        ),
        ("s",),
    )
    assert_within_limits(message_payloads(one))


def test_limits_validator_catches_each_limit() -> None:
    too_many = {
        "embeds": [
            {
                "title": "t" * 257,
                "description": "d" * 4097,
                "fields": [{"name": "n", "value": "v" * 1025}] * 26,
                "footer": {"text": "f" * 2049},
            }
        ]
        * 11
    }
    problems = " ".join(limits.message_problems(too_many))
    for words in ("title", "description", "fields", "value", "footer", "embeds total", "11 embeds"):
        assert words in problems
    assert limits.choices_problems([{"name": "n" * 101, "value": "v"}] * 26)
    row = {"type": 1, "components": [{"type": 2, "label": "b", "custom_id": "x"}] * 6}
    assert limits.message_problems({"components": [row] * 6})


@pytest.mark.slow_data
def test_limits_over_the_whole_shipped_dataset(shipped_answers: Answers) -> None:
    profs = list(shipped_answers.dataset)
    for p in profs:
        assert_within_limits(message_payloads(shipped_answers.salary(p)))
        assert_within_limits(message_payloads(shipped_answers.career(p)))
    rng = random.Random(2025)
    extremes = (
        sorted(profs, key=lambda p: len(p.title))[-5:]
        + sorted(profs, key=lambda p: len(p.aliases))[-5:]
    )
    pairs = [tuple(rng.sample(profs, 2)) for _ in range(300)] + list(
        itertools.product(extremes, repeat=2)
    )
    for a, b in pairs:
        assert_within_limits(message_payloads(shipped_answers.compare(a, b)))


def test_render_pages_compare_has_one_embed_per_section(mini_answers: Answers) -> None:
    d = mini_answers.dataset
    pages = render_pages(mini_answers.compare(d.by_id["cashiers"], d.by_id["lawyers"]))
    assert [(e.title or "").split(":")[0] for e in pages][:1] == ["Summary"]


def test_lazy_pages_render_on_demand_and_match(
    mini_answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.render import embeds

    d = mini_answers.dataset
    view = mini_answers.compare(
        d.by_id["collections-specialist"], d.by_id["loss-mitigation-specialist"]
    )
    rendered: list[int] = []
    real = embeds.render_page

    def render_page(sheet: Any, n: int) -> Any:
        rendered.append(n)
        return real(sheet, n)

    monkeypatch.setattr(embeds, "render_page", render_page)
    pages = embeds.LazyPages(view)
    assert len(pages) == embeds.page_count(view) == 6 and rendered == []
    first = pages[0]
    assert rendered == [0] and pages[0] is first  # rendered once, kept
    assert [p.to_dict() for p in pages[:]] == [p.to_dict() for p in render_pages(view)]
    assert pages[-1].to_dict() == render_pages(view)[-1].to_dict()
    single = embeds.LazyPages(mini_answers.salary(d.by_id["cashiers"]))
    assert len(single) == 1
    with pytest.raises(IndexError):
        embeds.render_page(mini_answers.salary(d.by_id["cashiers"]), 1)
