"""YAML → validated, immutable :class:`~bot.model.Profession` records.

Loading is all-or-nothing: every problem found is reported (file, entry and field named) in one
:class:`DatasetError`, and no partial dataset is ever returned.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import DiskCache, digest
from .datafiles import DataFileError, ReadLimits, find_yaml_files, parse_yaml, read_bytes
from .model import (
    GROUP_LEVELS,
    SECTION_TYPES,
    Alias,
    Demographics,
    Money,
    Outlook,
    Pay,
    Place,
    Profession,
    Rated,
    Section,
    Share,
)
from .timing import phase

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOC_RE = re.compile(r"^\d{2}-\d{4}$")
MAX_ID = 90
MAX_TITLE = 150
SHARE_TOLERANCE = 0.6  # rounding slack when shares are summed


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


# --------------------------------------------------------------------------- validation helpers


class _Invalid(Exception):
    """One field's problem; turned into a located message by the caller."""


def _is_num(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"must be non-empty text, got {_show(value)}")
    return value.strip()


def _opt_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _number(value: Any, lo: float | None = None, hi: float | None = None) -> float:
    if not _is_num(value):
        raise _Invalid(f"must be a number, got {_show(value)}")
    if lo is not None and value < lo:
        raise _Invalid(f"must be at least {lo:g}, got {value}")
    if hi is not None and value > hi:
        raise _Invalid(f"must be at most {hi:g}, got {value}")
    return float(value)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(f"must be a whole number, got {_show(value)}")
    if value < 0:
        raise _Invalid(f"must not be negative, got {value}")
    return value


def _pct(value: Any) -> float:
    return _number(value, 0, 100)


def _year(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise _Invalid(f"must be a year like 2025 (or null), got {_show(value)}")
    return value


_TOP_CODED = re.compile(r"^\s*(?:>=|≥)\s*\$?\s*([\d,]+(?:\.\d+)?)\s*$")


def _money(value: Any) -> Money:
    if isinstance(value, str):
        match = _TOP_CODED.match(value)
        if not match:
            raise _Invalid(f'must be a dollar amount or ">=239200", got {_show(value)}')
        return Money(float(match.group(1).replace(",", "")), at_least=True)
    return Money(_number(value, lo=0))


def _place(value: Any) -> Place:
    if isinstance(value, str):
        return Place(_text(value))
    if not isinstance(value, dict):
        raise _Invalid(f"must be a mapping with a name, got {_show(value)}")
    _no_unknown(value, {"name", "annual_mean"})
    if "name" not in value:
        raise _Invalid("needs a name")
    mean = value.get("annual_mean")
    return Place(_text(value["name"]), None if mean is None else _money(mean))


def _no_unknown(mapping: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(map(str, mapping)) - set(allowed))
    if unknown:
        raise _Invalid(f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")


def _str_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Invalid(f"must be a list of text, got {_show(value)}")
    return tuple(_text(v) for v in value)


def _shares(value: Any, key: str) -> tuple[Share, ...]:
    """A list of ``{<key>: label, pct: n}`` or a ``{label: pct}`` mapping; sum must be <= 100."""
    items: list[Share] = []
    if isinstance(value, dict):
        items = [Share(_text(k), _pct(v)) for k, v in value.items()]
    elif isinstance(value, list):
        for item in value:
            if not isinstance(item, dict) or key not in item or "pct" not in item:
                raise _Invalid(f"items must look like {{{key}: ..., pct: ...}}, got {_show(item)}")
            _no_unknown(item, {key, "pct"})
            items.append(Share(_text(item[key]), _pct(item["pct"])))
    else:
        raise _Invalid(f"must be a list or mapping of shares, got {_show(value)}")
    total = sum(s.pct for s in items)
    if total > 100 + SHARE_TOLERANCE:
        raise _Invalid(f"shares add up to {total:g}%, more than 100%")
    return tuple(items)


def _rated(value: Any) -> tuple[Rated, ...]:
    if not isinstance(value, list):
        raise _Invalid(f"must be a list, got {_show(value)}")
    out: list[Rated] = []
    for item in value:
        if isinstance(item, str):
            out.append(Rated(_text(item)))
        elif isinstance(item, dict) and "name" in item:
            _no_unknown(item, {"name", "importance"})
            imp = item.get("importance")
            out.append(Rated(_text(item["name"]), None if imp is None else _number(imp, 1, 5)))
        else:
            raise _Invalid(f"items must be text or {{name, importance}}, got {_show(item)}")
    return tuple(out)


def _alias_line(line: str) -> Alias:
    name, sep, count = line.rpartition("|")
    if not sep:
        return Alias(_text(line))
    if not count.strip().isdigit() or int(count) < 1:
        raise _Invalid(f"alias line {line!r}: the number after '|' must be a whole number >= 1")
    return Alias(_text(name), int(count))


def _aliases(value: Any) -> tuple[Alias, ...]:
    """A list (strings or ``{name, sources}``), or — compact and fast to load — a text block
    with one alias per line, ``Name|N`` when N sources list it."""
    if isinstance(value, str):  # the hot path: tens of thousands of lines, kept tight
        out_lines: list[Alias] = []
        append = out_lines.append
        for line in value.splitlines():
            if "|" in line:
                name, _, count = line.rpartition("|")
                name = name.strip()
                if name and count.isdigit() and count[0] != "0":
                    append(Alias(name, int(count)))
                else:
                    append(_alias_line(line.strip()))  # raises with the reason
            else:
                line = line.strip()
                if line:
                    append(Alias(line))
        return tuple(out_lines)
    if not isinstance(value, list):
        raise _Invalid(f"must be a list or a block of lines, got {_show(value)}")
    out: list[Alias] = []
    for item in value:
        if isinstance(item, str):
            out.append(Alias(_text(item)))
        elif isinstance(item, dict) and "name" in item:
            _no_unknown(item, {"name", "sources"})
            sources = _count(item.get("sources", 1))
            if sources < 1:
                raise _Invalid(f"alias {item['name']!r}: sources must be at least 1")
            out.append(Alias(_text(item["name"]), sources))
        else:
            raise _Invalid(f"items must be text or {{name, sources}}, got {_show(item)}")
    return tuple(out)


def _ids(value: Any) -> tuple[str, ...]:
    ids = _str_list(value)
    for i in ids:
        if not ID_RE.match(i):
            raise _Invalid(f"{i!r} is not a valid id")
    return ids


def _job_zone(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise _Invalid(f"must be a job zone 1–5, got {_show(value)}")
    return value


def _group_level(value: Any) -> str:
    if value not in GROUP_LEVELS:
        raise _Invalid(f"must be one of {', '.join(GROUP_LEVELS)}, got {_show(value)}")
    return str(value)


def _nullable_text(value: Any) -> str | None:
    """Text, or null meaning "unknown"; "-" and "—" also mean unknown."""
    if value is None or (isinstance(value, str) and value.strip() in {"-", "—", ""}):
        return None
    return _text(value)


Parser = Callable[[Any], Any]
MONEY_FIELDS = [
    "annual_mean",
    "annual_median",
    "hourly_mean",
    "hourly_median",
    "p10",
    "p25",
    "p75",
    "p90",
    "range_low",
    "range_high",
]

_FIELDS: dict[str, dict[str, Parser]] = {
    "pay": {
        **dict.fromkeys(MONEY_FIELDS, _money),
        "employment": _count,
        **{k: _place for k in ("top_state", "top_metro", "top_industry", "top_company")},
    },
    "outlook": {
        "jobs": _count,
        "start_year": _year,
        "end_year": _year,
        "employment_start": _count,
        "employment_end": _count,
        "growth_pct": lambda v: _number(v, lo=-100),
        "annual_openings": _count,
        "entry_education": _text,
        "work_experience": _text,
        "job_training": _text,
    },
    "education": {
        "levels": lambda v: _shares(v, "level"),
        "job_zone": _job_zone,
        "time_to_become": _text,
        "most_common_college": _nullable_text,
    },
    "majors": {"names": _str_list},
    "demographics": {
        "women_pct": _pct,
        "men_pct": _pct,
        "race": lambda v: _shares(v, "group"),
        "hispanic_pct": _pct,
        "lgbt_pct": _pct,
        "covers": _text,
    },
    "age": {"median": lambda v: _number(v, 14, 100), "average": lambda v: _number(v, 14, 100)},
    "workforce": {
        "job_satisfaction": lambda v: _number(v, 0, 5),
        "years_experience": lambda v: _number(v, 0, 70),
    },
    "skills": {"skills": _rated, "knowledge": _rated},
    "similar": {"ids": _ids},
}
_COMMON = {"source", "year", "note", "url"}
_TOP_KEYS = {
    "id",
    "title",
    "soc",
    "curated",
    "closest",
    "source",
    "year",
    "description",
    "tasks",
    "aliases",
    *SECTION_TYPES,
    "group",
    "members",
}


def _ordered(values: Sequence[tuple[str, Money | None]]) -> str | None:
    """Check that known money values never decrease; return a problem or None."""
    known = [(name, m) for name, m in values if m is not None]
    for (n1, m1), (n2, m2) in zip(known, known[1:], strict=False):
        if m1.value > m2.value and not (m1.at_least and m2.at_least):
            return f"{n1} ({m1.value:,.0f}) is more than {n2} ({m2.value:,.0f})"
    return None


def _cross_checks(name: str, section: Section) -> list[tuple[str, str]]:
    """Rules that relate several fields of one section: (field, problem)."""
    problems: list[tuple[str, str]] = []
    if isinstance(section, Pay):
        order = _ordered(
            [
                ("p10", section.p10),
                ("p25", section.p25),
                ("annual_median", section.annual_median),
                ("p75", section.p75),
                ("p90", section.p90),
            ]
        )
        if order:
            problems.append(("p10", f"percentiles out of order: {order}"))
        rng = _ordered([("range_low", section.range_low), ("range_high", section.range_high)])
        if rng:
            problems.append(("range_low", rng))
    elif isinstance(section, Demographics):
        if (
            section.women_pct is not None
            and section.men_pct is not None
            and section.women_pct + section.men_pct > 100 + SHARE_TOLERANCE
        ):
            problems.append(("men_pct", "women_pct + men_pct is more than 100%"))
    elif (
        isinstance(section, Outlook)
        and section.start_year
        and section.end_year
        and section.start_year > section.end_year
    ):
        problems.append(("end_year", "end_year is before start_year"))
    return problems


# --------------------------------------------------------------------------- parsing


class _Collector:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, file: str, entry: str | None, fld: str | None, message: str) -> None:
        where = file
        if entry is not None:
            where += f": entry {entry}"
        if fld is not None:
            where += f", field '{fld}'"
        self.problems.append(f"{where}: {message}")


def _parse_section(name: str, raw: Any, report: Callable[[str, str], None]) -> Section | None:
    cls = SECTION_TYPES[name]
    if not isinstance(raw, dict):
        report(name, f"must be a mapping, got {_show(raw)}")
        return None
    fields = _FIELDS[name]
    ok = True
    for key in sorted(set(map(str, raw)) - fields.keys() - _COMMON):
        report(f"{name}.{key}", "unknown key")
        ok = False
    values: dict[str, Any] = {}
    try:
        values["source"] = _text(raw.get("source"))
    except _Invalid as exc:
        report(f"{name}.source", "missing" if "source" not in raw else str(exc))
        ok = False
    if "year" not in raw:
        report(f"{name}.year", "missing (use null when the source gives no year)")
        ok = False
    common: tuple[tuple[str, Parser], ...] = (
        ("year", _year),
        ("note", _opt_text),
        ("url", _opt_text),
    )
    for key, parse in common:
        if key in raw:
            try:
                values[key] = parse(raw[key])
            except _Invalid as exc:
                report(f"{name}.{key}", str(exc))
                ok = False
    for key, parse in fields.items():
        if key in raw and raw[key] is not None:
            try:
                values[key] = parse(raw[key])
            except _Invalid as exc:
                report(f"{name}.{key}", str(exc))
                ok = False
        elif key in raw and key != "most_common_college":
            report(f"{name}.{key}", "is null: leave a missing figure out instead")
            ok = False
    if not ok:
        return None
    section = cls(**values)
    for fld, problem in _cross_checks(name, section):
        report(f"{name}.{fld}", problem)
        ok = False
    return section if ok else None


def _parse_entry(raw: Any, file: str, index: int, out: _Collector) -> Profession | None:
    label = f"#{index + 1}"
    if not isinstance(raw, dict):
        out.add(file, label, None, f"must be a mapping, got {_show(raw)}")
        return None
    if isinstance(raw.get("id"), str) and raw["id"].strip():
        label = f"'{raw['id'].strip()}' (#{index + 1})"
    start = len(out.problems)

    def report(fld: str, message: str) -> None:
        out.add(file, label, fld, message)

    for key in sorted(set(map(str, raw)) - _TOP_KEYS):
        report(key, "unknown key")
    values: dict[str, Any] = {"origin": file}
    simple: dict[str, Parser] = {
        "id": _text,
        "title": _text,
        "soc": _text,
        "closest": _text,
        "source": _text,
        "year": _year,
        "description": _text,
        "tasks": _str_list,
        "aliases": _aliases,
        "group": _group_level,
        "members": _ids,
    }
    for key in ("id", "title"):
        if key not in raw or raw[key] is None:
            report(key, "missing")
    for key, parse in simple.items():
        if raw.get(key) is not None:
            try:
                values[key] = parse(raw[key])
            except _Invalid as exc:
                report(key, str(exc))
    if "curated" in raw:
        if isinstance(raw["curated"], bool):
            values["curated"] = raw["curated"]
        else:
            report("curated", f"must be true or false, got {_show(raw['curated'])}")
    pid = values.get("id")
    if pid is not None and (len(pid) > MAX_ID or not ID_RE.match(pid)):
        report("id", f"must be a lowercase slug of at most {MAX_ID} characters, got {_show(pid)}")
    closest = values.get("closest")
    if closest is not None and not ID_RE.match(closest):
        report("closest", f"{closest!r} is not a valid id")
    title = values.get("title")
    if title is not None and len(title) > MAX_TITLE:
        report("title", f"is {len(title)} characters long; at most {MAX_TITLE}")
    soc = values.get("soc")
    if soc is not None and not SOC_RE.match(soc):
        report("soc", f'must look like "43-3011", got {_show(soc)}')
    parsed = all(raw.get(k) is None or k in values for k in ("group", "members"))
    if parsed and ("group" in values) != bool(values.get("members")):
        report("members", "a group needs a non-empty members list, and only a group has one")
    for name in SECTION_TYPES:
        if name in raw:
            section = _parse_section(name, raw[name], report)
            if section is not None:
                values[name] = section
    if len(out.problems) > start:
        return None
    return Profession(**values)


def _read_yaml(
    path: Path, out: _Collector, cache: DiskCache, hashes: list[str], limits: ReadLimits
) -> Any:
    try:
        raw = read_bytes(path, limits)
        key = digest(raw)
        hashes.append(key)
        cached = cache.get("yaml", key)
        if cached is not None:
            return cached
        with phase("yaml_parse"):
            doc = parse_yaml(raw, limits)
    except DataFileError as exc:
        out.add(str(path), None, None, str(exc))
        return None
    cache.put("yaml", key, doc)
    return doc


def _yaml_files(path: Path, out: _Collector, limits: ReadLimits) -> list[Path]:
    try:
        return find_yaml_files(path, limits)
    except DataFileError as exc:
        out.add(str(path), None, None, str(exc))
        return []


def _load_layer(
    paths: Sequence[Path], out: _Collector, cache: DiskCache, hashes: list[str], limits: ReadLimits
) -> tuple[list[Profession], list[str]]:
    professions: list[Profession] = []
    files: list[str] = []
    seen: dict[str, str] = {}
    for root in paths:
        for path in _yaml_files(Path(root), out, limits):
            files.append(str(path))
            doc = _read_yaml(path, out, cache, hashes, limits)
            if doc is None:
                continue
            if not isinstance(doc, dict) or not isinstance(doc.get("professions"), list):
                out.add(str(path), None, None, "must be a mapping with a 'professions' list")
                continue
            for key in sorted(set(map(str, doc)) - {"professions"}):
                out.add(str(path), None, key, "unknown top-level key")
            for i, raw in enumerate(doc["professions"]):
                with phase("validation"):
                    prof = _parse_entry(raw, str(path), i, out)
                if prof is None:
                    continue
                if prof.id in seen:
                    out.add(
                        str(path),
                        f"'{prof.id}' (#{i + 1})",
                        "id",
                        f"duplicate id, already defined in {seen[prof.id]}",
                    )
                    continue
                seen[prof.id] = str(path)
                professions.append(prof)
    return professions, files


def _check_members(by_id: Mapping[str, Profession], out: _Collector) -> None:
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


def _merge(merged: dict[str, Profession], prof: Profession, out: _Collector) -> None:
    """A later layer replaces an entry of the same id, but never a group by an occupation (or
    an occupation by a group): one id, one kind."""
    old = merged.get(prof.id)
    if old is not None and old.is_group != prof.is_group:
        kind = "an occupation group" if old.is_group else "a single occupation"
        out.add(prof.origin, f"'{prof.id}'", "id", f"is {kind} in {old.origin}; use another id")
        return
    merged[prof.id] = prof


def _check_links(professions: Iterable[Profession], out: _Collector) -> None:
    by_id = {p.id: p for p in professions}
    _check_members(by_id, out)
    claimed: dict[str, Profession] = {}
    from .matching import normalize  # local import: matching imports model, not dataset

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
    ``cache`` keeps parsed YAML keyed by the files' bytes (validation still runs every time);
    ``limits`` bound what a file may be (size, nesting; see :mod:`bot.datafiles`).
    """
    cache = cache or DiskCache(None)
    hashes: list[str] = []
    out = _Collector()
    layers = [[Path(p) for p in (paths if paths is not None else [default_data_dir()])]]
    layers += [[Path(p)] for p in extra]
    merged: dict[str, Profession] = {}
    files: list[str] = []
    for layer in layers:
        professions, layer_files = _load_layer(layer, out, cache, hashes, limits or ReadLimits())
        files += layer_files
        hashes.append("|")  # layer boundary: the same files in other layers mean other data
        for prof in professions:
            _merge(merged, prof, out)
    if not files and not out.problems:
        out.add(", ".join(str(p) for p in layers[0]), None, None, "holds no YAML files")
    with phase("link_checks"):
        _check_links(merged.values(), out)
    if not merged and not out.problems:
        out.add(", ".join(files), None, None, "defines no professions")
    if out.problems:
        raise DatasetError(out.problems)
    cache.prune("yaml", {h for h in hashes if h != "|"})
    return Dataset(tuple(merged.values()), merged, tuple(files), digest(*hashes))


__all__ = ["Dataset", "DatasetError", "default_data_dir", "load_dataset"]
