"""Projected growth in the Occupational Outlook Handbook's own words.

The OOH describes each occupation's projected employment change over the projections decade
by comparing it with the average for all occupations (3.1% for 2024–34: BLS Employment
Projections, table 1.2, "Total, all occupations"). Its categories, on the whole-percent change
the Handbook prints (BLS, "Occupational Information Included in the OOH", Job Outlook,
https://www.bls.gov/ooh/about/occupational-information-included-in-the-ooh.htm):

    much faster than average   7% or more
    faster than average        5% to 6%
    about as fast as average   3% to 4%
    slower than average        1% to 2%
    little or no change        -1% to 0%
    decline                    -2% or less
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

SOURCE = "BLS Occupational Outlook Handbook, job outlook categories for 2024–34"
AVERAGE_2024_34 = 3.1  # percent, all occupations

# (lowest whole percent, words), highest first
CATEGORIES: tuple[tuple[int, str], ...] = (
    (7, "much faster than average"),
    (5, "faster than average"),
    (3, "about as fast as average"),
    (1, "slower than average"),
    (-1, "little or no change"),
)
DECLINE = "decline"


def whole_percent(growth_pct: float) -> int:
    """The change as the Handbook prints it: rounded half away from zero."""
    return int(Decimal(str(growth_pct)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def category(growth_pct: float) -> str:
    """The OOH's words for a projected percent change: "faster than average", "decline"…"""
    rounded = whole_percent(growth_pct)
    return next((words for low, words in CATEGORIES if rounded >= low), DECLINE)


def outlook_sentence(growth_pct: float, start: int, end: int, openings: int | None) -> str:
    """ "Employment is projected to grow 5% from 2024 to 2034, faster than average, with about
    189,100 openings a year."""
    rounded = whole_percent(growth_pct)
    words = category(growth_pct)
    span = f"from {start} to {end}"
    if words == "little or no change":
        text = f"Employment is projected to show little or no change ({rounded}%) {span}"
    elif words == DECLINE:
        text = f"Employment is projected to decline {abs(rounded)}% {span}"
    else:
        text = f"Employment is projected to grow {rounded}% {span}, {words}"
    if openings:
        text += f", with about {openings:,} openings a year"
    return text + "."
