"""``LOG_FORMAT=json``: one JSON object per record, on one line, redacted like every line."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

from bot.discord.logs import JsonFormatter, configure_logging, in_background
from bot.settings import Settings

TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB"


def _record(**kw: object) -> logging.LogRecord:
    record = logging.LogRecord("bot.x", logging.INFO, __file__, 1, "answered %s", ("it",), None)
    record.__dict__.update(kw)
    return record


def test_a_record_is_one_json_object_with_its_event_fields() -> None:
    event = {"event": "interaction", "command": "salary", "outcome": "ok", "latency_ms": 12.5}
    line = JsonFormatter().format(_record(event=event))
    parsed = json.loads(line)
    assert parsed["message"] == "answered it" and parsed["level"] == "INFO"
    assert parsed["logger"] == "bot.x" and parsed["time"].endswith("+00:00")
    assert {k: parsed[k] for k in event} == event


def test_event_fields_never_replace_the_record_s_own() -> None:
    parsed = json.loads(JsonFormatter().format(_record(event={"message": "x", "level": "Y"})))
    assert parsed["message"] == "answered it" and parsed["level"] == "INFO"


def test_a_traceback_stays_on_one_line_and_the_token_is_redacted(tmp_path: Path) -> None:
    settings = Settings(token=TOKEN, log_format="json", cache_dir=tmp_path)
    handler = configure_logging(settings)
    stream = io.StringIO()
    handler.setStream(stream)  # type: ignore[attr-defined]
    try:
        try:
            raise RuntimeError(f"Authorization: Bot {TOKEN}\nsecond line")
        except RuntimeError:
            logging.getLogger("bot.test").exception("failed with %s", TOKEN)
    finally:
        logging.getLogger().removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    parsed = json.loads(lines[0])
    assert "Traceback" in parsed["exc"] and "second line" in parsed["exc"]
    assert TOKEN not in lines[0] and TOKEN.rsplit(".", 1)[-1] not in lines[0]
    assert "[DISCORD_TOKEN]" in parsed["message"]


def test_in_background_every_line_is_written_and_tracebacks_kept(tmp_path: Path) -> None:
    handler = configure_logging(Settings(token=TOKEN, log_format="json", cache_dir=tmp_path))
    stream = io.StringIO()
    handler.setStream(stream)  # type: ignore[attr-defined]
    log = logging.getLogger("bot.test")
    try:
        with in_background(handler):
            assert handler not in logging.getLogger().handlers  # the thread writes
            details = {"n": 0}
            for n in range(200):
                details["n"] = n
                log.info("line %s", details)  # the argument changes after each call
            try:
                raise ValueError("boom")
            except ValueError:
                log.exception("failed")
        assert handler in logging.getLogger().handlers
    finally:
        logging.getLogger().removeHandler(handler)
    parsed = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [p["message"] for p in parsed[:200]] == [f"line {{'n': {n}}}" for n in range(200)]
    assert "ValueError: boom" in parsed[200]["exc"]
