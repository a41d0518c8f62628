"""Discord's limits over the whole shipped dataset, through the adapter, checked by one validator.

``bot.render.limits`` (``message_problems`` / ``choices_problems``) is the only judge. What it
judges here is what the Discord adapter actually sends — the keyword arguments of
``interaction.response.send_message`` / ``edit_message`` turned into the JSON body discord.py
builds (``tests/discord/mocks.payload``), components included:

* every profession's /salary and /career answer;
* /compare over 600 random pairs plus every pair of the extremes (longest titles, most aliases,
  most missing sections, shortest titles, the curated profiles), every page of each, with the
  page buttons as they are when that page is shown (≤ 5 buttons a row, labels ≤ 80);
* the pick list (select menu: ≤ 25 options, labels/values/descriptions ≤ 100, placeholder ≤ 150)
  of every ambiguous word of every title;
* autocomplete for every 1–3 letter prefix of every word of every title, and a sample of
  "a word + 1–3 letters of the next" prefixes (150 word pairs) and of alias prefixes (200).

Complements ``tests/render/test_embeds.py`` (renderer only) and the sampled adapter checks in
``tests/discord/test_commands.py``. Kept under ~30 s on top of loading the data.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from typing import Any

import discord
import pytest
from discord.utils import escape_markdown

from bot.answers import Answers
from bot.comparison import Sheet
from bot.discord.cogs import CareerCog
from bot.discord.components import PageButton, PickSelect
from bot.matching import Status
from bot.model import Profession
from bot.render import limits
from bot.render.embeds import message_payloads, render_pages
from bot.render.limits import choices_problems, message_problems
from fake_discord.spec import load_spec

from .mocks import autocomplete, call, make_interaction, message_of, payload, press, sent

pytestmark = pytest.mark.slow_data

SECTIONS: tuple[str, ...] = ("pay", "outlook", "education", "majors", "demographics", "age")
SECTIONS += ("workforce",)
SECTIONS += ("skills", "similar")
RANDOM_PAIRS = 600
WORD = re.compile(r"[A-Za-z]+")


@pytest.fixture(scope="module")
def answers(shipped_answers: Answers) -> Answers:
    if len(shipped_answers.dataset) < 100:
        pytest.skip("the full public-data build is not in data/ yet")
    return shipped_answers


@pytest.fixture(scope="module")
def profs(answers: Answers) -> list[Profession]:
    return list(answers.dataset)


class Adapter:
    """Runs the real command callbacks on one reusable spec'd mock interaction and returns the
    JSON body of what they sent (resetting only what a command touches: much cheaper than
    ``fresh_response``, which resets the whole mock tree, when it runs thousands of times)."""

    def __init__(self, answers: Answers) -> None:
        self.answers = answers
        self.inter = make_interaction(answers)
        self.click = make_interaction(answers, kind=discord.InteractionType.component)
        self.cog = CareerCog(answers)
        self.checked = 0

    def _reset(self) -> Any:
        response = self.inter.response
        response.send_message.reset_mock()
        response.edit_message.reset_mock()
        response.answered[0] = False
        return self.inter

    def check(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        body = payload(kwargs)
        assert body, "an empty message"
        assert message_problems(body) == [], body
        assert kwargs["allowed_mentions"].to_dict() == {"parse": []}
        self.checked += 1
        return body

    async def run(self, command: str, *names: str | None) -> dict[str, Any]:
        """``/command names…`` answered by the cog over the whole dataset."""
        inter = self._reset()
        await call(getattr(self.cog, command), inter, *names)
        kwargs = sent(inter.response.send_message)
        self.check(kwargs)
        return kwargs

    async def every_page(self, kwargs: dict[str, Any]) -> int:
        """Press each page button as discord.py dispatches a click; check each edit. Returns
        the pages."""
        items = kwargs["view"].children
        assert items and all(isinstance(i, PageButton) for i in items)
        message = message_of(kwargs)
        for item in items:
            inter = await press(self.answers, self.cog, message, item.custom_id, reuse=self.click)
            body = self.check(sent(inter.response.edit_message))
            buttons = [c for row in body["components"] for c in row["components"]]
            assert len(buttons) == len(items)
            assert [b.get("disabled", False) for b in buttons].count(True) == 1
            assert all(len(b["custom_id"]) <= limits.CUSTOM_ID for b in buttons)
        return len(items)


@pytest.fixture(scope="module")
def adapter(answers: Answers) -> Iterator[Adapter]:
    yield Adapter(answers)


def _missing(p: Profession) -> int:
    return sum(getattr(p, s) is None for s in SECTIONS) + (not p.description) + (not p.tasks)


def extremes(profs: list[Profession]) -> list[Profession]:
    """The professions most likely to break a limit, each kind of extreme taken 3 deep."""
    picks: list[Profession] = []
    for key, reverse in (
        (lambda p: len(p.title), True),  # longest titles
        (lambda p: len(p.aliases), True),  # most aliases
        (_missing, True),  # most missing sections
        (lambda p: len(p.title), False),  # shortest titles
        (lambda p: len(p.description or "") + sum(map(len, p.tasks)), True),  # most text
    ):
        picks += sorted(profs, key=key, reverse=reverse)[:3]
    picks += [p for p in profs if p.curated]
    return list(dict.fromkeys(picks))  # unique, in order


# --------------------------------------------------------------------------- the validator


def test_the_validator_knows_the_component_limits() -> None:
    """The limits this file relies on are the ones ``message_problems`` enforces."""

    def row(*items: dict[str, Any]) -> dict[str, Any]:
        return {"type": 1, "components": list(items)}

    button = {"type": 2, "style": 2, "label": "b", "custom_id": "x"}
    option = {"label": "l", "value": "v"}
    select = {"type": 3, "custom_id": "s", "options": [option]}
    assert message_problems({"components": [row(*[button] * 5)] * 5}) == []
    assert message_problems({"components": [row(*[button] * 6)]})  # 6 buttons in a row
    assert message_problems({"components": [row(button)] * 6})  # 6 rows
    assert message_problems({"components": [row({**button, "label": "x" * 81})]})
    assert message_problems({"components": [row({**button, "custom_id": "x" * 101})]})
    assert message_problems({"components": [row({**select, "options": [option] * 26})]})
    assert message_problems({"components": [row({**select, "options": []})]})
    for key in ("label", "value", "description"):
        too_long = {**select, "options": [{**option, key: "x" * 101}]}
        assert message_problems({"components": [row(too_long)]}), key
    assert message_problems({"components": [row({**select, "placeholder": "x" * 151})]})
    assert choices_problems([{"name": "n", "value": "v"}] * 26)
    assert choices_problems([{"name": "n" * 101, "value": "v"}])
    assert choices_problems([{"name": "n", "value": "v" * 101}])
    assert choices_problems([{"name": "", "value": "v"}])


# --------------------------------------------------------------------------- answers


async def test_every_profession_salary_and_career_through_the_adapter(
    adapter: Adapter, profs: list[Profession]
) -> None:
    for p in profs:
        for command in ("salary", "career"):
            kwargs = await adapter.run(command, p.id)  # the id: what an autocomplete pick sends
            assert kwargs.get("embed") is not None and not kwargs.get("ephemeral"), p.id
            assert kwargs.get("view") is None  # one page, no buttons
    assert adapter.checked >= 2 * len(profs)


async def test_compare_random_pairs_and_extremes_every_page(
    adapter: Adapter, profs: list[Profession]
) -> None:
    rng = random.Random(2026)
    pairs = [tuple(rng.sample(profs, 2)) for _ in range(RANDOM_PAIRS)]
    edge = extremes(profs)
    assert len(edge) >= 12
    pairs += list(itertools.product(edge, repeat=2))  # includes a profession with itself
    pages = 0
    for a, b in pairs:
        kwargs = await adapter.run("compare", a.id, b.id)
        if a == b:  # a profession with itself: one kind private note, within the limits too
            assert kwargs.get("ephemeral") is True and "Both names are" in kwargs["content"]
            assert len(kwargs["content"]) <= 2000, a.id
            continue
        assert not kwargs.get("ephemeral"), (a.id, b.id)
        pages += await adapter.every_page(kwargs)
    print(
        f"\n/compare: {len(pairs)} pairs ({len(edge)} extremes), {pages} pages, all within limits"
    )
    assert len(pairs) >= 500 + len(edge) ** 2


async def test_pick_lists_of_every_ambiguous_title_word(
    adapter: Adapter, answers: Answers, profs: list[Profession]
) -> None:
    words = sorted({w.lower() for p in profs for w in WORD.findall(p.title) if len(w) > 2})
    matcher = answers.matcher
    ambiguous = [w for w in words if matcher.resolve(w).status is Status.AMBIGUOUS]
    assert len(ambiguous) >= 20, ambiguous
    most = 0
    for word in ambiguous:
        kwargs = await adapter.run("salary", word)
        assert kwargs["ephemeral"] is True, word
        assert isinstance(kwargs["view"].children[0], PickSelect), word
        body = payload(kwargs)
        (row,) = body["components"]
        (select,) = row["components"]
        assert select["type"] == 3 and 1 <= len(select["options"]) <= limits.SELECT_OPTIONS
        most = max(most, len(matcher.resolve(word).candidates))
    # the second question of a /compare with two ambiguous names is an edit of the same message
    first, second = ambiguous[0], ambiguous[-1]
    kwargs = await adapter.run("compare", first, second)
    select = kwargs["view"].children[0]
    value = select.item.options[0].value
    pick = await press(answers, adapter.cog, message_of(kwargs), select.custom_id, values=[value])
    adapter.check(sent(pick.response.edit_message))
    print(f"\npick lists: {len(ambiguous)} ambiguous words, up to {most} candidates each")


# --------------------------------------------------------------------------- autocomplete


def _prefixes(profs: list[Profession], rng: random.Random) -> list[str]:
    title_words = [[w.lower() for w in WORD.findall(p.title)] for p in profs]
    out = {w[:n] for words in title_words for w in words for n in (1, 2, 3)}  # all of them
    pairs = sorted(
        {(first, nxt) for words in title_words for first, nxt in itertools.pairwise(words)}
    )
    for first, nxt in rng.sample(pairs, min(150, len(pairs))):
        out.update(f"{first} {nxt[:n]}" for n in (1, 2, 3))
    aliases = sorted({a.name for p in profs for a in p.aliases})
    for name in rng.sample(aliases, min(200, len(aliases))):
        out.add(name[: rng.randint(1, len(name))])
    out.update(["", " ", "x" * 100])
    return sorted(out)


async def test_autocomplete_for_every_short_prefix(
    answers: Answers, profs: list[Profession]
) -> None:
    inter = make_interaction(answers, kind=discord.InteractionType.autocomplete)
    cog = CareerCog(answers)
    prefixes = _prefixes(profs, random.Random(7))
    full = 0
    for current in prefixes:
        got = await autocomplete(cog, inter, current)
        as_json = [c.to_dict() for c in got]
        assert choices_problems(as_json) == [], (current, as_json)
        assert all(answers.dataset.get(c.value) is not None for c in got), current
        full += len(got) == limits.CHOICES
    inter.response.autocomplete.assert_not_called()  # discord.py sends what the callback returns
    print(f"\nautocomplete: {len(prefixes)} prefixes, {full} of them filled all 25 choices")
    assert len(prefixes) >= 500


RANDOM_TRIPLES = 500
CALLBACK = "/interactions/1/token/callback"


def _unclipped(sheet: Sheet) -> None:
    """Every figure of every row is in its page's fields whole: nothing was cut to fit."""
    for page, embed in zip(sheet.pages, render_pages(sheet), strict=True):
        fields = "\n".join(f.value or "" for f in embed.fields)
        for row in (r for block in page for r in block.rows):
            for value in row.values:
                text = escape_markdown(value.text, as_needed=False).split("\n")[0]
                assert text in fields, (sheet.title, row.label, text)


async def test_compare_random_triples_groups_and_longest_titles_every_page(
    adapter: Adapter, answers: Answers, profs: list[Profession]
) -> None:
    """/compare a b c over 500 random triples (a quarter of the entries are groups) plus the
    longest titles and the largest groups together, every page, every figure whole."""
    rng = random.Random(14)
    triples = [tuple(rng.sample(profs, 3)) for _ in range(RANDOM_TRIPLES)]
    longest = sorted(profs, key=lambda p: len(p.title))[-4:]
    groups = sorted((p for p in profs if p.is_group), key=lambda p: -len(p.members))[:3]
    triples += list(itertools.combinations([*longest, *groups, *extremes(profs)[:5]], 3))
    assert sum(any(p.is_group for p in t) for t in triples) > RANDOM_TRIPLES // 3
    spec = load_spec()
    pages = 0
    for n, (a, b, c) in enumerate(triples):
        kwargs = await adapter.run("compare", a.id, b.id, c.id)
        assert not kwargs.get("ephemeral"), (a.id, b.id, c.id)
        sheet = answers.compare(a, b, c)
        _unclipped(sheet)
        pages += await adapter.every_page(kwargs)
        if spec.available and n % 10 == 0:  # Discord's own schema, on every 10th triple
            bodies = [{"type": 4, "data": payload(kwargs)}]
            bodies += [{"type": 7, "data": body} for body in message_payloads(sheet)]
            for body in bodies:
                assert spec.validate("POST", CALLBACK, body) == [], (sheet.title, body)
    print(f"\n/compare a b c: {len(triples)} triples, {pages} pages, all within limits")
    assert pages >= 5 * len(triples)


async def test_compare_triples_naming_one_profession_twice(
    adapter: Adapter, profs: list[Profession]
) -> None:
    """A repeated name compares the others with a note; three of one is a kind private note."""
    rng = random.Random(15)
    for a, b in [tuple(rng.sample(profs, 2)) for _ in range(20)]:
        kwargs = await adapter.run("compare", a.id, b.id, a.id)
        assert not kwargs.get("ephemeral")
        assert f"{a.title} is named twice" in kwargs["embed"].author.name
        assert kwargs["embed"].title.count(" vs ") == 1  # the two different ones
        kwargs = await adapter.run("compare", a.id, a.id, a.id)
        assert kwargs.get("ephemeral") is True and "All three names are" in kwargs["content"]


# --------------------------------------------------------------------------- places


async def test_location_answers_over_2000_pairs_through_the_adapter(
    adapter: Adapter, answers: Answers, profs: list[Profession]
) -> None:
    """/salary, /career and /compare with ``where`` (the autocomplete's area code) for 2,000
    random (occupation, area) pairs: every message, components included, within the limits."""
    rng = random.Random(11)
    official = [p for p in profs if p.soc]
    areas = [p.code for p in answers.places.all]
    for i in range(2000):
        prof, area = rng.choice(official), rng.choice(areas)
        command = ("salary", "career", "compare")[i % 3]
        names = [prof.id, rng.choice(official).id] if command == "compare" else [prof.id]
        if names[1:] == names[:1]:
            continue
        third = [None] if command == "compare" else []  # /compare's optional c
        kwargs = await adapter.run(command, *names, *third, area)
        assert not kwargs.get("ephemeral"), (names, area)
        if kwargs.get("view") is not None:
            await adapter.every_page(kwargs)
    assert adapter.checked >= 1990


async def test_every_ambiguous_place_name_asks_within_the_limits(
    adapter: Adapter, answers: Answers
) -> None:
    """Every name the place index maps to several places: the private question (its text
    listing full OEWS names, and the pick list of places) within the limits."""
    index = answers.places.resolver.index
    names = sorted(k for k, (_, places) in index.keys.items() if len(places) > 1)
    assert len(names) >= 10, names
    for name in names:
        kwargs = await adapter.run("compare", "lawyer", "registered nurse", None, name)
        assert kwargs["ephemeral"] is True, name
        body = payload(kwargs)
        (row,) = body["components"]
        (select,) = row["components"]
        assert select["type"] == 3 and 2 <= len(select["options"]) <= limits.SELECT_OPTIONS
    print(f"\nambiguous places: {len(names)} names, each asked within the limits")
