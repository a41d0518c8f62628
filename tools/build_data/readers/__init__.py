"""One reader per raw source, each returning typed records (never the files' raw rows).

``oews`` opens the OEWS database once for ``oews_national`` (occupations, groups, national and
industry cells) and ``oews_areas`` (state and metro cells); ``projections``, ``onet``, ``cps``
and ``crosswalks`` read the other files. A new release with new columns changes its reader.
"""
