"""Log lines: discord.py's format for people, or one JSON object per line (``LOG_FORMAT=json``).

A JSON line has ``time`` (UTC, ISO 8601), ``level``, ``logger`` and ``message``, an interaction's
event fields as keys of their own (``event``, ``kind``, ``command``, ``outcome``, ``latency_ms``,
``shard``: see :mod:`.observe`) and, for an error, its traceback as ``exc``. ``json.dumps``
escapes every line break, so one record is always one line, and the handler redacts the
finished line like any other (:mod:`bot.redact`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import logging.handlers
import queue
from collections.abc import Iterator

import discord

from ..redact import RedactingHandler, Redactor
from ..settings import Settings
from .deadline import ExpiredAutocomplete


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        event = getattr(record, "event", None)
        if isinstance(event, dict):
            out |= {k: v for k, v in event.items() if k not in out}
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        if record.stack_info:
            out["stack"] = self.formatStack(record.stack_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def configure_logging(settings: Settings) -> logging.Handler:
    """Log to stderr at ``LOG_LEVEL`` in ``LOG_FORMAT``; every finished line (whichever
    formatter made it: plain, colour on a TTY or in Docker, or JSON) is redacted."""
    handler = RedactingHandler(Redactor(settings.token))
    handler.addFilter(ExpiredAutocomplete())
    level = getattr(logging, settings.log_level)
    if settings.log_format == "json":
        discord.utils.setup_logging(handler=handler, formatter=JsonFormatter(), level=level)
    else:
        discord.utils.setup_logging(handler=handler, level=level)
    return handler


class _Handoff(logging.handlers.QueueHandler):
    """Puts records on the queue as they are: the message is made now (its arguments may
    change later), everything else — traceback, formatting, redaction — in the writer's thread."""

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        record.msg, record.args = record.getMessage(), None
        return record


@contextlib.contextmanager
def in_background(handler: logging.Handler) -> Iterator[None]:
    """While serving, ``handler`` formats, redacts and writes in a thread of its own: the event
    loop only queues each record, so neither the cost of a line nor a slow or blocked stderr (a
    full pipe, a throttling journal) ever delays an answer. Leaving flushes every queued line."""
    root = logging.getLogger()
    records: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    front = _Handoff(records)
    listener = logging.handlers.QueueListener(records, handler, respect_handler_level=True)
    root.removeHandler(handler)
    root.addHandler(front)
    listener.start()
    try:
        yield
    finally:
        root.removeHandler(front)
        listener.stop()
        root.addHandler(handler)
