"""Specs → PNG with matplotlib (Agg). Imported only when a chart is drawn.

Why matplotlib: the field's standard, well kept, draws headless through Agg with no system
libraries, ships its own font (DejaVu Sans, with ≥ and → glyphs) and type hints, and its
object API (``Figure`` + ``FigureCanvasAgg``, never ``pyplot``) keeps no global figure state,
so a worker thread can draw while the bot answers. Layout is placed by hand (no constrained
layout): it is faster and nothing can be clipped by a surprise.

Every chart is an opaque light card, so it reads the same on Discord's dark and light themes;
it is drawn at twice the size Discord shows it (≈ 550 px wide) to stay sharp on dense screens.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import matplotlib
import numpy as np
from PIL import Image

matplotlib.use("Agg")  # before anything that could pick an interactive backend

from matplotlib import colormaps, colors, rc_context  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import PathCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.path import Path  # noqa: E402
from matplotlib.textpath import TextPath  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402
from matplotlib.transforms import Affine2D  # noqa: E402

from .. import format as fmt  # noqa: E402
from .specs import (  # noqa: E402
    Chart,
    MapChart,
    OutlookChart,
    PayChart,
    Range,
    Spec,
    alt_text,
    ranked_states,
)
from .tiles import BY_CODE, COLUMNS, ROWS  # noqa: E402

WIDTH_IN = 5.5  # inches; × DPI = pixels
DPI = 160  # 880 px wide: Discord shows it at ≈ 400–550 px
BACKGROUND, INK, MUTED, GRID = "#FFFFFF", "#1F2328", "#57606A", "#D0D7DE"
NO_DATA, HIGHLIGHT = "#E4E7EB", "#D1242F"
MAP_GRID_WIDTH, MAP_TOP, MAP_BOTTOM = 0.94, 0.78, 0.28  # share of the width; inches
FLOOR_HATCH = "..."  # a top-coded mean below another state's published one: not ranked
MAP_COLOURS = "YlGnBu"  # ColorBrewer sequential: colour-blind safe, darker = more


# --------------------------------------------------------------------------- shared pieces


def dollars_short(value: float) -> str:
    """Axis ticks: ``$60k``, ``$7.5k``, ``$1.2M``."""
    if abs(value) >= 1_000_000:
        return f"${value / 1_000_000:.1f}".rstrip("0").rstrip(".") + "M"
    if abs(value) >= 1000:
        return f"${value / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    return f"${value:,.0f}"


def count_short(value: int) -> str:
    """Bar labels for job counts: ``3.39M``, ``166.9k``, ``950``."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.2f}".rstrip("0").rstrip(".") + "M"
    if value >= 10_000:
        return f"{value / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    return f"{value:,}"


def fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def darker(colour: str, amount: float = 0.45) -> tuple[float, float, float]:
    """The same hue, darker: outlines that read on a white card even for light fills."""
    r, g, b = colors.to_rgb(colour)
    return (r * (1 - amount), g * (1 - amount), b * (1 - amount))


_LOCK = threading.Lock()  # rc_context is process-wide: one chart is styled at a time


@contextmanager
def figure(height_in: float) -> Iterator[Figure]:
    """A new figure of this height (the width is fixed), styled for the light card."""
    with (
        _LOCK,
        rc_context(
            {
                "font.family": "DejaVu Sans",
                "font.size": 10,
                "text.color": INK,
                "axes.edgecolor": GRID,
                "axes.labelcolor": INK,
                "xtick.color": MUTED,
                "ytick.color": MUTED,
                "hatch.color": "#9AA4AF",
                "hatch.linewidth": 1.0,
            }
        ),
    ):
        fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, facecolor=BACKGROUND)
        FigureCanvasAgg(fig)
        yield fig


def heading(fig: Figure, title: str, subtitle: str | None, source: str) -> None:
    """Short bold title top left, an optional line under it, the source bottom left."""
    h = fig.get_figheight()
    fig.text(0.03, 1 - 0.16 / h, title, fontsize=12.5, weight="bold", va="top")
    if subtitle:
        fig.text(0.03, 1 - 0.42 / h, subtitle, fontsize=10, color=MUTED, va="top")
    fig.text(0.03, 0.06 / h, fit(f"Source: {source}", 80), fontsize=8.5, color=MUTED)


def png(fig: Figure, spec: Spec) -> Chart:
    """Draw and encode as an opaque RGB PNG (fast zlib level: the pictures are flat colour)."""
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    canvas.draw()  # type: ignore[no-untyped-call]
    w, h = canvas.get_width_height()
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    image = Image.frombuffer("RGBA", (w, h), pixels, "raw", "RGBA", 0, 1)
    buf = io.BytesIO()
    image.convert("RGB").save(buf, format="png", compress_level=1)
    return Chart(spec.name, buf.getvalue(), w, h, alt_text(spec))


# --------------------------------------------------------------------------- pay ranges


def _span(rows: tuple[Range, ...]) -> tuple[float, float, bool]:
    """The x range covering every row (with a margin), and whether any end is open."""
    values = [m.value for r in rows for m in r.points if m is not None]
    lo, hi = min(values), max(values)
    open_end = any(m is not None and m.at_least for r in rows for m in r.points)
    pad = (hi - lo) * 0.06 or hi * 0.1
    return max(0.0, lo - pad), hi + pad * (3 if open_end else 1), open_end


def _low_high(r: Range) -> tuple[float, float]:
    known = [m.value for m in r.points if m is not None]
    return min(known), max(known)


def _open_from(r: Range) -> float | None:
    """Where the top-coded part of a range starts (its first "≥" figure), if any."""
    return next((m.value for m in r.points if m is not None and m.at_least), None)


def _range_row(ax: Axes, r: Range, y: float, right: float) -> None:
    edge = darker(r.colour)
    lo, hi = _low_high(r)
    start = _open_from(r)
    ax.plot([lo, hi], [y, y], color=edge, lw=2.2, solid_capstyle="butt", zorder=2)
    for end in (r.p10, r.p90):
        if end is not None and not end.at_least:
            ax.plot([end.value] * 2, [y - 0.12, y + 0.12], color=edge, lw=2.2, zorder=2)
    if start is not None:  # top-coded: the range runs on past the last published figure
        ax.annotate(
            "",
            xy=(right, y),
            xytext=(start, y),
            zorder=2,
            arrowprops={"arrowstyle": "-|>", "color": edge, "lw": 2.2, "ls": "--"},
        )
        ax.text(right, y + 0.2, f"≥ {dollars_short(start)}", ha="right", fontsize=8.5, color=MUTED)
    if r.p25 is not None and r.p75 is not None:
        x0, x1 = r.p25.value, r.p75.value
        ax.add_patch(
            Rectangle(
                (x0, y - 0.2), x1 - x0, 0.4, facecolor=r.colour, edgecolor=edge, lw=1.2, zorder=3
            )
        )
    _median_mark(ax, r, y, edge)


def _median_mark(ax: Axes, r: Range, y: float, edge: tuple[float, float, float]) -> None:
    assert r.median is not None
    m = r.median.value
    ax.plot([m, m], [y - 0.3, y + 0.3], color=INK, lw=3.2, zorder=4, solid_capstyle="butt")
    label = fit(r.label, 44) + "  ·  median " + fmt.money(r.median)
    ax.text(
        ax.get_xlim()[0],
        y + 0.36,
        label,
        fontsize=9.5,
        ha="left",
        va="bottom",
        zorder=5,
        bbox={"facecolor": BACKGROUND, "edgecolor": "none", "pad": 1.0},
    )


def _money_axis(ax: Axes) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: dollars_short(v)))
    ax.tick_params(axis="x", labelsize=9, length=0, pad=4)
    ax.tick_params(axis="y", left=False, labelleft=False)
    ax.grid(axis="x", color=GRID, lw=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def draw_pay(spec: PayChart) -> Chart:
    n = len(spec.rows)
    height = height_in(spec)
    with figure(height) as fig:
        ax = fig.add_axes((0.04, 0.55 / height, 0.92, (0.78 * n) / height))
        lo, hi, _open = _span(spec.rows)
        ax.set_xlim(lo, hi)
        ax.set_ylim(-0.45, n - 0.35)
        _money_axis(ax)
        for i, r in enumerate(spec.rows):
            _range_row(ax, r, float(n - 1 - i), hi)
        key = "line: 10th–90th percentile   box: middle half (25th–75th)   bar: median"
        heading(fig, spec.title, key, spec.source)
        return png(fig, spec)


# --------------------------------------------------------------------------- state map


def _map_scale(spec: MapChart) -> colors.Normalize:
    known = [v.value for _, v in ranked_states(spec)[0]]
    return colors.Normalize(vmin=min(known), vmax=max(known))


def _ink_on(rgba: tuple[float, float, float, float]) -> str:
    r, g, b = (c**2.2 for c in rgba[:3])  # rough relative luminance
    return INK if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.22 else "#FFFFFF"


@cache
def _label(code: str) -> Path:
    """A state's postal code as a glyph outline centred on (0, 0), in points: all 52 labels
    are then drawn as one collection (52 text objects cost more than the rest of the map)."""
    text = TextPath((0, 0), code, size=8, prop=FontProperties(family="DejaVu Sans"))
    box = text.get_extents()
    return Path(text.vertices - ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2), text.codes)


Square = list[tuple[float, float]]


def _square(col: int, row: int, inset: float = 0.05) -> Square:
    x0, y0, x1, y1 = col + inset, row + inset, col + 1 - inset, row + 1 - inset
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _tiles(ax: Axes, spec: MapChart, norm: colors.Normalize) -> None:
    cmap = colormaps[MAP_COLOURS]
    fills, inks, known = [], [], []
    hidden: list[Square] = []
    floors: list[Square] = []
    unranked = set(ranked_states(spec)[1])
    for code, value in spec.values:
        t = BY_CODE[code]
        if value is None or code in unranked:
            (hidden if value is None else floors).append(_square(t.col, t.row))
            inks.append(MUTED)
            continue
        rgba = cmap(0.12 + 0.88 * float(norm(value.value)))
        known.append(_square(t.col, t.row))
        fills.append(rgba)
        inks.append(_ink_on(rgba))
    ax.add_collection(PolyCollection(known, facecolors=fills, edgecolors="none"))
    for squares, hatch in ((hidden, "////"), (floors, FLOOR_HATCH)):
        if squares:
            ax.add_collection(
                PolyCollection(
                    squares, facecolors=NO_DATA, edgecolors="#9AA4AF", linewidths=0, hatch=hatch
                )
            )
    labels = PathCollection(
        [_label(c) for c, _ in spec.values],
        facecolors=inks,
        edgecolors="none",
        offsets=[(BY_CODE[c].col + 0.5, BY_CODE[c].row + 0.5) for c, _ in spec.values],
        offset_transform=ax.transData,
    )
    labels.set_transform(Affine2D().scale(DPI / 72))
    ax.add_collection(labels)
    if spec.highlight:
        t = BY_CODE[spec.highlight]
        ax.add_patch(
            Rectangle(
                (t.col - 0.02, t.row - 0.02),
                1.04,
                1.04,
                fill=False,
                edgecolor=HIGHLIGHT,
                lw=2.6,
                zorder=5,
            )
        )


def _legend(ax: Axes, norm: colors.Normalize) -> None:
    """A colour ramp with dollar ticks in the grid's empty top middle (columns 2–8, row 0)."""
    left, right, top, bottom = 2.3, 8.1, 0.28, 0.5
    ramp = colormaps[MAP_COLOURS](np.linspace(0.12, 1.0, 128))[None, :, :]
    ax.imshow(ramp, extent=(left, right, bottom, top), aspect="auto", interpolation="nearest")
    ax.text(
        (left + right) / 2,
        top - 0.08,
        "Mean yearly pay",
        ha="center",
        va="bottom",
        fontsize=8.5,
        color=MUTED,
    )
    vmin, vmax = norm.vmin or 0.0, norm.vmax or 1.0
    for tick in MaxNLocator(nbins=4).tick_values(vmin, vmax):
        if vmin <= tick <= vmax:
            x = left + (right - left) * (tick - vmin) / (vmax - vmin)
            ax.plot([x, x], [bottom, bottom + 0.08], color=MUTED, lw=0.8)
            ax.text(
                x,
                bottom + 0.12,
                dollars_short(tick),
                ha="center",
                va="top",
                fontsize=8.5,
                color=MUTED,
            )


def _map_notes(ax: Axes, spec: MapChart) -> None:
    """Explain the hatching (bottom middle of the grid) when a state is not published, and
    (the empty second row) the dots of a top-coded state that cannot be ranked."""
    unranked = ranked_states(spec)[1]
    if unranked:
        floor = dict(spec.values)[unranked[0]]
        assert floor is not None
        ax.add_patch(Rectangle((0.1, 1.35), 0.35, 0.35, facecolor=NO_DATA, hatch=FLOOR_HATCH, lw=0))
        ax.text(
            0.6,
            1.53,
            f"at least {dollars_short(floor.value)} (BLS top code): rank unknown",
            fontsize=8,
            va="center",
            color=MUTED,
        )
    if any(v is None for _, v in spec.values):
        ax.add_patch(Rectangle((4.05, 7.3), 0.35, 0.35, facecolor=NO_DATA, hatch="////", lw=0))
        ax.text(
            4.55,
            7.48,
            "not published (BLS\nsuppresses unreliable\nestimates)",
            fontsize=8,
            va="center",
            color=MUTED,
            linespacing=1.1,
        )


def _highlight_line(spec: MapChart) -> str:
    name = fit(spec.occupation, 60)
    if spec.highlight is None:
        return name
    value = dict(spec.values).get(spec.highlight)
    where = BY_CODE[spec.highlight].name
    return f"{name} · {where} (outlined): {fmt.money(value)}"


def draw_map(spec: MapChart) -> Chart:
    height = height_in(spec)
    grid_h = MAP_GRID_WIDTH * WIDTH_IN * ROWS / COLUMNS
    box = (0.03, MAP_BOTTOM / height, MAP_GRID_WIDTH, grid_h / height)
    with figure(height) as fig:
        ax = fig.add_axes(box)
        ax.set_xlim(0, COLUMNS)
        ax.set_ylim(ROWS, 0)
        ax.set_axis_off()
        norm = _map_scale(spec)
        _tiles(ax, spec, norm)
        _map_notes(ax, spec)
        _legend(ax, norm)
        heading(fig, spec.title, _highlight_line(spec), spec.source)
        return png(fig, spec)


# --------------------------------------------------------------------------- outlook


def _bar_labels(ax: Axes, xs: list[float], values: list[int], top: float) -> None:
    for x, v in zip(xs, values, strict=True):
        ax.text(
            x, v + top * 0.03, count_short(v), ha="center", va="bottom", fontsize=9.5, weight="bold"
        )


def draw_outlook(spec: OutlookChart) -> Chart:
    """Jobs at both ends of the projection and openings a year, as bars on one scale."""
    height = height_in(spec)
    xs, values, labels = (
        [0.0, 1.0],
        [spec.employment_start, spec.employment_end],
        [str(spec.start_year), str(spec.end_year)],
    )
    if spec.annual_openings is not None:
        xs.append(2.5)
        values.append(spec.annual_openings)
        labels.append("openings\na year")
    with figure(height) as fig:
        ax = fig.add_axes((0.04, 0.62 / height, 0.92, 1.35 / height))
        edge = darker(spec.colour)
        ax.bar(xs, values, width=0.6, color=spec.colour, edgecolor=edge, lw=1.2)
        top = float(max(values)) or 1.0
        _bar_labels(ax, xs, values, top)
        ax.set_xticks(xs, labels)
        ax.set_ylim(0, top * 1.3)
        ax.set_xlim(-0.6, 4.2)
        ax.tick_params(axis="x", labelsize=9, length=0, colors=INK)
        ax.tick_params(axis="y", left=False, labelleft=False)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        if spec.growth_pct is not None:
            change = fmt.pct(spec.growth_pct, signed=True) + f"\n{spec.start_year}→{spec.end_year}"
            ax.text(
                3.55,
                top * 0.5,
                change,
                ha="center",
                va="center",
                fontsize=11,
                weight="bold",
                color=INK,
            )
        heading(fig, spec.title, fit(spec.occupation, 60), spec.source)
        return png(fig, spec)


def height_in(spec: Spec) -> float:
    """The height of a chart in inches (the width is always :data:`WIDTH_IN`)."""
    if isinstance(spec, PayChart):
        return 0.62 + 0.78 * len(spec.rows) + 0.62
    if isinstance(spec, MapChart):
        return MAP_TOP + MAP_GRID_WIDTH * WIDTH_IN * ROWS / COLUMNS + MAP_BOTTOM
    return 2.75


def size_px(spec: Spec) -> tuple[int, int]:
    """The size of the PNG a spec is drawn as, in pixels."""
    return int(WIDTH_IN * DPI), int(height_in(spec) * DPI)  # as Agg sizes its canvas


def draw(spec: Spec) -> Chart:
    """Draw any chart spec (in the calling thread)."""
    if isinstance(spec, PayChart):
        return draw_pay(spec)
    if isinstance(spec, MapChart):
        return draw_map(spec)
    return draw_outlook(spec)
