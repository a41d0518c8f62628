"""Numbers formatted for people: ``$43,251``, ``$20.79/hr``, ``-8%``, ``158,830 jobs``."""

from __future__ import annotations

from .model import Money

MISSING = "—"


def dollars(amount: float, *, hourly: bool = False) -> str:
    """``$43,251`` a year, or ``$20.79/hr``."""
    return f"${amount:,.2f}/hr" if hourly else f"${amount:,.0f}"


def money(value: Money | None, *, hourly: bool = False) -> str:
    if value is None:
        return MISSING
    text = dollars(value.value, hourly=hourly)
    return f"≥ {text}" if value.at_least else text


def pct(value: float | None, *, decimals: int | None = None, signed: bool = False) -> str:
    """``8%``, ``69.5%``; ``decimals`` fixes the precision; ``signed`` adds ``+``."""
    if value is None:
        return MISSING
    if decimals is not None:
        text = f"{value:.{decimals}f}"
    else:
        text = f"{value:.1f}".rstrip("0").rstrip(".")
    if text in {"-0", "-0.0"}:
        text = text[1:]
    if signed and value > 0:
        text = "+" + text
    return f"{text}%"


def plain(value: float | None) -> str:
    """A small figure such as an age or a rating: ``46``, ``41.2``, ``3.67``."""
    if value is None:
        return MISSING
    return f"{value:.2f}".rstrip("0").rstrip(".")


def jobs(value: int | None) -> str:
    if value is None:
        return MISSING
    return f"{value:,} job" if value == 1 else f"{value:,} jobs"
