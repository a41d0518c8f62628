"""Redaction: the token, Authorization values and interaction tokens never reach a finished line."""

from __future__ import annotations

import io
import json
import logging
import sys

import pytest

from bot.redact import TOKEN_LABEL, Printer, RedactingHandler, Redactor, one_line, redact_handler

TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAx.FAKE12.abcdefghijklmnopqrstuvwxyz0123"
SECRET = TOKEN.rsplit(".", 1)[-1]
INTERACTION = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _clean(text: str, *secrets: str) -> None:
    for secret in (TOKEN, SECRET, *secrets):
        assert secret not in text


@pytest.mark.parametrize(
    "text",
    [
        f"token is {TOKEN}",
        f"secret part {SECRET}",
        f"Authorization: Bot {TOKEN}",
        f'{{"headers": {{"Authorization": "Bot {TOKEN}"}}}}',
        f"<html><pre>authorization=Bot%20{TOKEN}</pre></html>",
        f"echoed, cut short: {TOKEN[:-5]}",
    ],
)
def test_the_token_is_replaced_wherever_it_stands(text: str) -> None:
    out = Redactor(TOKEN)(text)
    _clean(out)
    assert TOKEN_LABEL in out or "[redacted:" in out


def test_authorization_looking_values_are_hashed_without_knowing_the_token() -> None:
    other = "NzAwMDAwMDAwMDAwMDAwMDAy.GAKE34.zyxwvutsrqponmlkjihgfedcba9876"
    redact = Redactor(None)
    for text in (
        f"authorization: Bearer {'q' * 30}",
        f"Authorization={other}",
        f"login with {other} failed",
        f"Bot {'k' * 40}",
    ):
        out = redact(text)
        assert other not in out and "q" * 30 not in out and "k" * 40 not in out
        assert "[redacted:" in out


def test_interaction_tokens_become_a_stable_short_hash() -> None:
    redact = Redactor(TOKEN)
    url = redact(f"POST /api/v10/interactions/1234/{INTERACTION}/callback has returned 204")
    hook = redact(f"PATCH /api/v10/webhooks/55/{INTERACTION}/messages/@original")
    event = redact(json.dumps({"t": "INTERACTION_CREATE", "d": {"id": "1", "token": INTERACTION}}))
    for out in (url, hook, event):
        _clean(out, INTERACTION)
    tag = url.split("/1234/")[1].split("/")[0]
    assert tag.startswith("[redacted:") and tag in hook and tag in event
    assert json.loads(event)["d"]["token"] == tag  # JSON stays JSON


def test_ordinary_text_is_left_alone() -> None:
    text = "Loaded 830 professions from 3 file(s); /compare a:nurse b:doctor took 12 ms"
    assert Redactor(TOKEN)(text) == text


def test_a_100_kb_token_echoed_in_part_is_redacted_quickly() -> None:
    import time

    big = "MTAw." + "Ab9_-" * 20_000 + ".tail"
    page = f"<h1>400</h1><pre>Authorization: Bot {big[:50_000]}…</pre>" * 3
    start = time.perf_counter()
    out = Redactor(big)(page)
    assert time.perf_counter() - start < 1.0
    assert big[:200] not in out and "Ab9_-" * 10 not in out


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"test.redact.{id(handler)}")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger


def _log_everything(logger: logging.Logger) -> None:
    logger.debug("gateway event %s", json.dumps({"token": INTERACTION}))
    logger.warning("token is %s", TOKEN)
    try:
        raise RuntimeError(f"503 from proxy: Authorization: Bot {TOKEN}")
    except RuntimeError:
        logger.exception("failed")
    logger.info("stack", stack_info=True, extra={"t": TOKEN})


def test_colour_formatter_tracebacks_are_redacted() -> None:
    """discord.py's colour formatter (a TTY, or Docker) renders the traceback itself, after any
    filter: the finished line is what gets redacted."""
    import discord

    stream = _Tty()
    handler = RedactingHandler(Redactor(TOKEN), stream)
    discord.utils.setup_logging(handler=handler, root=False)
    try:
        assert type(handler.formatter).__name__ == "_ColourFormatter"
        _log_everything(_logger(handler))
    finally:
        logging.getLogger("discord").removeHandler(handler)
    out = stream.getvalue()
    assert "\x1b[31m" in out and "Traceback" in out  # it did render a red traceback
    _clean(out, INTERACTION)
    assert out.count(TOKEN_LABEL) >= 2


@pytest.mark.parametrize("fmt", ["plain", "json"])
def test_any_formatter_on_any_handler_is_redacted(fmt: str) -> None:
    class Json(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            exc = self.formatException(record.exc_info) if record.exc_info else None
            return json.dumps({"msg": record.getMessage(), "exc": exc})

    stream = io.StringIO()
    handler = redact_handler(logging.StreamHandler(stream), Redactor(TOKEN))
    handler.setFormatter(Json() if fmt == "json" else logging.Formatter("%(message)s"))
    _log_everything(_logger(handler))
    out = stream.getvalue()
    _clean(out, INTERACTION)
    if fmt == "json":
        assert all(json.loads(line) for line in out.splitlines())


def test_the_printer_redacts_shortens_and_handles_crashes() -> None:
    stream = io.StringIO()
    printer = Printer(Redactor(TOKEN), stream)
    printer(f"Discord answered 400: {'x' * 5000} {TOKEN}")
    try:
        raise ValueError(f"bad header {TOKEN}")
    except ValueError:
        printer.excepthook(*sys.exc_info())
    out = stream.getvalue()
    _clean(out)
    assert "more characters" in out and "Traceback" in out and "ValueError" in out


def test_one_line() -> None:
    assert one_line("<html>\n  <body>\n503</body></html>") == "<html> <body> 503</body></html>"
    assert len(one_line("y" * 1000, limit=50)) == 50
