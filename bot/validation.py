"""Validation of one data entry against the schema declared in :mod:`bot.model`.

Every check a field gets is named by its :class:`~bot.model.FieldSpec` (``CHECKS`` maps the
names to functions); the rules that relate several fields of a section are in
:func:`cross_checks`. Every problem is reported with its file, entry and field, and all of them
are collected before anything is refused.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .model import (
    GROUP_LEVELS,
    SECTION_TYPES,
    TOP_CODED,
    Alias,
    Demographics,
    FieldSpec,
    Money,
    Outlook,
    Pay,
    Place,
    Profession,
    Rated,
    Section,
    Share,
    schema_fields,
)

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOC_RE = re.compile(r"^\d{2}-\d{4}$")
MAX_ID = 90
MAX_TITLE = 150
SHARE_TOLERANCE = 0.6  # rounding slack when shares are summed

# --------------------------------------------------------------------------- checks of one value


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
            raise _Invalid(f'must be a dollar amount or "{TOP_CODED}", got {_show(value)}')
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


def _slug(value: Any) -> str:
    text = _text(value)
    if not ID_RE.match(text):
        raise _Invalid(f"{text!r} is not a valid id")
    return text


def _id(value: Any) -> str:
    text = _text(value)
    if len(text) > MAX_ID or not ID_RE.match(text):
        raise _Invalid(
            f"must be a lowercase slug of at most {MAX_ID} characters, got {_show(text)}"
        )
    return text


def _title(value: Any) -> str:
    text = _text(value)
    if len(text) > MAX_TITLE:
        raise _Invalid(f"is {len(text)} characters long; at most {MAX_TITLE}")
    return text


def _soc(value: Any) -> str:
    text = _text(value)
    if not SOC_RE.match(text):
        raise _Invalid(f'must look like "43-3011", got {_show(text)}')
    return text


def _url(value: Any) -> str:
    text = _text(value)
    if not text.startswith("https://") or any(c.isspace() for c in text):
        raise _Invalid(f"must be an https:// address, got {_show(text)}")
    return text


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"must be true or false, got {_show(value)}")
    return value


Check = Callable[[Any, FieldSpec], Any]

# FieldSpec.kind -> the check of one value (bot.model declares which field gets which)
CHECKS: dict[str, Check] = {
    "text": lambda v, s: _nullable_text(v) if s.nullable else _text(v),
    "opt_text": lambda v, s: _opt_text(v),
    "year": lambda v, s: _year(v),
    "money": lambda v, s: _money(v),
    "count": lambda v, s: _count(v),
    "number": lambda v, s: _number(v, s.lo, s.hi),
    "pct": lambda v, s: _pct(v),
    "place": lambda v, s: _place(v),
    "shares": lambda v, s: _shares(v, s.key),
    "rated": lambda v, s: _rated(v),
    "text_list": lambda v, s: _str_list(v),
    "ids": lambda v, s: _ids(v),
    "aliases": lambda v, s: _aliases(v),
    "job_zone": lambda v, s: _job_zone(v),
    "group": lambda v, s: _group_level(v),
    "id": lambda v, s: _id(v),
    "title": lambda v, s: _title(v),
    "soc": lambda v, s: _soc(v),
    "slug": lambda v, s: _slug(v),
    "bool": lambda v, s: _bool(v),
    "url": lambda v, s: _url(v),
}
_MISSING = {"year": "missing (use null when the source gives no year)"}

Report = Callable[[str, str], None]
_SECTION_SPECS = {name: schema_fields(cls) for name, cls in SECTION_TYPES.items()}
_ENTRY_SPECS = schema_fields(Profession)
_ENTRY_KEYS = frozenset(k for k, _ in _ENTRY_SPECS)


# --------------------------------------------------------------------------- rules across fields


def _ordered(values: Sequence[tuple[str, Money | None]]) -> str | None:
    """Check that known money values never decrease; return a problem or None."""
    known = [(name, m) for name, m in values if m is not None]
    for (n1, m1), (n2, m2) in zip(known, known[1:], strict=False):
        if m1.value > m2.value and not (m1.at_least and m2.at_least):
            return f"{n1} ({m1.value:,.0f}) is more than {n2} ({m2.value:,.0f})"
    return None


def cross_checks(section: Section) -> list[tuple[str, str]]:
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


class Problems:
    """Every problem found, each as "file: entry …, field '…': message"."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, file: str, entry: str | None, fld: str | None, message: str) -> None:
        where = file
        if entry is not None:
            where += f": entry {entry}"
        if fld is not None:
            where += f", field '{fld}'"
        self.problems.append(f"{where}: {message}")


# --------------------------------------------------------------------------- one entry


def _run(key: str, spec: FieldSpec, value: Any, values: dict[str, Any]) -> str | None:
    """Check ``value`` into ``values[key]``; the problem, or None."""
    try:
        values[key] = CHECKS[spec.kind](value, spec)
    except _Invalid as exc:
        return str(exc)
    return None


def _check(key: str, spec: FieldSpec, raw: Mapping[str, Any], values: dict[str, Any]) -> str | None:
    """One key of a section: required keys present; a null figure refused (leave it out)."""
    if key not in raw:
        return _MISSING.get(key, "missing") if spec.required else None
    value = raw[key]
    if value is None and not (spec.nullable or spec.required):
        return "is null: leave a missing figure out instead"
    return _run(key, spec, value, values)


def parse_section(name: str, raw: Any, report: Report) -> Section | None:
    """One section of an entry, or None (every problem reported as ``name.field``)."""
    if not isinstance(raw, dict):
        report(name, f"must be a mapping, got {_show(raw)}")
        return None
    specs = _SECTION_SPECS[name]
    ok = True
    for key in sorted(set(map(str, raw)) - {k for k, _ in specs}):
        report(f"{name}.{key}", "unknown key")
        ok = False
    values: dict[str, Any] = {}
    for key, spec in specs:
        problem = _check(key, spec, raw, values)
        if problem is not None:
            report(f"{name}.{key}", problem)
            ok = False
    if not ok:
        return None
    section = SECTION_TYPES[name](**values)
    for fld, problem in cross_checks(section):
        report(f"{name}.{fld}", problem)
        ok = False
    return section if ok else None


def _label(raw: Mapping[str, Any], index: int) -> str:
    if isinstance(raw.get("id"), str) and raw["id"].strip():
        return f"'{raw['id'].strip()}' (#{index + 1})"
    return f"#{index + 1}"


def _fields(raw: Mapping[str, Any], report: Report) -> dict[str, Any]:
    """Every top-level key checked; sections parsed."""
    values: dict[str, Any] = {}
    for key, spec in _ENTRY_SPECS:
        if spec.section is not None:
            if key in raw:
                section = parse_section(key, raw[key], report)
                if section is not None:
                    values[key] = section
            continue
        if spec.required and raw.get(key) is None:
            report(key, "missing")
            continue
        if key not in raw or (raw[key] is None and spec.kind != "bool"):
            continue  # a top-level null is as good as absent
        problem = _run(key, spec, raw[key], values)
        if problem is not None:
            report(key, problem)
    parsed = all(raw.get(k) is None or k in values for k in ("group", "members"))
    if parsed and ("group" in values) != bool(values.get("members")):
        report("members", "a group needs a non-empty members list, and only a group has one")
    return values


def parse_entry(raw: Any, file: str, index: int, out: Problems) -> Profession | None:
    """One entry of a data file, or None when it has any problem (all reported to ``out``)."""
    if not isinstance(raw, dict):
        out.add(file, f"#{index + 1}", None, f"must be a mapping, got {_show(raw)}")
        return None
    label = _label(raw, index)
    start = len(out.problems)

    def report(fld: str, message: str) -> None:
        out.add(file, label, fld, message)

    for key in sorted(set(map(str, raw)) - _ENTRY_KEYS):
        report(key, "unknown key")
    values = _fields(raw, report)
    if len(out.problems) > start:
        return None
    return Profession(**values, origin=file)
