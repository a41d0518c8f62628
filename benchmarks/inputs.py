"""What every section measures on: the query set, the data layers, the loaded answers."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.answers import Answers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERIES = HERE / "queries.txt"


def log(msg: str) -> None:
    """Progress goes to stderr; stdout is the table (and the JSON with ``--json -``)."""
    print(msg, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Query:
    kind: str
    text: str


_ESCAPES = {"t": "\t", "n": "\n", "s": " ", "\\": "\\"}


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPES:
            out.append(_ESCAPES[text[i + 1]])
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def load_queries(path: Path = QUERIES) -> list[Query]:
    """``KIND<TAB>QUERY`` lines; ``\\t``, ``\\n``, ``\\s`` and ``\\\\`` stand for a tab, a
    newline, a space and a backslash."""
    queries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, sep, text = line.partition("\t")
        if not sep:
            raise ValueError(f"{path}:{n}: expected KIND<TAB>QUERY")
        queries.append(Query(kind, _unescape(text)))
    return queries


def subset(queries: list[Query], per_kind: int | None) -> list[Query]:
    """The first ``per_kind`` queries of each kind (one ``long``); all when None."""
    if per_kind is None:
        return queries
    seen: dict[str, int] = {}
    kept = []
    for q in queries:
        limit = 1 if q.kind == "long" else per_kind  # a long query costs the baseline seconds
        if seen.get(q.kind, 0) < limit:
            kept.append(q)
            seen[q.kind] = seen.get(q.kind, 0) + 1
    return kept


def extra_layers() -> list[str]:
    """``CAREER_BOT_DATA`` as the bot reads it (from the environment only)."""
    return [p for p in (os.environ.get("CAREER_BOT_DATA") or "").split(os.pathsep) if p.strip()]


def short(text: str, limit: int = 40) -> str:
    r = repr(text)
    return r if len(r) <= limit else r[: limit - 5] + f"…[{len(text)}]"


def load_answers(extra: list[str], cache_dir: str | None) -> Answers:
    """The answers the bot would load, through the start-up cache folder ``cache_dir``."""
    log("loading the dataset in this process" + (" (warm start-up cache)" if cache_dir else ""))
    return Answers.load(extra=extra, cache_dir=cache_dir)
