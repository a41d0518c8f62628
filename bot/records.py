"""Checked professions as plain data, for the start-up cache.

The loader checks every entry (:mod:`bot.validation`) the first time it sees a set of data
files. What the checks built is then kept as plain values (tuples, text, numbers: what
:mod:`marshal` keeps), keyed by the files' bytes, their paths, the read limits and the code that
checks them (:data:`CODE_DIGEST`), so that the next start with the same files rebuilds the very
same records here, without checking again. Any change to a file, or to this code, misses the
key: those files are checked again, and bad data still fails loudly, with file, entry and field.

Each field is stored by the kind its :class:`~bot.model.FieldSpec` declares: ``money`` as
``(value, at_least)``, ``place`` as ``(name, money)``, share, rated and alias lists as tuples of
tuples, a section as the tuple of its fields, anything else (text, numbers, lists of text) as
it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from . import model
from .cache import digest
from .model import SECTION_TYPES, Alias, Money, Place, Profession, Rated, Share

Plain = tuple[Any, ...]
Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # (to plain data, back)

CODE_DIGEST = digest(
    *(
        (Path(__file__).parent / name).read_bytes()
        for name in ("records.py", "model.py", "validation.py", "dataset.py", "datafiles.py")
    )
)  # a change to the schema or to the checks checks every entry again


def _money_out(m: Money) -> Plain:
    return (m.value, m.at_least)


def _money_in(m: Plain) -> Money:
    return Money(*m)


def _place_out(p: Place) -> Plain:
    return (p.name, None if p.annual_mean is None else _money_out(p.annual_mean))


def _place_in(p: Plain) -> Place:
    return Place(p[0], None if p[1] is None else Money(*p[1]))


def _tuples_out(items: Sequence[tuple[Any, ...]]) -> Plain:
    return tuple(map(tuple, items))  # named tuples as plain ones (marshal keeps only those)


def _shares_in(items: Plain) -> tuple[Share, ...]:
    return tuple(map(Share._make, items))


def _rated_in(items: Plain) -> tuple[Rated, ...]:
    return tuple(map(Rated._make, items))


def _aliases_in(items: Plain) -> tuple[Alias, ...]:
    return tuple(map(Alias._make, items))


CODECS: dict[str, Codec] = {
    "money": (_money_out, _money_in),
    "place": (_place_out, _place_in),
    "shares": (_tuples_out, _shares_in),
    "rated": (_tuples_out, _rated_in),
    "aliases": (_tuples_out, _aliases_in),
}


def _codecs(cls: type[Any]) -> list[tuple[int, Codec]]:
    """The fields of a record class that need converting, by position, with their codec."""
    out: list[tuple[int, Codec]] = []
    for i, f in enumerate(fields(cls)):
        spec: model.FieldSpec | None = f.metadata.get("spec")
        if spec is None:
            continue
        if spec.section is not None:
            out.append((i, _SECTIONS[spec.section]))
        elif spec.kind in CODECS:
            out.append((i, CODECS[spec.kind]))
    return out


def _record_codec(cls: type[Any]) -> Codec:
    """Converts records of ``cls`` (a dataclass) to the tuple of their fields, and back."""
    names = [f.name for f in fields(cls)]
    steps = _codecs(cls)

    def out(record: Any) -> Plain:
        values = [getattr(record, name) for name in names]
        for i, (to_plain, _) in steps:
            if values[i] is not None:
                values[i] = to_plain(values[i])
        return tuple(values)

    def back(plain: Plain) -> Any:
        values = list(plain)
        for i, (_, from_plain) in steps:
            if values[i] is not None:
                values[i] = from_plain(values[i])
        return cls(*values)

    return out, back


_SECTIONS: dict[type[Any], Codec] = {cls: _record_codec(cls) for cls in SECTION_TYPES.values()}
_PROFESSION = _record_codec(Profession)


def to_plain(professions: Sequence[Profession]) -> list[Plain]:
    """Checked professions as plain values (for :mod:`marshal`)."""
    return [_PROFESSION[0](p) for p in professions]


def from_plain(plain: Sequence[Plain]) -> list[Profession]:
    """The professions :func:`to_plain` was given, equal field for field. Raises TypeError,
    ValueError or IndexError when ``plain`` has another shape."""
    back = _PROFESSION[1]
    return [back(p) for p in plain]
