"""The README's pictures are real charts of the shipped data and still match it."""

from __future__ import annotations

import json

from bot.charts.draw import size_px
from bot.charts.specs import Chart, alt_text
from bot.dataset import Dataset
from tools import readme_charts

from .helpers import assert_not_blank, decode


def test_committed_images_match_the_data_they_show(shipped: Dataset) -> None:
    manifest = json.loads(readme_charts.MANIFEST.read_text())
    wanted = readme_charts.specs_of(shipped)
    assert sorted(manifest) == sorted(wanted)
    for name, spec in wanted.items():
        entry = manifest[name]
        assert entry["alt"] == alt_text(spec), (
            f"docs/{name} is stale: python -m tools.readme_charts"
        )
        assert (entry["width"], entry["height"]) == size_px(spec)
        png = (readme_charts.DOCS / name).read_bytes()
        image = decode(Chart(name, png, entry["width"], entry["height"], entry["alt"]))
        assert_not_blank(image)
