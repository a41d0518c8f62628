"""``run_bot``: load the data, build the bot with its cogs, log in, sync the commands, serve.

Start-up order matters: the dataset is loaded and validated *before* connecting, so a bad
dataset never puts a half-working bot online. A missing or rejected token, or an unreachable
Discord, ends the process with one clear line on stderr and exit code 1, no traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys

import aiohttp
import discord

from ..answers import Answers
from ..charts.service import ChartService
from ..dataset import DatasetError
from ..exitcodes import ExitCode
from ..redact import TOKEN_LABEL, Printer, Redactor, one_line
from ..settings import Settings, env_file_warning
from .client import CareerBot
from .cogs import CareerCog, ExploreCog, InfoCog
from .lifecycle import drain
from .logs import configure_logging as configure_logging  # (re-exported)
from .logs import in_background
from .metrics import MetricsServer, MetricsUnavailable

log = logging.getLogger(__name__)


NO_TOKEN = (
    "career-bot: no Discord bot token. Set DISCORD_TOKEN in the environment or in a .env file "
    "in the current folder (see README, “Running the bot”)."
)
BAD_TOKEN = (
    "career-bot: Discord rejected the bot token in DISCORD_TOKEN. Copy a fresh one from the "
    "Developer Portal (your application → Bot → Reset Token); see README, “Running the bot”."
)
REDACTED = TOKEN_LABEL


def create_bot(answers: Answers, settings: Settings, *, force_sync: bool = False) -> CareerBot:
    """The bot with its cogs, each holding the part of ``answers`` it serves."""
    info = InfoCog(answers.dataset, settings.privacy_url, settings.terms_url)
    charts = ChartService(answers.dataset.fingerprint) if settings.charts else None
    cogs = (CareerCog(answers, charts), ExploreCog(answers), info)
    return CareerBot(settings, cogs, force_sync=force_sync)


# --------------------------------------------------------------------------- running


async def _serve(client: CareerBot, token: str) -> None:
    """Run the client until it stops by itself or SIGINT/SIGTERM arrives; then stop it cleanly.

    A signal *cancels* the client rather than calling ``close()``: while shards are still being
    launched, discord.py's ``AutoShardedClient`` retries a failed shard connection forever, so a
    close() at that moment would leave the process hanging (cancelling is also what
    ``Client.run`` does on Ctrl-C). The cancel is repeated until it takes, since Python 3.11's
    ``asyncio.wait_for`` can swallow one. Before that, :func:`.lifecycle.drain` closes the
    gateway and answers the interactions already received (bounded to 7 s). Then ``async with``
    closes the connections. Buttons are left as they are: they carry what they need, so the next
    process answers them.
    """
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    signals = (signal.SIGINT, signal.SIGTERM)
    for sig in signals:
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows; other thread
            loop.add_signal_handler(sig, _on_signal, stop, sig)
    try:
        await _serve_until(client, token, stop)
    finally:
        for sig in signals:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)


def _metrics_server(client: CareerBot) -> contextlib.AbstractAsyncContextManager[object]:
    settings = client.settings
    if client.metrics is None or settings.metrics_port is None:
        return contextlib.nullcontext()
    return MetricsServer(client.metrics, settings.metrics_addr, settings.metrics_port)


async def _serve_until(client: CareerBot, token: str, stop: asyncio.Event) -> None:
    async with client, _metrics_server(client):
        runner = asyncio.create_task(client.start(token, reconnect=True))
        stopper = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopper.cancel()
        if not stop.is_set():
            runner.result()  # it ended by itself: re-raise what ended it (e.g. LoginFailure)
            return
        await drain(client)  # no new interactions; the ones in hand answered (bounded)
        while not runner.done():
            runner.cancel()
            await asyncio.wait({runner}, timeout=1.0)


def _on_signal(stop: asyncio.Event, sig: signal.Signals) -> None:
    log.info("Received %s: answering what was received, then closing", sig.name)
    stop.set()


def run_bot(settings: Settings, force_sync: bool = False) -> int:
    """Run until stopped (SIGINT/SIGTERM → exit 0); 1 on a configuration, data or login error.

    Everything printed from here on — start-up errors, a crash's traceback — is redacted."""
    if not settings.token:
        print(NO_TOKEN, file=sys.stderr)
        return ExitCode.ERROR
    printer = Printer(Redactor(settings.token))
    handler = configure_logging(settings)
    hook, sys.excepthook = sys.excepthook, printer.excepthook
    try:
        return _run(settings, settings.token, force_sync, printer, handler)
    except KeyboardInterrupt:  # Ctrl-C while the data loads (or where signals are not handled)
        return ExitCode.OK
    finally:
        sys.excepthook = hook
        logging.getLogger().removeHandler(handler)


def _run(
    settings: Settings, token: str, force_sync: bool, printer: Printer, handler: logging.Handler
) -> int:
    warning = env_file_warning()
    if warning:
        log.warning(warning)
    try:
        answers = Answers.load(
            extra=settings.data_paths,
            cache_dir=settings.data_cache_dir(),
            limits=settings.read_limits(),
        )
    except DatasetError as exc:
        printer(f"career-bot: not starting, the data has problems.\n{exc}", limit=None)
        return ExitCode.ERROR
    log.info(
        "Loaded %d professions from %d file(s)", len(answers.dataset), len(answers.dataset.files)
    )
    client = create_bot(answers, settings, force_sync=force_sync)
    try:
        with in_background(handler):  # lines are written in a thread; all of them before this ends
            asyncio.run(_serve(client, token))
    except discord.LoginFailure:
        printer(BAD_TOKEN)
        return ExitCode.ERROR
    except MetricsUnavailable as exc:
        printer(f"career-bot: {exc}")
        return ExitCode.ERROR
    except (aiohttp.ClientError, OSError, discord.GatewayNotFound) as exc:
        printer(f"career-bot: cannot reach Discord ({one_line(str(exc)) or type(exc).__name__}).")
        return ExitCode.ERROR
    except discord.HTTPException as exc:
        printer(f"career-bot: Discord answered an error while starting: {one_line(str(exc))}")
        return ExitCode.ERROR
    except discord.ConnectionClosed as exc:
        printer(f"career-bot: Discord closed the connection (code {exc.code}).")
        return ExitCode.ERROR
    log.info("Stopped")
    return ExitCode.OK
