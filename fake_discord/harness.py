"""Run a bot process against a FakeDiscord: start it, wait for READY, capture output, stop it."""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .server import FakeDiscord

PUMP_BATCH = 0.02  # seconds between reads of the bot's output

REPO_ROOT = Path(__file__).resolve().parents[1]
LAUNCHER = Path(__file__).resolve().with_name("launcher.py")
ECHO_BOT = "fake_discord.echo_bot"
DEFAULT_BOT = ("bot", ("run",))


class BotProcess:
    """A bot subprocess started through ``launcher.py`` against ``fake``.

    The environment is the current one plus ``DISCORD_TOKEN`` (``fake.token`` unless ``token`` is
    given), ``PYTHONUNBUFFERED=1``, ``env``, and (``isolate_cache``) ``XDG_CACHE_HOME`` pointing
    at a fresh temporary folder. stdout/stderr are captured (see :attr:`output`).
    The process gets its own process group; :meth:`stop` sends SIGINT, then SIGTERM, then SIGKILL.
    """

    def __init__(
        self,
        fake: FakeDiscord,
        module: str = DEFAULT_BOT[0],
        args: Sequence[str] | None = None,
        *,
        env: Mapping[str, str] | None = None,
        token: str | None = None,
        python: str = sys.executable,
        cwd: str | os.PathLike[str] = REPO_ROOT,
        isolate_cache: bool = True,
    ) -> None:
        self.fake = fake
        self.module = module
        self.args = list(
            DEFAULT_BOT[1] if args is None and module == DEFAULT_BOT[0] else (args or [])
        )
        self.token = fake.token if token is None else token
        self.env = {
            **os.environ,
            "PYTHONUNBUFFERED": "1",
            **(env or {}),
            "DISCORD_TOKEN": self.token,
        }
        self._cache_dir: tempfile.TemporaryDirectory[str] | None = None
        if isolate_cache and "XDG_CACHE_HOME" not in (env or {}):
            # A fresh cache per process: state a bot keeps between runs (e.g. "commands already
            # synced") must not leak from the developer's ~/.cache or from an earlier test.
            self._cache_dir = tempfile.TemporaryDirectory(prefix="fake-discord-cache-")
            self.env["XDG_CACHE_HOME"] = self._cache_dir.name
        self.python, self.cwd = python, str(cwd)
        self.proc: subprocess.Popen[bytes] | None = None
        self._out: list[str] = []
        self._err: list[str] = []
        self._cond = threading.Condition()
        self._readers: list[threading.Thread] = []
        self.started_at: float | None = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def command(self) -> list[str]:
        return [
            self.python,
            str(LAUNCHER),
            "--api",
            self.fake.api_url,
            "--gateway",
            self.fake.gateway_url,
            "--",
            self.module,
            *self.args,
        ]

    def start(self) -> BotProcess:
        if self.proc is not None:
            return self
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        for stream, sink in ((self.proc.stdout, self._out), (self.proc.stderr, self._err)):
            t = threading.Thread(
                target=self._pump,
                args=(stream, sink),
                daemon=True,
                name=f"bot-output-{self.proc.pid}",
            )
            t.start()
            self._readers.append(t)
        # Waits on the fake (callbacks, READY...) fail fast, with this output, if the bot dies.
        self.fake.add_watcher(self._dead_reason)
        return self

    def _pump(self, stream: Any, sink: list[str]) -> None:
        """Collect what the bot writes, in batches: a bot that logs a line per interaction
        must not wake this process (which also runs the fake Discord) once per line, or the
        fake's own timings suffer; so after each read it waits :data:`PUMP_BATCH` seconds for
        more (the pipe holds 64 KiB meanwhile)."""
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        fd = stream.fileno()
        while chunk := os.read(fd, 1 << 16):
            with self._cond:
                sink.append(decoder.decode(chunk))
                self._cond.notify_all()
            time.sleep(PUMP_BATCH)
        with self._cond:
            sink.append(decoder.decode(b"", final=True))
            self._cond.notify_all()
        stream.close()

    @property
    def pid(self) -> int | None:
        return None if self.proc is None else self.proc.pid

    @property
    def returncode(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _dead_reason(self) -> str | None:
        if self.proc is not None and self.proc.poll() is not None:
            return f"the bot exited with code {self.proc.returncode}\n{self.output_tail()}"
        return None

    def wait_ready(
        self, timeout: float = 30.0, *, commands: bool = True, shard_count: int | None = None
    ) -> BotProcess:
        """Wait until the bot is READY on every shard and has synced commands (see FakeDiscord.wait_ready).

        Fails fast (RuntimeError with the bot's output) if the process exits meanwhile.
        """
        try:
            self.fake.wait_ready(timeout, commands=commands, shard_count=shard_count)
        except TimeoutError as exc:
            raise TimeoutError(f"{exc}\n--- bot output ---\n{self.output_tail()}") from None
        return self

    def wait_exit(self, timeout: float = 15.0) -> int:
        """Wait for the process to exit by itself; returns its exit code (TimeoutError otherwise)."""
        assert self.proc is not None
        self.fake.remove_watcher(self._dead_reason)  # the exit is expected now
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TimeoutError(
                f"the bot did not exit within {timeout}s\n{self.output_tail()}"
            ) from None
        self._join_readers()
        return code

    def stop(self, timeout: float = 8.0) -> int | None:
        """Stop the bot: SIGINT (discord.py closes cleanly), then SIGTERM, then SIGKILL its process group."""
        proc = self.proc
        if proc is None:
            return None
        self.fake.remove_watcher(self._dead_reason)
        if proc.poll() is None:
            for sig, wait in (
                (signal.SIGINT, timeout),
                (signal.SIGTERM, 3.0),
                (signal.SIGKILL, 5.0),
            ):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, sig)
                try:
                    proc.wait(wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        # Anything the bot itself spawned in its group goes too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        self._join_readers()
        if self._cache_dir is not None:
            self._cache_dir.cleanup()
            self._cache_dir = None
        return proc.returncode

    def _join_readers(self) -> None:
        for t in self._readers:
            t.join(5)

    def __enter__(self) -> BotProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ output
    @property
    def stdout(self) -> str:
        with self._cond:
            return "".join(self._out)

    @property
    def stderr(self) -> str:
        with self._cond:
            return "".join(self._err)

    @property
    def output(self) -> str:
        """stdout then stderr, as captured so far."""
        return self.stdout + self.stderr

    def output_tail(self, lines: int = 40) -> str:
        return "\n".join(
            ("--- stdout ---\n" + self.stdout + "--- stderr ---\n" + self.stderr).splitlines()[
                -lines:
            ]
        )

    def wait_for_output(self, pattern: str, timeout: float = 10.0) -> re.Match[str]:
        """Wait until stdout or stderr matches the regex ``pattern``; returns the match."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = rx.search("".join(self._out)) or rx.search("".join(self._err))
                if found:
                    return found
                if (
                    self.proc is not None
                    and self.proc.poll() is not None
                    and not any(t.is_alive() for t in self._readers)
                ):
                    raise RuntimeError(
                        f"bot exited before printing {pattern!r}\n{self.output_tail()}"
                    )
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(
                        f"bot did not print {pattern!r} within {timeout}s\n{self.output_tail()}"
                    )
                self._cond.wait(min(remaining, 0.2))

    def assert_token_not_leaked(self) -> None:
        """The token (or its secret part) must not appear in anything the bot printed."""
        secret = self.token.rsplit(".", 1)[-1]
        out = self.output
        if self.token in out or (len(secret) >= 8 and secret in out):
            raise AssertionError("the bot token appears in the bot's output")


@contextlib.contextmanager
def run_bot(
    module: str = DEFAULT_BOT[0],
    args: Sequence[str] | None = None,
    *,
    fake: FakeDiscord | None = None,
    env: Mapping[str, str] | None = None,
    ready_timeout: float = 30.0,
    commands: bool = True,
    shard_count: int | None = None,
    **fake_kwargs: Any,
) -> Iterator[tuple[FakeDiscord, BotProcess]]:
    """Start a FakeDiscord (unless given), launch ``module`` against it, wait until READY; stop both after.

    >>> with run_bot(ECHO_BOT) as (fake, bot):
    ...     assert fake.slash("ping").content == "pong"
    """
    own = fake is None
    fake = fake or FakeDiscord(**fake_kwargs)
    fake.start()
    bot = BotProcess(fake, module, args, env=env)
    try:
        bot.start()
        bot.wait_ready(ready_timeout, commands=commands, shard_count=shard_count)
        yield fake, bot
    finally:
        bot.stop()
        if own:
            fake.stop()
