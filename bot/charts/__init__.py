"""Pictures of the answers: pay ranges, a state map, the outlook — as PNG bytes + alt text.

Core side, no ``discord`` import, and no plotting library either until a chart is drawn:
:mod:`.specs` says what a chart shows (pure data, hashable); :mod:`.draw` draws it with
matplotlib; :mod:`.service` draws in a worker thread, caches, and warms up in the background.
"""

from __future__ import annotations

from .specs import (
    Chart,
    MapChart,
    OutlookChart,
    PayChart,
    Range,
    Spec,
    alt_text,
    compare_chart,
    map_chart,
    outlook_chart,
    salary_chart,
)

__all__ = [
    "Chart",
    "MapChart",
    "OutlookChart",
    "PayChart",
    "Range",
    "Spec",
    "alt_text",
    "compare_chart",
    "map_chart",
    "outlook_chart",
    "salary_chart",
]
