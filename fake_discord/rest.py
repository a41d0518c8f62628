"""The fake REST API under /api/v10: routing, auth, fault injection, spec validation, handlers."""

from __future__ import annotations

import asyncio
import fnmatch
import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import BodyPartReader, web

from .models import RecordedRequest

if TYPE_CHECKING:
    from .models import InteractionRecord
    from .server import FakeDiscord

API_PREFIX = "/api/v10"

# Which callback types Discord accepts for which interaction type.
ALLOWED_CALLBACKS = {
    1: {1},  # PING -> PONG
    2: {4, 5, 9, 12},  # application command
    3: {4, 5, 6, 7, 9, 12},  # message component
    4: {8},  # autocomplete
    5: {4, 5, 6, 7},  # modal submit
}
_NAME_RE = re.compile(r"^[-_'\w]{1,32}$")


class HTTPError(Exception):
    """An error answer. ``message``/``code`` are what Discord sends; ``detail`` says why, for the record."""

    def __init__(
        self,
        status: int,
        message: str,
        code: int = 0,
        errors: dict[str, Any] | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.code, self.errors = status, message, code, errors
        self.detail = detail

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors:
            out["errors"] = self.errors
        return out


@dataclass
class Req:
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    files: list[dict[str, Any]] = field(default_factory=list)
    arrived: float = 0.0  # perf_counter when the request arrived


Handler = Callable[[Req], Awaitable[tuple[int, Any]]]


def json_response(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """JSON with ``Content-Type: application/json`` exactly, as Discord sends it (discord.py
    only decodes JSON when the header is exactly that, without a charset)."""
    return web.Response(
        body=json.dumps(body, separators=(",", ":")).encode(),
        status=status,
        headers={**(headers or {}), "Content-Type": "application/json"},
    )


def _truthy(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes")


def _form_errors(violations: list[Any]) -> dict[str, Any]:
    """Discord's nested "Invalid Form Body" error object."""
    root: dict[str, Any] = {}
    for v in violations:
        node = root
        for part in [p for p in v.pointer.split("/") if p]:
            node = node.setdefault(part, {})
        node.setdefault("_errors", []).append({"code": "BASE_TYPE_INVALID", "message": v.message})
    return root


class RestApi:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.routes: list[tuple[str, re.Pattern[str], Handler, bool]] = []
        r = self._route
        r("GET", "/users/@me", self.get_me)
        r("GET", "/users/{user_id}", self.get_user)
        r("GET", "/oauth2/applications/@me", self.get_application)
        r("GET", "/applications/@me", self.get_application)
        r("GET", "/gateway", self.get_gateway, auth=False)
        r("GET", "/gateway/bot", self.get_gateway_bot)
        for prefix in (
            "/applications/{app}/commands",
            "/applications/{app}/guilds/{guild}/commands",
        ):
            r("GET", prefix, self.list_commands)
            r("PUT", prefix, self.overwrite_commands)
            r("POST", prefix, self.create_command)
            r("GET", prefix + "/{cmd}", self.get_command)
            r("PATCH", prefix + "/{cmd}", self.edit_command)
            r("DELETE", prefix + "/{cmd}", self.delete_command)
        r("POST", "/interactions/{iid}/{token}/callback", self.interaction_callback, auth=False)
        r("POST", "/webhooks/{app}/{token}", self.followup, auth=False)
        for msg in ("@original", "{msg}"):
            r(
                "GET",
                f"/webhooks/{{app}}/{{token}}/messages/{msg}",
                self.get_webhook_message,
                auth=False,
            )
            r(
                "PATCH",
                f"/webhooks/{{app}}/{{token}}/messages/{msg}",
                self.edit_webhook_message,
                auth=False,
            )
            r(
                "DELETE",
                f"/webhooks/{{app}}/{{token}}/messages/{msg}",
                self.delete_webhook_message,
                auth=False,
            )
        r("POST", "/channels/{channel}/messages", self.channel_message)

    def _route(self, method: str, template: str, handler: Handler, *, auth: bool = True) -> None:
        pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
        self.routes.append((method, re.compile("^" + pattern + "/?$"), handler, auth))

    def _match(self, method: str, path: str) -> tuple[Handler, dict[str, str], bool] | None:
        for m, rx, handler, auth in self.routes:
            if m != method:
                continue
            mo = rx.match(path)
            if mo:
                return handler, mo.groupdict(), auth
        return None

    # ------------------------------------------------------------------ entry point
    async def handle(self, request: web.Request) -> web.StreamResponse:
        fake = self.fake
        arrived = time.perf_counter()
        path = request.path[len(API_PREFIX) :] or "/"
        method = request.method
        query = dict(request.query)
        rec = RecordedRequest(
            method=method,
            path=path,
            query=query,
            body=None,
            time=arrived,
            wall_time=time.time(),
            content_type=request.content_type,
        )
        try:
            rec.body, rec.files = await self._read_body(request)
        except ValueError as exc:
            fake._record_request(rec)
            return self._finish(
                rec, HTTPError(400, f"Invalid JSON body: {exc}", 50109), kind="bad-json"
            )
        rec.operation = fake.spec.operation(method, path) if fake.spec.available else None
        fake._record_request(rec)

        matched = self._match(method, path)
        needs_auth = matched[2] if matched else True
        if needs_auth:
            rec.authorized = request.headers.get("Authorization") == f"Bot {fake.token}"
            if not rec.authorized:
                return self._finish(
                    rec, HTTPError(401, "401: Unauthorized", 0), kind="unauthorized"
                )

        fault = fake._take_fault(method, path)
        if fault is not None:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            if fault.status == 429:
                return self._rate_limited(rec, fault.retry_after, fault.is_global, fault.via)
            if fault.status >= 400:
                rec.injected = f"{fault.status}"
                return self._finish(
                    rec, HTTPError(fault.status, f"{fault.status}: injected by fake Discord", 0)
                )
        if fake.rest_delay:
            await asyncio.sleep(fake.rest_delay)

        if matched is None:
            return self._finish(rec, HTTPError(404, "404: Not Found", 0), kind="unknown-route")
        handler, params, _ = matched

        if fake.validate and rec.body is not None and fake.spec.available:
            if fake.reject_invalid_bodies:
                violations = fake.spec.validate(method, path, rec.body)
                if violations:
                    fake._add_violations(violations)
                    errors = _form_errors(violations)
                    return self._finish(rec, HTTPError(400, "Invalid Form Body", 50035, errors))
            else:
                # Validated right after answering, so the bot never waits for it.
                fake._validate_later(method, path, rec.body)

        req = Req(method, path, params, query, rec.body, rec.files, arrived)
        try:
            status, body = await handler(req)
        except HTTPError as err:
            return self._finish(rec, err)
        return self._finish(rec, status, body)

    async def _read_body(self, request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
        if not request.can_read_body:
            return None, []
        if request.content_type.startswith("multipart/"):
            body, files = None, []
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader):  # nested multipart: not sent by bots
                    continue
                if part.name == "payload_json":
                    body = json.loads(await part.text())
                else:
                    data = await part.read()
                    files.append({"name": part.name, "filename": part.filename, "size": len(data)})
            return body, files
        raw = await request.read()
        if not raw:
            return None, []
        return json.loads(raw), []

    def _finish(
        self,
        rec: RecordedRequest,
        status: int | HTTPError,
        body: Any = None,
        *,
        kind: str = "http-error",
    ) -> web.StreamResponse:
        """Answer; every error the fake answers (other than an injected fault) is a recorded failure."""
        if isinstance(status, HTTPError):
            err = status
            body, status = err.body(), err.status
            if not rec.injected:
                why = f"{body.get('message')}" + (f" ({err.detail})" if err.detail else "")
                self.fake._fail(kind, f"{rec.method} {redact(rec.path)} -> {status} {why}")
                self.fake._interaction_request_failed(rec, status, why)
        self.fake._finish_request(rec, status, body)
        if status == 204 or body is None:
            return web.Response(status=204 if body is None and status < 300 else status)
        return json_response(body, status)

    def _rate_limited(
        self, rec: RecordedRequest, retry_after: float, is_global: bool, via: bool = True
    ) -> web.StreamResponse:
        rec.injected = "429"
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": is_global,
            "code": 0,
        }
        headers = {
            "Retry-After": str(max(1, int(retry_after + 0.999))),
            "Via": "1.1 google",
            "X-RateLimit-Scope": "global" if is_global else "user",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        else:
            headers.update(
                {
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
                    "X-RateLimit-Reset-After": f"{retry_after:.3f}",
                    "X-RateLimit-Bucket": "fake-bucket",
                }
            )
        if not via:  # Cloudflare's ban: no Via header, no rate-limit headers, an HTML page
            self.fake._finish_request(rec, 429, body)
            page = "<html><body><h1>Error 1015</h1>You are being rate limited.</body></html>"
            return web.Response(status=429, text=page, content_type="text/html")
        self.fake._finish_request(rec, 429, body)
        return json_response(body, 429, headers)

    # ------------------------------------------------------------------ identity
    async def get_me(self, req: Req) -> tuple[int, Any]:
        return 200, self.fake._bot_user_payload(full=True)

    async def get_user(self, req: Req) -> tuple[int, Any]:
        user = self.fake._user_by_id(req.params["user_id"])
        if user is None:
            raise HTTPError(404, "Unknown User", 10013)
        return 200, user

    async def get_application(self, req: Req) -> tuple[int, Any]:
        return 200, self.fake._application_payload()

    async def get_gateway(self, req: Req) -> tuple[int, Any]:
        return 200, {"url": self.fake.gateway_url.rstrip("/")}

    async def get_gateway_bot(self, req: Req) -> tuple[int, Any]:
        return 200, {
            "url": self.fake.gateway_url.rstrip("/"),
            "shards": self.fake.recommended_shards,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14400000,
                "max_concurrency": 1,
            },
        }

    # ------------------------------------------------------------------ application commands
    def _scope(self, req: Req) -> str | None:
        fake = self.fake
        if req.params["app"] != fake.application_id:
            raise HTTPError(403, "Missing Access", 50001)
        guild = req.params.get("guild")
        if guild is not None and guild != fake.guild_id:
            raise HTTPError(403, "Missing Access", 50001)
        return guild

    def _check_command(self, cmd: Any) -> None:
        if not isinstance(cmd, dict):
            raise HTTPError(400, "Invalid Form Body", 50035)
        ctype = cmd.get("type", 1)
        name = cmd.get("name", "")
        if ctype == 1:
            if not _NAME_RE.match(name or "") or name != name.lower():
                raise HTTPError(
                    400,
                    "Invalid Form Body",
                    50035,
                    detail=f"command name {name!r} must be lowercase, 1-32 chars",
                )
            if not cmd.get("description"):
                raise HTTPError(
                    400, "Invalid Form Body", 50035, detail=f"command {name!r} needs a description"
                )
            self._check_options(name, cmd.get("options") or [])

    def _check_options(self, where: str, options: list[Any]) -> None:
        seen_optional = False
        names = set()
        for opt in options:
            oname = opt.get("name", "")
            if oname in names:
                raise HTTPError(
                    400, "Invalid Form Body", 50035, detail=f"duplicate option {oname!r} in {where}"
                )
            names.add(oname)
            if not _NAME_RE.match(oname or "") or oname != oname.lower():
                raise HTTPError(
                    400,
                    "Invalid Form Body",
                    50035,
                    detail=f"option name {oname!r} in {where} must be lowercase",
                )
            if opt.get("type") in (1, 2):
                self._check_options(f"{where} {oname}", opt.get("options") or [])
                continue
            if opt.get("required"):
                if seen_optional:
                    raise HTTPError(
                        400,
                        "Invalid Form Body",
                        50035,
                        detail=f"required option {oname!r} after an optional one in {where}",
                    )
            else:
                seen_optional = True
            if opt.get("autocomplete") and opt.get("choices"):
                raise HTTPError(
                    400,
                    "Invalid Form Body",
                    50035,
                    detail=f"option {oname!r} has both choices and autocomplete",
                )

    async def list_commands(self, req: Req) -> tuple[int, Any]:
        return 200, self.fake._commands_list(self._scope(req))

    async def overwrite_commands(self, req: Req) -> tuple[int, Any]:
        scope = self._scope(req)
        body = req.body if req.body is not None else []
        if not isinstance(body, list):
            raise HTTPError(400, "Invalid Form Body", 50035, detail="expected an array of commands")
        keys = set()
        for cmd in body:
            self._check_command(cmd)
            key = (cmd.get("name"), cmd.get("type", 1))
            if key in keys:
                raise HTTPError(
                    400, "Invalid Form Body", 50035, detail=f"duplicate command name {key[0]!r}"
                )
            keys.add(key)
        return 200, self.fake._overwrite_commands(scope, body)

    async def create_command(self, req: Req) -> tuple[int, Any]:
        scope = self._scope(req)
        self._check_command(req.body)
        cmd, created = self.fake._upsert_command(scope, req.body)
        return (201 if created else 200), cmd

    async def get_command(self, req: Req) -> tuple[int, Any]:
        cmd = self.fake._find_command(self._scope(req), req.params["cmd"])
        if cmd is None:
            raise HTTPError(404, "Unknown application command", 10063)
        return 200, cmd

    async def edit_command(self, req: Req) -> tuple[int, Any]:
        scope = self._scope(req)
        cmd = self.fake._find_command(scope, req.params["cmd"])
        if cmd is None:
            raise HTTPError(404, "Unknown application command", 10063)
        merged = {**cmd, **(req.body or {})}
        self._check_command(merged)
        return 200, self.fake._upsert_command(scope, merged)[0]

    async def delete_command(self, req: Req) -> tuple[int, Any]:
        if not self.fake._delete_command(self._scope(req), req.params["cmd"]):
            raise HTTPError(404, "Unknown application command", 10063)
        return 204, None

    # ------------------------------------------------------------------ interactions
    def _check_message_body(
        self, body: Any, files: list[dict[str, Any]], *, edit: bool = False
    ) -> None:
        if not isinstance(body, dict):
            raise HTTPError(400, "Invalid Form Body", 50035)
        embeds = body.get("embeds") or []
        total = 0
        for e in embeds:
            if not isinstance(e, dict):
                continue
            total += len(e.get("title") or "") + len(e.get("description") or "")
            total += len((e.get("footer") or {}).get("text") or "") + len(
                (e.get("author") or {}).get("name") or ""
            )
            for f in e.get("fields") or []:
                total += len(f.get("name") or "") + len(f.get("value") or "")
        if total > 6000:
            raise HTTPError(
                400,
                "Invalid Form Body",
                50035,
                detail=f"embeds have {total} characters in total (max 6000)",
            )
        if edit:
            return
        if not (
            body.get("content")
            or embeds
            or body.get("components")
            or files
            or body.get("poll")
            or body.get("sticker_ids")
        ):
            raise HTTPError(400, "Cannot send an empty message", 50006)

    async def interaction_callback(self, req: Req) -> tuple[int, Any]:
        fake = self.fake
        now = req.arrived
        rec = fake._interaction_by_id(req.params["iid"])
        if rec is None or rec.token != req.params["token"]:
            raise HTTPError(404, "Unknown interaction", 10062)
        if rec.callback is not None:
            raise HTTPError(
                400, "Interaction has already been acknowledged.", 40060, detail="second callback"
            )
        late = now - rec.sent_at
        if fake.callback_deadline is not None and late > fake.callback_deadline:
            why = f"callback {late:.2f}s after the event; Discord allows {fake.callback_deadline}s"
            raise HTTPError(404, "Unknown interaction", 10062, detail=why)
        body = req.body if isinstance(req.body, dict) else {}
        ctype = body.get("type")
        if ctype not in ALLOWED_CALLBACKS.get(rec.type, set()):
            why = f"callback type {ctype!r} is not valid for interaction type {rec.type}"
            raise HTTPError(400, "Invalid Form Body", 50035, detail=why)
        data = body.get("data") or {}
        if ctype in (4, 7):
            self._check_message_body(data, req.files, edit=(ctype == 7))
        if ctype == 8 and len(data.get("choices") or []) > 25:
            raise HTTPError(400, "Invalid Form Body", 50035, detail="more than 25 choices")
        response = fake._apply_callback(rec, body, req.files, now)
        if _truthy(req.query.get("with_response")):
            return 200, response
        return 204, None

    def _interaction_for_webhook(self, req: Req) -> InteractionRecord:
        fake = self.fake
        rec = fake._interaction_by_token(req.params["token"])
        if rec is None or req.params["app"] != fake.application_id:
            raise HTTPError(404, "Unknown Webhook", 10015)
        if rec.callback is None:
            raise HTTPError(
                404, "Unknown Webhook", 10015, detail="the interaction was not acknowledged yet"
            )
        return rec

    async def followup(self, req: Req) -> tuple[int, Any]:
        rec = self._interaction_for_webhook(req)
        self._check_message_body(req.body, req.files)
        msg = self.fake._add_followup(rec, req.body, req.files)
        if _truthy(req.query.get("wait")):
            return 200, msg
        return 204, None

    def _webhook_message_id(self, rec: InteractionRecord, req: Req) -> str:
        mid = req.params.get("msg")
        if mid is None:  # @original
            if rec.original_message_id is None:
                raise HTTPError(404, "Unknown Message", 10008)
            return rec.original_message_id
        if mid != rec.original_message_id and mid not in rec.followup_message_ids:
            raise HTTPError(404, "Unknown Message", 10008)
        return mid

    async def get_webhook_message(self, req: Req) -> tuple[int, Any]:
        rec = self._interaction_for_webhook(req)
        msg = self.fake._message(self._webhook_message_id(rec, req))
        if msg is None:
            raise HTTPError(404, "Unknown Message", 10008)
        return 200, msg

    async def edit_webhook_message(self, req: Req) -> tuple[int, Any]:
        rec = self._interaction_for_webhook(req)
        mid = self._webhook_message_id(rec, req)
        self._check_message_body(req.body, req.files, edit=True)
        msg = self.fake._edit_message(rec, mid, req.body, req.files)
        if msg is None:
            raise HTTPError(404, "Unknown Message", 10008)
        return 200, msg

    async def delete_webhook_message(self, req: Req) -> tuple[int, Any]:
        rec = self._interaction_for_webhook(req)
        mid = self._webhook_message_id(rec, req)
        if not self.fake._delete_message(rec, mid):
            raise HTTPError(404, "Unknown Message", 10008)
        return 204, None

    async def channel_message(self, req: Req) -> tuple[int, Any]:
        fake = self.fake
        if req.params["channel"] != fake.channel_id:
            raise HTTPError(404, "Unknown Channel", 10003)
        self._check_message_body(req.body, req.files)
        return 200, fake._add_channel_message(req.body, req.files)


_LONG_SEGMENT = re.compile(r"/[A-Za-z0-9_\-.]{60,}")


def redact(path: str) -> str:
    """Shorten interaction/webhook tokens in a path, for readable messages."""
    return _LONG_SEGMENT.sub("/<token>", path)


def fault_matches(pattern: str, method: str, path: str) -> bool:
    if " " not in pattern:
        pattern = "* " + pattern
    return fnmatch.fnmatchcase(f"{method} {path}", pattern)


__all__ = ["API_PREFIX", "RestApi", "fault_matches", "json_response", "redact"]
