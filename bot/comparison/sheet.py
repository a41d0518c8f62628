"""The view model: a ``Sheet`` of labelled figures that every surface renders.

A sheet says what it holds (its ``Kind``), and each of its blocks says how it is laid out (its
``Layout``), so renderers dispatch on layouts and never on block names or labels. No ``discord``
import here: the Discord adapter and the console render the same sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum

from ..format import MISSING

NOT_PUBLISHED = f"{MISSING} not published"  # a figure the sources do not publish, said so


class Kind(StrEnum):
    """What a sheet answers: the command that asked for it."""

    COMPARE = "compare"
    SALARY = "salary"
    CAREER = "career"
    TOP = "top"  # a ranked list of occupations
    EXPLORE = "explore"  # careers like one occupation


class Layout(Enum):
    """How a block is laid out."""

    TABLE = "table"  # rows: a label and one value per column
    PASSAGES = "passages"  # rows: a heading and one long text (what each job does)
    LEAD = "lead"  # text introducing the whole sheet (an embed's description)
    PROSE = "prose"  # a paragraph under the block's title
    BULLETS = "bullets"  # a list under the block's title
    LINKS = "links"  # links under the block's title


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    source: int | None = None  # footnote number (1-based) into Sheet.sources
    number: float | None = None  # the figure behind the text, when comparable

    @property
    def missing(self) -> bool:
        return self.text in (MISSING, NOT_PUBLISHED)


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    values: tuple[Value, ...]
    higher: int | None = None  # column holding the larger figure
    difference: str | None = None  # "$8,087 (23%) more"
    ranked: bool = False  # more is better (pay, growth…): the higher column is marked


@dataclass(frozen=True, slots=True)
class Block:
    key: str  # a stable name, for looking a block up (never for rendering)
    title: str
    layout: Layout = Layout.TABLE
    rows: tuple[Row, ...] = ()
    text: str | None = None
    bullets: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    source: int | None = None  # footnote of the text and bullets

    @property
    def empty(self) -> bool:
        return not (self.rows or self.text or self.bullets or self.links)


Page = tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Sheet:
    kind: Kind
    title: str
    columns: tuple[str, ...]  # profession titles, one per value column
    ids: tuple[str, ...]
    summary: str | None
    blocks: tuple[Block, ...]
    sources: tuple[str, ...]  # footnote n is sources[n - 1]
    paged: bool = False  # one page per block with content, or all of them on one page
    note: str | None = None  # one line before the answer: how the question was understood
    url: str | None = None  # the page the title links to
    _pages: tuple[Page, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        shown = tuple(b for b in self.blocks if not b.empty)
        pages = tuple((b,) for b in shown) if self.paged else (shown,)
        object.__setattr__(self, "_pages", pages)  # frozen: computed once, here

    def noted(self, note: str | None) -> Sheet:
        """The same sheet with a note line ("“uber driver” → Taxi Drivers and Chauffeurs")."""
        return self if note == self.note else replace(self, note=note)

    @property
    def footnoted(self) -> bool:
        """Whether figures carry footnote numbers: only when there are several sources."""
        return len(self.sources) > 1

    def block(self, key: str) -> Block | None:
        return next((b for b in self.blocks if b.key == key), None)

    @property
    def pages(self) -> tuple[Page, ...]:
        """The blocks of each page, in order: empty blocks are never shown."""
        return self._pages

    @property
    def page_titles(self) -> tuple[str, ...]:
        """A label for each page (its section's title; the sheet's title when unpaged)."""
        if self.paged:
            return tuple(page[0].title for page in self.pages)
        return (self.title,)
