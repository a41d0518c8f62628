"""Build the bot's dataset from raw public sources (run from the repository root)::

    python -m tools.build_data --sources ../shared/data --out data/professions

One entry per detailed occupation in BLS OEWS May 2025 (national, all industries) in
``data/professions/``, one per BLS occupation group in ``data/groups/``; one YAML file per SOC
major group. The output is deterministic: the same sources give byte-identical files (no
timestamps, stable sorting everywhere). Every rule used here is documented in
``data/SOURCES.md``; keep the two in step.

The pipeline, one module each: ``release`` (the source files and how they are cited: the
yearly edit), ``readers/`` (one reader per source, returning typed records), ``context``
(the sources read and linked), ``sections/`` (one builder per kind of section), ``assemble``
(the entries), ``writer`` (the YAML files) and ``cli``.

Only the standard library and PyYAML are needed (the ``.xlsx`` copies of the sources are not
read: the CSV/TSV copies next to them are used).
"""

from .cli import main

__all__ = ["main"]
