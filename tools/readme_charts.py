"""Draw the README's pictures from the shipped data: ``python -m tools.readme_charts``.

The images in ``docs/`` are real charts, drawn by the same code the bot uses; this script
redraws them (run it whenever the data or the charts change), and ``docs/charts.json`` keeps
each image's alt text so a test can tell when the committed pictures no longer match the data.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from bot.charts import specs
from bot.charts.service import render
from bot.charts.specs import Spec
from bot.dataset import Dataset, load_dataset

DOCS = Path(__file__).resolve().parent.parent / "docs"
MANIFEST = DOCS / "charts.json"


def _pay(ds: Dataset) -> Spec | None:
    return specs.salary_chart(ds.by_id["registered-nurses"])


def _compare(ds: Dataset) -> Spec | None:
    return specs.compare_chart(ds.by_id["registered-nurses"], ds.by_id["nurse-practitioners"])


#: file name → how its chart is made from the shipped data
IMAGES: dict[str, Callable[[Dataset], Spec | None]] = {
    "chart-salary.png": _pay,
    "chart-compare.png": _compare,
}


def specs_of(ds: Dataset) -> dict[str, Spec]:
    found = {name: make(ds) for name, make in IMAGES.items()}
    missing = [name for name, spec in found.items() if spec is None]
    if missing:
        raise SystemExit(f"No figures to draw for {', '.join(missing)}")
    return {name: spec for name, spec in found.items() if spec is not None}


def main() -> int:
    ds = load_dataset()
    manifest = {}
    for name, spec in specs_of(ds).items():
        chart = render(spec)
        (DOCS / name).write_bytes(chart.png)
        manifest[name] = {"width": chart.width, "height": chart.height, "alt": chart.alt}
        print(f"docs/{name}: {chart.width}×{chart.height}, {len(chart.png):,} bytes")
    MANIFEST.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
