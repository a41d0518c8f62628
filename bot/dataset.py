"""YAML → validated, immutable :class:`~bot.model.Profession` records.

Loading is all-or-nothing: every problem found is reported (file, entry and field named) in one
:class:`DatasetError`, and no partial dataset is ever returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import records
from .cache import DiskCache, digest
from .datafiles import DataFileError, ReadLimits, find_yaml_files, parse_yaml, read_bytes
from .model import SECTION_TYPES, Profession
from .names import normalize
from .timing import phase
from .validation import Problems, parse_entry


def default_data_dir() -> Path:
    """The shipped dataset: ``bot/_data`` in an installed wheel, ``data/`` in a source tree."""
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    return packaged if packaged.is_dir() else here.parent / "data"


class DatasetError(Exception):
    """Raised when the data cannot be served; ``problems`` lists every error found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the career data:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


@dataclass(frozen=True, slots=True)
class Dataset:
    """All professions, in load order, with an id index."""

    professions: tuple[Profession, ...]
    by_id: Mapping[str, Profession]
    files: tuple[str, ...] = ()
    fingerprint: str = ""  # SHA-256 over every file's bytes, layer by layer

    def __len__(self) -> int:
        return len(self.professions)

    def __iter__(self) -> Iterator[Profession]:
        return iter(self.professions)

    def get(self, profession_id: str) -> Profession | None:
        return self.by_id.get(profession_id)

    def sources(self) -> list[str]:
        """Distinct section citations in the data, most used first."""
        counts: dict[str, int] = {}
        for prof in self.professions:
            for name in SECTION_TYPES:
                section = getattr(prof, name)
                if section is not None:
                    counts[section.citation] = counts.get(section.citation, 0) + 1
        return sorted(counts, key=lambda c: (-counts[c], c))


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True, slots=True)
class _File:
    """A data file as read: its bytes and their digest, or why it could not be read."""

    path: Path
    raw: bytes = b""
    key: str = ""  # SHA-256 of raw
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _Root:
    """A path of a layer: its YAML files, or why they could not be listed."""

    path: Path
    files: tuple[_File, ...] = ()
    error: str | None = None


def _read_root(root: Path, limits: ReadLimits) -> _Root:
    try:
        found = find_yaml_files(root, limits)
    except DataFileError as exc:
        return _Root(root, error=str(exc))
    files = []
    for path in found:
        if path != root and path.name in NOT_PROFESSIONS:
            continue
        try:
            raw = read_bytes(path, limits)
        except DataFileError as exc:
            files.append(_File(path, error=str(exc)))
            continue
        files.append(_File(path, raw, digest(raw)))
    return _Root(root, tuple(files))


def _read_yaml(file: _File, out: Problems, cache: DiskCache, limits: ReadLimits) -> Any:
    cached = cache.get("yaml", file.key)
    if cached is not None:
        return cached
    try:
        with phase("yaml_parse"):
            doc = parse_yaml(file.raw, limits)
    except DataFileError as exc:
        out.add(str(file.path), None, None, str(exc))
        return None
    cache.put("yaml", file.key, doc)
    return doc


NOT_PROFESSIONS = frozenset({"vocabulary.yaml", "places.yaml"})  # read elsewhere


def _load_layer(
    roots: Sequence[_Root], out: Problems, cache: DiskCache, limits: ReadLimits
) -> list[Profession]:
    professions: list[Profession] = []
    seen: dict[str, str] = {}
    for root in roots:
        if root.error is not None:
            out.add(str(root.path), None, None, root.error)
        for file in root.files:
            if file.error is not None:
                out.add(str(file.path), None, None, file.error)
                continue
            doc = _read_yaml(file, out, cache, limits)
            if doc is None:
                continue
            path = str(file.path)
            if not isinstance(doc, dict) or not isinstance(doc.get("professions"), list):
                out.add(path, None, None, "must be a mapping with a 'professions' list")
                continue
            for key in sorted(set(map(str, doc)) - {"professions"}):
                out.add(path, None, key, "unknown top-level key")
            for i, raw in enumerate(doc["professions"]):
                with phase("validation"):
                    prof = parse_entry(raw, path, i, out)
                if prof is None:
                    continue
                if prof.id in seen:
                    out.add(
                        path,
                        f"'{prof.id}' (#{i + 1})",
                        "id",
                        f"duplicate id, already defined in {seen[prof.id]}",
                    )
                    continue
                seen[prof.id] = path
                professions.append(prof)
    return professions


def _check_members(by_id: Mapping[str, Profession], out: Problems) -> None:
    """A group's members are existing occupations, never groups themselves."""
    for prof in by_id.values():
        for mid in prof.members:
            member = by_id.get(mid)
            if member is None:
                problem = f"no profession has the id {mid!r}"
            elif member.is_group:
                problem = f"{mid!r} is a group; members are single occupations"
            else:
                continue
            out.add(prof.origin, f"'{prof.id}'", "members", problem)


def _merge(merged: dict[str, Profession], prof: Profession, out: Problems) -> None:
    """A later layer replaces an entry of the same id, but never a group by an occupation (or
    an occupation by a group): one id, one kind."""
    old = merged.get(prof.id)
    if old is not None and old.is_group != prof.is_group:
        kind = "an occupation group" if old.is_group else "a single occupation"
        out.add(prof.origin, f"'{prof.id}'", "id", f"is {kind} in {old.origin}; use another id")
        return
    merged[prof.id] = prof


def _check_links(professions: Iterable[Profession], out: Problems) -> None:
    by_id = {p.id: p for p in professions}
    _check_members(by_id, out)
    claimed: dict[str, Profession] = {}

    for prof in by_id.values():
        entry = f"'{prof.id}'"
        if prof.closest is not None and prof.closest not in by_id:
            out.add(prof.origin, entry, "closest", f"no profession has the id {prof.closest!r}")
        if prof.similar is not None:
            for sid in prof.similar.ids:
                if sid not in by_id:
                    out.add(prof.origin, entry, "similar.ids", f"no profession has the id {sid!r}")
        if prof.curated:
            for name in (prof.title, *(a.name for a in prof.aliases)):
                key = normalize(name)
                other = claimed.get(key)
                if other is not None and other.id != prof.id:
                    out.add(
                        prof.origin,
                        entry,
                        "aliases",
                        f"{name!r} is already claimed by curated entry '{other.id}' "
                        f"({other.origin})",
                    )
                else:
                    claimed[key] = prof


def load_dataset(
    paths: Sequence[Path | str] | None = None,
    extra: Sequence[Path | str] = (),
    cache: DiskCache | None = None,
    limits: ReadLimits | None = None,
) -> Dataset:
    """Load and validate the shipped data (or ``paths``), then each ``extra`` path in turn.

    Within one layer an id may appear once; a later layer (an admin's ``CAREER_BOT_DATA``)
    replaces entries with the same id. Raises :class:`DatasetError` listing every problem.
    ``cache`` keeps parsed YAML keyed by each file's bytes, and the checked professions keyed
    by every file's bytes and path (:mod:`bot.records`): files seen before are not checked
    again, any other file is. ``limits`` bound what a file may be (size, nesting; see
    :mod:`bot.datafiles`).
    """
    cache = cache or DiskCache(None)
    limits = limits or ReadLimits()
    layers = [[Path(p) for p in (paths if paths is not None else [default_data_dir()])]]
    layers += [[Path(p)] for p in extra]
    read = [[_read_root(root, limits) for root in layer] for layer in layers]
    files = [str(f.path) for layer in read for root in layer for f in root.files]
    hashes: list[str] = []
    for layer in read:
        hashes += [f.key for root in layer for f in root.files if f.error is None]
        hashes.append("|")  # layer boundary: the same files in other layers mean other data
    fingerprint = digest(*hashes)
    clean = all(r.error is None and all(f.error is None for f in r.files) for x in read for r in x)
    key = digest(fingerprint, records.CODE_DIGEST, repr(limits), *files) if clean else ""
    checked = _checked(cache, key)
    if checked is not None:
        return Dataset(tuple(checked), {p.id: p for p in checked}, tuple(files), fingerprint)
    merged = _check(read, cache, limits, files, layers[0])
    cache.prune("yaml", {h for h in hashes if h != "|"})
    if key:
        cache.put("checked", key, records.to_plain(list(merged.values())))
        cache.prune("checked", {key})
    return Dataset(tuple(merged.values()), merged, tuple(files), fingerprint)


def _checked(cache: DiskCache, key: str) -> list[Profession] | None:
    """The professions checked before from the same files, or None."""
    plain = cache.get("checked", key) if key else None
    if plain is None:
        return None
    try:
        return records.from_plain(plain)
    except (TypeError, ValueError, IndexError):
        return None  # another shape: check the files again


def _check(
    read: Sequence[Sequence[_Root]],
    cache: DiskCache,
    limits: ReadLimits,
    files: Sequence[str],
    first: Sequence[Path],
) -> dict[str, Profession]:
    """Every entry of every layer checked and merged; raises :class:`DatasetError`."""
    out = Problems()
    merged: dict[str, Profession] = {}
    for layer in read:
        for prof in _load_layer(layer, out, cache, limits):
            _merge(merged, prof, out)
    if not files and not out.problems:
        out.add(", ".join(str(p) for p in first), None, None, "holds no YAML files")
    with phase("link_checks"):
        _check_links(merged.values(), out)
    if not merged and not out.problems:
        out.add(", ".join(files), None, None, "defines no professions")
    if out.problems:
        raise DatasetError(out.problems)
    return merged


__all__ = ["Dataset", "DatasetError", "default_data_dir", "load_dataset"]
