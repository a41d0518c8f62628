"""The fake gateway: websocket sessions, compression, sequence numbers, RESUME."""

from __future__ import annotations

import asyncio
import json
import secrets
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from .models import PRIVILEGED_INTENTS, GatewayConnection

if TYPE_CHECKING:
    from .server import FakeDiscord

# Opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway)
DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE_STATE = 0, 1, 2, 3, 4
RESUME, RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 6, 7, 8, 9, 10, 11
GUILDS_INTENT = 1 << 0
ZLIB_SUFFIX = b"\x00\x00\xff\xff"


def _dumps(obj: Any) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _make_encoder(compress: str | None) -> Callable[[str], str | bytes]:
    """Transport compression: one stream per connection, flushed after every message."""
    if compress is None:
        return lambda text: text
    if compress == "zlib-stream":
        comp = zlib.compressobj()
        return lambda text: comp.compress(text.encode()) + comp.flush(zlib.Z_SYNC_FLUSH)
    if compress == "zstd-stream":
        try:
            import zstandard  # type: ignore[import-not-found]
        except ImportError:
            try:
                from compression import zstd  # type: ignore[import-not-found]  # Python 3.14+
            except ImportError:
                raise LookupError(
                    "zstd-stream requested but neither zstandard nor compression.zstd is installed"
                ) from None
            zc = zstd.ZstdCompressor()
            return lambda text: zc.compress(text.encode(), mode=zstd.ZstdCompressor.FLUSH_BLOCK)
        cobj = zstandard.ZstdCompressor().compressobj()
        return lambda text: (
            cobj.compress(text.encode()) + cobj.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)
        )
    raise LookupError(f"unknown compress={compress!r}")


@dataclass
class _Conn:
    info: GatewayConnection
    ws: web.WebSocketResponse
    request: web.Request
    encode: Callable[[str], str | bytes]
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    session: Session | None = None


@dataclass
class Session:
    """A gateway session (survives disconnects; RESUME re-attaches a new connection)."""

    id: str
    shard: tuple[int, int] | None
    intents: int
    created_at: float
    seq: int = 0
    # (seq, frame, on_sent) for replay on RESUME
    buffer: list[tuple[int, dict[str, Any], Callable[[float], None] | None]] = field(
        default_factory=list
    )
    conn: _Conn | None = None
    ready: bool = False
    invalid: bool = False
    resumes: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def shard_id(self) -> int | None:
        return None if self.shard is None else self.shard[0]

    @property
    def connected(self) -> bool:
        return self.conn is not None and not self.conn.ws.closed


class Gateway:
    """Websocket side of the fake. Runs on the fake's event loop."""

    BUFFER_LIMIT = 5000

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.sessions: dict[str, Session] = {}
        self.conns: list[_Conn] = []
        self._conn_ids = iter(range(1, 1 << 30))

    # ------------------------------------------------------------------ sending
    async def _send(self, conn: _Conn, payload: dict[str, Any]) -> float | None:
        """Write one payload; returns perf_counter after the write, or None if the socket is gone."""
        text = _dumps(payload)
        async with conn.lock:
            if self.fake.gateway_delay:
                await asyncio.sleep(self.fake.gateway_delay)
            if conn.ws.closed:
                return None
            data = conn.encode(text)
            try:
                if isinstance(data, bytes):
                    if self.fake.fragment_frames and len(data) > 8:
                        # Split one compressed message over two frames: the client must buffer
                        # until it sees the zlib flush suffix.
                        half = len(data) // 2
                        await conn.ws.send_bytes(data[:half])
                        await conn.ws.send_bytes(data[half:])
                    else:
                        await conn.ws.send_bytes(data)
                else:
                    await conn.ws.send_str(data)
            except (ConnectionError, RuntimeError):
                return None
        return time.perf_counter()

    async def dispatch(
        self,
        session: Session,
        event: str,
        data: dict[str, Any],
        on_sent: Callable[[float], None] | None = None,
    ) -> float | None:
        """Send a DISPATCH (op 0) with the next sequence number; buffered for RESUME."""
        async with session.lock:
            return await self._dispatch_locked(session, event, data, on_sent)

    async def _dispatch_locked(
        self,
        session: Session,
        event: str,
        data: dict[str, Any],
        on_sent: Callable[[float], None] | None = None,
    ) -> float | None:
        session.seq += 1
        frame = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
        session.buffer.append((session.seq, frame, on_sent))
        if len(session.buffer) > self.BUFFER_LIMIT:
            del session.buffer[: len(session.buffer) - self.BUFFER_LIMIT]
        if session.conn is None:
            return None
        sent = await self._send(session.conn, frame)
        if sent is not None and on_sent is not None:
            on_sent(sent)
        return sent

    # ------------------------------------------------------------------ lookup
    def session_for_shard(self, shard_id: int | None) -> Session | None:
        """Newest valid session serving ``shard_id`` (None: unsharded or any)."""
        best = None
        for s in self.sessions.values():
            if s.invalid or not s.ready:
                continue
            if shard_id is not None and s.shard is not None and s.shard[0] != shard_id:
                continue
            if best is None or s.created_at > best.created_at:
                best = s
        return best

    def shard_for_guild(self, guild_id: str | None) -> int | None:
        counts = [s.shard[1] for s in self.sessions.values() if s.shard and not s.invalid]
        if not counts:
            return None
        if guild_id is None:
            return 0
        return (int(guild_id) >> 22) % max(counts)

    def live_conns(self, shard_id: int | None = None) -> list[_Conn]:
        out = []
        for c in self.conns:
            if c.ws.closed:
                continue
            if shard_id is not None and (c.session is None or c.session.shard_id != shard_id):
                continue
            out.append(c)
        return out

    # ------------------------------------------------------------------ websocket handler
    async def handle(self, request: web.Request) -> web.StreamResponse:
        fake = self.fake
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        if not ws.can_prepare(request).ok:
            return web.Response(status=400, text="Expected a websocket upgrade")
        await ws.prepare(request)
        query = dict(request.query)
        compress = query.get("compress") or None
        info = GatewayConnection(
            id=next(self._conn_ids),
            path=request.path,
            query=query,
            compress=compress,
            opened_at=time.perf_counter(),
        )
        try:
            encode = _make_encoder(compress)
        except LookupError as exc:
            fake._fail("gateway", str(exc))
            encode = _make_encoder(None)
            conn = _Conn(info, ws, request, encode)
            self._track(conn)
            await self._close(conn, 4000, str(exc))
            return ws
        conn = _Conn(info, ws, request, encode)
        self._track(conn)

        version = query.get("v")
        if version not in ("9", "10"):
            fake._fail("gateway", f"gateway connected with v={version!r}; Discord needs v=10")
            await self._close(conn, 4012, "Invalid API version")
            return ws
        if query.get("encoding", "json") != "json":
            fake._fail(
                "gateway",
                f"encoding={query.get('encoding')!r} is not supported by the fake (only json)",
            )
            await self._close(conn, 4002, "Decode error")
            return ws

        if fake.hello_delay:
            await asyncio.sleep(fake.hello_delay)
        await self._send(
            conn,
            {
                "op": HELLO,
                "d": {
                    "heartbeat_interval": fake.heartbeat_interval_ms,
                    "_trace": ['["fake-discord"]'],
                },
            },
        )

        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    raw: str | bytes = msg.data
                elif msg.type == WSMsgType.BINARY:
                    raw = msg.data
                else:
                    break
                try:
                    payload = json.loads(raw)
                    op = payload["op"]
                except (ValueError, KeyError, TypeError):
                    fake._fail("gateway", f"undecodable gateway payload: {raw[:200]!r}")
                    await self._close(conn, 4002, "Decode error")
                    break
                await self._on_payload(conn, op, payload.get("d"))
                if ws.closed:
                    break
        finally:
            self._on_closed(conn)
        return ws

    def _track(self, conn: _Conn) -> None:
        with self.fake._cond:
            self.conns.append(conn)
            self.fake._connections.append(conn.info)
            self.fake._cond.notify_all()

    def _on_closed(self, conn: _Conn) -> None:
        with self.fake._cond:
            info = conn.info
            if info.closed_at is None:
                info.closed_at = time.perf_counter()
                if info.closed_by != "server":  # the server's own close code is already recorded
                    info.closed_by, info.close_code = "client", conn.ws.close_code
            s = conn.session
            if s is not None and s.conn is conn:
                s.conn = None
                # A client closing with 1000/1001 ends its session (Discord invalidates it).
                if info.closed_by == "client" and info.close_code in (1000, 1001):
                    s.invalid = True
            self.fake._cond.notify_all()

    async def _close(
        self, conn: _Conn, code: int, reason: str = "", *, abnormal: bool = False
    ) -> None:
        conn.info.closed_by = conn.info.closed_by or "server"
        if abnormal:
            if conn.request.transport is not None:
                conn.request.transport.abort()
            conn.info.close_code = 1006
        else:
            conn.info.close_code = code
            try:
                await asyncio.wait_for(conn.ws.close(code=code, message=reason.encode()), timeout=5)
            except (TimeoutError, ConnectionError, RuntimeError):
                if conn.request.transport is not None:
                    conn.request.transport.abort()
        self._on_closed(conn)

    # ------------------------------------------------------------------ protocol
    def _record(self, conn: _Conn, op: int, d: Any) -> None:
        if op == HEARTBEAT:
            conn.info.heartbeats += 1
            return
        if isinstance(d, dict) and "token" in d:
            d = {**d, "token": "<redacted>"}
        conn.info.received.append({"op": op, "d": d})

    async def _on_payload(self, conn: _Conn, op: int, d: Any) -> None:
        fake = self.fake
        with fake._cond:
            self._record(conn, op, d)
            fake._cond.notify_all()
        if op == HEARTBEAT:
            if fake.ack_heartbeats:
                await self._send(conn, {"op": HEARTBEAT_ACK})
            return
        if op == IDENTIFY:
            await self._identify(conn, d or {})
            return
        if op == RESUME:
            await self._resume(conn, d or {})
            return
        if conn.session is None:
            fake._fail("gateway", f"op {op} sent before IDENTIFY/RESUME")
            await self._close(conn, 4003, "Not authenticated")
            return
        if op == REQUEST_MEMBERS:
            await self._request_members(conn.session, d or {})
        elif op in (PRESENCE, VOICE_STATE):
            pass
        else:
            fake._fail("gateway", f"unknown gateway opcode {op}")
            await self._close(conn, 4001, "Unknown opcode")

    async def _identify(self, conn: _Conn, d: dict[str, Any]) -> None:
        fake = self.fake
        if conn.session is not None:
            fake._fail("gateway", "IDENTIFY sent twice on one connection")
            await self._close(conn, 4005, "Already authenticated")
            return
        if d.get("token") != fake.token:
            fake._fail("unauthorized", "gateway IDENTIFY with an invalid token")
            await self._close(conn, 4004, "Authentication failed")
            return
        intents = d.get("intents")
        if not isinstance(intents, int) or intents < 0 or intents >= (1 << 26):
            fake._fail("gateway", f"IDENTIFY without valid intents: {intents!r}")
            await self._close(conn, 4013, "Invalid intent(s)")
            return
        disallowed = [
            n
            for n, bit in PRIVILEGED_INTENTS.items()
            if intents & bit and n not in fake.privileged_intents
        ]
        if disallowed:
            fake._fail("gateway", f"IDENTIFY asks for privileged intents not enabled: {disallowed}")
            await self._close(conn, 4014, "Disallowed intent(s)")
            return
        props = d.get("properties")
        if not isinstance(props, dict) or not {"os", "browser", "device"} <= props.keys():
            fake._fail("gateway", f"IDENTIFY properties must have os/browser/device: {props!r}")
            await self._close(conn, 4002, "Decode error")
            return
        shard = d.get("shard")
        if shard is not None:
            if not (
                isinstance(shard, list)
                and len(shard) == 2
                and all(isinstance(x, int) for x in shard)
                and 0 <= shard[0] < shard[1]
            ):
                fake._fail("gateway", f"invalid shard {shard!r}")
                await self._close(conn, 4010, "Invalid shard")
                return
            shard = (shard[0], shard[1])
        count = shard[1] if shard else 1
        if fake.required_shards and count < fake.required_shards:
            fake._fail(
                "gateway", f"bot uses {count} shard(s) but the fake requires {fake.required_shards}"
            )
            await self._close(conn, 4011, "Sharding required")
            return

        session = Session(
            id=secrets.token_hex(16), shard=shard, intents=intents, created_at=time.perf_counter()
        )
        conn.session = session
        conn.info.shard, conn.info.session_id, conn.info.kind = shard, session.id, "identify"
        with fake._cond:
            self.sessions[session.id] = session
        async with session.lock:
            session.conn = conn
            guilds = [g for g in [fake._guild_payload()] if self._guild_on_shard(g["id"], shard)]
            ready = {
                "v": 10,
                "user": fake._bot_user_payload(full=True),
                "guilds": [{"id": g["id"], "unavailable": True} for g in guilds],
                "session_id": session.id,
                "session_type": "normal",
                "resume_gateway_url": fake.resume_gateway_url,
                "user_settings": {},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "guild_join_requests": [],
                "geo_ordered_rtc_regions": ["us-east"],
                "auth": {},
                "application": {"id": fake.application_id, "flags": fake.application_flags},
                "_trace": ['["fake-discord-gateway"]'],
            }
            if shard is not None:
                ready["shard"] = list(shard)
            await self._dispatch_locked(session, "READY", ready)
            if intents & GUILDS_INTENT:
                for g in guilds:
                    await self._dispatch_locked(session, "GUILD_CREATE", g)
        with fake._cond:
            session.ready = True
            fake._cond.notify_all()

    @staticmethod
    def _guild_on_shard(guild_id: str, shard: tuple[int, int] | None) -> bool:
        return shard is None or (int(guild_id) >> 22) % shard[1] == shard[0]

    async def _resume(self, conn: _Conn, d: dict[str, Any]) -> None:
        fake = self.fake
        if d.get("token") != fake.token:
            fake._fail("unauthorized", "gateway RESUME with an invalid token")
            await self._close(conn, 4004, "Authentication failed")
            return
        session = self.sessions.get(d.get("session_id") or "")
        seq = d.get("seq")
        reason = None
        if session is None:
            reason = "unknown session"
        elif session.invalid:
            reason = "session was invalidated"
        elif not isinstance(seq, int) and seq is not None:
            reason = f"bad seq {seq!r}"
        elif (seq or 0) > session.seq:
            reason = f"seq {seq} is ahead of the session ({session.seq})"
        elif session.buffer and (seq or 0) < session.buffer[0][0] - 1:
            reason = "events since seq are no longer buffered"
        if reason is not None or session is None:
            with fake._cond:
                fake._resume_failures.append(reason or "")
                fake._cond.notify_all()
            await self._send(conn, {"op": INVALID_SESSION, "d": False})
            return
        if conn.info.path.rstrip("/") != fake._resume_path.rstrip("/"):
            fake._warn(f"RESUME was sent to {conn.info.path!r}, not to resume_gateway_url")
        old = session.conn
        if old is not None and old is not conn and not old.ws.closed:
            await self._close(old, 4000, "Session resumed elsewhere")
        conn.session = session
        conn.info.shard, conn.info.session_id, conn.info.kind = session.shard, session.id, "resume"
        async with session.lock:
            for s, frame, on_sent in list(session.buffer):
                if s > (seq or 0):
                    sent = await self._send(conn, frame)
                    if sent is not None and on_sent is not None:
                        on_sent(sent)
            session.conn = conn
            await self._dispatch_locked(
                session, "RESUMED", {"_trace": ['["fake-discord-gateway"]']}
            )
        with fake._cond:
            session.resumes += 1
            fake._cond.notify_all()

    async def _request_members(self, session: Session, d: dict[str, Any]) -> None:
        fake = self.fake
        guild = fake._guild_payload()
        if str(d.get("guild_id")) != guild["id"]:
            return
        members = guild["members"]
        user_ids = d.get("user_ids")
        if user_ids:
            wanted = {str(u) for u in (user_ids if isinstance(user_ids, list) else [user_ids])}
            members = [m for m in members if m["user"]["id"] in wanted]
        elif d.get("query"):
            q = str(d["query"]).lower()
            members = [m for m in members if m["user"]["username"].lower().startswith(q)]
        limit = d.get("limit") or 0
        if limit:
            members = members[:limit]
        chunk: dict[str, Any] = {
            "guild_id": guild["id"],
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
        }
        if d.get("nonce"):
            chunk["nonce"] = d["nonce"]
        if d.get("presences"):
            chunk["presences"] = []
        await self.dispatch(session, "GUILD_MEMBERS_CHUNK", chunk)

    # ------------------------------------------------------------------ faults
    async def drop(self, shard_id: int | None, code: int, abnormal: bool) -> int:
        conns = self.live_conns(shard_id)
        for c in conns:
            await self._close(c, code, "Fake Discord dropped the connection", abnormal=abnormal)
        return len(conns)

    async def send_op(
        self, shard_id: int | None, payload: dict[str, Any], *, invalidate: bool = False
    ) -> int:
        conns = self.live_conns(shard_id)
        for c in conns:
            if invalidate and c.session is not None:
                c.session.invalid = True
            await self._send(c, payload)
        return len(conns)
