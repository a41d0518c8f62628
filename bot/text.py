"""Plain text cut to fit: every surface that shortens text does it here, the same way."""

from __future__ import annotations

ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """Shorten to at most ``limit`` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + ELLIPSIS if limit > 0 else ""


def one_line(text: str, limit: int = 300) -> str:
    """Whitespace (newlines included) collapsed to single spaces, then clipped to ``limit``: what a
    user typed, or an error text (maybe a whole HTML error page), repeated back in one line."""
    return clip(" ".join(text.split()), limit)
