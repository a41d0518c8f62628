"""``where`` on /salary, /compare and /career: typed, picked from autocomplete, or named after the
profession ("nurse in texas"); ambiguous and unknown places asked about privately, with a pick
list that continues the answer; the place carried by every component's custom_id."""

from __future__ import annotations

import re
import threading
from typing import Any, cast

import discord
import pytest

from bot.answers import Answers
from bot.comparison import Kind
from bot.dataset import default_data_dir
from bot.discord import where
from bot.discord.answering import Served, page_of, turn_page
from bot.discord.cogs import CareerCog
from bot.discord.components import PickSelect, PlaceSelect
from bot.discord.custom_ids import FOREIGN, MAX_LENGTH, PAGE, PICK, WHERE, PageRef, PickRef
from bot.places import Places
from bot.render.embeds import render_pages
from bot.render.limits import choices_problems

from .mocks import assert_clean_payload, call, message_of, press, sent

TEXAS = "4800000"


async def _reply(interaction: Any, command: Any, *args: Any) -> dict[str, Any]:
    """What a fresh interaction's first response sends for ``command(*args)``: always a payload
    within Discord's limits that can ping nobody."""
    inter = interaction()
    await call(command, inter, *args)
    kwargs: dict[str, Any] = sent(inter.response.send_message)
    assert_clean_payload(kwargs)
    return kwargs


def _embed(kwargs: dict[str, Any]) -> dict[str, Any]:
    embed = kwargs["embed"]
    assert isinstance(embed, discord.Embed)
    return dict(embed.to_dict())


def _expected(answers: Answers, kind: Kind, names: list[str], area: str) -> dict[str, Any]:
    profs = [answers.matcher.resolve(n).profession for n in names]
    place = answers.places.by_code(area)
    sheet = answers.sheet(kind, [p for p in profs if p is not None], place)
    return dict(render_pages(sheet)[0].to_dict())


@pytest.mark.parametrize("typed", ["texas", "TX", "Tex.", TEXAS])
async def test_where_typed_or_picked_answers_for_the_place(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers, typed: str
) -> None:
    kwargs = await _reply(interaction, career_cog.salary, "registered nurse", typed)
    assert not kwargs["ephemeral"]
    embed = _embed(kwargs)
    assert (
        embed["title"] == _expected(mini_answers, Kind.SALARY, ["registered nurse"], TEXAS)["title"]
    )
    assert "Texas" in embed["title"]


async def test_every_command_answers_for_the_place(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    for command, names in (
        ("salary", ["registered nurse"]),
        ("career", ["registered nurse"]),
        ("compare", ["registered nurse", "lawyer"]),
    ):
        inter = interaction()
        third = [None] if command == "compare" else []  # /compare's optional c
        await call(getattr(career_cog, command), inter, *names, *third, "Texas")
        kwargs = sent(inter.response.send_message)
        assert_clean_payload(kwargs)
        expected = _expected(mini_answers, Kind(command), names, TEXAS)
        assert _embed(kwargs)["title"] == expected["title"], command
        assert "Texas" in expected["title"]


@pytest.mark.parametrize("typed", ["registered nurse in texas", "registered nurse, TX"])
async def test_a_place_typed_after_the_profession_answers_for_it(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers, typed: str
) -> None:
    kwargs = await _reply(interaction, career_cog.salary, typed)
    embed = _embed(kwargs)
    assert (
        embed["title"] == _expected(mini_answers, Kind.SALARY, ["registered nurse"], TEXAS)["title"]
    )
    assert "not available yet" not in embed.get("author", {}).get("name", "")


async def test_where_wins_over_a_typed_place_and_the_answer_says_so(
    interaction: Any, career_cog: CareerCog
) -> None:
    kwargs = await _reply(interaction, career_cog.salary, "registered nurse in texas", "Ohio")
    embed = _embed(kwargs)
    assert "Ohio" in embed["title"]
    assert "not Texas" in embed["author"]["name"]


async def test_two_professions_in_two_places_are_refused_kindly(
    interaction: Any, career_cog: CareerCog
) -> None:
    kwargs = await _reply(
        interaction, career_cog.compare, "registered nurse in texas", "lawyer in ohio"
    )
    assert kwargs["ephemeral"] is True and "Texas and Ohio" in kwargs["content"]
    assert "embed" not in kwargs


async def test_an_ambiguous_place_asks_with_a_pick_list_that_answers(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    asked = await _reply(interaction, career_cog.salary, "registered nurse", "Portland", True)
    assert asked["ephemeral"] is True and "embed" not in asked
    assert "• Portland-Vancouver-Hillsboro, OR-WA" in asked["content"]  # full OEWS names
    (select,) = asked["view"].children
    assert isinstance(select, PlaceSelect) and re.fullmatch(WHERE, select.custom_id)
    options = {o.label: o.value for o in select.item.options}
    area = options["Portland-South Portland, ME"]
    done = await press(mini_answers, career_cog, message_of(asked), select.custom_id, values=[area])
    tidied = sent(done.response.edit_message)
    assert tidied["view"] is None and "Portland-South Portland, ME" in tidied["content"]
    answer = sent(done.followup.send)
    assert answer["ephemeral"] is True  # asked privately: answered privately
    assert_clean_payload(answer)
    expected = _expected(mini_answers, Kind.SALARY, ["registered nurse"], area)
    assert _embed(answer)["title"] == expected["title"]


async def test_an_unknown_place_says_so_with_suggestions_to_pick(
    interaction: Any, career_cog: CareerCog
) -> None:
    asked = await _reply(interaction, career_cog.career, "registered nurse", "Atlantis")
    assert asked["ephemeral"] and "No state or metro area called “Atlantis”" in asked["content"]
    (select,) = asked["view"].children
    assert isinstance(select, PlaceSelect)
    assert all(o.label in asked["content"] for o in select.item.options)
    nothing = await _reply(interaction, career_cog.career, "registered nurse", "qqqqqqqq zzzzzz")
    assert nothing["ephemeral"] and "view" not in nothing and "Texas" in nothing["content"]


async def test_a_name_and_a_place_both_unsure_are_asked_in_one_message(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    asked = await _reply(interaction, career_cog.salary, "loss prevention", "Springfield")
    names, places = asked["view"].children
    assert isinstance(names, PickSelect) and isinstance(places, PlaceSelect)
    assert names.custom_id.endswith("@?")  # the place is still to be picked
    key = names.item.options[0].value
    step = await press(mini_answers, career_cog, message_of(asked), names.custom_id, values=[key])
    left = sent(step.response.edit_message)
    assert_clean_payload(left)
    (still,) = left["view"].children
    assert isinstance(still, PlaceSelect) and key in still.custom_id  # carries the pick
    area = next(o.value for o in still.item.options if o.label == "Springfield, IL")
    done = await press(mini_answers, career_cog, message_of(left), still.custom_id, values=[area])
    answer = sent(done.followup.send)
    assert_clean_payload(answer)
    assert "Springfield, IL" in _embed(answer)["title"]


async def test_a_found_place_travels_in_the_pick_of_an_unsure_name(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    asked = await _reply(interaction, career_cog.salary, "loss prevention", "texas")
    (select,) = asked["view"].children
    assert select.custom_id.endswith(f"@{TEXAS}")
    key = select.item.options[0].value
    done = await press(mini_answers, career_cog, message_of(asked), select.custom_id, values=[key])
    assert "Texas" in _embed(sent(done.followup.send))["title"]


async def test_a_page_button_keeps_its_place_in_a_new_process(mini_answers: Answers) -> None:
    """A page ref carrying a place is answered for that place by a cog that never saw it."""
    served = Served.of(mini_answers)
    nurse = mini_answers.matcher.resolve("registered nurse").profession
    assert nurse is not None
    texas = mini_answers.places.by_code(TEXAS)
    page = page_of(served, Kind.SALARY, [nurse], place=texas)
    ref = PageRef(Kind.SALARY, (served.keys.key(nurse),), "all", "zzzzzz", TEXAS)
    match = re.fullmatch(PAGE, ref.custom_id())
    assert match is not None and PageRef.parse(match) == ref
    from .mocks import make_interaction

    inter = make_interaction(mini_answers, kind=discord.InteractionType.component)
    inter.message = message_of({"content": ""})
    await turn_page(inter, Served.of(mini_answers), ref)
    edited = sent(inter.response.edit_message)
    assert _embed(edited)["title"] == page.embed.title


async def test_a_place_no_longer_in_the_data_is_a_polite_note(mini_answers: Answers) -> None:
    from .mocks import make_interaction

    served = Served.of(mini_answers)
    nurse = mini_answers.matcher.resolve("registered nurse").profession
    assert nurse is not None
    ref = PageRef(Kind.SALARY, (served.keys.key(nurse),), "all", "zzzzzz", "9999999")
    inter = make_interaction(mini_answers, kind=discord.InteractionType.component)
    await turn_page(inter, served, ref)
    assert "no longer in my data" in sent(inter.response.send_message)["content"]


# --------------------------------------------------------------------------- autocomplete


async def _where_choices(cog: CareerCog, inter: Any, current: str) -> list[Any]:
    callback: Any = cast(Any, cog).where_autocomplete
    return list(await callback(inter, current))


async def test_where_autocomplete_states_first_then_metros(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    inter = interaction(kind=discord.InteractionType.autocomplete)
    first = await _where_choices(career_cog, inter, "")
    assert first[0].value == "0000000" and first[1].name == "California"  # most jobs
    assert [c.value for c in await _where_choices(career_cog, inter, "tex")][:1] == [TEXAS]
    dallas = await _where_choices(career_cog, inter, "dallas")
    assert dallas[0].name.startswith("Dallas-Fort Worth")
    places = mini_answers.places
    prefixes = {""} | {p.name[:n] for p in places.all for n in (1, 3, 6)} | {"x" * 100}
    for current in sorted(prefixes):
        got = [c.to_dict() for c in await _where_choices(career_cog, inter, current)]
        assert choices_problems(got) == [], current
        assert all(places.by_code(c["value"]) is not None for c in got), current
    inter.response.autocomplete.assert_not_called()


# --------------------------------------------------------------------------- custom_ids


def test_place_ids_fit_over_the_dataset_with_the_longest_codes(shipped_answers: Answers) -> None:
    """The longest profession keys (3 of them), the longest page key and a 7-digit area code:
    every kind of component id fits in 100 characters and reads back as it was made."""
    served = Served.of(shipped_answers)
    keys = served.keys
    profs = sorted(shipped_answers.dataset, key=lambda p: len(keys.key(p)), reverse=True)[:3]
    longest = tuple(keys.key(p) for p in profs)
    areas = sorted((p.code for p in shipped_answers.places.all), key=len, reverse=True)
    area = areas[0]
    assert len(area) == 7
    made = [
        PageRef(Kind.COMPARE, longest, "x" * 24, keys.fingerprint(profs), area).custom_id(),
        PickRef(Kind.COMPARE, 2, (*longest[:2], None), True, area).select_id(),
        PickRef(Kind.COMPARE, 2, (*longest[:2], None), True, "?").button_id(longest[2]),
        PickRef(Kind.COMPARE, 0, (None, *longest[1:]), True, "?").where_id(),
    ]
    for custom_id in made:
        assert len(custom_id) <= MAX_LENGTH and not re.fullmatch(FOREIGN, custom_id), custom_id
    ref = PickRef(Kind.COMPARE, 2, (*longest[:2], None), True, area)
    match = re.fullmatch(PICK, ref.select_id())
    assert match is not None and PickRef.parse(match) == ref
    print(f"\nlongest custom_ids with a place: {[len(c) for c in made]} (limit {MAX_LENGTH})")


def test_every_area_code_reads_back_in_a_page_id(shipped_answers: Answers) -> None:
    for place in shipped_answers.places.all:
        ref = PageRef(Kind.CAREER, ("29-1141",), "outlook", "abcdef", place.code)
        match = re.fullmatch(PAGE, ref.custom_id())
        assert match is not None and PageRef.parse(match) == ref
        assert shipped_answers.places.by_code(place.code) == place


# --------------------------------------------------------------------------- off the loop


async def test_the_place_data_is_loaded_off_the_event_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    places = Places(default_data_dir())
    threads: list[threading.Thread] = []
    warm = Places.warm

    def recording(self: Places) -> None:
        threads.append(threading.current_thread())
        warm(self)

    monkeypatch.setattr(Places, "warm", recording)
    assert not places.loaded
    await where.ready(places)
    assert places.loaded and threads and threads[0] is not threading.main_thread()
    await where.ready(places)  # loaded: nothing more
    assert len(threads) == 1


async def test_the_cog_warms_the_place_data_when_it_loads(mini_answers: Answers) -> None:
    answers = Answers(mini_answers.dataset)
    assert not answers.places.loaded
    cog = CareerCog(answers)
    await cog.cog_load()
    assert cog._warming is not None
    await cog._warming
    assert answers.places.loaded


@pytest.mark.parametrize("hostile", ["@everyone", "**bold** <@123>", "x" * 100, "🏳️‍🌈🏳️‍🌈", " "])
async def test_hostile_where_text_gets_a_clean_private_note_or_the_national_answer(
    interaction: Any, career_cog: CareerCog, hostile: str
) -> None:
    kwargs = await _reply(interaction, career_cog.salary, "registered nurse", hostile)
    if hostile.strip():
        assert kwargs["ephemeral"] is True and "@everyone" not in kwargs["content"]
    else:  # nothing typed: the national answer
        assert not kwargs["ephemeral"] and "Texas" not in _embed(kwargs)["title"]


@pytest.mark.parametrize("national", ["US", "national", "0000000"])
async def test_where_national_is_the_national_answer(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers, national: str
) -> None:
    kwargs = await _reply(interaction, career_cog.salary, "registered nurse", national)
    nurse = mini_answers.matcher.resolve("registered nurse").profession
    assert nurse is not None
    assert _embed(kwargs)["title"] == render_pages(mini_answers.salary(nurse))[0].title


async def test_a_profession_compared_with_itself_is_refused_before_the_place_is_asked(
    interaction: Any, career_cog: CareerCog
) -> None:
    kwargs = await _reply(
        interaction, career_cog.compare, "registered nurse", "registered nurse", None, "Portland"
    )
    assert kwargs["ephemeral"] is True and "Both names are" in kwargs["content"]
    assert "view" not in kwargs


async def test_three_professions_in_one_place(interaction: Any, career_cog: CareerCog) -> None:
    kwargs = await _reply(
        interaction, career_cog.compare, "registered nurse", "lawyer", "cashier", "TX"
    )
    assert not kwargs["ephemeral"] and "Texas" in _embed(kwargs)["title"]
