"""Metrics, health and JSON logs of the real bot on the fake Discord.

A burst of interactions of every kind goes through the fake Discord; then ``/metrics`` (scraped
and parsed with ``prometheus_client``'s own parser) counts exactly what was sent, by command,
kind and outcome, with a latency histogram each, the gateway latency of the shard, the server
count and no errors; ``/healthz`` says ok. The bot logs JSON (``LOG_FORMAT=json``): every line it
wrote parses as one JSON object, one interaction event per interaction sent, and no line holds
the token, an interaction token or (at INFO) a user id.
"""

from __future__ import annotations

import copy
import json
import socket
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.discord.cogs.career import COOLDOWN_RATE
from fake_discord import BotProcess, FakeDiscord

from .e2e_env import bot_env

pytestmark = pytest.mark.e2e

OK_SALARY, OK_COMPARE, ASKED, AUTOCOMPLETE, PAGES, FORGED = COOLDOWN_RATE + 2, 6, 4, 10, 3, 2
LAUNCHER = "fake-discord launcher:"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _count(samples: dict[Any, float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture(scope="module")
def burst(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The bot (JSON logs, metrics on a free port) after a burst; what it served, as scraped."""
    port = _free_port()
    env = bot_env(tmp_path_factory.mktemp("cache"), LOG_FORMAT="json", METRICS_PORT=str(port))
    base = f"http://127.0.0.1:{port}"
    with FakeDiscord() as fake:
        bot = BotProcess(fake, env=env)
        try:
            bot.start().wait_ready(60)
            health = _wait_healthy(base)
            records = _send_burst(fake)
            scraped = _scrape_until_counted(base, len(records))
            _wait_logged(bot, len(records) - AUTOCOMPLETE)
            yield {
                "fake": fake,
                "bot": bot,
                "health": health,
                "metrics": scraped,
                "records": records,
            }
        finally:
            code = bot.stop()
        assert code == 0, bot.output_tail()


def _wait_healthy(base: str) -> dict[str, Any]:
    deadline = time.monotonic() + 20
    while True:
        status, body = _get(base + "/healthz")
        if status == 200 or time.monotonic() > deadline:
            return {"http": status, **json.loads(body)}
        assert status == 503, body  # starting: not healthy yet, and says so
        time.sleep(0.2)


def _send_burst(fake: FakeDiscord) -> list[Any]:
    # alice asks 11 times: her 11th within a minute meets the per-user cooldown (10 a minute)
    handles = [fake.send_slash("salary", {"profession": "lawyer"}, user="bob") for _ in range(2)]
    handles += [
        fake.send_slash("salary", {"profession": "lawyer"}) for _ in range(COOLDOWN_RATE + 1)
    ]
    handles += [
        fake.send_slash("compare", {"a": "lawyer", "b": "cashier"}) for _ in range(OK_COMPARE)
    ]
    handles += [fake.send_slash("career", {"profession": "xyzzy plugh qwv"}) for _ in range(ASKED)]
    handles += [fake.send_autocomplete("salary", "profession", "nur") for _ in range(AUTOCOMPLETE)]
    records = [h.wait_callback(15) for h in handles]
    answer = next(r for r in records if r.name == "compare")
    message = fake.response_message(answer)
    assert message is not None
    buttons = [c for row in answer.components for c in row["components"] if c["type"] == 2]
    # bob did not ask: each click gets him his own copy, and the message stays as it is
    records += [fake.click(message, buttons[1]["custom_id"], user="bob") for _ in range(PAGES)]
    for n in range(FORGED):
        tampered = copy.deepcopy(message) | {"id": str(10**19 + n)}  # a message the fake lacks
        tampered["components"][0]["components"][1]["custom_id"] = "forged"
        records.append(fake.click(tampered, "forged", user="bob"))
    return records


def _scrape_until_counted(base: str, expected: int) -> dict[Any, float]:
    """The scrape once every interaction is counted (an event is recorded just after its
    answer went out, so the last ones may trail the fake's records by a moment)."""
    deadline = time.monotonic() + 10
    while True:
        status, body = _get(base + "/metrics")
        assert status == 200
        samples = _samples(body.decode())
        counted = sum(
            v for (name, _), v in samples.items() if name == "career_bot_interactions_total"
        )
        if counted >= expected or time.monotonic() > deadline:
            return samples


def _wait_logged(bot: BotProcess, expected: int) -> None:
    """Until the JSON log holds an event per interaction answered at INFO: a background thread
    writes the log, and the harness reads it from a pipe, so the last lines trail the answers
    (and the metrics, counted as each answer goes out) by a moment."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if bot.stderr.count('"event": "interaction"') >= expected:
            return
        time.sleep(0.05)


def test_healthz_says_ok_once_every_shard_is_connected(burst: dict[str, Any]) -> None:
    health = burst["health"]
    assert health["http"] == 200 and health["status"] == "ok", health
    assert health["shards"]["0"]["connected"] is True
    assert health["guilds"] == 1


def test_metrics_count_every_interaction_by_command_kind_and_outcome(
    burst: dict[str, Any],
) -> None:
    m = burst["metrics"]
    total = "career_bot_interactions_total"
    assert _count(m, total, command="salary", kind="command", outcome="ok") == OK_SALARY
    assert _count(m, total, command="salary", kind="command", outcome="cooldown") == 1
    assert _count(m, total, command="compare", kind="command", outcome="ok") == OK_COMPARE
    assert _count(m, total, command="career", kind="command", outcome="asked") == ASKED
    assert _count(m, total, command="salary", kind="autocomplete", outcome="ok") == AUTOCOMPLETE
    assert _count(m, total, command="page_button", kind="component", outcome="ok") == PAGES
    assert _count(m, total, command="foreign", kind="component", outcome="refused") == FORGED
    counted = sum(v for (name, _), v in m.items() if name == total)
    assert counted == len(burst["records"])


def test_metrics_have_latency_histograms_gateway_latency_and_servers(
    burst: dict[str, Any],
) -> None:
    m = burst["metrics"]
    hist = "career_bot_interaction_seconds"
    assert _count(m, hist + "_count", command="salary", kind="command") == OK_SALARY + 1
    every = _count(m, hist + "_bucket", command="salary", kind="command", le="+Inf")
    assert every == OK_SALARY + 1
    assert 0 < _count(m, hist + "_sum", command="compare", kind="command") < 60
    assert _count(m, "career_bot_gateway_latency_seconds", shard="0") > 0
    assert _count(m, "career_bot_shard_connected", shard="0") == 1
    assert _count(m, "career_bot_guilds") == 1
    assert _count(m, "career_bot_ready") == 1
    errors = sum(v for (name, _), v in m.items() if name == "career_bot_errors_total")
    assert errors == 0


def _log_lines(bot: BotProcess) -> list[dict[str, Any]]:
    lines = [line for line in bot.stderr.splitlines() if not line.startswith(LAUNCHER)]
    parsed = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all(
        isinstance(p, dict) and {"time", "level", "logger", "message"} <= set(p) for p in parsed
    )
    return parsed


def test_json_logs_parse_line_by_line_with_one_event_per_interaction(
    burst: dict[str, Any],
) -> None:
    logged = _log_lines(burst["bot"])
    events = [r for r in logged if r.get("event") == "interaction"]
    # Autocompletes are logged at DEBUG (one per keystroke); everything else at INFO.
    assert len(events) == len(burst["records"]) - AUTOCOMPLETE
    kinds = Counter((e["kind"], e["command"], e["outcome"]) for e in events)
    assert kinds[("command", "salary", "ok")] == OK_SALARY
    assert kinds[("component", "foreign", "refused")] == FORGED
    for e in events:
        assert e["level"] == "INFO" and e["shard"] == 0
        assert isinstance(e["latency_ms"], float) and e["latency_ms"] >= 0
        assert "user" not in e and "guild" not in e  # ids only at DEBUG
    assert any(r["message"].startswith("Serving /metrics and /healthz") for r in logged)


def test_logs_never_hold_the_token_interaction_tokens_or_user_ids(burst: dict[str, Any]) -> None:
    bot, fake = burst["bot"], burst["fake"]
    bot.assert_token_not_leaked()
    out = bot.output
    leaked = [r.name for r in burst["records"] if r.token and r.token in out]
    assert not leaked
    users = [uid for name, uid in fake.user_ids.items() if name in ("alice", "bob")]
    assert not [uid for uid in users if uid in out]
