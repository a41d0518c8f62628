"""O*NET skill and knowledge importance vectors (``data/ratings.tsv``), read on first use.

Nothing reads this at start-up: :func:`load_ratings` parses the file the first time a feature
asks ("careers like this one"), about 10 ms, and keeps it. :func:`similarity` is the cosine
of two occupations' importance vectors (elements O*NET does not rate for one of them count 0).
"""

from __future__ import annotations

import math
import operator
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .dataset import default_data_dir

RATINGS_FILE = "ratings.tsv"


class RatingsError(ValueError):
    """The ratings file is malformed (the message names the line)."""


@dataclass(frozen=True)
class Ratings:
    elements: tuple[str, ...]  # "Skill: Active Listening", "Knowledge: Mathematics", …
    vectors: Mapping[str, array[float]]  # profession id -> importance per element (0: none)
    norms: Mapping[str, float]  # profession id -> length of its vector

    def similarity(self, a: str, b: str) -> float | None:
        """Cosine similarity (0–1) of two professions' ratings; None when either has none."""
        va, vb = self.vectors.get(a), self.vectors.get(b)
        if va is None or vb is None:
            return None
        norm = self.norms[a] * self.norms[b]
        return sum(map(operator.mul, va, vb)) / norm if norm else 0.0

    def most_similar(self, pid: str, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` professions rated most like ``pid`` (itself excluded), best first."""
        if pid not in self.vectors:
            return []
        scored = [(other, self.similarity(pid, other) or 0.0) for other in self.vectors]
        ranked = sorted((s for s in scored if s[0] != pid), key=lambda s: (-s[1], s[0]))
        return ranked[:n]


def parse_ratings(text: str, where: str = RATINGS_FILE) -> Ratings:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines or not lines[0].startswith("id\t"):
        raise RatingsError(f"{where}: the first row must be the header (id, then the elements)")
    elements = tuple(lines[0].split("\t")[1:])
    vectors: dict[str, array[float]] = {}
    for number, line in enumerate(lines[1:], start=2):
        pid, *cells = line.split("\t")
        if len(cells) != len(elements):
            raise RatingsError(
                f"{where}: row {number} ({pid}) has {len(cells)} values, not {len(elements)}"
            )
        try:
            values = array("f", (float(c) if c else 0.0 for c in cells))
        except ValueError as exc:
            raise RatingsError(f"{where}: row {number} ({pid}): {exc}") from None
        if any(not (v == 0.0 or 1.0 <= v <= 5.0) for v in values):
            raise RatingsError(f"{where}: row {number} ({pid}): an importance outside 1–5")
        vectors[pid] = values
    norms = {pid: math.sqrt(sum(x * x for x in v)) for pid, v in vectors.items()}
    return Ratings(elements, vectors, norms)


@lru_cache(maxsize=4)
def load_ratings(data_dir: Path | None = None) -> Ratings:
    """The shipped ratings (or those in ``data_dir``), parsed once per folder."""
    path = (data_dir or default_data_dir()) / RATINGS_FILE
    return parse_ratings(path.read_text(encoding="utf-8"), str(path))


def check_ratings(ids: Iterable[str], data_dir: Path | None = None) -> list[str]:
    """Problems of the ratings file (for ``check-data``): malformed, or rows of unknown ids."""
    try:
        ratings = load_ratings(data_dir)
    except (OSError, RatingsError) as exc:
        return [str(exc)]
    known = set(ids)
    return [
        f"{RATINGS_FILE}: no profession has the id {pid!r}"
        for pid in ratings.vectors
        if pid not in known
    ]
