"""Hostile input through the Discord commands: any string gets a valid answer, never an exception.

In process, with the adapter's spec'd mocks (``tests/discord/mocks.py``), every text — empty,
blank, 6,000 characters, emoji with ZWJ sequences, right-to-left and zero-width characters,
control characters and NUL, full-width letters, markdown, code fences, ``@everyone``, ``@here``,
user/role/channel mentions — is fed to the /salary, /career and /compare callbacks and to the
autocomplete callback. Every response must fit Discord (``limits.message_problems`` /
``limits.choices_problems``), send with ``allowed_mentions`` none, and any echo of the user's
text must be escaped: no raw ``@everyone``/``@here``, no mention syntax, no live markdown, and
only ever in an ephemeral message.

The end-to-end variant sends a handful of the nastiest strings through the real bot on the
fake Discord: every one is answered, and every body the bot sent is valid against Discord's
OpenAPI description.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import Answers
from bot.discord.cogs import CareerCog
from bot.discord.components import PageButton, PickSelect
from bot.render.limits import choices_problems, message_problems

from .e2e_env import bot_env
from .mocks import (
    assert_clean_payload,
    autocomplete,
    call,
    fresh_response,
    make_interaction,
    payload,
    sent,
)

NASTY = [
    "",
    " ",
    "\t\n\r ",
    "x" * 6000,
    "nurse " * 1000,
    "👩‍⚕️👨‍👩‍👧‍👦🏳️‍🌈",  # ZWJ sequences
    "👩🏽‍⚕️ nurse 👨‍🔧",
    "nurse\u200b\u200c\u200d\ufeff",  # zero-width characters
    "\u202eesrun\u202c",  # right-to-left override
    "\u2067ممرضة\u2069 ممرض",  # RTL isolate, Arabic
    "\x00",
    "nur\x00se\x01\x07\x1b[31m\x7f",  # control characters and NUL
    "ｒｅｇｉｓｔｅｒｅｄ ｎｕｒｓｅ",  # full-width letters
    "**bold** __under__ ~~strike~~ ||spoiler|| `code` *it* _it_",
    "```py\nprint('hi')\n```",
    "``` ```",
    "# heading",
    "-# subtext",
    "> quote",
    ">>> block quote",
    "- list",
    "1. list",
    "[click](https://example.com)",
    "[**bold** ~~x~~](https://example.com) [a](<https://e.com>)",
    "[[x](https://e.com)](https://f.com)",
    "https://example.com/_a_**b**",
    "<https://example.com>",
    "@everyone",
    "@here",
    "@everyone @here nurse",
    "<@123>",
    "<@!123>",
    "<@&123>",
    "<@123456789012345678>",
    "<@!123456789012345678>",
    "<@&123456789012345678>",
    "<#123456789012345678>",
    "</salary:123456789012345678>",
    "<:emoji:123456789012345678>",
    "<t:1700000000:R>",
    "\\",
    "\\*not bold*\\",
    "“quoted” ‘nurse’",
    "nurse" * 20,
    "RN",
    "truck driver",
    "loss prevention",  # ambiguous in the mini data: a pick list
]

FRAGMENTS = NASTY + ["nurse", "RN", "lawyer", "driver", " ", "*", "_", "`", "|", "~", "@", "<", ">"]

hostile = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=200),
    st.text(st.characters(codec="utf-8"), max_size=120),  # any code point, surrogates aside
    st.text(st.sampled_from("*_~|`>#-[]()<@&!:\\ \n\u200b\u202e"), max_size=60),
    st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=6).map(" ".join),
)

# Anything Discord would render as a mention (of a user, role, channel, command) or ping.
MENTION = re.compile(r"@(everyone|here)|<(@[!&]?|#|/[^:>]+:)\d+>")
# Discord turns these into links whatever the markdown around them (escape_markdown keeps them).
URL = re.compile(r"<[^: >]+:/[^ >]+>|(?:https?|steam)://[^\s<]+[^<.,:;\"'\]\s]")
INLINE_MARKDOWN = "*_~|`"


def _unescaped_markdown(text: str) -> list[str]:
    """Inline markdown characters not made literal by an odd run of backslashes (URLs aside),
    masked links, and lines that would start a heading, quote or list."""
    found: list[str] = []
    text = URL.sub(" ", text)
    for i, ch in enumerate(text):
        if ch in INLINE_MARKDOWN:
            run = len(text[:i]) - len(text[:i].rstrip("\\"))
            if run % 2 == 0:
                found.append(f"{ch!r} at {i}")
    if re.search(r"(?<!\\)\[[^\]]*\]\(", text):
        found.append("masked link")
    for line in text.split("\n"):
        if re.match(r"\s*(>|#|-\s|\d+\.\s)", line):
            found.append(f"line starts a block: {line[:20]!r}")
    return found


def _check_echo(kwargs: dict[str, Any]) -> None:
    """Text that can carry what the user typed: escaped, unable to ping, only for the user."""
    text = kwargs.get("content")
    if not text:
        return  # no content: nothing echoed (a pick list placeholder repeats the query, but
        # Discord renders no markdown or mention there; its length is checked by the limits)
    assert kwargs.get("ephemeral") is True, text  # an echo is only ever shown to its author
    assert not MENTION.search(text), text
    assert _unescaped_markdown(text) == [], text


def _check_response(inter: Any) -> dict[str, Any]:
    """The one response a command sent: fits Discord, pings no one, escapes the echo."""
    kwargs = sent(inter.response.send_message)
    body = assert_clean_payload(kwargs)  # message_problems == [] and allowed_mentions none
    assert body, "an empty message"
    _check_echo(kwargs)
    items = kwargs["view"].children if kwargs.get("view") is not None else []
    if any(isinstance(i, PageButton) for i in items):
        assert not kwargs.get("ephemeral")
    elif items:  # a pick list or "did you mean" buttons: only for the one who asked
        assert kwargs.get("ephemeral") is True
        assert any(isinstance(i, PickSelect) for i in items) or all(i.custom_id for i in items)
    return body


@pytest.fixture(scope="module")
def inter_for(mini_answers: Answers) -> Iterator[Any]:
    """One reusable mock per interaction kind (a fresh one per example would be slower)."""
    made = {
        kind: make_interaction(mini_answers, kind=kind)
        for kind in (
            discord.InteractionType.application_command,
            discord.InteractionType.autocomplete,
        )
    }

    def get(kind: discord.InteractionType) -> Any:
        return fresh_response(made[kind])

    yield get


HYPOTHESIS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@HYPOTHESIS
@given(text=hostile)
async def test_salary_and_career_answer_any_text(
    inter_for: Any, text: str, career_cog: CareerCog
) -> None:
    for command in (career_cog.salary, career_cog.career):
        inter = inter_for(discord.InteractionType.application_command)
        await call(command, inter, text)
        _check_response(inter)


@HYPOTHESIS
@given(a=hostile, b=hostile)
async def test_compare_answers_any_pair(
    inter_for: Any, a: str, b: str, career_cog: CareerCog
) -> None:
    inter = inter_for(discord.InteractionType.application_command)
    await call(career_cog.compare, inter, a, b)
    _check_response(inter)


@HYPOTHESIS
@given(text=hostile)
async def test_autocomplete_answers_any_text(
    inter_for: Any, mini_answers: Answers, text: str, career_cog: CareerCog
) -> None:
    inter = inter_for(discord.InteractionType.autocomplete)
    got = await autocomplete(career_cog, inter, text)
    as_json = [c.to_dict() for c in got]
    assert choices_problems(as_json) == [], as_json
    assert all(mini_answers.dataset.get(c.value) is not None for c in got)


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
async def test_every_nasty_string_in_every_slot(
    inter_for: Any, text: str, career_cog: CareerCog
) -> None:
    """Deterministic floor under the property tests: each nasty string in every command slot,
    and the pick list it may lead to (its select, its placeholder) fits Discord too."""
    for command, args in (
        (career_cog.salary, (text,)),
        (career_cog.career, (text,)),
        (career_cog.compare, (text, "lawyer")),
        (career_cog.compare, ("loss prevention", text)),
    ):
        inter = inter_for(discord.InteractionType.application_command)
        await call(command, inter, *args)
        body = _check_response(inter)
        for row in body.get("components") or []:
            for item in row["components"]:
                assert "placeholder" not in item or len(item["placeholder"]) <= 150


def test_the_echo_check_catches_what_it_should() -> None:
    """The checks above are not vacuous."""
    assert MENTION.search("@everyone") and MENTION.search("<@123>") and MENTION.search("<@&1>")
    assert MENTION.search("</salary:123>") and MENTION.search("<#123>")
    assert not MENTION.search("@\u200beveryone") and not MENTION.search("<\u200b@123>")
    assert _unescaped_markdown("**x**") and _unescaped_markdown("\\\\*x")
    assert _unescaped_markdown("[a](https://e.com)") and _unescaped_markdown("> q")
    assert _unescaped_markdown("\\*x\\*") == [] and _unescaped_markdown("https://e.com/_a_") == []
    kwargs = {"content": "**x**", "ephemeral": True, "allowed_mentions": None}
    with pytest.raises(AssertionError):
        _check_echo(kwargs)
    assert payload({"content": "x"}) == {"content": "x"}


# --------------------------------------------------------------------------- end to end

E2E_STRINGS = [
    "x" * 6000,  # over the option's max_length: discord.py refuses it, the bot still answers
    "👩‍⚕️👨‍👩‍👧‍👦 \u202eesrun\u200b",
    "nur\x00se\x1b[31m",
    "ｎｕｒｓｅ",
    "@everyone <@123> <@&123456789012345678> **zzq** ```x```",
    "",
]


@pytest.mark.e2e
def test_nasty_strings_through_the_real_bot(tmp_path_factory: pytest.TempPathFactory) -> None:
    from fake_discord import BotProcess, FakeDiscord

    # The session's shared data cache (see test_faults.py); --sync, as the sync state is shared.
    cache = tmp_path_factory.getbasetemp() / "career-bot-hardening-cache"
    cache.mkdir(exist_ok=True)
    env = bot_env(cache)
    with FakeDiscord() as fake, BotProcess(fake, args=["run", "--sync"], env=env) as bot:
        bot.wait_ready(60)
        records = []
        for i, text in enumerate(E2E_STRINGS):
            user = "alice" if i % 2 else "bob"
            records.append(fake.slash("salary", {"profession": text}, user=user, strict=False))
            records.append(fake.slash("career", {"profession": text}, user=user, strict=False))
            records.append(
                fake.slash("compare", {"a": text, "b": "lawyer"}, user=user, strict=False)
            )
            auto = fake.autocomplete("compare", "a", text, user=user, strict=False)
            assert auto.callback_type == 8 and choices_problems(auto.choices) == []
        for rec in records:
            assert rec.callback_type == 4, rec
            assert message_problems(rec.data) == [], rec.data
            assert rec.allowed_mentions == {"parse": []}, rec.data
            if rec.content:
                assert rec.ephemeral, rec.content
                assert not MENTION.search(rec.content), rec.content
                assert _unescaped_markdown(rec.content) == [], rec.content
        if not fake.spec.available:
            pytest.skip(fake.spec.warning or "Discord OpenAPI spec not available")
        fake.assert_clean()  # no refused request, every body valid against the OpenAPI spec
        assert fake.violations == []
    assert "Traceback" not in bot.output, bot.output_tail()
    bot.assert_token_not_leaked()
