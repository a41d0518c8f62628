"""Plain data: ids, Discord object payloads and the records the fake server keeps."""

from __future__ import annotations

import base64
import datetime as _dt
import itertools
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

DISCORD_EPOCH_MS = 1420070400000
_increment = itertools.count(1)


def snowflake(when: float | None = None) -> str:
    """A fresh snowflake whose timestamp is ``when`` (default: now), as Discord sends them (a string)."""
    ms = int((time.time() if when is None else when) * 1000)
    return str(((ms - DISCORD_EPOCH_MS) << 22) | (1 << 17) | (next(_increment) & 0xFFF))


def iso_now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat()


# Fixed ids, so a bot's configuration (e.g. a guild id for guild-scoped command sync) can name them.
APPLICATION_ID = "1000000000000000001"  # also the bot user's id, as on real Discord
GUILD_ID = "1000000000000000100"  # (GUILD_ID >> 22) % 2 == 1: with 2 shards it lives on shard 1
CHANNEL_ID = "1000000000000000200"
USER_IDS = {"alice": "1000000000000000301", "bob": "1000000000000000302"}

# Gateway intents that need switching on in the developer portal.
PRIVILEGED_INTENTS = {"members": 1 << 1, "presences": 1 << 8, "message_content": 1 << 15}
ALL_PERMISSIONS = str((1 << 51) - 1)
EPHEMERAL = 1 << 6
LOADING = 1 << 7


def make_token(user_id: str = APPLICATION_ID) -> str:
    """A token shaped like a real bot token: base64(user id) . timestamp . hmac."""
    head = base64.b64encode(user_id.encode()).decode().rstrip("=")
    return f"{head}.FAKE{secrets.token_hex(2)}.{secrets.token_urlsafe(27)}"


def user_payload(user_id: str, username: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": user_id,
        "username": username,
        "discriminator": "0",
        "global_name": None if bot else username.capitalize(),
        "avatar": None,
        "bot": bot,
        "system": False,
        "public_flags": 0,
        "flags": 0,
        "banner": None,
        "accent_color": None,
        "avatar_decoration_data": None,
    }


def member_payload(user: dict[str, Any], *, permissions: str | None = None) -> dict[str, Any]:
    m: dict[str, Any] = {
        "user": user,
        "nick": None,
        "avatar": None,
        "roles": [],
        "joined_at": "2024-01-01T00:00:00+00:00",
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "pending": False,
        "flags": 0,
        "communication_disabled_until": None,
    }
    if permissions is not None:
        m["permissions"] = permissions
    return m


@dataclass
class RecordedRequest:
    """One REST request the bot made."""

    method: str
    path: str  # relative to /api/v10, without the query string
    query: dict[str, str]
    body: Any  # parsed JSON (or multipart payload_json); None if there was none
    time: float  # time.perf_counter() on arrival
    wall_time: float  # time.time() on arrival
    content_type: str = ""
    files: list[dict[str, Any]] = field(default_factory=list)  # [{"name","filename","size"}]
    operation: str | None = (
        None  # spec operation, e.g. "POST /interactions/{interaction_id}/{interaction_token}/callback"
    )
    authorized: bool | None = None  # None: route needs no bot token
    status: int = 0
    response: Any = None
    injected: str | None = None  # set when a fault was injected instead of the real answer

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


@dataclass
class Failure:
    """Something the bot did that real Discord would refuse or that breaks the protocol."""

    kind: str  # "unknown-route", "unauthorized", "double-ack", "late-callback", "gateway", ...
    message: str
    time: float = field(default_factory=time.perf_counter)

    def __str__(self) -> str:
        return f"[{self.kind}] {self.message}"


@dataclass
class RestFault:
    """An injected REST failure (see FakeDiscord.inject_rest_fault)."""

    pattern: str  # fnmatch pattern on "METHOD /path", path relative to /api/v10
    status: int
    times: int
    retry_after: float = 0.5
    is_global: bool = False
    delay: float = 0.0
    via: bool = True  # False: a 429 without Discord's Via header, as Cloudflare sends it
    used: int = 0

    @property
    def exhausted(self) -> bool:
        return self.used >= self.times


@dataclass
class GatewayConnection:
    """One websocket connection to the fake gateway."""

    id: int
    path: str
    query: dict[str, str]
    compress: str | None  # "zlib-stream", "zstd-stream" or None
    opened_at: float
    shard: tuple[int, int] | None = None
    session_id: str | None = None
    kind: str | None = None  # "identify" or "resume"
    closed_at: float | None = None
    close_code: int | None = None
    closed_by: str | None = None  # "server" or "client"
    heartbeats: int = 0
    received: list[dict[str, Any]] = field(
        default_factory=list
    )  # non-heartbeat payloads (token redacted)

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass
class InteractionRecord:
    """An interaction the fake sent, and everything the bot did about it.

    All lists grow as the bot acts; use :meth:`FakeDiscord.wait_for_callback` and friends (or the
    ``wait_*`` helpers of :class:`InteractionHandle`) to wait for them.
    """

    id: str
    token: str
    type: int  # 2 application command, 3 component, 4 autocomplete, 5 modal submit
    name: str  # command name, or the component's custom_id
    user_id: str
    payload: dict[str, Any]  # the INTERACTION_CREATE data sent on the gateway
    shard_id: int | None
    sent_at: float  # perf_counter when the event was queued for the gateway
    delivered_at: float | None = None  # perf_counter when it was written to a websocket
    callback_at: float | None = None
    callback: dict[str, Any] | None = None  # the callback request body {"type": .., "data": ..}
    callback_status: int | None = None  # HTTP status the fake answered the callback with
    callback_attempts: int = 0  # callback requests, including refused ones and injected faults
    original_message_id: str | None = None
    followups: list[dict[str, Any]] = field(default_factory=list)  # follow-up request bodies
    followup_message_ids: list[str] = field(default_factory=list)
    edits: list[dict[str, Any]] = field(
        default_factory=list
    )  # PATCH bodies (@original or a follow-up)
    deleted_message_ids: list[str] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(
        default_factory=list
    )  # refused callbacks {"status","error","body"}
    errors: list[str] = field(default_factory=list)  # every refused request about this interaction

    # --- the callback, decoded -------------------------------------------------------------
    @property
    def callback_type(self) -> int | None:
        return None if self.callback is None else self.callback.get("type")

    @property
    def data(self) -> dict[str, Any]:
        return ((self.callback or {}).get("data")) or {}

    @property
    def content(self) -> str | None:
        return self.data.get("content")

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return self.data.get("embeds") or []

    @property
    def components(self) -> list[dict[str, Any]]:
        return self.data.get("components") or []

    @property
    def flags(self) -> int:
        return int(self.data.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def allowed_mentions(self) -> dict[str, Any] | None:
        return self.data.get("allowed_mentions")

    @property
    def choices(self) -> list[dict[str, Any]]:
        """Autocomplete answer (callback type 8)."""
        return self.data.get("choices") or []

    @property
    def latency(self) -> float | None:
        """Seconds from the INTERACTION_CREATE being sent to the callback request arriving."""
        if self.callback_at is None:
            return None
        return self.callback_at - self.sent_at
