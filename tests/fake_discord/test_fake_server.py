"""Tests of the fake Discord itself: raw protocol checks, then an unmodified discord.py echo bot."""

from __future__ import annotations

import importlib.util
import json
import time
import zlib
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest

from fake_discord import ECHO_BOT, BotProcess, FakeDiscord
from fake_discord.spec import SpecValidator, load_spec

IDENTIFY_PROPS = {"os": "linux", "browser": "test", "device": "test"}


# ---------------------------------------------------------------- raw helpers
class RawGateway:
    """A minimal gateway client (no discord.py) to check the fake's wire protocol."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse, compressed: bool) -> None:
        self.ws = ws
        self.inflate = zlib.decompressobj() if compressed else None
        self.buffer = b""

    async def recv(self, timeout: float = 5.0) -> dict[str, Any]:
        while True:
            msg = await self.ws.receive(timeout)
            if msg.type is aiohttp.WSMsgType.TEXT:
                assert self.inflate is None, "text frame on a compressed connection"
                frame: dict[str, Any] = json.loads(msg.data)
                return frame
            if msg.type is aiohttp.WSMsgType.BINARY:
                assert self.inflate is not None, "binary frame without compression"
                self.buffer += msg.data
                if self.buffer.endswith(b"\x00\x00\xff\xff"):
                    text, self.buffer = self.inflate.decompress(self.buffer), b""
                    frame = json.loads(text)
                    return frame
                continue
            raise ConnectionError(f"websocket closed: {msg.type} code={self.ws.close_code}")

    async def send(self, op: int, d: Any) -> None:
        await self.ws.send_str(json.dumps({"op": op, "d": d}))


async def connect(
    session: aiohttp.ClientSession, url: str, compress: str | None = None
) -> RawGateway:
    query = "?v=10&encoding=json" + (f"&compress={compress}" if compress else "")
    ws = await session.ws_connect(url + query, autoclose=False)
    return RawGateway(ws, compressed=compress is not None)


def identify(fake: FakeDiscord, **extra: Any) -> dict[str, Any]:
    return {"token": fake.token, "intents": 1, "properties": IDENTIFY_PROPS, **extra}


def auth(fake: FakeDiscord) -> dict[str, str]:
    return {"Authorization": f"Bot {fake.token}"}


# ---------------------------------------------------------------- spec validation
def test_spec_validator_checks_discord_limits(discord_spec: SpecValidator) -> None:
    cb = "/interactions/1/tok/callback"
    assert discord_spec.validate("POST", cb, {"type": 4, "data": {"content": "pong"}}) == []
    too_many = {
        "type": 8,
        "data": {"choices": [{"name": str(i), "value": str(i)} for i in range(26)]},
    }
    [v] = discord_spec.validate("POST", cb, too_many)
    assert v.pointer == "/data/choices" and "maxItems=25" in v.message
    [v] = discord_spec.validate("POST", cb, {"type": 4, "data": {"content": "x" * 2001}})
    assert v.pointer == "/data/content" and "maxLength=2000" in v.message
    # New uploads' attachment ids are integer indexes (Discord's docs; discord.py sends them).
    upload: dict[str, Any] = {
        "type": 4,
        "data": {"content": "f", "attachments": [{"id": 0, "filename": "a"}]},
    }
    assert discord_spec.validate("POST", cb, upload) == []
    upload["data"]["attachments"][0]["id"] = "x"
    assert [v.pointer for v in discord_spec.validate("POST", cb, upload)] == [
        "/data/attachments/0/id"
    ]
    # The spec's ints accept int-parseable strings (discord.py sends permissions as strings).
    cmd = {"name": "ping", "description": "d", "default_member_permissions": "8"}
    assert discord_spec.validate("PUT", "/applications/1/commands", [cmd]) == []
    assert discord_spec.operation("PATCH", "/webhooks/1/t/messages/@original") == (
        "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original"
    )


def test_missing_spec_is_a_warning_not_a_crash(tmp_path: Any) -> None:
    spec = load_spec(tmp_path / "nope.json")
    assert not spec.available and spec.warning
    assert spec.validate("POST", "/interactions/1/t/callback", {"type": 99}) == []
    with FakeDiscord(spec_path=str(tmp_path / "nope.json")) as fake:
        assert any("NOT validated" in w for w in fake.warnings)


# ---------------------------------------------------------------- REST
async def test_rest_auth_unknown_routes_and_json_header(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    async with aiohttp.ClientSession() as s:
        async with s.get(fake.api_url + "/users/@me") as r:
            assert r.status == 401
        async with s.get(fake.api_url + "/users/@me", headers={"Authorization": "Bot wrong"}) as r:
            assert r.status == 401
        async with s.get(fake.api_url + "/users/@me", headers=auth(fake)) as r:
            assert r.status == 200
            # discord.py decodes JSON only for exactly this header.
            assert r.headers["Content-Type"] == "application/json"
            assert (await r.json())["id"] == fake.application_id
        async with s.get(fake.api_url + "/gateway/bot", headers=auth(fake)) as r:
            body = await r.json()
            assert body["url"].startswith("ws://127.0.0.1") and body["shards"] == 1
        async with s.get(fake.api_url + "/nope", headers=auth(fake)) as r:
            assert r.status == 404 and (await r.json())["message"] == "404: Not Found"
    kinds = [f.kind for f in fake.failures]
    assert kinds == ["unauthorized", "unauthorized", "unknown-route"]
    assert [r.status for r in fake.requests] == [401, 401, 200, 200, 404]


async def test_rate_limit_and_server_error_injection(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    fake.rate_limit("GET /users/@me", times=1, retry_after=0.25)
    fake.server_error("GET /oauth2/*", times=2)
    async with aiohttp.ClientSession(headers=auth(fake)) as s:
        async with s.get(fake.api_url + "/users/@me") as r:
            assert r.status == 429
            assert r.headers["Via"] == "1.1 google" and r.headers["Retry-After"] == "1"
            assert await r.json() == {
                "message": "You are being rate limited.",
                "retry_after": 0.25,
                "global": False,
                "code": 0,
            }
        async with s.get(fake.api_url + "/users/@me") as r:
            assert r.status == 200
        statuses = []
        for _ in range(3):
            async with s.get(fake.api_url + "/oauth2/applications/@me") as r:
                statuses.append(r.status)
    assert statuses == [500, 500, 200]
    assert fake.failures == []  # injected faults are not the bot's failures
    assert [r.injected for r in fake.requests] == ["429", None, "500", "500", None]


async def test_multipart_payload_json_is_parsed_and_validated(
    fake_discord: FakeDiscord, discord_spec: SpecValidator
) -> None:
    fake = fake_discord
    form = aiohttp.FormData(quote_fields=False)
    form.add_field("payload_json", json.dumps({"name": "x" * 40, "description": "d"}))
    form.add_field("files[0]", b"abc", filename="a.txt", content_type="application/octet-stream")
    async with aiohttp.ClientSession(headers=auth(fake)) as s:
        url = f"{fake.api_url}/applications/{fake.application_id}/commands"
        async with s.post(url, data=form) as r:
            assert r.status == 400  # 40-char name: Discord refuses it too
    [req] = fake.requests
    assert req.body["description"] == "d" and req.files[0]["filename"] == "a.txt"
    assert [v.pointer for v in fake.violations] == ["/name"]


# ---------------------------------------------------------------- gateway, raw
async def test_gateway_identify_heartbeat_resume_without_compression(
    fake_discord: FakeDiscord,
) -> None:
    fake = fake_discord
    fake.heartbeat_interval_ms = 1234
    async with aiohttp.ClientSession() as s:
        gw = await connect(s, fake.gateway_url)
        hello = await gw.recv()
        assert hello == {
            "op": 10,
            "d": {"heartbeat_interval": 1234, "_trace": ['["fake-discord"]']},
        }
        await gw.send(1, None)
        assert await gw.recv() == {"op": 11}
        await gw.send(2, identify(fake))
        ready, guild = await gw.recv(), await gw.recv()
        assert (ready["t"], ready["s"], guild["t"], guild["s"]) == ("READY", 1, "GUILD_CREATE", 2)
        d = ready["d"]
        assert (
            d["v"] == 10 and d["user"]["bot"] and d["resume_gateway_url"] == fake.resume_gateway_url
        )
        assert d["guilds"] == [{"id": fake.guild_id, "unavailable": True}]
        assert d["application"]["id"] == fake.application_id
        assert (
            len(guild["d"]["members"]) == 3 and guild["d"]["channels"][0]["id"] == fake.channel_id
        )
        await gw.ws.close(code=4000)

        # RESUME from seq 1: GUILD_CREATE is replayed, then RESUMED.
        gw = await connect(s, fake.resume_gateway_url)
        await gw.recv()
        await gw.send(6, {"token": fake.token, "session_id": d["session_id"], "seq": 1})
        replay, resumed = await gw.recv(), await gw.recv()
        assert (replay["t"], replay["s"], resumed["t"], resumed["s"]) == (
            "GUILD_CREATE",
            2,
            "RESUMED",
            3,
        )
        await gw.ws.close(code=1000)  # a client 1000 close ends the session...

        gw = await connect(s, fake.resume_gateway_url)
        await gw.recv()
        await gw.send(6, {"token": fake.token, "session_id": d["session_id"], "seq": 3})
        assert await gw.recv() == {"op": 9, "d": False}  # ...so it cannot be resumed
        await gw.ws.close()
    assert fake.resume_failures == ["session was invalidated"]
    assert not [w for w in fake.warnings if "RESUME" in w] and fake.failures == []


async def test_gateway_zlib_stream(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    fake.fragment_frames = True  # each message split over two frames: the client must buffer
    async with aiohttp.ClientSession() as s:
        gw = await connect(s, fake.gateway_url, compress="zlib-stream")
        assert (await gw.recv())["op"] == 10
        await gw.send(2, identify(fake, shard=[1, 2]))
        ready = await gw.recv()
        assert ready["d"]["shard"] == [1, 2] and ready["d"]["guilds"]  # the guild is on shard 1
        assert (await gw.recv())["t"] == "GUILD_CREATE"
        await gw.ws.close()
    assert fake.connections[0].compress == "zlib-stream"


async def test_gateway_zstd_stream(fake_discord: FakeDiscord) -> None:
    zstandard = pytest.importorskip("zstandard")
    fake = fake_discord
    async with aiohttp.ClientSession() as s:
        ws = await s.ws_connect(fake.gateway_url + "?v=10&encoding=json&compress=zstd-stream")
        dec = zstandard.ZstdDecompressor().decompressobj()
        msg = await ws.receive(5)
        assert json.loads(dec.decompress(msg.data))["op"] == 10
        await ws.close()


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"token": "bad", "intents": 1, "properties": IDENTIFY_PROPS}, 4004),
        ({"intents": 1 << 15, "properties": IDENTIFY_PROPS}, 4014),  # message content, not enabled
        ({"intents": 1, "properties": IDENTIFY_PROPS, "shard": [2, 2]}, 4010),
        ({"properties": IDENTIFY_PROPS}, 4013),
    ],
)
async def test_gateway_refuses_bad_identify(payload: dict[str, Any], code: int) -> None:
    with FakeDiscord(privileged_intents=()) as fake:
        async with aiohttp.ClientSession() as s:
            gw = await connect(s, fake.gateway_url)
            await gw.recv()
            await gw.send(2, {"token": fake.token, **payload})
            with pytest.raises(ConnectionError):
                await gw.recv()
            assert gw.ws.close_code == code
        assert fake.failures


# ---------------------------------------------------------------- the echo bot (discord.py)
@pytest.fixture(scope="module")
def echo() -> Iterator[tuple[FakeDiscord, BotProcess]]:
    """One fake + echo bot for the module; each test starts with empty records."""
    with FakeDiscord() as fake, BotProcess(fake, ECHO_BOT) as bot:
        bot.wait_ready(30)
        yield fake, bot


@pytest.fixture
def echo_fake(echo: tuple[FakeDiscord, BotProcess]) -> Iterator[FakeDiscord]:
    fake, bot = echo
    assert bot.running, bot.output_tail()
    fake.clear_records()
    fake.clear_faults()
    yield fake
    fake.clear_faults()


@pytest.mark.e2e
def test_echo_bot_connects_and_syncs(echo: tuple[FakeDiscord, BotProcess]) -> None:
    fake, bot = echo
    names = {c["name"] for c in fake.commands()}
    assert names == {"ping", "echo", "fruit", "buttons", "file", "slow"}
    [conn] = [c for c in fake.connections if c.kind == "identify"]
    # discord.py asks for zlib-stream unless zstandard is installed (then zstd-stream).
    expected = "zstd-stream" if importlib.util.find_spec("zstandard") else "zlib-stream"
    assert conn.compress == expected and conn.heartbeats >= 1
    assert conn.received[0]["d"]["token"] == "<redacted>"
    bot.wait_for_output("echo-bot ready as FakeBot", timeout=10)
    bot.assert_token_not_leaked()


@pytest.mark.e2e
def test_ping_answers_pong(echo_fake: FakeDiscord) -> None:
    rec = echo_fake.slash("ping")
    assert (rec.callback_type, rec.content, rec.callback_status) == (4, "pong", 200)
    assert rec.latency is not None and 0 < rec.latency < 2
    msg = echo_fake.response_message(rec)
    assert (
        msg is not None and msg["content"] == "pong" and msg["interaction_metadata"]["id"] == rec.id
    )
    echo_fake.assert_clean()


@pytest.mark.e2e
def test_bodies_validate_against_openapi_spec(
    echo_fake: FakeDiscord, discord_spec: SpecValidator
) -> None:
    echo_fake.slash("echo", {"text": "hello", "private": True})
    echo_fake.autocomplete("fruit", "name", "ap")
    assert echo_fake.violations == []
    assert echo_fake.requests and all(r.operation for r in echo_fake.requests)
    # The echo bot deliberately answers "!many" with 30 choices: caught by the spec and refused.
    rec = echo_fake.autocomplete("fruit", "name", "!many", allow_rejected=True)
    assert rec.callback is None and rec.rejected[0]["status"] == 400
    assert [(v.pointer, "maxItems=25" in v.message) for v in echo_fake.violations] == [
        ("/data/choices", True)
    ]


@pytest.mark.e2e
def test_autocomplete(echo_fake: FakeDiscord) -> None:
    rec = echo_fake.autocomplete("fruit", "name", "an")
    assert rec.callback_type == 8
    assert [c["value"] for c in rec.choices] == ["banana", "mango", "orange"]
    focused = rec.payload["data"]["options"][0]
    assert focused == {"name": "name", "type": 3, "value": "an", "focused": True}
    assert echo_fake.slash("fruit", {"name": "mango"}).content == "You picked mango"
    echo_fake.assert_clean()


@pytest.mark.e2e
def test_components_edits_and_followups(echo_fake: FakeDiscord) -> None:
    fake = echo_fake
    rec = fake.slash("buttons")
    msg = fake.response_message(rec)
    assert msg is not None
    press = fake.click(msg, "echo:press", user="bob")
    assert press.callback_type == 7 and press.content == "pressed by bob"
    assert fake.message(msg["id"])["content"] == "pressed by bob"
    pick = fake.select(msg["id"], "echo:pick", ["b"])
    assert (pick.callback_type, pick.content, pick.ephemeral) == (4, "picked b", True)
    with pytest.raises(ValueError):
        fake.send_select(msg["id"], "echo:pick", ["z"])  # not an option: a user cannot send it

    upload = fake.slash("file")  # multipart: payload_json + files[0]
    assert upload.content == "here"
    [req] = fake.requests_matching(f"POST /interactions/{upload.id}/*")
    assert req.files == [{"name": "files[0]", "filename": "hello.txt", "size": 5}]
    assert [a["filename"] for a in fake.response_message(upload)["attachments"]] == ["hello.txt"]

    slow = fake.send_slash("slow").wait_edits(2)
    assert slow.callback == {"type": 5}
    assert [f["content"] for f in slow.followups] == ["follow-up to slow pong"]
    [followup_id] = slow.followup_message_ids
    assert [(e["message_id"], e["content"]) for e in slow.edits] == [
        (slow.original_message_id, "slow pong"),
        (followup_id, "follow-up, edited"),
    ]
    assert fake.response_message(slow)["content"] == "slow pong"
    assert [m["content"] for m in fake.followup_messages(slow)] == ["follow-up, edited"]
    assert fake.requests_matching("GET /webhooks/*/messages/@original")[0].status == 200
    fake.assert_clean()


@pytest.mark.e2e
def test_dropped_websocket_resumes(echo_fake: FakeDiscord) -> None:
    fake = echo_fake
    resumes = sum(s.resumes for s in fake.sessions)
    assert fake.drop_gateway(code=4000) == 1
    fake.wait_for_resume(resumes + 1)
    assert fake.slash("ping").content == "pong"

    # Abnormal drop (no close frame); the interaction sent meanwhile is replayed on RESUME.
    fake.drop_gateway(abnormal=True)
    rec = fake.slash("ping", timeout=15)
    assert rec.content == "pong"
    fake.wait_for_resume(resumes + 2)
    assert [c.kind for c in fake.connections][-2:] == ["resume", "resume"]

    fake.send_reconnect()  # op 7
    fake.wait_for_resume(resumes + 3)
    fake.invalidate_session()  # op 9, not resumable: the bot must IDENTIFY again
    fake.wait_for(
        lambda: fake.connections[-1].kind == "identify" and fake.is_ready(), 10, "a new IDENTIFY"
    )
    assert fake.slash("ping").content == "pong"
    assert not [
        w for w in fake.warnings if "RESUME" in w
    ]  # discord.py resumes at resume_gateway_url
    fake.assert_clean()


@pytest.mark.e2e
def test_rate_limited_callback_is_retried(echo_fake: FakeDiscord) -> None:
    fake = echo_fake
    fault = fake.rate_limit("POST /interactions/*/callback", retry_after=0.3)
    rec = fake.slash("ping")
    assert rec.content == "pong" and rec.callback_attempts == 2 and fault.exhausted
    assert rec.latency is not None and rec.latency >= 0.3
    assert [r.status for r in fake.requests_matching("POST /interactions/*/callback")] == [429, 200]
    fake.assert_clean()


@pytest.mark.e2e
def test_sharded_bot_routes_by_guild() -> None:
    with FakeDiscord() as fake, BotProcess(fake, ECHO_BOT, env={"ECHO_SHARD_COUNT": "2"}) as bot:
        bot.wait_ready(30)
        assert sorted(s.shard for s in fake.sessions) == [(0, 2), (1, 2)]
        rec = fake.slash("ping")
        assert rec.content == "pong" and rec.shard_id == 1  # (guild_id >> 22) % 2
        fake.assert_clean()


@pytest.mark.e2e
def test_a_dead_bot_fails_waits_fast_and_stop_leaves_no_process() -> None:
    with FakeDiscord() as fake:
        bot = BotProcess(fake, ECHO_BOT).start()
        try:
            bot.wait_ready(30)
            handle = fake.send_slash("ping")
            handle.wait_callback()
            bot.proc.kill()
            started = time.monotonic()
            with pytest.raises(RuntimeError, match="the bot exited"):
                fake.send_slash("ping").wait_callback(10)  # the event is buffered for a RESUME
            assert time.monotonic() - started < 3
        finally:
            bot.stop()
        assert bot.returncode is not None and not bot.running


@pytest.mark.e2e
def test_invalid_token_gets_401_and_the_bot_exits() -> None:
    with FakeDiscord() as fake:
        bad = "MTAwMDAwMDAwMDAwMDAwMDAwMQ.FAKE00.not-the-right-secret-at-all"
        with BotProcess(fake, ECHO_BOT, token=bad) as bot:
            started = time.monotonic()
            code = bot.wait_exit(20)
            assert code != 0 and time.monotonic() - started < 20
            assert "token was rejected" in bot.stderr
            bot.assert_token_not_leaked()
        assert [(r.path, r.status) for r in fake.requests] == [("/users/@me", 401)]
        assert [f.kind for f in fake.failures] == ["unauthorized"]
        assert fake.connections == []
