"""Server and user installs, every context, private answers, /invite and `career-bot invite`."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from bot.answers import Answers
from bot.discord.app import create_bot
from bot.discord.cogs import CareerCog, InfoCog
from bot.discord.info import about_embed, invite_url, user_install_url
from bot.discord.invite import NO_ID, id_from_token
from bot.settings import Settings, SettingsError

from .mocks import APP_ID, assert_clean_payload, call, message_of, press, sent

#: A token as Discord makes them: the bot's user id (= the Application ID) in base64, then secrets.
TOKEN_OF_APP = (
    base64.b64encode(str(APP_ID).encode()).decode().rstrip("=") + ".FAKE12.abcdefghij0123"
)


async def test_every_command_is_installable_both_ways_and_usable_everywhere(
    mini_answers: Answers, tmp_path: Path
) -> None:
    client = create_bot(mini_answers, Settings(token="t", cache_dir=tmp_path))
    await client.add_initial_cogs()
    payloads = [c.to_dict(client.tree) for c in client.tree.get_commands()]
    assert len(payloads) == 8
    for command in payloads:
        assert sorted(command["integration_types"]) == [0, 1], command["name"]  # server, user
        assert sorted(command["contexts"]) == [0, 1, 2], command["name"]  # server, DM, group DM


@pytest.mark.parametrize("private", [False, True])
async def test_answers_are_public_unless_asked_privately(
    interaction: Any, career_cog: CareerCog, private: bool
) -> None:
    inter = interaction()
    await call(career_cog.salary, inter, "registered nurse", None, private)
    kwargs = sent(inter.response.send_message)
    assert_clean_payload(kwargs)
    assert kwargs["ephemeral"] is private


async def test_a_private_question_stays_private_through_the_pick(
    interaction: Any, career_cog: CareerCog, mini_answers: Answers
) -> None:
    inter = interaction()
    await call(career_cog.career, inter, "loss prevention", None, True)
    asked = sent(inter.response.send_message)
    (select,) = asked["view"].children
    assert select.custom_id.startswith("cb1:pk:r!:")
    value = select.item.options[0].value
    done = await press(
        mini_answers, career_cog, message_of(asked), select.custom_id, values=[value]
    )
    assert sent(done.followup.send)["ephemeral"] is True


def test_both_install_links() -> None:
    server, user = invite_url(APP_ID), user_install_url(APP_ID)
    assert f"client_id={APP_ID}" in server and "scope=bot+applications.commands" in server
    assert "permissions=0" in server and server.endswith("integration_type=0")
    assert f"client_id={APP_ID}" in user and "scope=applications.commands" in user
    assert "bot" not in user.split("scope=")[1] and user.endswith("integration_type=1")


def test_the_application_id_is_read_from_the_token() -> None:
    assert id_from_token(TOKEN_OF_APP) == APP_ID
    for bad in (None, "", "not-base64!.x.y", "aGVsbG8.x.y", "MQ.x.y"):  # "hello", "1"
        assert id_from_token(bad) is None


def test_invite_prints_both_links_without_going_online(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("DISCORD_TOKEN", TOKEN_OF_APP)
    assert main(["invite"]) == 0
    out = capsys.readouterr().out
    assert invite_url(APP_ID) in out and user_install_url(APP_ID) in out
    assert TOKEN_OF_APP.rsplit(".", 1)[-1] not in out
    assert main(["invite", "--id", "1000000000000000999"]) == 0
    assert "client_id=1000000000000000999" in capsys.readouterr().out
    monkeypatch.delenv("DISCORD_TOKEN")
    assert main(["invite"]) == 1
    assert capsys.readouterr().err.strip() == NO_ID


def test_about_shows_what_is_kept_and_the_operators_links(mini_answers: Answers) -> None:
    plain = about_embed(mini_answers.dataset).to_dict()
    kept = {f["name"]: f["value"] for f in plain.get("fields", [])}["Your data"]
    assert "stores nothing about you" in kept and "](" not in kept
    linked = about_embed(mini_answers.dataset, "https://e.com/privacy", "https://e.com/terms")
    value = str({f.name: f.value for f in linked.fields}["Your data"])
    assert "[Privacy policy](https://e.com/privacy)" in value
    assert "[Terms of service](https://e.com/terms)" in value


async def test_the_info_cog_shows_the_settings_links(
    interaction: Any, mini_answers: Answers
) -> None:
    cog = InfoCog(mini_answers.dataset, privacy_url="https://e.com/p")
    inter = interaction()
    await call(cog.about, inter)
    assert "https://e.com/p" in str(sent(inter.response.send_message)["embed"].to_dict())


@pytest.mark.parametrize("url", ["http://e.com/p", "https://e.com/a b", "javascript:x", "ftp://e"])
def test_privacy_and_terms_links_must_be_https(url: str) -> None:
    with pytest.raises(SettingsError, match="PRIVACY_URL"):
        Settings.from_env({"PRIVACY_URL": url})
    assert Settings.from_env({"TERMS_URL": "https://e.com/t"}).terms_url == "https://e.com/t"
