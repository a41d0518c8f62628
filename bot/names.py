"""Names as keys: the one form every name and every query is compared in.

Below both the loader (which refuses two curated entries claiming one name) and the matcher
(which indexes and looks up these keys), so neither has to reach into the other.

Case-, accent-, punctuation- and plural-insensitive, so that "Registered Nurses", "registered
nurse" and "REGISTERED  NURSE" are the same key. The same rules run on names (at index build
time) and on queries (per call), which is all that matters for a match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_QUERY = 100  # characters of a normalised query that are ever looked at
# Words that say nothing about which job is meant: they weigh nothing in a query or a name.
STOP_WORDS = frozenset(
    {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to"}
    | {"guy", "gal", "person", "someone", "somebody", "job", "career", "profession"}
    | {"occupation", "position", "role", "my", "i", "im", "as", "like", "kind", "type"}
)

_WORD = re.compile(r"[a-z0-9]+")
_QUALIFIER = re.compile(r",|\(| - |--| of | for | in | at | to | with | on ", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)")
_SINGULAR: dict[str, str] = {}


def singular(token: str) -> str:
    """A crude but consistent singular: the same rule runs on names and on queries."""
    done = _SINGULAR.get(token)
    if done is not None:
        return done
    word = token
    if len(token) <= 3 or token.isdigit():
        pass
    elif token.endswith("ies") and len(token) > 4:
        word = token[:-3] + "y"
    elif token.endswith("sses"):
        word = token[:-2]
    elif token.endswith("s") and not token.endswith(("ss", "us", "is")):
        word = token[:-1]
    if len(_SINGULAR) < 200_000:
        _SINGULAR[token] = word
    return word


def normalize_name(text: str) -> str:
    """:func:`normalize` without its cache (for the index build, which sees each name once)."""
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text[: MAX_QUERY * 4])
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    if "'" in text or "’" in text or "`" in text:
        text = text.replace("'", "").replace("’", "").replace("`", "")
    if "&" in text:
        text = text.replace("&", " and ")
    known = _SINGULAR.get
    return " ".join([known(t) or singular(t) for t in _WORD.findall(text)])[:MAX_QUERY].strip()


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Case-, accent-, punctuation- and plural-insensitive form of a name."""
    return normalize_name(text[: MAX_QUERY * 4])


def name_variants(name: str) -> list[str]:
    """Keys for one name: itself, without its parentheses, and a parenthesised abbreviation.

    ``"Registered Nurse (RN)"`` gives ``registered nurse rn``, ``registered nurse`` and ``rn``.
    """
    if "(" not in name:
        key = normalize_name(name)
        return [key] if key else []
    keys = [normalize_name(name), normalize_name(_PAREN.sub(" ", name))]
    for inner in _PAREN.findall(name):
        inner = inner.strip()
        compact = inner.replace(".", "").replace(" ", "")
        if 2 <= len(compact) <= 6 and (compact.isupper() or len(inner.split()) == 1):
            keys.append(normalize_name(inner))
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def head_word(name: str) -> str:
    """The head noun of a job name, normalised: "driver" in "Bus Drivers, Transit and
    Intercity", "supervisor" in "First-Line Supervisors of Police"."""
    words = normalize_name(_QUALIFIER.split(name, maxsplit=1)[0]).split()
    if not words:
        words = normalize_name(name).split()
    return words[-1] if words else ""
