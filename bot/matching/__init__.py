"""Profession matching: what a person typed → the profession(s) they mean.

The pipeline, one module per step:

* :mod:`bot.names` (below the matcher: the loader checks names with it too) — the one form
  names and queries are compared in;
* :mod:`.index` — every title and alias as keys, built once (kept in the start-up cache);
* :mod:`.scoring` — which keys a query is compared with, and how well each fits;
* :mod:`.resolving` — exact, confident, ambiguous (a pick list) or none;
* :mod:`.suggesting` — autocomplete choices;
* :mod:`.matcher` — the :class:`Matcher` that ties them together, with per-text caches.
"""

from __future__ import annotations

from ..names import name_variants, normalize
from .matcher import Matcher
from .results import Candidate, Resolution, Status, Suggestion

__all__ = [
    "Candidate",
    "Matcher",
    "Resolution",
    "Status",
    "Suggestion",
    "name_variants",
    "normalize",
]
