"""The core's front door: a loaded dataset, its matcher, and the three kinds of answer.

Both surfaces (Discord and the console) call this and render the views it returns.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path

from . import comparison
from .cache import DiskCache
from .comparison import View
from .dataset import Dataset, load_dataset
from .matching import Matcher
from .model import Profession


class Answers:
    def __init__(self, dataset: Dataset, disk: DiskCache | None = None) -> None:
        self.dataset = dataset
        self.matcher = Matcher(dataset.professions, disk=disk, fingerprint=dataset.fingerprint)

    @classmethod
    def load(cls, extra: Sequence[Path | str] = (), cache_dir: Path | str | None = None) -> Answers:
        """The shipped data plus ``extra`` layers; ``cache_dir`` keeps parsed YAML and the
        matcher index between runs (keyed by the files' bytes)."""
        disk = DiskCache(cache_dir)
        # Loading creates a few hundred thousand long-lived objects: the cyclic garbage
        # collector would walk them again and again while they are made (a third of the load
        # time), and later in every full collection (a pause in the middle of autocomplete).
        # So: no collection while loading, then freeze what was loaded out of its reach.
        enabled = gc.isenabled()
        gc.disable()
        try:
            answers = cls(load_dataset(extra=extra, cache=disk), disk)
        finally:
            if enabled:
                gc.enable()
        gc.freeze()
        return answers

    def _get(self, profession_id: str | None) -> Profession | None:
        return None if profession_id is None else self.dataset.get(profession_id)

    def compare(self, a: Profession, b: Profession) -> View:
        return comparison.compare(a, b, closest=(self._get(a.closest), self._get(b.closest)))

    def salary(self, p: Profession) -> View:
        return comparison.salary(p, closest=self._get(p.closest))

    def career(self, p: Profession) -> View:
        similar = [s for s in (self._get(i) for i in (p.similar.ids if p.similar else ())) if s]
        return comparison.profile(p, similar=similar, closest=self._get(p.closest))
