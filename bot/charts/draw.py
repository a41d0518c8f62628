"""Specs → PNG with matplotlib (Agg). Imported only when a chart is drawn.

Why matplotlib: the field's standard, well kept, draws headless through Agg with no system
libraries, ships its own font (DejaVu Sans, with ≥ and → glyphs) and type hints, and its
object API (``Figure`` + an Agg canvas, never ``pyplot``) keeps no global figure state, so a
worker thread can draw while the bot answers. Layout is placed by hand (no constrained
layout, no tick machinery: ticks and grid lines are a few plain artists): it is faster and
nothing can be clipped by a surprise. Each thread reuses one figure per chart size
(:mod:`.canvas`), so a chart costs only what it shows.

Every chart is an opaque light card, so it reads the same on Discord's dark and light themes;
it is drawn at twice the size Discord shows it (≈ 550 px wide) to stay sharp on dense screens.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import matplotlib
import numpy as np
from PIL import Image

matplotlib.use("Agg")  # before anything that could pick an interactive backend

from matplotlib import colormaps, colors, rc_context  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import LineCollection, PathCollection, PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.patches import PathPatch, Rectangle  # noqa: E402
from matplotlib.path import Path  # noqa: E402
from matplotlib.textpath import TextPath  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402
from matplotlib.transforms import Affine2D, ScaledTranslation, Transform  # noqa: E402

from .. import format as fmt  # noqa: E402
from .canvas import Box, Canvas, Sheet, sheet  # noqa: E402
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
from .tiles import BY_CODE, COLUMNS, ROWS, TILES  # noqa: E402

CODES = [t.code for t in TILES]
WIDTH_IN = 5.5  # inches; × DPI = pixels
DPI = 160  # 880 px wide: Discord shows it at ≈ 400–550 px
BACKGROUND, INK, MUTED, GRID = "#FFFFFF", "#1F2328", "#57606A", "#D0D7DE"
NO_DATA, HIGHLIGHT, HATCH = "#E4E7EB", "#D1242F", "#9AA4AF"
HATCH_STEP = 0.17  # tile widths between the diagonal lines of a not-published state
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
def figure(
    height_in: float, box: Box, setup: Callable[[Sheet], None] | None = None
) -> Iterator[Sheet]:
    """This thread's figure of this height (the width is fixed) with its axes at ``box``,
    styled for the light card. ``setup`` draws, once, what every chart on it shows; what the
    chart adds is taken off again when it is done."""
    with (
        _LOCK,
        rc_context(
            {
                "font.family": "DejaVu Sans",
                "font.size": 10,
                "text.color": INK,
                "hatch.color": HATCH,
                "hatch.linewidth": 1.0,
            }
        ),
    ):
        page = sheet((WIDTH_IN, height_in), DPI, box, BACKGROUND, setup)
        try:
            yield page
        finally:
            page.clear()


def _below(page: Sheet, points: float = 4.0) -> Transform:
    """x in data, y in axes shares, moved ``points`` down: where tick labels go."""
    down = ScaledTranslation(0, -points / 72, page.fig.dpi_scale_trans)
    return page.ax.get_xaxis_transform() + down


def _baseline(page: Sheet) -> None:
    """The bottom spine: a thin grey line along the axes' foot."""
    page.ax.plot(
        [0, 1], [0, 0], transform=page.ax.transAxes, color=GRID, lw=0.8, clip_on=False, zorder=2.5
    )


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
    assert isinstance(canvas, Canvas)
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


Segment = list[tuple[float, float]]


def _range_row(ax: Axes, r: Range, y: float, right: float) -> list[Segment]:
    """The row's box, its top-coded arrow and its label; returns its range line (10th to 90th
    percentile, with a tick at each published end), for :func:`_ranges` to draw."""
    edge = darker(r.colour)
    lo, hi = _low_high(r)
    start = _open_from(r)
    segments = [[(lo, y), (hi, y)]]
    for end in (r.p10, r.p90):
        if end is not None and not end.at_least:
            segments.append([(end.value, y - 0.14), (end.value, y + 0.14)])
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
        box = Rectangle((x0, y - 0.2), x1 - x0, 0.4, facecolor=r.colour, edgecolor=edge, lw=1.2,
                        zorder=3)  # fmt: skip
        ax.add_artist(box)
    assert r.median is not None
    label = fit(r.label, 44) + "  ·  median " + fmt.money(r.median)
    ax.text(ax.get_xlim()[0], y + 0.36, label, fontsize=9.5, ha="left", va="bottom", zorder=5,
            bbox={"facecolor": BACKGROUND, "edgecolor": "none", "pad": 1.0})  # fmt: skip
    return segments


def _ranges(ax: Axes, rows: tuple[Range, ...], right: float) -> None:
    """Every row, top to bottom; the range lines and median bars of all rows are drawn as two
    collections (one artist each instead of one per line)."""
    lines: list[Segment] = []
    colours: list[tuple[float, float, float]] = []
    medians: list[Segment] = []
    for i, r in enumerate(rows):
        y = float(len(rows) - 1 - i)
        segments = _range_row(ax, r, y, right)
        lines += segments
        colours += [darker(r.colour)] * len(segments)
        assert r.median is not None
        medians.append([(r.median.value, y - 0.3), (r.median.value, y + 0.3)])
    ranges = LineCollection(lines, colors=colours, linewidths=2.2, capstyle="butt", zorder=2)
    bars = LineCollection(medians, colors=INK, linewidths=3.2, capstyle="butt", zorder=4)
    ax.add_collection(ranges, autolim=False)
    ax.add_collection(bars, autolim=False)


def _money_axis(page: Sheet, lo: float, hi: float) -> None:
    """Dollar ticks ("$60k") under the axes, and a vertical grid line at each."""
    ax = page.ax
    ax.set_xlim(lo, hi)
    slack = (hi - lo) * 1e-9
    locator = MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10])
    ticks = [t for t in locator.tick_values(lo, hi) if lo - slack <= t <= hi + slack]
    across = ax.get_xaxis_transform()
    lines = [[(t, 0.0), (t, 1.0)] for t in ticks]
    grid = LineCollection(lines, colors=GRID, linewidths=0.8, transform=across)
    ax.add_collection(grid, autolim=False)
    under = _below(page)
    for t in ticks:
        ax.text(t, 0, dollars_short(t), transform=under, ha="center", va="top", fontsize=9,
                color=MUTED)  # fmt: skip


def draw_pay(spec: PayChart) -> Chart:
    n = len(spec.rows)
    height = height_in(spec)
    with figure(height, (0.04, 0.55 / height, 0.92, (0.78 * n) / height), _baseline) as page:
        fig, ax = page.fig, page.ax
        lo, hi, _open = _span(spec.rows)
        _money_axis(page, lo, hi)
        ax.set_ylim(-0.45, n - 0.35)
        _ranges(ax, spec.rows, hi)
        key = "line: 10th–90th percentile   box: middle half (25th–75th)   bar: median"
        heading(fig, spec.title, key, spec.source)
        return png(fig, spec)


# --------------------------------------------------------------------------- state map


def _map_scale(spec: MapChart) -> colors.Normalize:
    known = [v.value for _, v in ranked_states(spec)[0]]
    return colors.Normalize(vmin=min(known), vmax=max(known))


def _inks(rgba: np.ndarray[Any, Any]) -> list[str]:
    """The label colour that reads on each fill: dark on light fills, white on dark ones."""
    luminance = (rgba[:, :3] ** 2.2) @ (0.2126, 0.7152, 0.0722)  # rough relative luminance
    return [INK if v > 0.22 else "#FFFFFF" for v in luminance]


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


SQUARES = {t.code: _square(t.col, t.row) for t in TILES}


def _diagonals(square: Square, step: float = HATCH_STEP) -> list[Segment]:
    """Lines rising to the right ("////") across ``square``, as plain segments: Agg's own
    hatching renders a pattern tile for every hatched shape (a map with many states not
    published cost twice as much to draw)."""
    (x0, y0), (x1, _), (_, y1), _ = square  # y grows downwards on the map
    segments = []
    for k in range(1, int((x1 - x0 + y1 - y0) / step) + 1):
        c = x0 + y0 + k * step  # the line x + y = c
        xa, xb = max(x0, c - y1), min(x1, c - y0)
        if xb - xa > 1e-9:
            segments.append([(xa, c - xa), (xb, c - xb)])
    return segments


def _not_published(ax: Axes, squares: list[Square]) -> None:
    """Grey squares crossed by diagonal lines (all the lines one path: stroked at once)."""
    ax.add_collection(PolyCollection(squares, facecolors=NO_DATA, edgecolors="none"), autolim=False)
    ends = [end for square in squares for line in _diagonals(square) for end in line]
    strokes = Path(ends, [Path.MOVETO, Path.LINETO] * (len(ends) // 2))
    ax.add_artist(PathPatch(strokes, fill=False, edgecolor=HATCH, lw=1.0, zorder=1))


def _tiles(ax: Axes, spec: MapChart, norm: colors.Normalize, labels: PathCollection) -> None:
    """The states' squares in the colour of their pay (not published: hatched; not ranked:
    dotted), and their labels in an ink that reads on that colour."""
    assert [c for c, _ in spec.values] == CODES, "a map lists every tile, in tile order"
    unranked = ranked_states(spec)[1]
    shown = [(c, v.value) for c, v in spec.values if v is not None and c not in unranked]
    fills = colormaps[MAP_COLOURS](0.12 + 0.88 * norm(np.array([v for _, v in shown])))
    squares = [SQUARES[c] for c, _ in shown]
    ax.add_collection(PolyCollection(squares, facecolors=fills, edgecolors="none"), autolim=False)
    hidden = [SQUARES[c] for c, v in spec.values if v is None]
    if hidden:
        _not_published(ax, hidden)
    if unranked:  # (rare: a few physicians' maps) dotted by Agg's hatching
        floors = [SQUARES[c] for c in unranked]
        dotted = PolyCollection(floors, facecolors=NO_DATA, edgecolors=HATCH, linewidths=0,
                                hatch=FLOOR_HATCH)  # fmt: skip
        ax.add_collection(dotted, autolim=False)
    inks = dict(zip((c for c, _ in shown), _inks(fills), strict=True))
    labels.set_facecolor([inks.get(c, MUTED) for c in CODES])
    if spec.highlight:
        t = BY_CODE[spec.highlight]
        outline = Rectangle((t.col - 0.02, t.row - 0.02), 1.04, 1.04, fill=False,
                            edgecolor=HIGHLIGHT, lw=2.6, zorder=5)  # fmt: skip
        ax.add_artist(outline)


LEGEND = (2.3, 8.1, 0.28, 0.5)  # left, right, top, bottom: columns 2–8 of the empty row 0


def _map_sheet(page: Sheet) -> None:
    """What every map shows: the grid's extent, the legend's colour ramp, and the states'
    labels (coloured per map)."""
    ax = page.ax
    ax.set_xlim(0, COLUMNS)
    ax.set_ylim(ROWS, 0)
    left, right, top, bottom = LEGEND
    ramp = colormaps[MAP_COLOURS](np.linspace(0.12, 1.0, 128))[None, :, :]
    ax.imshow(ramp, extent=(left, right, bottom, top), aspect="auto", interpolation="nearest")
    labels = PathCollection(
        [_label(t.code) for t in TILES],
        edgecolors="none",
        offsets=[(t.col + 0.5, t.row + 0.5) for t in TILES],
        offset_transform=ax.transData,
        zorder=2,
    )
    labels.set_transform(Affine2D().scale(DPI / 72))
    page.parts["labels"] = ax.add_collection(labels, autolim=False)


def _legend(ax: Axes, norm: colors.Normalize) -> None:
    """The colour ramp's caption and dollar ticks (texts are drawn anew for each chart: a kept
    text would keep the last chart's pixels alive)."""
    left, right, top, bottom = LEGEND
    ax.text((left + right) / 2, top - 0.08, "Mean yearly pay", ha="center", va="bottom",
            fontsize=8.5, color=MUTED)  # fmt: skip
    vmin, vmax = norm.vmin or 0.0, norm.vmax or 1.0
    xs = []
    for tick in MaxNLocator(nbins=4).tick_values(vmin, vmax):
        if vmin <= tick <= vmax:
            x = left + (right - left) * (tick - vmin) / (vmax - vmin)
            xs.append(x)
            ax.text(x, bottom + 0.12, dollars_short(tick), ha="center", va="top", fontsize=8.5,
                    color=MUTED)  # fmt: skip
    marks = [[(x, bottom), (x, bottom + 0.08)] for x in xs]
    ax.add_collection(LineCollection(marks, colors=MUTED, linewidths=0.8, zorder=2), autolim=False)


def _map_notes(ax: Axes, spec: MapChart) -> None:
    """Explain the hatching (bottom middle of the grid) when a state is not published, and
    (the empty second row) the dots of a top-coded state that cannot be ranked."""
    unranked = ranked_states(spec)[1]
    if unranked:
        floor = dict(spec.values)[unranked[0]]
        assert floor is not None
        swatch = Rectangle((0.1, 1.35), 0.35, 0.35, facecolor=NO_DATA, hatch=FLOOR_HATCH, lw=0)
        ax.add_artist(swatch)
        ax.text(
            0.6,
            1.53,
            f"at least {dollars_short(floor.value)} (BLS top code): rank unknown",
            fontsize=8,
            va="center",
            color=MUTED,
        )
    if any(v is None for _, v in spec.values):
        _not_published(ax, [[(4.05, 7.3), (4.4, 7.3), (4.4, 7.65), (4.05, 7.65)]])
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
    with figure(height, box, _map_sheet) as page:
        fig, ax = page.fig, page.ax
        norm = _map_scale(spec)
        _tiles(ax, spec, norm, page.parts["labels"])
        _map_notes(ax, spec)
        _legend(ax, norm)
        heading(fig, spec.title, _highlight_line(spec), spec.source)
        return png(fig, spec)


# --------------------------------------------------------------------------- outlook


def _bars(ax: Axes, xs: list[float], values: list[int], colour: str) -> float:
    """The bars, each with its figure above it ("3.39M"); the tallest bar's height."""
    top = float(max(values)) or 1.0
    ax.set_ylim(0, top * 1.3)
    edge = darker(colour)
    for x, v in zip(xs, values, strict=True):
        bar = Rectangle((x - 0.3, 0), 0.6, v, facecolor=colour, edgecolor=edge, lw=1.2)
        ax.add_artist(bar)
        ax.text(x, v + top * 0.03, count_short(v), ha="center", va="bottom", fontsize=9.5,
                weight="bold")  # fmt: skip
    return top


def _outlook_sheet(page: Sheet) -> None:
    page.ax.set_xlim(-0.6, 4.2)
    _baseline(page)


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
    with figure(height, (0.04, 0.62 / height, 0.92, 1.35 / height), _outlook_sheet) as page:
        ax = page.ax
        top = _bars(ax, xs, values, spec.colour)
        under = _below(page)
        for x, label in zip(xs, labels, strict=True):
            ax.text(x, 0, label, transform=under, ha="center", va="top", fontsize=9)
        if spec.growth_pct is not None:
            change = fmt.pct(spec.growth_pct, signed=True) + f"\n{spec.start_year}→{spec.end_year}"
            ax.text(3.55, top * 0.5, change, ha="center", va="center",
                    fontsize=11, weight="bold")  # fmt: skip
        heading(page.fig, spec.title, fit(spec.occupation, 60), spec.source)
        return png(page.fig, spec)


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
