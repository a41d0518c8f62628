"""Prometheus metrics and a health check, on ``METRICS_PORT`` (off unless set).

``GET /metrics`` is the Prometheus text format (the ``prometheus_client`` library): interactions
by command, kind and outcome, their latency, errors logged, and — read when scraped — the gateway
latency of each shard, whether each shard is connected, and the server count. ``GET /healthz``
says whether the bot is serving: ``200`` when every shard is connected, ``503`` while it starts,
reconnects or stops (for a container's health check or a load balancer). Both are served by
aiohttp (discord.py's own HTTP library) on the bot's event loop, so a blocked loop fails the
health check too.

Each bot has its own registry: nothing is global, and two bots in one process (the tests) keep
their own counts.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import discord
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client import generate_latest as render
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from .errors import UNKNOWN_INTERACTION

if TYPE_CHECKING:
    from .observe import Event

log = logging.getLogger(__name__)

#: Seconds: autocomplete answers in milliseconds, answers in tens of ms, Discord's 3 s deadline.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0)


class MetricsUnavailable(Exception):
    """The metrics port cannot be listened on (in use, not allowed, no such address)."""


class Metrics:
    """The bot's metrics (an :class:`.observe.Sink`), in a registry of their own."""

    def __init__(self, client: discord.AutoShardedClient) -> None:
        self.client = client
        self.registry = CollectorRegistry(auto_describe=True)
        self.interactions = Counter(
            "career_bot_interactions",
            "Interactions handled, by command (or component), kind and outcome",
            ["command", "kind", "outcome"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "career_bot_interaction_seconds",
            "Time from starting on an interaction to having answered it",
            ["command", "kind"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.errors = Counter(
            "career_bot_errors",
            "Log records at ERROR or above, by the top-level package that logged them",
            ["source"],
            registry=self.registry,
        )
        self.registry.register(_GatewayCollector(client))
        self.error_counter = _ErrorCounter(self.errors)

    def interaction(self, event: Event) -> None:
        self.interactions.labels(event.command, event.kind, event.outcome).inc()
        self.latency.labels(event.command, event.kind).observe(event.seconds)

    def scrape(self) -> bytes:
        return render(self.registry)


def health(client: discord.AutoShardedClient) -> tuple[int, dict[str, Any]]:
    """``(HTTP status, body)``: 200 when every shard is connected, else 503 and why."""
    shards = {
        str(sid): {"connected": not info.is_closed(), "latency_ms": _ms(info.latency)}
        for sid, info in sorted(client.shards.items())
    }
    if client.is_closed():
        status = "stopping"
    elif not client.is_ready():
        status = "starting"
    elif not shards or not all(s["connected"] for s in shards.values()):
        status = "disconnected"
    else:
        status = "ok"
    body = {"status": status, "guilds": len(client.guilds), "shards": shards}
    return (200 if status == "ok" else 503), body


def _ms(seconds: float) -> float | None:
    return round(seconds * 1000, 1) if math.isfinite(seconds) else None


class _GatewayCollector(Collector):
    """Read at scrape time: per-shard gateway latency and connection, and the server count."""

    def __init__(self, client: discord.AutoShardedClient) -> None:
        self.client = client

    def collect(self) -> Iterator[Metric]:
        latency = GaugeMetricFamily(
            "career_bot_gateway_latency_seconds",
            "Gateway heartbeat latency of each shard",
            labels=["shard"],
        )
        connected = GaugeMetricFamily(
            "career_bot_shard_connected",
            "1 when the shard's gateway is connected",
            labels=["shard"],
        )
        for sid, info in sorted(self.client.shards.items()):
            if math.isfinite(info.latency):
                latency.add_metric([str(sid)], info.latency)
            connected.add_metric([str(sid)], 0.0 if info.is_closed() else 1.0)
        yield latency
        yield connected
        yield GaugeMetricFamily(
            "career_bot_guilds",
            "Servers the bot is in (on this process's shards)",
            value=len(self.client.guilds),
        )
        yield GaugeMetricFamily(
            "career_bot_ready",
            "1 once the bot is connected and ready",
            value=1.0 if self.client.is_ready() and not self.client.is_closed() else 0.0,
        )


class _ErrorCounter(logging.Handler):
    """Counts every record at ERROR or above (the bot's, discord.py's, aiohttp's)."""

    def __init__(self, counter: Counter) -> None:
        super().__init__(logging.ERROR)
        self.counter = counter

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else None
        if record.levelno < logging.ERROR or (
            isinstance(exc, discord.NotFound) and exc.code == UNKNOWN_INTERACTION
        ):
            return  # an interaction that expired: counted as such, and logged as a warning
        self.counter.labels(record.name.split(".")[0]).inc()


class MetricsServer:
    """``/metrics`` and ``/healthz`` on ``addr:port`` while the bot runs (``async with``)."""

    def __init__(self, metrics: Metrics, addr: str, port: int) -> None:
        self.metrics, self.addr, self.port = metrics, addr, port
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._health)
        self.runner = web.AppRunner(app, access_log=None, handle_signals=False)

    async def __aenter__(self) -> MetricsServer:
        await self.runner.setup()
        try:
            await web.TCPSite(self.runner, self.addr, self.port).start()
        except OSError as exc:
            await self.runner.cleanup()
            raise MetricsUnavailable(
                f"cannot serve metrics on {self.addr}:{self.port} ({exc.strerror or exc}): "
                "set METRICS_PORT to a free port, or leave it empty to turn metrics off"
            ) from None
        except BaseException:
            await self.runner.cleanup()
            raise
        logging.getLogger().addHandler(self.metrics.error_counter)
        log.info("Serving /metrics and /healthz on http://%s:%d", self.addr, self.port)
        return self

    async def __aexit__(self, *exc: object) -> None:
        logging.getLogger().removeHandler(self.metrics.error_counter)
        await self.runner.cleanup()

    async def _metrics(self, request: web.Request) -> web.Response:
        return web.Response(
            body=self.metrics.scrape(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    async def _health(self, request: web.Request) -> web.Response:
        status, body = health(self.metrics.client)
        return web.json_response(body, status=status)
