"""End to end: the real bot (``python -m bot run``, unmodified discord.py) against the fake Discord.

One bot process serves most tests (start-up takes about a second); tests that need their own
start-up (sync state, a rejected token) launch their own. Expectations are computed in this
process from the same data the bot loads (the shipped data plus ``tests/fixtures/mini``), so the
tests hold whatever the shipped data contains.
"""

from __future__ import annotations

import copy
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.answers import Answers
from bot.comparison import Kind
from bot.discord.answering import YOUR_COPY, build_view
from bot.discord.app import BAD_TOKEN
from bot.discord.components import REFUSED
from bot.discord.custom_ids import MEANT, Keys
from bot.matching import Status
from bot.render.embeds import render_pages
from bot.render.limits import choices_problems, message_problems
from fake_discord import BotProcess, FakeDiscord

from ..conftest import MINI
from .e2e_env import bot_env
from .mocks import COMMANDS

pytestmark = pytest.mark.e2e

EPHEMERAL = 1 << 6
PROVOKED = {"tracebacks": 0}  # errors a test causes on purpose (each logs one traceback)
CHANNEL_MESSAGE, UPDATE_MESSAGE, AUTOCOMPLETE_RESULT = 4, 7, 8


Served = tuple[FakeDiscord, BotProcess, Answers]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def shared(cache: Path) -> Iterator[Served]:
    """One bot for the module, and the answers it serves (computed here while it starts)."""
    with FakeDiscord() as fake:
        bot = BotProcess(fake, env=bot_env(cache))
        try:
            bot.start()
            answers = Answers.load(extra=[MINI])  # what the bot loads: shipped data + mini layer
            bot.wait_ready(60)
            yield fake, bot, answers
        finally:
            code = bot.stop()
        assert code == 0, bot.output_tail()
        bot.assert_token_not_leaked()
        # Tracebacks only for the errors a test provoked on purpose.
        assert bot.output.count("Traceback") == PROVOKED["tracebacks"], bot.output_tail()
        # A clean stop leaves the buttons as they are: the next process answers them.
        assert "Disabled the buttons" not in bot.output
        fake.assert_clean()


@pytest.fixture
def served(shared: Served) -> tuple[FakeDiscord, BotProcess]:
    return shared[0], shared[1]


@pytest.fixture
def answers(shared: Served) -> Answers:
    return shared[2]


@pytest.fixture
def fake(served: tuple[FakeDiscord, BotProcess]) -> Iterator[FakeDiscord]:
    """The shared fake; every test must leave it without failures or spec violations."""
    fake, _ = served
    fake.clear_records()
    yield fake
    fake.assert_clean()


def _expected_pages(answers: Answers, kind: Kind, names: list[str]) -> list[dict[str, Any]]:
    profs = [p for p in (answers.matcher.resolve(n).profession for n in names) if p is not None]
    assert len(profs) == len(names), f"{names} do not all resolve confidently in the test data"
    return [dict(e.to_dict()) for e in render_pages(build_view(answers, kind, profs))]


def _ambiguous(answers: Answers) -> str:
    for q in ("loss prevention", "driver", "officer", "licensed nurse", "specialist"):
        if answers.matcher.resolve(q).status is Status.AMBIGUOUS:
            return q
    pytest.fail("no ambiguous name in the test data")


def _check_body(record: Any) -> None:
    """Within Discord's limits, and never able to ping anyone."""
    assert message_problems(record.data) == [], record.data
    assert record.allowed_mentions == {"parse": []}, record.data


def _buttons(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for row in components for c in row["components"] if c["type"] == 2]


# --------------------------------------------------------------------------- commands


def test_synced_commands_have_options_and_autocomplete(fake: FakeDiscord) -> None:
    commands = {c["name"]: c for c in fake.commands()}
    assert set(commands) == set(COMMANDS)
    options = {name: [o["name"] for o in c.get("options") or []] for name, c in commands.items()}
    assert options == {
        "compare": ["a", "b", "c", "where", "private"],
        "salary": ["profession", "where", "private"],
        "career": ["profession", "where", "private"],
        "top": ["measure", "education", "field", "where", "private"],
        "explore": ["profession", "pays_more", "less_school", "growing", "private"],
        "help": [],
        "about": [],
        "invite": [],
    }
    for name in ("compare", "salary", "career"):
        *names, where, private = commands[name]["options"]
        for option in names:
            assert option["type"] == 3 and option["autocomplete"]
            assert option.get("required", False) == (option["name"] != "c")  # c: a third, if any
            assert option["description"] and option.get("max_length") == 100
        assert where["type"] == 3 and not where.get("required") and where["autocomplete"]
        assert private["type"] == 5 and not private.get("required")  # 5: boolean
    assert all(c["description"] for c in commands.values())
    for command in commands.values():  # server and user installs; servers, bot DMs, group DMs
        assert sorted(command["integration_types"]) == [0, 1]
        assert sorted(command["contexts"]) == [0, 1, 2]


def test_a_dm_is_answered_and_private_answers_are_private(
    fake: FakeDiscord, answers: Answers
) -> None:
    dm = fake.slash("salary", {"profession": "registered nurse"}, guild=False)
    assert dm.callback_type == CHANNEL_MESSAGE and not dm.ephemeral
    _check_body(dm)
    assert dm.embeds == _expected_pages(answers, Kind.SALARY, ["registered nurse"])
    names = {"a": "collections specialist", "b": "loan officer", "private": True}
    private = fake.slash("compare", names, guild=False)
    assert private.callback_type == CHANNEL_MESSAGE and private.ephemeral
    message = fake.response_message(private)
    assert message is not None
    turned = fake.click(message, _buttons(private.components)[1]["custom_id"])
    assert turned.callback_type == UPDATE_MESSAGE  # a private answer's pages turn too
    query = _ambiguous(answers)
    asked = fake.slash("career", {"profession": query, "private": True})
    select = asked.components[0]["components"][0]
    picked = fake.select(
        fake.response_message(asked), select["custom_id"], [select["options"][0]["value"]]
    )
    fake.wait_for(lambda: bool(picked.followups), 5, "the answer")
    assert picked.followups[0]["flags"] & EPHEMERAL  # asked privately: answered privately


def test_compare_with_typos_answers_with_the_first_page(
    fake: FakeDiscord, answers: Answers
) -> None:
    names = ["colections specialist", "loan oficer"]
    record = fake.slash("compare", dict(zip("ab", names, strict=True)))
    assert record.callback_type == CHANNEL_MESSAGE and not record.ephemeral
    _check_body(record)
    pages = _expected_pages(answers, Kind.COMPARE, names)
    assert record.embeds == pages[:1]
    buttons = _buttons(record.components)
    assert len(buttons) == len(pages) > 1
    assert buttons[0]["disabled"] and not any(b["disabled"] for b in buttons[1:])


def test_page_buttons_turn_the_askers_page_and_copy_it_for_others(
    fake: FakeDiscord, answers: Answers
) -> None:
    names = ["collections specialist", "loan officer"]
    record = fake.slash("compare", dict(zip("ab", names, strict=True)))
    pages = _expected_pages(answers, Kind.COMPARE, names)
    message = fake.response_message(record)
    assert message is not None
    buttons = _buttons(record.components)

    flipped = fake.click(message, buttons[2]["custom_id"])  # alice asked: she may
    assert flipped.callback_type == UPDATE_MESSAGE
    _check_body(flipped)
    assert flipped.embeds == [pages[2]]
    assert _buttons(flipped.components)[2]["disabled"]

    copy = fake.click(message, buttons[3]["custom_id"], user="bob")  # bob did not ask
    assert copy.callback_type == CHANNEL_MESSAGE and copy.ephemeral
    _check_body(copy)
    assert copy.content == YOUR_COPY and copy.embeds == [pages[3]]
    assert fake.message(message["id"])["embeds"] == [pages[2]]  # unchanged by bob's click
    mine = fake.response_message(copy)  # bob's own copy turns for bob
    turned = fake.click(mine, _buttons(copy.components)[0]["custom_id"], user="bob")
    assert turned.callback_type == UPDATE_MESSAGE and turned.embeds == [pages[0]]


def test_salary_and_career_are_single_public_embeds(fake: FakeDiscord, answers: Answers) -> None:
    for kind in ("salary", "career"):
        record = fake.slash(kind, {"profession": "registered nurse"})
        assert record.callback_type == CHANNEL_MESSAGE and not record.ephemeral
        _check_body(record)
        assert record.embeds == _expected_pages(answers, kind, ["registered nurse"])  # type: ignore[arg-type]
        assert record.components == []


def test_autocomplete_offers_at_most_25_valid_choices(fake: FakeDiscord, answers: Answers) -> None:
    for value in ("", "n", "nur", "truck dr", "sofware", "x" * 100):
        record = fake.autocomplete("compare", "b", value, {"a": "lawyers"})
        assert record.callback_type == AUTOCOMPLETE_RESULT
        choices = record.choices
        assert choices_problems(choices) == [] and len(choices) <= 25
        assert all(answers.dataset.get(c["value"]) for c in choices)
    first = fake.autocomplete("salary", "profession", "regist").choices[0]
    picked = fake.slash("salary", {"profession": first["value"]})  # submitting the id
    assert picked.embeds == _expected_pages(answers, Kind.SALARY, [first["value"]])


def test_an_ambiguous_name_asks_privately_and_the_pick_answers(
    fake: FakeDiscord, answers: Answers
) -> None:
    query = _ambiguous(answers)
    record = fake.slash("salary", {"profession": query})
    assert record.callback_type == CHANNEL_MESSAGE and record.ephemeral
    _check_body(record)
    assert query in record.content
    (select,) = [c for row in record.components for c in row["components"]]
    assert select["type"] == 3 and 1 <= len(select["options"]) <= 25
    keys = Keys(answers.dataset)
    candidates = [keys.key(c.profession) for c in answers.matcher.resolve(query).candidates]
    assert [o["value"] for o in select["options"]] == candidates[:25]

    choice = select["options"][-1]["value"]
    picked = fake.select(fake.response_message(record), select["custom_id"], [choice])
    assert picked.callback_type == UPDATE_MESSAGE  # the private pick list is tidied …
    tidied = fake.response_message(record)
    assert tidied is not None and tidied["components"] == [] and tidied["content"].startswith("✓")
    fake.wait_for(lambda: bool(picked.followups), 5, "the answer")  # … and the answer is public
    (answer,) = picked.followups
    assert not answer.get("flags", 0) & EPHEMERAL and answer["allowed_mentions"] == {"parse": []}
    assert message_problems(answer) == []
    profession = keys.get(choice)
    assert profession is not None
    assert answer["embeds"] == _expected_pages(answers, Kind.SALARY, [profession.id])


def test_compare_with_two_ambiguous_names_asks_both(fake: FakeDiscord, answers: Answers) -> None:
    query = _ambiguous(answers)
    record = fake.slash("compare", {"a": query, "b": query})
    message = fake.response_message(record)
    first_select, second_select = [row["components"][0] for row in record.components]
    first = first_select["options"][0]["value"]
    step = fake.select(message, first_select["custom_id"], [first])
    assert step.callback_type == UPDATE_MESSAGE  # same private message, one question left
    _check_body(step)
    (left,) = [row["components"][0] for row in step.components]
    second = left["options"][1]["value"]
    done = fake.select(fake.message(message["id"]), left["custom_id"], [second])
    assert done.callback_type == UPDATE_MESSAGE
    fake.wait_for(lambda: bool(done.followups), 5, "the answer")
    keys = Keys(answers.dataset)
    ids = [p.id for p in (keys.get(first), keys.get(second)) if p is not None]
    assert done.followups[0]["embeds"] == _expected_pages(answers, Kind.COMPARE, ids)[:1]


def test_compare_three_turns_every_page(fake: FakeDiscord, answers: Answers) -> None:
    names = ["registered nurse", "electrician", "pharmacist"]
    record = fake.slash("compare", dict(zip("abc", names, strict=True)))
    assert record.callback_type == CHANNEL_MESSAGE and not record.ephemeral
    _check_body(record)
    pages = _expected_pages(answers, Kind.COMPARE, names)
    assert record.embeds == pages[:1] and "🅲 **Pharmacists**" in pages[0]["description"]
    message = fake.response_message(record)
    assert message is not None
    buttons = _buttons(record.components)
    assert len(buttons) == len(pages) == 6
    for n in [*range(1, len(buttons)), 0]:  # the page shown has its button disabled
        button = buttons[n]
        assert len(button["custom_id"]) <= 100 and button["custom_id"].count(",") == 2
        turned = fake.click(fake.message(message["id"]), button["custom_id"])
        assert turned.callback_type == UPDATE_MESSAGE and turned.embeds == [pages[n]]
        _check_body(turned)


def test_compare_three_asks_for_an_ambiguous_third_and_skips_a_repeat(
    fake: FakeDiscord, answers: Answers
) -> None:
    query = _ambiguous(answers)
    record = fake.slash("compare", {"a": "registered nurse", "b": "electrician", "c": query})
    assert record.ephemeral and query in record.content
    (select,) = [row["components"][0] for row in record.components]
    assert select["custom_id"].startswith("cb1:pk:c:2:")  # slot 2: the third name
    choice = select["options"][0]["value"]
    done = fake.select(fake.response_message(record), select["custom_id"], [choice])
    assert done.callback_type == UPDATE_MESSAGE
    fake.wait_for(lambda: bool(done.followups), 5, "the answer")
    third = Keys(answers.dataset).get(choice)
    assert third is not None
    names = ["registered nurse", "electrician", third.id]
    assert done.followups[0]["embeds"] == _expected_pages(answers, Kind.COMPARE, names)[:1]

    again = fake.slash("compare", {"a": "registered nurse", "b": "electrician", "c": "RN"})
    assert not again.ephemeral
    _check_body(again)
    (embed,) = again.embeds
    assert "Registered Nurses is named twice" in embed["author"]["name"]
    assert embed["title"].endswith("Registered Nurses vs Electricians")
    alone = fake.slash("compare", {"a": "nurse", "b": "RN", "c": "registered nurse"})
    assert alone.ephemeral and "are all the same profession" in alone.content


def test_top_where_pages_carry_the_place(fake: FakeDiscord, answers: Answers) -> None:
    record = fake.slash("top", {"measure": "pay", "where": "texas"}, timeout=15)
    assert record.callback_type == CHANNEL_MESSAGE and not record.ephemeral
    _check_body(record)
    assert record.embeds[0]["title"] == "1–10: Highest pay in Texas"
    message = fake.response_message(record)
    assert message is not None
    nxt = _buttons(record.components)[1]
    assert nxt["custom_id"] == "cb1:tp:p:-:--:1@4800000"
    turned = fake.click(message, nxt["custom_id"])
    assert turned.callback_type == UPDATE_MESSAGE
    assert turned.embeds[0]["title"] == "11–20: Highest pay in Texas"
    _check_body(turned)
    choices = fake.autocomplete("top", "where", "dall", {"measure": "pay"}).choices
    assert choices_problems(choices) == [] and choices[0]["value"] == "0019100"


def _place_page(answers: Answers, kind: Kind, names: list[str], area: str) -> dict[str, Any]:
    profs = [p for p in (answers.matcher.resolve(n).profession for n in names) if p is not None]
    place = answers.places.by_code(area)
    return dict(render_pages(build_view(answers, kind, profs, place))[0].to_dict())


def test_where_typed_picked_from_autocomplete_or_named_after_the_profession(
    fake: FakeDiscord, answers: Answers
) -> None:
    choices = fake.autocomplete("salary", "where", "tex", {"profession": "registered nurse"})
    assert choices.callback_type == AUTOCOMPLETE_RESULT and choices_problems(choices.choices) == []
    texas = choices.choices[0]
    assert texas["name"] == "Texas"
    expected = _place_page(answers, Kind.SALARY, ["registered nurse"], texas["value"])
    for options in (
        {"profession": "registered nurse", "where": texas["value"]},  # the autocomplete's pick
        {"profession": "registered nurse", "where": "texas"},  # typed, not picked
        {"profession": "registered nurse in texas"},  # named after the profession
    ):
        record = fake.slash("salary", options, user="bob")  # alice's cooldown left for others
        assert record.callback_type == CHANNEL_MESSAGE and not record.ephemeral, options
        _check_body(record)
        assert record.embeds == [expected], options


def test_an_ambiguous_place_asks_privately_and_the_pick_answers_for_it(
    fake: FakeDiscord, answers: Answers
) -> None:
    names = ["registered nurse", "lawyer"]
    # bob asks: alice's /compare answers in this module stay within the per-user cooldown
    record = fake.slash("compare", {"a": names[0], "b": names[1], "where": "Portland"}, user="bob")
    assert record.callback_type == CHANNEL_MESSAGE and record.ephemeral
    _check_body(record)
    assert "Portland-Vancouver-Hillsboro, OR-WA" in record.content
    (select,) = [c for row in record.components for c in row["components"]]
    area = select["options"][0]["value"]
    picked = fake.select(fake.response_message(record), select["custom_id"], [area], user="bob")
    assert picked.callback_type == UPDATE_MESSAGE
    fake.wait_for(lambda: bool(picked.followups), 5, "the answer")
    (answer,) = picked.followups
    assert message_problems(answer) == [] and answer["allowed_mentions"] == {"parse": []}
    assert answer["embeds"] == [_place_page(answers, Kind.COMPARE, names, area)]


def test_a_forged_custom_id_gets_a_polite_private_refusal(fake: FakeDiscord) -> None:
    record = fake.slash("compare", {"a": "collections specialist", "b": "loan officer"})
    message = fake.response_message(record)
    assert message is not None
    for forged in ("cb1:pg:c:00-0000:pay:zzzzzz:extra", "<@everyone>", "0" * 32):
        # A client that tampers with the component (a message the fake does not hold, so the
        # click carries it as given).
        tampered = copy.deepcopy(message) | {"id": str(int(message["id"]) + 1)}
        tampered["components"][0]["components"][1]["custom_id"] = forged
        refused = fake.click(tampered, forged, user="bob")
        assert refused.callback_type == CHANNEL_MESSAGE and refused.ephemeral
        assert refused.content == REFUSED
        _check_body(refused)


def test_an_unknown_name_is_a_private_note(fake: FakeDiscord) -> None:
    record = fake.slash("compare", {"a": "xyzzy plugh qwv", "b": "lawyer"})
    assert record.callback_type == CHANNEL_MESSAGE and record.ephemeral
    _check_body(record)
    assert "No profession matches “xyzzy plugh qwv”" in record.content
    assert record.embeds == []
    # any "did you mean" hint in the text is also a button that answers
    assert all(re.fullmatch(MEANT, b["custom_id"]) for b in _buttons(record.components))
    assert all(b["label"][:20] in record.content for b in _buttons(record.components))


def test_echoed_text_cannot_ping(fake: FakeDiscord) -> None:
    record = fake.slash("career", {"profession": "@everyone <@1000000000000000302> **zzq**"})
    assert record.ephemeral and record.allowed_mentions == {"parse": []}
    assert "@everyone" not in record.content and "\\*\\*zzq\\*\\*" in record.content


def test_help_about_invite(fake: FakeDiscord, answers: Answers) -> None:
    help_ = fake.slash("help")
    assert help_.ephemeral and "/compare" in str(help_.embeds)
    about = fake.slash("about")
    _check_body(about)
    assert "CC BY 4.0" in str(about.embeds)
    invite = fake.slash("invite")
    _check_body(invite)
    server, user = (b["url"] for b in invite.components[0]["components"])
    assert f"client_id={fake.application_id}" in server and "permissions=0" in server
    assert "integration_type=0" in server and "integration_type=1" in user


def test_the_bot_resumes_after_the_websocket_drops(
    fake: FakeDiscord, served: tuple[FakeDiscord, BotProcess]
) -> None:
    _, bot = served
    fake.drop_gateway(code=4000)
    fake.wait_for_resume(1, timeout=20)
    record = fake.slash("salary", {"profession": "lawyer"}, timeout=15)
    assert record.callback_type == CHANNEL_MESSAGE and record.embeds
    bot.wait_for_output(r"Shard 0 resumed", timeout=5)


def test_every_body_validated_against_the_openapi_spec(
    served: tuple[FakeDiscord, BotProcess],
) -> None:
    fake, _ = served
    if not fake.spec.available:
        pytest.skip(fake.spec.warning or "Discord OpenAPI spec not available")
    assert fake.requests, "no requests recorded"
    assert fake.violations == []


# --------------------------------------------------------------------------- start-up


def test_two_shards_guild_sync_and_no_resync_when_unchanged(cache: Path) -> None:
    with FakeDiscord() as fake:
        env = bot_env(cache, DISCORD_GUILD_ID=fake.guild_id, SHARD_COUNT="2")
        with BotProcess(fake, env=env) as bot:
            bot.wait_ready(60, shard_count=2)  # the test guild lives on shard 1
            assert {c["name"] for c in fake.commands(guild=True)} >= {"compare", "salary"}
            assert fake.commands() == []  # nothing global
            assert fake.slash("salary", {"profession": "lawyer"}).embeds
        syncs = fake.command_syncs
        bot = BotProcess(fake, env=env).start()  # same commands, same cache: no sync
        try:
            bot.wait_for_output(r"unchanged since the last sync to guild", timeout=60)
            assert fake.command_syncs == syncs
        finally:
            # Stopped while its shards are still being launched: it must still exit at once.
            stopping = time.perf_counter()
            assert bot.stop() == 0, bot.output_tail()
        assert time.perf_counter() - stopping < 5
        fake.assert_clean()


def test_buttons_work_after_a_restart(tmp_path: Path, answers: Answers) -> None:
    """/compare, stop the bot, start a new process: the old message's buttons still turn pages
    (for the asker) and give anyone else a private copy."""
    names = ["collections specialist", "loan officer"]
    pages = _expected_pages(answers, Kind.COMPARE, names)
    with FakeDiscord() as fake:
        with BotProcess(fake, env=bot_env(tmp_path)) as bot:
            bot.wait_ready(60)
            record = fake.slash("compare", dict(zip("ab", names, strict=True)))
            where = fake.slash("salary", {"profession": "registered nurse", "where": "Portland"})
        assert bot.returncode == 0
        message = fake.response_message(record)
        assert message is not None and not any(
            b.get("disabled") for b in _buttons(message["components"])[1:]
        )
        with BotProcess(fake, env=bot_env(tmp_path)) as bot:
            bot.wait_ready(60)
            buttons = _buttons(message["components"])
            turned = fake.click(message, buttons[2]["custom_id"])
            assert turned.callback_type == UPDATE_MESSAGE and turned.embeds == [pages[2]]
            copy = fake.click(fake.message(message["id"]), buttons[4]["custom_id"], user="bob")
            assert copy.ephemeral and copy.embeds == [pages[4]] and copy.content == YOUR_COPY
            (places,) = [c for row in where.components for c in row["components"]]
            area = places["options"][-1]["value"]  # a pick list of places answers too
            picked = fake.select(fake.response_message(where), places["custom_id"], [area])
            fake.wait_for(lambda: bool(picked.followups), 5, "the answer")
            expected = _place_page(answers, Kind.SALARY, ["registered nurse"], area)
            assert picked.followups[0]["embeds"] == [expected]
        assert "Traceback" not in bot.output, bot.output_tail()
        fake.assert_clean()


def test_going_global_removes_the_test_servers_commands(tmp_path: Path) -> None:
    with FakeDiscord() as fake:
        with BotProcess(fake, env=bot_env(tmp_path, DISCORD_GUILD_ID=fake.guild_id)) as bot:
            bot.wait_ready(60)
            assert len(fake.commands(guild=True)) == 8 and fake.commands() == []
        with BotProcess(fake, env=bot_env(tmp_path)) as bot:
            bot.wait_for_output(r"Removed the slash commands it had synced to guild", 60)
        assert fake.commands(guild=True) == []  # no command listed twice in the test server
        assert {c["name"] for c in fake.commands()} >= {"compare", "salary", "career"}
        fake.assert_clean()


def test_a_rejected_token_is_one_line(cache: Path) -> None:
    with FakeDiscord() as fake:
        bot = BotProcess(
            fake, token="bm90LWEtdG9rZW4.AAAAAA.wrong-secret-wrong-secret", env=bot_env(cache)
        )
        bot.start()
        assert bot.wait_exit(60) == 1
        assert BAD_TOKEN in bot.stderr
        assert "Traceback" not in bot.output
        bot.assert_token_not_leaked()


def test_a_flood_of_commands_meets_a_friendly_cooldown(fake: FakeDiscord) -> None:
    """Runs after the other shared-bot tests (it uses up bob's /career budget)."""
    from bot.discord.cogs.career import COOLDOWN_RATE

    for _ in range(COOLDOWN_RATE):
        assert not fake.slash("career", {"profession": "lawyer"}, user="bob").ephemeral
    slowed = fake.slash("career", {"profession": "lawyer"}, user="bob")
    assert slowed.ephemeral and slowed.content.startswith("Slow down a little")
    assert fake.slash("salary", {"profession": "lawyer"}, user="bob").embeds  # per command


def test_a_failed_answer_gets_a_private_apology(
    fake: FakeDiscord, served: tuple[FakeDiscord, BotProcess]
) -> None:
    """Discord refuses the first answer (400): the tree's on_error logs it and apologises."""
    from bot.discord.errors import GENERIC

    _, bot = served
    fake.inject_rest_fault("POST /interactions/*/callback", status=400, times=1)
    handle = fake.send_slash("salary", {"profession": "lawyer"})
    record = handle.wait_callback(10)
    assert record.callback_attempts == 2
    assert record.ephemeral and record.content == GENERIC
    bot.wait_for_output(r"Error in /salary", timeout=5)
    PROVOKED["tracebacks"] += 1
    fake.clear_records()  # the injected 400 is not the bot's fault
