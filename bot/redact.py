"""Secrets never reach a log line or the terminal, whatever formats them.

Redaction works on the *finished text*: a handler's ``format()`` output (message, traceback,
stack, whichever formatter made it: discord.py's colour formatter re-renders tracebacks after
any filter has run, a JSON formatter quotes them) and anything printed at start-up. What is
replaced:

* the bot token, its secret (last) part, and any run of 32+ token characters that is a piece
  of it (an error page that echoes a truncated token) → ``[DISCORD_TOKEN]``;
* anything that looks like an ``Authorization`` value (``Bot …``/``Bearer …``, a header or JSON
  field), a token-shaped string (three dot-separated base64 parts), and interaction tokens (in
  ``/interactions/ID/TOKEN`` and ``/webhooks/ID/TOKEN`` paths, and ``"token": "…"`` fields of
  gateway payloads, logged at DEBUG) → ``[redacted:xxxxxxxx]``, a short hash, so the same
  interaction can still be followed through the log without the token being usable.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
import traceback
from types import TracebackType
from typing import IO

from .text import one_line

TOKEN_LABEL = "[DISCORD_TOKEN]"
MIN_PIECE = 32  # a run of token characters this long that is a piece of the token is redacted

_TOKEN_CHARS = re.compile(rf"[A-Za-z0-9_\-.+/=]{{{MIN_PIECE},}}")
_TOKEN_SHAPED = re.compile(r"\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}")
_AUTH_VALUE = re.compile(
    r"(?i)(\b(?:authorization|x-?api-?key)\b[\"']?\s*[:=]\s*[\"']?)"
    r"((?:bot|bearer|basic)\s+)?([^\s\"',;}]+)"
)
_SCHEME_VALUE = re.compile(r"\b(Bot|Bearer) ([A-Za-z0-9_\-.+/=]{16,})")
_PATH_TOKEN = re.compile(r"(/(?:interactions|webhooks)/\d+/)([A-Za-z0-9_\-.]{16,})")
_JSON_TOKEN = re.compile(
    r"(\\?[\"'](?:token|access_token)\\?[\"']\s*[:=]\s*\\?[\"'])([^\"'\\\s]{8,})"
)


def short_hash(secret: str) -> str:
    """``[redacted:1a2b3c4d]``: tells equal secrets apart in a log, reveals nothing usable."""
    return f"[redacted:{hashlib.sha256(secret.encode('utf-8', 'replace')).hexdigest()[:8]}]"


class Redactor:
    """Callable ``text → text`` removing the known token and every token-looking string."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token or ""
        secret = self.token.rsplit(".", 1)[-1]
        self.secrets = [s for s in (self.token, secret) if len(s) >= 8]
        self.secrets = sorted(set(self.secrets), key=len, reverse=True)

    def __call__(self, text: str) -> str:
        if not text:
            return text
        for secret in self.secrets:
            if secret in text:
                text = text.replace(secret, TOKEN_LABEL)
        if self.token:
            text = _TOKEN_CHARS.sub(self._piece, text)
        text = _PATH_TOKEN.sub(lambda m: m.group(1) + short_hash(m.group(2)), text)
        text = _JSON_TOKEN.sub(lambda m: m.group(1) + short_hash(m.group(2)), text)
        text = _AUTH_VALUE.sub(self._auth, text)
        text = _SCHEME_VALUE.sub(lambda m: f"{m.group(1)} {short_hash(m.group(2))}", text)
        return _TOKEN_SHAPED.sub(lambda m: short_hash(m.group(0)), text)

    def _piece(self, match: re.Match[str]) -> str:
        run = match.group(0)
        return TOKEN_LABEL if run in self.token else run

    @staticmethod
    def _auth(match: re.Match[str]) -> str:
        value = match.group(3)
        if value.startswith("[redacted:") or value.startswith(TOKEN_LABEL):
            return match.group(0)
        return f"{match.group(1)}{match.group(2) or ''}{short_hash(value)}"


class RedactingHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A stream handler whose every line, whatever its formatter, goes through a redactor."""

    def __init__(self, redactor: Redactor, stream: IO[str] | None = None) -> None:
        super().__init__(stream)
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self.redactor(super().format(record))


def redact_handler(handler: logging.Handler, redactor: Redactor) -> logging.Handler:
    """Make any existing handler redact its finished lines (e.g. a JSON or file handler)."""
    inner = handler.format

    def format(record: logging.LogRecord) -> str:
        return redactor(inner(record))

    handler.format = format  # type: ignore[method-assign]
    return handler


class Printer:
    """Start-up messages for the terminal (stderr), redacted and kept to a readable size."""

    def __init__(self, redactor: Redactor, stream: IO[str] | None = None) -> None:
        self.redactor = redactor
        self.stream = stream

    def __call__(self, text: str, limit: int | None = 2000) -> None:
        text = self.redactor(text)
        if limit is not None and len(text) > limit:
            text = text[:limit] + f"… ({len(text) - limit:,} more characters)"
        print(text, file=self.stream or sys.stderr, flush=True)

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """For ``sys.excepthook``: a crash's traceback is redacted like everything else."""
        self("".join(traceback.format_exception(kind, exc, tb)).rstrip("\n"), limit=None)


__all__ = [
    "TOKEN_LABEL",
    "one_line",
    "Printer",
    "RedactingHandler",
    "Redactor",
    "redact_handler",
    "short_hash",
]
