"""The slash commands: resolve what was submitted, then answer, ask, or say nothing matched."""

from __future__ import annotations

from typing import Any

import pytest

from bot.answers import Answers
from bot.comparison import Kind
from bot.discord.answering import page_labels
from bot.discord.cogs import CareerCog, InfoCog
from bot.discord.components import PageButton
from bot.discord.custom_ids import PageRef
from bot.render.embeds import render_pages

from .mocks import APP_ID, assert_clean_payload, call, sent


def all_commands(career: CareerCog, info: InfoCog) -> list[Any]:
    return [*career.get_app_commands(), *info.get_app_commands()]


def _response(inter: Any) -> dict[str, Any]:
    return sent(inter.response.send_message)


# --------------------------------------------------------------------------- confident answers


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("registered-nurses", "Registered Nurses"),  # an autocomplete pick submits the id
        ("Registered Nurse", "Registered Nurses"),
        ("RN", "Registered Nurses"),
        ("regsitered nurse", "Registered Nurses"),  # typo, still confident
    ],
)
async def test_salary_answers_publicly_with_one_embed(
    interaction: Any, name: str, title: str, career_cog: CareerCog
) -> None:
    inter = interaction()
    await call(career_cog.salary, inter, name)
    kwargs = _response(inter)
    assert_clean_payload(kwargs)
    assert not kwargs.get("ephemeral")
    assert kwargs.get("view") is None
    assert kwargs["embed"].title.startswith(title)


async def test_career_answers_with_the_rendered_profile(
    interaction: Any, mini_answers: Answers, career_cog: CareerCog
) -> None:
    inter = interaction()
    await call(career_cog.career, inter, "collections specialist")
    kwargs = _response(inter)
    assert_clean_payload(kwargs)
    prof = mini_answers.dataset.get("collections-specialist")
    assert prof is not None
    expected = render_pages(mini_answers.career(prof))[0]
    assert kwargs["embed"].to_dict() == expected.to_dict()  # wording comes from the renderer


async def test_compare_with_typos_sends_the_first_page_and_page_buttons(
    interaction: Any, mini_answers: Answers, career_cog: CareerCog
) -> None:
    inter = interaction()
    await call(career_cog.compare, inter, "colections specialist", "loan oficer")
    kwargs = _response(inter)
    body = assert_clean_payload(kwargs)
    assert not kwargs.get("ephemeral")
    a, b = (
        mini_answers.dataset.get("collections-specialist"),
        mini_answers.dataset.get("loan-officers"),
    )
    assert a is not None and b is not None
    view = mini_answers.compare(a, b)
    pages = render_pages(view)
    assert body["embeds"] == [pages[0].to_dict()]
    buttons = kwargs["view"].children
    assert all(isinstance(b, PageButton) for b in buttons)
    assert [b.item.label for b in buttons] == page_labels(view)
    assert len(buttons) == len(pages) > 1
    assert buttons[0].ref == PageRef(
        Kind.COMPARE, buttons[0].ref.keys, "summary", buttons[0].ref.fingerprint
    )


# --------------------------------------------------------------------------- nothing matches


async def test_unknown_name_gets_an_ephemeral_note_and_no_answer(
    interaction: Any, career_cog: CareerCog
) -> None:
    inter = interaction()
    await call(career_cog.salary, inter, "xyzzy plugh")
    kwargs = _response(inter)
    assert_clean_payload(kwargs)
    assert kwargs["ephemeral"] is True
    assert "No profession matches “xyzzy plugh”" in kwargs["content"]
    assert kwargs.get("embed") is None and kwargs.get("view") is None


async def test_compare_names_every_unknown_name(interaction: Any, career_cog: CareerCog) -> None:
    inter = interaction()
    await call(career_cog.compare, inter, "xyzzy", "loss prevention")  # unknown + ambiguous
    kwargs = _response(inter)
    assert kwargs["ephemeral"] is True
    assert "xyzzy" in kwargs["content"] and kwargs.get("view") is None


@pytest.mark.parametrize(
    "hostile",
    [
        "@everyone zzzq",
        "<@1000000000000000302> qqqq",
        "**bold** __zzz__ `x` ||spoil||",
        "@here " * 30,
    ],
)
async def test_echoed_text_is_escaped_and_never_pings(
    interaction: Any, hostile: str, career_cog: CareerCog
) -> None:
    inter = interaction()
    await call(career_cog.career, inter, hostile)
    kwargs = _response(inter)
    assert_clean_payload(kwargs)
    content = kwargs["content"]
    assert "@everyone" not in content and "@here" not in content
    assert "<@1000000000000000302>" not in content
    assert "**" not in content.replace("\\*", "") and "||" not in content.replace("\\|", "")


# --------------------------------------------------------------------------- help, about, invite


async def test_help_lists_every_command_with_its_own_description(
    interaction: Any, career_cog: CareerCog, info_cog: InfoCog
) -> None:
    inter = interaction()
    await call(info_cog.help_, inter)
    kwargs = _response(inter)
    body = assert_clean_payload(kwargs)
    fields = {f["name"]: f["value"] for f in body["embeds"][0]["fields"]}
    for cmd in all_commands(career_cog, info_cog):
        assert any(name.startswith(f"/{cmd.name}") for name in fields)
        assert cmd.description in fields.values()
    assert "/compare `a` `b` [`c`] [`where`] [`private`]" in fields


async def test_about_names_sources_version_and_onet(
    interaction: Any, mini_answers: Answers, info_cog: InfoCog
) -> None:
    import bot

    inter = interaction()
    await call(info_cog.about, inter)
    body = assert_clean_payload(_response(inter))
    embed = body["embeds"][0]
    text = "\n".join([embed["footer"]["text"], *(f["value"] for f in embed["fields"])])
    for source in mini_answers.dataset.sources():
        assert source.replace("*", "\\*") in text
    assert bot.__version__ in text
    assert "O\\*NET 29.3 Database" in text and "CC BY 4.0" in text


async def test_invite_links_with_no_permissions(interaction: Any, info_cog: InfoCog) -> None:
    inter = interaction()
    await call(info_cog.invite, inter)
    kwargs = _response(inter)
    body = assert_clean_payload(kwargs)
    url = body["components"][0]["components"][0]["url"]
    assert f"client_id={APP_ID}" in url
    assert "scope=bot+applications.commands" in url
    assert "permissions=0" in url


def test_every_command_and_option_is_described(career_cog: CareerCog, info_cog: InfoCog) -> None:
    names = {c.name for c in all_commands(career_cog, info_cog)}
    assert names == {"compare", "salary", "career", "help", "about", "invite"}
    for cmd in all_commands(career_cog, info_cog):
        assert 10 <= len(cmd.description) <= 100
        for p in cmd.parameters:
            assert p.description and p.description != "…" and len(p.description) <= 100
            if p.name == "private":  # the options that are not a profession
                assert not p.required and p.default is False
                continue
            if p.name == "where":
                assert not p.required and p.default is None and p.autocomplete is not None
                continue
            assert p.autocomplete is not None
            assert p.required or (cmd.name, p.name) == ("compare", "c")  # a third, if you like


# --------------------------------------------------------------------------- the full dataset


async def test_every_payload_over_the_shipped_data_fits_discord(shipped_answers: Answers) -> None:
    """Every profession's /salary and /career, a spread of /compare pairs and pick lists."""
    from .mocks import fresh_response, make_interaction

    inter = make_interaction(shipped_answers)  # one mock, a fresh response per command
    profs = list(shipped_answers.dataset)
    if len(profs) < 100:
        pytest.skip("the full public-data build is not in data/ yet")

    cog = CareerCog(shipped_answers)

    async def run(command: Any, *names: str) -> dict[str, Any]:
        fresh_response(inter)
        await call(command, inter, *names)
        kwargs = _response(inter)
        assert_clean_payload(kwargs)
        return kwargs

    step = max(1, len(profs) // 150)
    for p in profs[::step]:
        await run(cog.salary, p.id)
        await run(cog.career, p.id)
    for a, b in zip(profs[::step], profs[step // 2 :: step], strict=False):
        kwargs = await run(cog.compare, a.id, b.id)
        buttons = kwargs["view"].children
        pages = render_pages(shipped_answers.compare(a, b))
        for button, page in zip(buttons, pages, strict=True):
            assert (page.title or "").startswith(
                f"{button.item.label}: "
            )  # each shows its own page
            assert_clean_payload({"embed": page, "allowed_mentions": kwargs["allowed_mentions"]})
    words = sorted({w for p in profs for w in p.title.split() if len(w) > 3})
    for word in words[:: max(1, len(words) // 150)]:
        kwargs = await run(cog.salary, word)
        assert kwargs.get("ephemeral") or kwargs.get("embed") is not None


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("**x**", "\\*\\*x\\*\\*"),
        ("[**b**](https://e.com)", "\\[\\*\\*b\\*\\*](https://e.com)"),  # link text stays literal
        ("\\[x", "\\\\\\[x"),  # a typed backslash stays a backslash
        (
            "<#123> <@1> <@&2> </salary:12>",
            "<\u200b#123> <\u200b@1> <\u200b@&2> <\u200b/salary:12>",
        ),
        ("@everyone @here", "@\u200beveryone @\u200bhere"),
        ("https://e.com/_a_", "https://e.com/_a_"),  # links left working
    ],
)
def test_escape_makes_echoed_text_literal(typed: str, shown: str) -> None:
    from bot.discord.common import escape

    assert escape(typed) == shown
