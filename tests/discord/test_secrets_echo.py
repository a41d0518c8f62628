"""A Discord (or a proxy in front of it) that echoes secrets back: nothing the bot prints shows them.

A tiny HTTP server stands in for Discord's REST API and answers the bot's first request,
``GET /users/@me``, with an error page quoting the request's ``Authorization`` header: a 503
HTML page (a proxy or WAF), a 400 that quotes a 100 KB token. The real ``career-bot run`` runs
against it (only discord.py's REST base URL is changed) with stderr a pipe, a terminal (where
discord.py switches to its colour formatter), and ``DEBUG`` logging. The bot must print one
redacted line and exit 1.
"""

from __future__ import annotations

import asyncio
import os
import pty
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from aiohttp import web

from ..conftest import MINI, ROOT

RUN = (
    "import sys, discord.http; discord.http.Route.BASE = sys.argv[1]; "
    "from bot.__main__ import main; sys.exit(main(['run']))"
)
TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.GhJkLm.echoed-secret-part-0123456789abcdefghij"
BIG_TOKEN = "MTAw." + "Zq7_x" * 20_480 + ".end"  # 100 KB


class EchoServer:
    """``GET /users/@me`` → ``status`` with a body echoing the Authorization header."""

    def __init__(self, status: int, html: bool) -> None:
        self.status, self.html = status, html
        self.seen: list[str] = []
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    async def _handle(self, request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization", "")
        self.seen.append(auth)
        if self.html:
            body = (
                f"<html><body><h1>{self.status}</h1><pre>Authorization: {auth}</pre></body></html>"
            )
            return web.Response(status=self.status, text=body, content_type="text/html")
        quoted = {"message": f"bad request: Authorization: {auth}", "code": 0}
        return web.json_response(quoted, status=self.status)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        big = 1 << 20  # a 100 KB header is read
        self.runner = web.AppRunner(app, access_log=None, max_field_size=big, max_line_size=big)
        self.loop.run_until_complete(self.runner.setup())
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        self.loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        self.loop.run_forever()

    def __enter__(self) -> EchoServer:
        self._thread.start()
        assert self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("echo-cache")


def _env(token: str, cache: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SHARD_"))}
    env.update(
        DISCORD_TOKEN=token,
        CAREER_BOT_DATA=str(MINI),
        CAREER_BOT_CACHE_DIR=str(cache),
        LOG_LEVEL="DEBUG",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def _run_piped(api: str, env: dict[str, str]) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, "-c", RUN, api], env=env, capture_output=True, text=True, timeout=120
    )
    return proc.returncode, proc.stdout + proc.stderr


def _run_on_a_terminal(api: str, env: dict[str, str]) -> tuple[int, str]:
    """stderr (and stdout) a pseudo-terminal: discord.py picks its colour formatter."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", RUN, api], env=env, stdout=slave, stderr=slave)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    code = proc.wait(30)
    return code, b"".join(chunks).decode("utf-8", "replace")


def _assert_clean(out: str, token: str) -> None:
    secret = token.rsplit(".", 1)[-1]
    assert token not in out and secret not in out
    for piece in (token[i : i + 40] for i in range(0, len(token) - 40, 997)):
        assert piece not in out, "a piece of the token was printed"


@pytest.mark.e2e
@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "tty"])
def test_a_503_echoing_authorization_prints_one_redacted_line(cache: Path, terminal: bool) -> None:
    with EchoServer(503, html=True) as server:
        api = f"http://127.0.0.1:{server.port}/api/v10"
        run = _run_on_a_terminal if terminal else _run_piped
        code, out = run(api, _env(TOKEN, cache))
    assert server.seen == [f"Bot {TOKEN}"]  # the token did go out, and came back
    assert code == 1, out[-3000:]
    _assert_clean(out, TOKEN)
    assert "Traceback" not in out
    lines = [line for line in out.splitlines() if "Discord answered an error" in line]
    assert len(lines) == 1 and "503" in lines[0] and "[DISCORD_TOKEN]" in lines[0]
    if terminal:
        assert "\x1b[" in out  # discord.py's colour formatter was in use


@pytest.mark.e2e
def test_a_100_kb_token_echoed_in_a_400_is_not_printed(cache: Path) -> None:
    with EchoServer(400, html=False) as server:
        api = f"http://127.0.0.1:{server.port}/api/v10"
        code, out = _run_on_a_terminal(api, _env(BIG_TOKEN, cache))
    assert server.seen and server.seen[0] == f"Bot {BIG_TOKEN}"
    assert code == 1, out[-3000:]
    _assert_clean(out, BIG_TOKEN)
    assert "Discord answered an error while starting: 400" in out
    assert len(out) < 20_000  # one short line, not the echoed 100 KB


def test_docker_detection_also_redacts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """In a container discord.py picks the colour formatter even without a terminal."""
    import io
    import logging

    import discord

    from bot.discord.app import configure_logging
    from bot.settings import Settings

    monkeypatch.setattr(discord.utils, "is_docker", lambda: True)
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    handler = configure_logging(Settings(token=TOKEN, log_level="DEBUG", cache_dir=tmp_path))
    try:
        assert type(handler.formatter).__name__ == "_ColourFormatter"
        try:
            raise discord.HTTPException.__new__(discord.HTTPException)
        except discord.HTTPException:
            logging.getLogger("discord.http").exception("echo: Authorization: Bot %s", TOKEN)
        try:
            raise RuntimeError(f"<pre>{TOKEN}</pre>")
        except RuntimeError:
            logging.getLogger("discord.client").exception("Ignoring exception")
    finally:
        logging.getLogger().removeHandler(handler)
    out = stream.getvalue()
    assert "Traceback" in out and "\x1b[31m" in out
    _assert_clean(out, TOKEN)
