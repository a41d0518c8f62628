"""FakeDiscord: a Discord REST API + gateway on 127.0.0.1 for an unmodified discord.py bot.

The server runs on its own event loop in a background thread, so plain (sync) tests and
benchmark scripts can drive it; every public method is thread-safe. Async tests can call the
``a*`` variants (or the sync ones: the bot is another process, so blocking briefly is harmless).
"""

from __future__ import annotations

import asyncio
import copy
import threading
import time
from collections.abc import Callable, Coroutine, Iterable, Mapping
from typing import Any, TypeVar

from aiohttp import web

from . import models as m
from .gateway import INVALID_SESSION, RECONNECT, Gateway
from .models import (
    EPHEMERAL,
    LOADING,
    Failure,
    GatewayConnection,
    InteractionRecord,
    RecordedRequest,
    RestFault,
    snowflake,
)
from .rest import API_PREFIX, RestApi, fault_matches, json_response
from .spec import SpecValidator, Violation, load_spec

T = TypeVar("T")

# Interaction types
APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5
# Component types of select menus: string, user, role, mentionable, channel
_SELECT_TYPES = {3, 5, 6, 7, 8}


class InteractionHandle:
    """What ``FakeDiscord.send_*`` returns: the live record plus ways to wait on it."""

    def __init__(self, fake: FakeDiscord, record: InteractionRecord) -> None:
        self.fake = fake
        self.record = record

    def __repr__(self) -> str:
        r = self.record
        return f"<InteractionHandle id={r.id} type={r.type} name={r.name!r} callback_type={r.callback_type}>"

    def wait_callback(
        self, timeout: float = 10.0, *, allow_rejected: bool = False
    ) -> InteractionRecord:
        """Wait until the bot answered the interaction (any callback type); return the record.

        If the fake refused the bot's callback (invalid body, too late, wrong type...), raises
        AssertionError with the reason, unless ``allow_rejected`` (then see ``record.rejected``).
        """
        r = self.record
        self.fake._wait(
            lambda: r.callback is not None or bool(r.rejected),
            timeout,
            f"the callback for interaction {r.name!r} ({r.id})",
            r,
        )
        if r.callback is None and not allow_rejected:
            raise AssertionError(
                f"the callback for {r.name!r} was rejected: {r.rejected[0]['error']}"
            )
        return r

    def wait_followups(self, count: int = 1, timeout: float = 10.0) -> InteractionRecord:
        r = self.record
        self.fake._wait(
            lambda: len(r.followups) >= count, timeout, f"{count} follow-up(s) for {r.name!r}", r
        )
        return r

    def wait_edits(self, count: int = 1, timeout: float = 10.0) -> InteractionRecord:
        r = self.record
        self.fake._wait(
            lambda: len(r.edits) >= count, timeout, f"{count} edit(s) for {r.name!r}", r
        )
        return r

    def wait_idle(self, quiet: float = 0.3, timeout: float = 10.0) -> InteractionRecord:
        """Wait for the callback, then until the bot has made no request about it for ``quiet`` s."""
        self.wait_callback(timeout, allow_rejected=True)
        r = self.record

        def activity() -> tuple[int, ...]:
            return (r.callback_attempts, len(r.followups), len(r.edits), len(r.deleted_message_ids))

        deadline = time.monotonic() + timeout
        while True:
            before = activity()
            time.sleep(quiet)
            if before == activity() or time.monotonic() > deadline:
                return r

    async def acallback(self, timeout: float = 10.0) -> InteractionRecord:
        return await asyncio.to_thread(self.wait_callback, timeout)

    async def afollowups(self, count: int = 1, timeout: float = 10.0) -> InteractionRecord:
        return await asyncio.to_thread(self.wait_followups, count, timeout)

    async def aedits(self, count: int = 1, timeout: float = 10.0) -> InteractionRecord:
        return await asyncio.to_thread(self.wait_edits, count, timeout)

    async def aidle(self, quiet: float = 0.3, timeout: float = 10.0) -> InteractionRecord:
        return await asyncio.to_thread(self.wait_idle, quiet, timeout)


class FakeDiscord:
    """A fake Discord (REST ``/api/v10`` + gateway websocket) on 127.0.0.1.

    Use as a context manager (``with FakeDiscord() as fake:``) or call :meth:`start`/:meth:`stop`.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        heartbeat_interval_ms: int = 41250,
        recommended_shards: int = 1,
        required_shards: int | None = None,
        privileged_intents: Iterable[str] = ("members", "presences", "message_content"),
        spec_path: str | None = None,
        validate: bool = True,
        reject_invalid_bodies: bool = False,
        callback_deadline: float | None = 3.0,
    ) -> None:
        self.token = token or m.make_token()
        self.host, self._port = host, port
        self.application_id = m.APPLICATION_ID
        self.guild_id = m.GUILD_ID
        self.channel_id = m.CHANNEL_ID
        self.user_ids = dict(m.USER_IDS)
        self.privileged_intents = set(privileged_intents)
        self.recommended_shards = recommended_shards
        self.required_shards = required_shards
        self.validate = validate
        self.reject_invalid_bodies = reject_invalid_bodies
        # Tunables / fault knobs: plain attributes, settable at any time from any thread.
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.callback_deadline = callback_deadline  # Discord's 3 s; None disables
        self.hello_delay = 0.0  # seconds before HELLO on each new connection
        self.gateway_delay = 0.0  # seconds before every frame the gateway sends
        self.rest_delay = 0.0  # seconds before every REST answer
        self.ack_heartbeats = True  # False: a "zombie" gateway that never ACKs
        self.fragment_frames = False  # True: split each compressed message over two frames

        self.spec: SpecValidator = load_spec(spec_path) if validate else SpecValidator(None)
        self._cond = threading.Condition(threading.RLock())
        self._requests: list[RecordedRequest] = []
        self._failures: list[Failure] = []
        self._violations: list[Violation] = []
        self._pending_validations = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._warnings: list[str] = []
        if validate and not self.spec.available and self.spec.warning:
            self._warnings.append(self.spec.warning)
        self._connections: list[GatewayConnection] = []
        self._resume_failures: list[str] = []
        self._faults: list[RestFault] = []
        self._commands: dict[str | None, dict[tuple[str, int], dict[str, Any]]] = {}
        self._command_syncs = 0
        self._messages: dict[str, dict[str, Any]] = {}
        self._channel_messages: list[str] = []
        self._interactions: dict[str, InteractionRecord] = {}
        self._by_token: dict[str, InteractionRecord] = {}
        self._resume_path = "/resume/"
        # Polled by every wait: a reason string aborts it (BotProcess registers "the bot died").
        self._watchers: list[Callable[[], str | None]] = []
        self.gateway = Gateway(self)
        self.rest = RestApi(self)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None

    # ================================================================== lifecycle
    def start(self) -> FakeDiscord:
        """Start the server thread; returns once it listens."""
        if self._thread is not None:
            return self
        started = threading.Event()
        error: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._astart())
            except BaseException as exc:  # pragma: no cover - reported to the caller
                error.append(exc)
                started.set()
                return
            started.set()
            loop.run_forever()
            loop.run_until_complete(self._astop())
            loop.close()

        self._thread = threading.Thread(target=run, name="fake-discord", daemon=True)
        self._thread.start()
        started.wait(30)
        if error:
            self._thread = None
            raise error[0]
        return self

    async def _astart(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self.rest.handle)
        app.router.add_get("/", self.gateway.handle)
        app.router.add_get(self._resume_path, self.gateway.handle)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self._port, reuse_address=True)
        await site.start()
        self._port = self._runner.addresses[0][1]

    async def _not_found(self, request: web.Request) -> web.StreamResponse:
        self._fail("unknown-route", f"{request.method} {request.path} (outside {API_PREFIX})")
        return json_response({"message": "404: Not Found", "code": 0}, 404)

    async def _astop(self) -> None:
        for conn in list(self.gateway.conns):
            if not conn.ws.closed:
                try:
                    await asyncio.wait_for(
                        conn.ws.close(code=1001, message=b"Fake Discord shutting down"), 1.0
                    )
                except Exception:
                    if conn.request.transport is not None:
                        conn.request.transport.abort()
        if self._runner is not None:
            await self._runner.cleanup()

    def stop(self) -> None:
        """Close every connection and stop the server thread."""
        if self._thread is None or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(15)
        self._thread = None

    def __enter__(self) -> FakeDiscord:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self, coro: Coroutine[Any, Any, T], timeout: float = 15.0) -> T:
        """Run a coroutine on the server loop from another thread and wait for its result."""
        if self._loop is None:
            raise RuntimeError("FakeDiscord is not started")
        if threading.current_thread() is self._thread:
            raise RuntimeError("blocking FakeDiscord call made from its own event loop thread")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    # ================================================================== addresses
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self._port}"

    @property
    def api_url(self) -> str:
        """Value for ``discord.http.Route.BASE``."""
        return f"{self.base_url}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """Value for ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``."""
        return f"ws://{self.host}:{self._port}/"

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://{self.host}:{self._port}{self._resume_path}"

    @property
    def application_flags(self) -> int:
        flags = 1 << 23  # APPLICATION_COMMAND_BADGE
        if "presences" in self.privileged_intents:
            flags |= 1 << 13
        if "members" in self.privileged_intents:
            flags |= 1 << 15
        if "message_content" in self.privileged_intents:
            flags |= 1 << 19
        return flags

    # ================================================================== records (thread-safe snapshots)
    @property
    def requests(self) -> list[RecordedRequest]:
        """Every REST request, in arrival order."""
        with self._cond:
            return list(self._requests)

    def requests_matching(self, pattern: str) -> list[RecordedRequest]:
        """Requests whose "METHOD /path" matches an fnmatch pattern, e.g. ``"PUT /applications/*/commands"``."""
        return [r for r in self.requests if fault_matches(pattern, r.method, r.path)]

    @property
    def failures(self) -> list[Failure]:
        """Protocol errors: unknown routes, 4xx answers, bad gateway payloads, late/double acks..."""
        with self._cond:
            return list(self._failures)

    @property
    def violations(self) -> list[Violation]:
        """Request bodies that do not match Discord's OpenAPI spec (waits for pending checks)."""
        with self._cond:
            self._wait(lambda: self._pending_validations == 0, 10.0, "pending spec validations")
            return list(self._violations)

    @property
    def warnings(self) -> list[str]:
        with self._cond:
            return list(self._warnings)

    @property
    def connections(self) -> list[GatewayConnection]:
        with self._cond:
            return list(self._connections)

    @property
    def resume_failures(self) -> list[str]:
        """Why each RESUME that got INVALID_SESSION was refused."""
        with self._cond:
            return list(self._resume_failures)

    @property
    def interactions(self) -> list[InteractionRecord]:
        with self._cond:
            return list(self._interactions.values())

    @property
    def messages(self) -> dict[str, dict[str, Any]]:
        """Every message the bot created (by id), in its current (edited) state."""
        with self._cond:
            return copy.deepcopy(self._messages)

    @property
    def channel_messages(self) -> list[dict[str, Any]]:
        """Messages sent with POST /channels/{id}/messages."""
        with self._cond:
            return [copy.deepcopy(self._messages[i]) for i in self._channel_messages]

    def commands(self, guild: bool | str | None = None) -> list[dict[str, Any]]:
        """Registered application commands: global (default), or the test guild's (``guild=True``)."""
        scope = self.guild_id if guild is True else (guild or None)
        return self._commands_list(scope)

    @property
    def command_syncs(self) -> int:
        """How many successful command writes (PUT/POST/PATCH) the bot made."""
        return self._command_syncs

    @property
    def sessions(self) -> list[Any]:
        with self._cond:
            return list(self.gateway.sessions.values())

    def problems(self) -> list[str]:
        """Failures and spec violations, as text."""
        return [str(f) for f in self.failures] + [f"[spec] {v}" for v in self.violations]

    def _problems_now(self) -> list[str]:
        """Like problems(), without waiting for pending validations."""
        with self._cond:
            return [str(f) for f in self._failures] + [f"[spec] {v}" for v in self._violations]

    def assert_clean(self) -> None:
        """Raise AssertionError listing every failure and spec violation, if any."""
        problems = self.problems()
        if problems:
            raise AssertionError("fake Discord saw problems:\n  " + "\n  ".join(problems))

    def clear_records(self) -> None:
        """Forget recorded requests, failures, violations and warnings (state such as commands stays;
        so does the "spec not found" warning)."""
        with self._cond:
            self._requests.clear()
            self._failures.clear()
            self._violations.clear()
            self._warnings[:] = [w for w in self._warnings if w == self.spec.warning]
            self._resume_failures.clear()

    # ================================================================== waiting
    def _wait(
        self,
        pred: Callable[[], bool],
        timeout: float,
        what: str,
        record: Any = None,
        abort: Callable[[], str | None] | None = None,
    ) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not pred():
                for check in ([abort] if abort else []) + self._watchers:
                    why = check()
                    if why:
                        raise RuntimeError(f"gave up waiting for {what}: {why}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    detail = ""
                    if record is not None:
                        detail = f"; interaction record: {record!r}"
                    recent = "\n  ".join(self._problems_now()[-10:])
                    raise TimeoutError(
                        f"timed out after {timeout}s waiting for {what}{detail}"
                        + (f"\nfake Discord problems:\n  {recent}" if recent else "")
                    )
                self._cond.wait(min(remaining, 0.1))

    def is_ready(self, *, commands: bool = True, shard_count: int | None = None) -> bool:
        """True when every shard has a READY session (and commands were synced, if asked)."""
        with self._cond:
            ready = [
                s
                for s in self.gateway.sessions.values()
                if s.ready and not s.invalid and s.connected
            ]
            if not ready:
                return False
            counts = {s.shard[1] for s in ready if s.shard}
            expected = shard_count or (max(counts) if counts else 1)
            if counts or expected > 1:
                have = {s.shard[0] for s in ready if s.shard and s.shard[1] == expected}
                if have != set(range(expected)):
                    return False
            return not commands or self._command_syncs > 0

    def wait_ready(
        self,
        timeout: float = 30.0,
        *,
        commands: bool = True,
        shard_count: int | None = None,
        abort: Callable[[], str | None] | None = None,
    ) -> None:
        """Wait until the bot IDENTIFYed on every shard (READY + GUILD_CREATE sent) and synced commands.

        ``abort`` (like the watchers, see :meth:`add_watcher`) is polled while waiting: a reason
        string gives up early with RuntimeError.
        """
        self._wait(
            lambda: self.is_ready(commands=commands, shard_count=shard_count),
            timeout,
            "the bot to be READY" + (" and sync commands" if commands else ""),
            abort=abort,
        )

    def add_watcher(self, check: Callable[[], str | None]) -> None:
        """Make every wait give up early (RuntimeError) as soon as ``check()`` returns a reason."""
        with self._cond:
            self._watchers.append(check)

    def remove_watcher(self, check: Callable[[], str | None]) -> None:
        with self._cond:
            if check in self._watchers:
                self._watchers.remove(check)

    def wait_for(
        self, predicate: Callable[[], bool], timeout: float = 10.0, what: str = "condition"
    ) -> None:
        """Wait until ``predicate()`` (evaluated under the fake's lock) is true."""
        self._wait(predicate, timeout, what)

    def wait_for_request(
        self, pattern: str, count: int = 1, timeout: float = 10.0
    ) -> list[RecordedRequest]:
        """Wait until ``count`` finished requests match ``pattern`` ("METHOD /path" fnmatch)."""

        def done() -> bool:
            return (
                sum(
                    1
                    for r in self._requests
                    if r.status and fault_matches(pattern, r.method, r.path)
                )
                >= count
            )

        self._wait(done, timeout, f"{count} request(s) matching {pattern!r}")
        return self.requests_matching(pattern)

    def wait_for_resume(self, count: int = 1, timeout: float = 15.0) -> None:
        self._wait(
            lambda: sum(s.resumes for s in self.gateway.sessions.values()) >= count,
            timeout,
            f"{count} RESUME(s)",
        )

    async def await_ready(self, timeout: float = 30.0, **kw: Any) -> None:
        await asyncio.to_thread(self.wait_ready, timeout, **kw)

    # ================================================================== recording helpers (loop thread)
    def _fail(self, kind: str, message: str) -> None:
        with self._cond:
            self._failures.append(Failure(kind, message))
            self._cond.notify_all()

    def _warn(self, message: str) -> None:
        with self._cond:
            self._warnings.append(message)
            self._cond.notify_all()

    def _validate_later(self, method: str, path: str, body: Any) -> None:
        """Validate a body on the loop once the current answer is sent (loop thread only)."""
        with self._cond:
            self._pending_validations += 1

        async def run() -> None:
            try:
                await asyncio.sleep(0)
                violations = self.spec.validate(method, path, body)
                if violations:
                    self._add_violations(violations)
            finally:
                with self._cond:
                    self._pending_validations -= 1
                    self._cond.notify_all()

        task = asyncio.get_running_loop().create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _add_violations(self, violations: list[Violation]) -> None:
        with self._cond:
            self._violations.extend(violations)
            self._cond.notify_all()

    def _record_request(self, rec: RecordedRequest) -> None:
        with self._cond:
            self._requests.append(rec)
            interaction, is_callback = self._interaction_for_path(rec.path)
            if interaction is not None and is_callback:
                interaction.callback_attempts += 1
            self._cond.notify_all()

    def _finish_request(self, rec: RecordedRequest, status: int, body: Any) -> None:
        with self._cond:
            rec.status, rec.response = status, body
            if status < 300 and rec.method in ("PUT", "POST", "PATCH") and "/commands" in rec.path:
                self._command_syncs += 1
            self._cond.notify_all()

    def _take_fault(self, method: str, path: str) -> RestFault | None:
        with self._cond:
            for fault in self._faults:
                if not fault.exhausted and fault_matches(fault.pattern, method, path):
                    fault.used += 1
                    self._cond.notify_all()
                    return fault
        return None

    def _interaction_for_path(self, path: str) -> tuple[InteractionRecord | None, bool]:
        """The interaction a callback/webhook request path is about, and whether it is the callback."""
        parts = path.strip("/").split("/")
        if len(parts) == 4 and parts[0] == "interactions" and parts[3] == "callback":
            rec = self._interactions.get(parts[1])
            return (rec if rec is not None and rec.token == parts[2] else None), True
        if len(parts) >= 3 and parts[0] == "webhooks":
            return self._by_token.get(parts[2]), False
        return None, False

    def _interaction_request_failed(self, req: RecordedRequest, status: int, why: str) -> None:
        with self._cond:
            rec, is_callback = self._interaction_for_path(req.path)
            if rec is None:
                return
            rec.errors.append(
                f"{req.method} {'callback' if is_callback else req.path}: {status} {why}"
            )
            if is_callback:
                rec.rejected.append(
                    {"status": status, "error": why, "body": copy.deepcopy(req.body)}
                )
            self._cond.notify_all()

    # ================================================================== Discord objects
    def _bot_user_payload(self, *, full: bool = False) -> dict[str, Any]:
        u = m.user_payload(self.application_id, "FakeBot", bot=True)
        if full:
            u.update(
                {
                    "verified": True,
                    "mfa_enabled": False,
                    "email": None,
                    "locale": "en-US",
                    "premium_type": 0,
                }
            )
        return u

    def _user(self, name: str) -> dict[str, Any]:
        return m.user_payload(self.user_ids[name], name)

    def _user_by_id(self, user_id: str) -> dict[str, Any] | None:
        if user_id == self.application_id:
            return self._bot_user_payload()
        for name, uid in self.user_ids.items():
            if uid == user_id:
                return self._user(name)
        return None

    def _resolve_user(self, user: str) -> dict[str, Any]:
        if user in self.user_ids:
            return self._user(user)
        found = self._user_by_id(str(user))
        if found is None:
            raise LookupError(f"unknown user {user!r}; known: {sorted(self.user_ids)}")
        return found

    def _channel_payload(self) -> dict[str, Any]:
        return {
            "id": self.channel_id,
            "type": 0,
            "guild_id": self.guild_id,
            "name": "general",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def _guild_payload(self) -> dict[str, Any]:
        members = [m.member_payload(self._bot_user_payload())] + [
            m.member_payload(self._user(n)) for n in self.user_ids
        ]
        return {
            "id": self.guild_id,
            "name": "Fake Guild",
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": self.user_ids["alice"],
            "region": "us-east",
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "features": [],
            "max_members": 500000,
            "max_video_channel_users": 25,
            "application_id": None,
            "premium_progress_bar_enabled": False,
            "roles": [
                {
                    "id": self.guild_id,
                    "name": "@everyone",
                    "permissions": "2248473465835073",
                    "position": 0,
                    "color": 0,
                    "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "icon": None,
                    "unicode_emoji": None,
                    "flags": 0,
                }
            ],
            "emojis": [],
            "stickers": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "large": False,
            "unavailable": False,
            "member_count": len(members),
            "members": members,
            "channels": [{k: v for k, v in self._channel_payload().items() if k != "guild_id"}],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "lazy": True,
        }

    def _application_payload(self) -> dict[str, Any]:
        flags = self.application_flags
        return {
            "id": self.application_id,
            "name": "FakeBot",
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "bot": self._bot_user_payload(),
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": flags,
            "flags_new": str(flags),
            "owner": self._user("alice"),
            "team": None,
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "role_connections_verification_url": None,
            "event_webhooks_url": None,
            "rpc_origins": [],
            "tags": [],
            "approximate_guild_count": 1,
            "approximate_user_install_count": 0,
            "integration_types_config": {"0": {}},
            "hook": True,
            "is_monetized": False,
        }

    # ================================================================== commands
    def _commands_list(self, scope: str | None) -> list[dict[str, Any]]:
        with self._cond:
            return copy.deepcopy(list(self._commands.get(scope, {}).values()))

    def _stored_command(
        self, scope: str | None, body: dict[str, Any], cmd_id: str | None
    ) -> dict[str, Any]:
        cmd: dict[str, Any] = {
            "type": 1,
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
            "name_localizations": None,
            "description_localizations": None,
            "contexts": None,
            "integration_types": [0],
            "options": [],
        }
        cmd.update(copy.deepcopy(body))
        cmd["id"] = cmd_id or snowflake()
        cmd["application_id"] = self.application_id
        cmd["version"] = snowflake()
        if scope is not None:
            cmd["guild_id"] = scope
        else:
            cmd.pop("guild_id", None)
        if cmd.get("description") is None:
            cmd["description"] = ""
        return cmd

    def _overwrite_commands(
        self, scope: str | None, body: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        with self._cond:
            old = self._commands.get(scope, {})
            new: dict[tuple[str, int], dict[str, Any]] = {}
            for c in body:
                key = (c["name"], c.get("type", 1))
                prev = old.get(key)
                new[key] = self._stored_command(scope, c, prev["id"] if prev else None)
            self._commands[scope] = new
            self._cond.notify_all()
            return copy.deepcopy(list(new.values()))

    def _upsert_command(
        self, scope: str | None, body: dict[str, Any]
    ) -> tuple[dict[str, Any], bool]:
        with self._cond:
            cmds = self._commands.setdefault(scope, {})
            key = (body["name"], body.get("type", 1))
            prev = cmds.get(key)
            if prev is None and body.get("id"):
                # PATCH renamed a command
                for k, v in list(cmds.items()):
                    if v["id"] == body["id"]:
                        prev = cmds.pop(k)
            cmds[key] = self._stored_command(scope, body, prev["id"] if prev else None)
            self._cond.notify_all()
            return copy.deepcopy(cmds[key]), prev is None

    def _find_command(self, scope: str | None, cmd_id: str) -> dict[str, Any] | None:
        with self._cond:
            for c in self._commands.get(scope, {}).values():
                if c["id"] == cmd_id:
                    return copy.deepcopy(c)
        return None

    def _delete_command(self, scope: str | None, cmd_id: str) -> bool:
        with self._cond:
            cmds = self._commands.get(scope, {})
            for k, c in list(cmds.items()):
                if c["id"] == cmd_id:
                    del cmds[k]
                    return True
        return False

    def _lookup_command(self, name: str, ctype: int, guild: bool) -> dict[str, Any] | None:
        with self._cond:
            scopes = ([self.guild_id] if guild else []) + [None]
            for scope in scopes:
                c = self._commands.get(scope, {}).get((name, ctype))
                if c is not None:
                    return copy.deepcopy(c)
        return None

    # ================================================================== messages
    def _interaction_by_id(self, iid: str) -> InteractionRecord | None:
        with self._cond:
            return self._interactions.get(iid)

    def _interaction_by_token(self, token: str) -> InteractionRecord | None:
        with self._cond:
            return self._by_token.get(token)

    def _message(self, mid: str) -> dict[str, Any] | None:
        with self._cond:
            msg = self._messages.get(mid)
            return copy.deepcopy(msg) if msg else None

    def _attachments(
        self, body: dict[str, Any], files: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        out = []
        described = {
            str(a.get("id")): a for a in body.get("attachments") or [] if isinstance(a, dict)
        }
        for i, f in enumerate(files):
            aid = snowflake()
            desc = described.get(str(i), {})
            name = desc.get("filename") or f.get("filename") or f"file{i}"
            out.append(
                {
                    "id": aid,
                    "filename": name,
                    "size": f.get("size", 0),
                    "content_type": "application/octet-stream",
                    "url": f"{self.base_url}/attachments/{aid}/{name}",
                    "proxy_url": f"{self.base_url}/attachments/{aid}/{name}",
                    "description": desc.get("description"),
                }
            )
        return out

    def _new_message(
        self,
        body: dict[str, Any],
        files: list[dict[str, Any]],
        *,
        mtype: int,
        rec: InteractionRecord | None,
        extra_flags: int = 0,
    ) -> dict[str, Any]:
        msg: dict[str, Any] = {
            "id": snowflake(),
            "type": mtype,
            "channel_id": self.channel_id,
            "guild_id": self.guild_id,
            "author": self._bot_user_payload(),
            "content": body.get("content") or "",
            "embeds": [dict({"type": "rich"}, **e) for e in body.get("embeds") or []],
            "components": copy.deepcopy(body.get("components") or []),
            "attachments": self._attachments(body, files),
            "flags": int(body.get("flags") or 0) | extra_flags,
            "tts": bool(body.get("tts")),
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "timestamp": m.iso_now(),
            "edited_timestamp": None,
        }
        if rec is not None:
            msg["webhook_id"] = self.application_id
            msg["application_id"] = self.application_id
            user = self._resolve_user(rec.user_id)
            msg["interaction_metadata"] = {
                "id": rec.id,
                "type": rec.type,
                "user": user,
                "authorizing_integration_owners": rec.payload.get(
                    "authorizing_integration_owners", {}
                ),
            }
            if rec.type == APPLICATION_COMMAND:
                msg["interaction"] = {
                    "id": rec.id,
                    "type": rec.type,
                    "name": rec.name,
                    "user": user,
                }
            if rec.payload.get("guild_id") is None:
                msg.pop("guild_id")
                msg["channel_id"] = rec.payload["channel"]["id"]
        return msg

    @staticmethod
    def _apply_edit(
        msg: dict[str, Any], body: dict[str, Any], attachments: list[dict[str, Any]]
    ) -> None:
        if "content" in body:
            msg["content"] = body["content"] or ""
        if "embeds" in body:
            msg["embeds"] = [dict({"type": "rich"}, **e) for e in body["embeds"] or []]
        if "components" in body:
            msg["components"] = copy.deepcopy(body["components"] or [])
        if "attachments" in body:
            keep = {str(a.get("id")) for a in body["attachments"] or [] if isinstance(a, dict)}
            msg["attachments"] = [a for a in msg["attachments"] if a["id"] in keep] + attachments
        elif attachments:
            msg["attachments"] = msg["attachments"] + attachments
        if body.get("flags") is not None:
            msg["flags"] = (msg["flags"] & ~(1 << 2)) | (
                int(body["flags"]) & (1 << 2)
            )  # only SUPPRESS_EMBEDS
        msg["flags"] &= ~LOADING
        msg["edited_timestamp"] = m.iso_now()

    def _apply_callback(
        self,
        rec: InteractionRecord,
        body: dict[str, Any],
        files: list[dict[str, Any]],
        arrived: float,
    ) -> dict[str, Any]:
        """Store the interaction's callback; returns the ``with_response`` answer."""
        ctype = body.get("type")
        data = body.get("data") or {}
        with self._cond:
            rec.callback = copy.deepcopy(body)
            rec.callback_at = arrived
            rec.callback_status = 200
            interaction: dict[str, Any] = {"id": rec.id, "type": rec.type}
            if rec.payload.get("guild_id"):
                interaction["guild_id"] = rec.payload["guild_id"]
            interaction["channel_id"] = rec.payload["channel"]["id"]
            out: dict[str, Any] = {"interaction": interaction}
            if ctype in (4, 5):
                mtype = 20 if rec.type == APPLICATION_COMMAND else 19
                msg = self._new_message(
                    data, files, mtype=mtype, rec=rec, extra_flags=LOADING if ctype == 5 else 0
                )
                self._messages[msg["id"]] = msg
                rec.original_message_id = msg["id"]
                interaction.update(
                    {
                        "response_message_id": msg["id"],
                        "response_message_loading": ctype == 5,
                        "response_message_ephemeral": bool(msg["flags"] & EPHEMERAL),
                    }
                )
                if ctype == 4:
                    out["resource"] = {"type": 4, "message": copy.deepcopy(msg)}
            elif ctype in (6, 7) and rec.payload.get("message"):
                mid = rec.payload["message"]["id"]
                rec.original_message_id = mid
                if mid not in self._messages:  # a message the fake did not create (the test's)
                    self._messages[mid] = copy.deepcopy(rec.payload["message"])
                msg = self._messages[mid]
                if ctype == 7:
                    self._apply_edit(msg, data, self._attachments(data, files))
                    out["resource"] = {"type": 7, "message": copy.deepcopy(msg)}
                interaction["response_message_id"] = mid
            self._cond.notify_all()
            return out

    def _add_followup(
        self, rec: InteractionRecord, body: dict[str, Any], files: list[dict[str, Any]]
    ) -> dict[str, Any]:
        with self._cond:
            msg = self._new_message(
                body, files, mtype=19 if rec.original_message_id else 20, rec=rec
            )
            if rec.original_message_id:
                msg["message_reference"] = {
                    "type": 0,
                    "message_id": rec.original_message_id,
                    "channel_id": msg["channel_id"],
                }
            self._messages[msg["id"]] = msg
            rec.followups.append(copy.deepcopy(body))
            rec.followup_message_ids.append(msg["id"])
            self._cond.notify_all()
            return copy.deepcopy(msg)

    def _edit_message(
        self, rec: InteractionRecord, mid: str, body: dict[str, Any], files: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        with self._cond:
            msg = self._messages.get(mid)
            if msg is None:
                return None
            self._apply_edit(msg, body, self._attachments(body, files))
            rec.edits.append({"message_id": mid, **copy.deepcopy(body)})
            self._cond.notify_all()
            return copy.deepcopy(msg)

    def _delete_message(self, rec: InteractionRecord, mid: str) -> bool:
        with self._cond:
            if self._messages.pop(mid, None) is None:
                return False
            rec.deleted_message_ids.append(mid)
            self._cond.notify_all()
            return True

    def _add_channel_message(
        self, body: dict[str, Any], files: list[dict[str, Any]]
    ) -> dict[str, Any]:
        with self._cond:
            msg = self._new_message(body, files, mtype=0, rec=None)
            self._messages[msg["id"]] = msg
            self._channel_messages.append(msg["id"])
            self._cond.notify_all()
            return copy.deepcopy(msg)

    # ================================================================== sending interactions
    def _base_interaction(
        self, itype: int, data: dict[str, Any], user: str, *, guild: bool, locale: str
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        u = self._resolve_user(user)
        payload: dict[str, Any] = {
            "id": snowflake(),
            "application_id": self.application_id,
            "type": itype,
            "data": data,
            "token": "aW50ZXJhY3Rpb246" + m.make_token().replace(".", ""),
            "version": 1,
            "locale": locale,
            "app_permissions": m.ALL_PERMISSIONS,
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if guild:
            payload.update(
                {
                    "guild_id": self.guild_id,
                    "channel_id": self.channel_id,
                    "channel": {**self._channel_payload(), "permissions": m.ALL_PERMISSIONS},
                    "guild": {"id": self.guild_id, "locale": "en-US", "features": []},
                    "guild_locale": "en-US",
                    "member": m.member_payload(u, permissions=m.ALL_PERMISSIONS),
                    "authorizing_integration_owners": {"0": self.guild_id},
                    "context": 0,
                }
            )
        else:
            dm_id = str(int(u["id"]) + 100)
            payload.update(
                {
                    "channel_id": dm_id,
                    "channel": {
                        "id": dm_id,
                        "type": 1,
                        "recipients": [u],
                        "last_message_id": None,
                        "flags": 0,
                    },
                    "user": u,
                    "authorizing_integration_owners": {"0": "0"},
                    "context": 1,
                }
            )
        return payload, u

    async def _send_interaction(
        self, payload: dict[str, Any], name: str, user_id: str
    ) -> InteractionRecord:
        gw = self.gateway
        shard_id = gw.shard_for_guild(payload.get("guild_id"))
        session = gw.session_for_shard(shard_id)
        if session is None:
            raise RuntimeError(
                f"the bot has no READY gateway session for shard {shard_id}; call wait_ready() first"
            )
        rec = InteractionRecord(
            id=payload["id"],
            token=payload["token"],
            type=payload["type"],
            name=name,
            user_id=user_id,
            payload=payload,
            shard_id=session.shard_id,
            sent_at=time.perf_counter(),
        )
        with self._cond:
            self._interactions[rec.id] = rec
            self._by_token[rec.token] = rec

        def delivered(at: float) -> None:
            with self._cond:
                if rec.delivered_at is None:
                    rec.delivered_at = at
                self._cond.notify_all()

        await gw.dispatch(session, "INTERACTION_CREATE", payload, delivered)
        return rec

    def _dispatch(self, payload: dict[str, Any], name: str, user_id: str) -> InteractionHandle:
        return InteractionHandle(self, self._run(self._send_interaction(payload, name, user_id)))

    @staticmethod
    def _coerce_option(
        opt: dict[str, Any], value: Any, resolved: dict[str, Any], fake: FakeDiscord
    ) -> Any:
        t = opt["type"]
        if t == 3:
            return str(value)
        if t == 4:
            return int(value)
        if t == 10:
            return float(value)
        if t == 5:
            return bool(value)
        if t in (6, 9):  # user / mentionable
            u = fake._resolve_user(str(value))
            resolved.setdefault("users", {})[u["id"]] = u
            member = m.member_payload(u, permissions=m.ALL_PERMISSIONS)
            member.pop("user")
            resolved.setdefault("members", {})[u["id"]] = member
            return u["id"]
        if t == 7:
            resolved.setdefault("channels", {})[fake.channel_id] = {
                "id": fake.channel_id,
                "type": 0,
                "name": "general",
                "permissions": m.ALL_PERMISSIONS,
                "parent_id": None,
                "flags": 0,
            }
            return fake.channel_id
        if t == 8:
            g = fake._guild_payload()["roles"][0]
            resolved.setdefault("roles", {})[g["id"]] = g
            return g["id"]
        return value

    def _command_data(
        self,
        name: str,
        options: Mapping[str, Any] | None,
        *,
        guild: bool,
        focused: str | None = None,
        strict: bool = True,
    ) -> dict[str, Any]:
        parts = name.split()
        cmd = self._lookup_command(parts[0], 1, guild)
        if cmd is None:
            known = sorted({c["name"] for s in self._commands.values() for c in s.values()})
            raise LookupError(f"slash command {parts[0]!r} is not registered; registered: {known}")
        schema = cmd.get("options") or []
        top: list[dict[str, Any]] = []
        target = top
        for sub in parts[1:]:
            o = next((o for o in schema if o.get("name") == sub and o.get("type") in (1, 2)), None)
            if o is None:
                raise LookupError(f"{name!r}: no subcommand {sub!r}")
            node: dict[str, Any] = {"name": sub, "type": o["type"], "options": []}
            target.append(node)
            target, schema = node["options"], o.get("options") or []
        resolved: dict[str, Any] = {}
        given = dict(options or {})
        if focused is not None and focused not in given:
            given[focused] = ""
        for key, value in given.items():
            o = next((o for o in schema if o.get("name") == key), None)
            if o is None:
                raise LookupError(
                    f"{name!r} has no option {key!r}; options: {[o.get('name') for o in schema]}"
                )
            if key == focused:
                if strict and not o.get("autocomplete"):
                    raise ValueError(f"option {key!r} of {name!r} has no autocomplete")
                target.append(
                    {"name": key, "type": o["type"], "value": str(value), "focused": True}
                )
                continue
            v = self._coerce_option(o, value, resolved, self)
            if strict and o.get("choices") and v not in [c["value"] for c in o["choices"]]:
                raise ValueError(
                    f"{v!r} is not a choice of option {key!r}: {[c['value'] for c in o['choices']]}"
                )
            target.append({"name": key, "type": o["type"], "value": v})
        if strict and focused is None:
            missing = [o["name"] for o in schema if o.get("required") and o["name"] not in given]
            if missing:
                raise ValueError(f"{name!r}: required option(s) {missing} missing")
        data: dict[str, Any] = {"id": cmd["id"], "name": parts[0], "type": 1}
        if top:
            data["options"] = top
        if resolved:
            data["resolved"] = resolved
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        return data

    def send_slash(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: str = "alice",
        guild: bool = True,
        locale: str = "en-US",
        strict: bool = True,
    ) -> InteractionHandle:
        """Send a slash-command INTERACTION_CREATE (type 2) without waiting for the answer.

        ``name`` may include subcommands ("career compare"). Option values are converted to the
        registered option types (user options take "alice"/"bob" or an id). With ``strict``,
        unknown/missing-required options and values outside static choices raise, as the Discord
        client would not send them.
        """
        data = self._command_data(name, options, guild=guild, strict=strict)
        payload, u = self._base_interaction(
            APPLICATION_COMMAND, data, user, guild=guild, locale=locale
        )
        return self._dispatch(payload, name.split()[0], u["id"])

    def send_autocomplete(
        self,
        name: str,
        focused: str,
        value: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: str = "alice",
        guild: bool = True,
        locale: str = "en-US",
        strict: bool = True,
    ) -> InteractionHandle:
        """Send an autocomplete interaction (type 4): the user typed ``value`` into option ``focused``."""
        opts = dict(options or {})
        opts[focused] = value
        data = self._command_data(name, opts, guild=guild, focused=focused, strict=strict)
        payload, u = self._base_interaction(AUTOCOMPLETE, data, user, guild=guild, locale=locale)
        return self._dispatch(payload, name.split()[0], u["id"])

    @staticmethod
    def _find_component(components: list[dict[str, Any]], custom_id: str) -> dict[str, Any] | None:
        for c in components:
            if c.get("custom_id") == custom_id:
                return c
            for key in ("components", "accessory", "component"):
                inner = c.get(key)
                if isinstance(inner, dict):
                    inner = [inner]
                if isinstance(inner, list):
                    found = FakeDiscord._find_component(inner, custom_id)
                    if found is not None:
                        return found
        return None

    def _message_for(self, message: str | Mapping[str, Any]) -> dict[str, Any]:
        if isinstance(message, Mapping):
            stored = self._message(str(message.get("id")))
            return stored if stored is not None else copy.deepcopy(dict(message))
        stored = self._message(str(message))
        if stored is None:
            raise LookupError(f"no message {message!r} (the bot never sent it, or deleted it)")
        return stored

    def _component_interaction(
        self,
        message: str | Mapping[str, Any],
        custom_id: str,
        values: list[str] | None,
        user: str,
        strict: bool,
    ) -> InteractionHandle:
        msg = self._message_for(message)
        comp = self._find_component(msg.get("components") or [], custom_id)
        if comp is None:
            raise LookupError(f"message {msg['id']} has no component with custom_id {custom_id!r}")
        if strict and comp.get("disabled"):
            raise ValueError(f"component {custom_id!r} is disabled")
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": comp["type"]}
        if comp["type"] in _SELECT_TYPES:
            vals = [str(v) for v in (values or [])]
            if strict:
                lo, hi = comp.get("min_values", 1), comp.get("max_values", 1)
                if not lo <= len(vals) <= hi:
                    raise ValueError(
                        f"select {custom_id!r} takes {lo}..{hi} values, got {len(vals)}"
                    )
                if comp["type"] == 3:
                    allowed = [o["value"] for o in comp.get("options") or []]
                    bad = [v for v in vals if v not in allowed]
                    if bad:
                        raise ValueError(
                            f"{bad} are not options of select {custom_id!r}: {allowed}"
                        )
            data["values"] = vals
            if comp["type"] == 5:
                resolved: dict[str, Any] = {}
                data["values"] = [self._coerce_option({"type": 6}, v, resolved, self) for v in vals]
                data["resolved"] = resolved
        elif values:
            raise ValueError(f"component {custom_id!r} is a button; it takes no values")
        guild = "guild_id" in msg
        payload, u = self._base_interaction(
            MESSAGE_COMPONENT, data, user, guild=guild, locale="en-US"
        )
        payload["message"] = msg
        return self._dispatch(payload, custom_id, u["id"])

    def send_button(
        self,
        message: str | Mapping[str, Any],
        custom_id: str,
        *,
        user: str = "alice",
        strict: bool = True,
    ) -> InteractionHandle:
        """Click a button (type 3 interaction) on a message the bot sent (id or message dict)."""
        return self._component_interaction(message, custom_id, None, user, strict)

    def send_select(
        self,
        message: str | Mapping[str, Any],
        custom_id: str,
        values: list[str],
        *,
        user: str = "alice",
        strict: bool = True,
    ) -> InteractionHandle:
        """Choose ``values`` in a select menu on a message the bot sent."""
        return self._component_interaction(message, custom_id, values, user, strict)

    def send_modal_submit(
        self, custom_id: str, values: Mapping[str, str], *, user: str = "alice", guild: bool = True
    ) -> InteractionHandle:
        """Submit a modal the bot showed (callback type 9) with text-input values by custom_id."""
        modal = None
        for rec in reversed(self.interactions):
            if rec.callback_type == 9 and rec.data.get("custom_id") == custom_id:
                modal = rec.data
                break
        if modal is None:
            raise LookupError(f"the bot never showed a modal with custom_id {custom_id!r}")
        comps = []
        for row in modal.get("components") or []:
            if row.get("type") == 1:
                comps.append(
                    {
                        "type": 1,
                        "components": [
                            {
                                "type": c["type"],
                                "custom_id": c["custom_id"],
                                "value": values.get(c["custom_id"], ""),
                            }
                            for c in row.get("components") or []
                        ],
                    }
                )
            elif row.get("type") == 18 and isinstance(row.get("component"), dict):
                c = row["component"]
                comps.append(
                    {
                        "type": 18,
                        "component": {
                            "type": c["type"],
                            "custom_id": c["custom_id"],
                            "value": values.get(c["custom_id"], ""),
                        },
                    }
                )
        payload, u = self._base_interaction(
            MODAL_SUBMIT,
            {"custom_id": custom_id, "components": comps},
            user,
            guild=guild,
            locale="en-US",
        )
        return self._dispatch(payload, custom_id, u["id"])

    # Blocking conveniences: send, then wait for the callback (see InteractionHandle.wait_callback).
    def slash(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        timeout: float = 10.0,
        allow_rejected: bool = False,
        **kw: Any,
    ) -> InteractionRecord:
        return self.send_slash(name, options, **kw).wait_callback(
            timeout, allow_rejected=allow_rejected
        )

    def autocomplete(
        self,
        name: str,
        focused: str,
        value: str,
        options: Mapping[str, Any] | None = None,
        *,
        timeout: float = 10.0,
        allow_rejected: bool = False,
        **kw: Any,
    ) -> InteractionRecord:
        return self.send_autocomplete(name, focused, value, options, **kw).wait_callback(
            timeout, allow_rejected=allow_rejected
        )

    def click(
        self,
        message: str | Mapping[str, Any],
        custom_id: str,
        *,
        timeout: float = 10.0,
        allow_rejected: bool = False,
        **kw: Any,
    ) -> InteractionRecord:
        return self.send_button(message, custom_id, **kw).wait_callback(
            timeout, allow_rejected=allow_rejected
        )

    def select(
        self,
        message: str | Mapping[str, Any],
        custom_id: str,
        values: list[str],
        *,
        timeout: float = 10.0,
        allow_rejected: bool = False,
        **kw: Any,
    ) -> InteractionRecord:
        return self.send_select(message, custom_id, values, **kw).wait_callback(
            timeout, allow_rejected=allow_rejected
        )

    async def aslash(self, *a: Any, **kw: Any) -> InteractionRecord:
        return await asyncio.to_thread(self.slash, *a, **kw)

    async def aautocomplete(self, *a: Any, **kw: Any) -> InteractionRecord:
        return await asyncio.to_thread(self.autocomplete, *a, **kw)

    async def aclick(self, *a: Any, **kw: Any) -> InteractionRecord:
        return await asyncio.to_thread(self.click, *a, **kw)

    async def aselect(self, *a: Any, **kw: Any) -> InteractionRecord:
        return await asyncio.to_thread(self.select, *a, **kw)

    def message(self, message_id: str) -> dict[str, Any] | None:
        """A message the bot created, in its current state."""
        return self._message(message_id)

    def response_message(self, record: InteractionRecord) -> dict[str, Any] | None:
        """The interaction's original response message (after edits), if any."""
        return self._message(record.original_message_id) if record.original_message_id else None

    def followup_messages(self, record: InteractionRecord) -> list[dict[str, Any]]:
        return [
            msg for mid in record.followup_message_ids if (msg := self._message(mid)) is not None
        ]

    # ================================================================== fault injection
    def inject_rest_fault(
        self,
        pattern: str,
        *,
        status: int = 429,
        times: int = 1,
        retry_after: float = 0.5,
        is_global: bool = False,
        delay: float = 0.0,
        via: bool = True,
    ) -> RestFault:
        """Answer the next ``times`` requests matching ``pattern`` with ``status``.

        ``pattern`` is an fnmatch pattern on "METHOD /path" (path relative to /api/v10), e.g.
        ``"POST /interactions/*/callback"``; without a method it matches any. 429 answers carry
        Discord's body ``{"message","retry_after","global"}`` and the ``Retry-After`` and
        ``Via: 1.1 google`` headers discord.py checks (``via=False``: Cloudflare's 429, an HTML
        page without them). ``delay`` waits before answering.
        """
        fault = RestFault(
            pattern=pattern,
            status=status,
            times=times,
            retry_after=retry_after,
            is_global=is_global,
            delay=delay,
            via=via,
        )
        with self._cond:
            self._faults.append(fault)
        return fault

    def rate_limit(
        self, pattern: str, *, times: int = 1, retry_after: float = 0.5, is_global: bool = False
    ) -> RestFault:
        return self.inject_rest_fault(
            pattern, status=429, times=times, retry_after=retry_after, is_global=is_global
        )

    def server_error(self, pattern: str, *, times: int = 1, status: int = 500) -> RestFault:
        return self.inject_rest_fault(pattern, status=status, times=times)

    def clear_faults(self) -> None:
        with self._cond:
            self._faults.clear()

    def drop_gateway(
        self, shard_id: int | None = None, *, code: int = 4000, abnormal: bool = False
    ) -> int:
        """Close the live gateway connection(s) (of one shard, or all) with ``code`` (resumable by default).

        ``abnormal=True`` aborts the TCP connection without a close frame (client sees 1006).
        Returns the number of connections dropped. The session stays resumable.
        """
        return self._run(self.gateway.drop(shard_id, code, abnormal))

    def send_reconnect(self, shard_id: int | None = None) -> int:
        """Send op 7 RECONNECT: the client should reconnect and RESUME."""
        return self._run(self.gateway.send_op(shard_id, {"op": RECONNECT, "d": None}))

    def invalidate_session(self, shard_id: int | None = None, *, resumable: bool = False) -> int:
        """Send op 9 INVALID_SESSION; unless ``resumable``, the session is gone and the client must IDENTIFY."""
        return self._run(
            self.gateway.send_op(
                shard_id, {"op": INVALID_SESSION, "d": resumable}, invalidate=not resumable
            )
        )
