"""Where charts are drawn: reused figures, and an Agg renderer that rasterises a text once.

Most of a chart's cost used to be work that every chart of a kind repeats: building a figure
and its axes (dozens of artists, transforms and callbacks), then rasterising the same strings
glyph by glyph (the title, the key, "$60k"…). So:

- a :class:`Sheet` (a figure with its axes, laid out once) is kept per chart size and thread,
  and only the artists of the chart being drawn are added to it and removed again after;
- :class:`TextCachingRenderer` keeps the bitmap of each distinct string (and font) it has
  drawn, and blends it where the text goes. A whole string is placed on the pixel grid as one
  bitmap — how Agg drew every text up to matplotlib 3.10 — instead of glyph by glyph.

Imported only by :mod:`.draw` (matplotlib is loaded here).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

TEXT_KEPT = 128  # distinct strings kept rasterised (a few KB each; the recurring ones fit)

Box = tuple[float, float, float, float]  # left, bottom, width, height: shares of the figure


@dataclass(frozen=True, slots=True)
class Glyphs:
    """A string set in a font: its size (as Agg measures it) and its bitmap."""

    width: float
    height: float
    descent: float
    alpha: np.ndarray[Any, np.dtype[np.uint8]]
    dx: float  # where the bitmap's bottom left corner goes, from the text's anchor (pixels)
    dy: float


_kept: OrderedDict[Hashable, Glyphs] = OrderedDict()
_kept_lock = threading.Lock()


def _font_key(prop: FontProperties) -> tuple[Hashable, ...]:
    return (
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
    )


class TextCachingRenderer(RendererAgg):
    """Agg that sets each distinct plain string once: measured and rasterised together, then
    kept (mathtext and rotated text are drawn as matplotlib draws them)."""

    def _glyphs(self, s: str, prop: FontProperties) -> Glyphs:
        key = (s, _font_key(prop), self.dpi)
        with _kept_lock:
            found = _kept.get(key)
            if found is not None:
                _kept.move_to_end(key)
                return found
        font = self._prepare_font(prop)  # type: ignore[no-untyped-call]
        font.set_text(s, 0, flags=get_hinting_flag())  # type: ignore[no-untyped-call]
        w, h = font.get_width_height()
        descent = font.get_descent()
        font.draw_glyphs_to_bitmap(antialiased=True)
        x0, y0 = font.get_bitmap_offset()
        alpha = np.array(font.get_image(), dtype=np.uint8)
        found = Glyphs(w / 64, h / 64, descent / 64, alpha, x0 / 64, (y0 + descent) / 64)
        with _kept_lock:
            _kept[key] = found
            while len(_kept) > TEXT_KEPT:
                _kept.popitem(last=False)
        return found

    def get_text_width_height_descent(  # type: ignore[no-untyped-def]
        self, s, prop, ismath
    ) -> tuple[float, float, float]:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)  # type: ignore[no-any-return,no-untyped-call]
        g = self._glyphs(s, prop)
        return g.width, g.height, g.descent

    def draw_text(  # type: ignore[no-untyped-def]
        self, gc, x, y, s, prop, angle, ismath=False, mtext=None
    ) -> None:
        if ismath or angle or not gc.get_antialiased():
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)  # type: ignore[no-untyped-call]
            return
        g = self._glyphs(s, prop)
        # in pixels from the top left: where the bitmap's bottom left corner goes
        self._renderer.draw_text_image(g.alpha, round(x + g.dx), round(y + g.dy) + 1, 0, gc)


class Canvas(FigureCanvasAgg):
    """An Agg canvas drawing through :class:`TextCachingRenderer`."""

    def get_renderer(self) -> RendererAgg:
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = TextCachingRenderer(w, h, self.figure.dpi)  # type: ignore[no-untyped-call]
            self._lastKey = key
        renderer: RendererAgg = self.renderer
        return renderer

    def release(self) -> None:
        """Forget the renderer (its pixel buffer): the next draw makes a new one."""
        self.__dict__.pop("renderer", None)
        self._lastKey = None


class Sheet:
    """A figure with one axes (axis lines and ticks off, limits fixed by the chart), reused
    chart after chart: what a chart adds is removed by :meth:`clear`, what the sheet was given
    before :meth:`seal` (artists every chart of its kind shows) stays."""

    def __init__(self, size_in: tuple[float, float], dpi: float, box: Box, facecolor: str) -> None:
        self.fig = Figure(figsize=size_in, dpi=dpi, facecolor=facecolor)
        Canvas(self.fig)
        self.ax: Axes = self.fig.add_axes(box)
        self.ax.set_axis_off()
        self.ax.set_autoscale_on(False)
        for loc in ("left", "center", "right"):  # axes titles: none (the chart's is the figure's)
            self.ax.set_title("", loc=loc, y=1.0).set_animated(True)  # y: no title placement
        self._kept: set[int] = set()
        self.parts: dict[str, Any] = {}  # kept artists a chart updates (the map's labels)

    def seal(self) -> None:
        """What is on the sheet now stays on it."""
        self._kept = {id(a) for a in self._artists()}

    def _artists(self) -> list[Any]:
        ax, fig = self.ax, self.fig
        return [
            *ax.texts,
            *ax.lines,
            *ax.patches,
            *ax.collections,
            *ax.images,
            *fig.texts,
            *fig.patches,
        ]

    def clear(self) -> None:
        """Take the last chart's artists off, and let its pixels go (a renderer holds a few MB:
        making a new one costs far less than keeping one per size)."""
        for artist in self._artists():
            if id(artist) not in self._kept:
                artist.remove()
        canvas = self.fig.canvas
        assert isinstance(canvas, Canvas)
        canvas.release()


_sheets = threading.local()  # a figure is not shared between threads


def sheet(
    size_in: tuple[float, float],
    dpi: float,
    box: Box,
    facecolor: str,
    setup: Callable[[Sheet], None] | None = None,
) -> Sheet:
    """This thread's sheet of that size and axes box, set up by ``setup`` (drawing what every
    chart on it shows) when it is made: a sheet whose set-up failed is not kept."""
    kept: dict[tuple[Any, ...], Sheet] = _sheets.__dict__.setdefault("by_size", {})
    key = (size_in, dpi, box, facecolor, setup)
    found = kept.get(key)
    if found is None:
        found = Sheet(size_in, dpi, box, facecolor)
        if setup is not None:
            setup(found)
        found.seal()
        kept[key] = found
    return found
