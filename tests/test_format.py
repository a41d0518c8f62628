"""Numbers formatted for people."""

from __future__ import annotations

from bot import format as fmt
from bot.model import Money


def test_money() -> None:
    assert fmt.money(Money(43251)) == "$43,251"
    assert fmt.money(Money(20.79), hourly=True) == "$20.79/hr"
    assert fmt.money(Money(239200, at_least=True)) == "≥ $239,200"
    assert fmt.money(None) == "—"


def test_percentages() -> None:
    assert fmt.pct(-8) == "-8%"
    assert fmt.pct(69.5) == "69.5%"
    assert fmt.pct(61.0, decimals=1) == "61.0%"
    assert fmt.pct(15.8, signed=True) == "+15.8%"
    assert fmt.pct(-0.04) == "0%"
    assert fmt.pct(None) == "—"


def test_plain_and_jobs() -> None:
    assert fmt.plain(46) == "46" and fmt.plain(3.67) == "3.67" and fmt.plain(41.2) == "41.2"
    assert fmt.plain(None) == "—"
    assert fmt.jobs(158830) == "158,830 jobs" and fmt.jobs(1) == "1 job" and fmt.jobs(None) == "—"
