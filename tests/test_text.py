"""Text cut to fit: one way everywhere (Discord limits, echoed queries, error lines)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.text import ELLIPSIS, clip, one_line


def test_clip_keeps_what_fits_and_marks_a_cut() -> None:
    assert clip("nurse", 5) == "nurse"
    assert clip("registered nurse", 12) == "registered" + ELLIPSIS
    assert clip("abc", 1) == ELLIPSIS and clip("abc", 0) == ""


def test_one_line_collapses_whitespace_then_clips() -> None:
    assert one_line("  debt\n\tcollector  ") == "debt collector"
    assert one_line("x " * 100, 10) == "x x x x x" + ELLIPSIS


@given(st.text(), st.integers(min_value=0, max_value=300))
def test_never_longer_than_the_limit(text: str, limit: int) -> None:
    assert len(clip(text, limit)) <= limit
    assert len(one_line(text, limit)) <= limit
    assert "\n" not in one_line(text, limit)
