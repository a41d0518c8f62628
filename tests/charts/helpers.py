"""Looking at a chart's pixels: decoded with Pillow (which matplotlib itself depends on)."""

from __future__ import annotations

import io

from PIL import Image

from bot.charts.specs import Chart


def decode(chart: Chart) -> Image.Image:
    image = Image.open(io.BytesIO(chart.png))
    image.load()
    assert image.format == "PNG"
    assert image.size == (chart.width, chart.height)
    return image.convert("RGB")


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def colours(image: Image.Image) -> dict[tuple[int, int, int], int]:
    """Pixel count per colour."""
    found = image.getcolors(maxcolors=1 << 20)
    assert found is not None
    return {c: n for n, c in found}  # type: ignore[misc]


def assert_not_blank(image: Image.Image) -> None:
    counts = colours(image)
    background = max(counts, key=lambda c: counts[c])
    inked = sum(n for c, n in counts.items() if c != background)
    assert len(counts) > 20, "a chart has text and shapes: more than a handful of colours"
    assert inked > 0.05 * image.width * image.height, "at least 5% of the picture is drawn"


def has_colour(image: Image.Image, hex_colour: str, at_least: int = 200) -> bool:
    """The colour fills a real area (not a few anti-aliased pixels)."""
    return colours(image).get(rgb(hex_colour), 0) >= at_least
