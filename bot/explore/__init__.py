"""Explore the dataset: ranked lists of occupations (``/top``) and careers like one
(``/explore``).

- ``filters``: BLS's entry-education categories and the SOC major groups ("fields"), parsed
  from what people type;
- ``lists``: rank detailed occupations by a measure (pay, growth, openings, jobs, pay for the
  education), filtered;
- ``similar``: careers like one occupation, from O*NET's related occupations and the
  similarity of their skill and knowledge ratings;
- ``sheets``: both as sheets (the view model every surface renders).

Pure Python, no ``discord`` import, no I/O: everything is computed from the loaded dataset.
"""

from __future__ import annotations

from .filters import EDUCATION_LEVELS, Field, education_level, fields, find_field
from .lists import Measure, Rankings, TopList, top
from .sheets import explore_sheet, top_sheet
from .similar import NO_FILTERS, Filters, Likeness, Similarity

__all__ = [
    "EDUCATION_LEVELS",
    "NO_FILTERS",
    "Field",
    "Filters",
    "Likeness",
    "Measure",
    "Rankings",
    "Similarity",
    "TopList",
    "education_level",
    "explore_sheet",
    "fields",
    "find_field",
    "top",
    "top_sheet",
]
