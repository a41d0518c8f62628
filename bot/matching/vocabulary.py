"""Everyday vocabulary: curated names people use for occupations (``data/vocabulary.yaml``).

Synonyms, abbreviations, slang, gig and modern titles, British, regional and gendered forms.
Each entry names one or more occupations *or occupation groups* by SOC code; the index adds
every name as a key owned by its targets (at build time: nothing per query). An entry may say
that no official occupation fits (``note``), which the answer then shows.

The file is validated when it is loaded: every problem names the file, the entry and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..cache import DiskCache, digest
from ..datafiles import DataFileError, ReadLimits, parse_yaml, read_bytes
from ..dataset import DatasetError
from ..names import normalize_name

SOC_CODE = re.compile(r"^\d\d-\d\d\d\d$")
MAX_NAME = 60
_FIELDS = frozenset({"names", "soc", "kind", "note"})
_TOP = frozenset({"vocabulary", "words"})


class Kind(StrEnum):
    SYNONYM = "synonym"  # another word for the same job ("attorney", "physician")
    ABBREVIATION = "abbreviation"  # "RN", "CPA", "HVAC tech"
    SLANG = "slang"  # "cop", "sparky", "bean counter"
    MODERN = "modern"  # gig and new titles: "uber driver", "youtuber", "ML engineer"
    REGIONAL = "regional"  # British and other regional forms: "postie", "solicitor"
    GENDERED = "gendered"  # "fireman", "waitress", "policewoman"
    SPECIALTY = "specialty"  # a specialty inside an occupation: "oncologist", "ICU nurse"
    GENERIC = "generic"  # a word for a whole family: "doctor", "engineer", "teacher"


@dataclass(frozen=True, slots=True)
class Entry:
    names: tuple[str, ...]
    soc: tuple[str, ...]  # occupation or group codes (a group ends in 0: "29-1210")
    kind: Kind
    note: str | None = None  # e.g. "No official occupation; closest: Shuttle Drivers…"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    entries: tuple[Entry, ...]
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "rep" -> representative
    origin: str = ""  # the file it came from, for error messages
    fingerprint: str = ""  # digest of its bytes (part of the index's cache key)


class VocabularyError(DatasetError):
    """The vocabulary cannot be used; ``problems`` lists every one, with file, entry, field.
    A kind of :class:`DatasetError`, so that it stops start-up the same way."""


EMPTY = Vocabulary(())
# SOC 2018 broad groups whose detailed codes run past their own tens.
_WIDE_BROAD_GROUPS = {"29-1210": ("29-1211", "29-1229")}


def default_path() -> Path:
    """``data/vocabulary.yaml`` in a source tree, ``bot/_data/vocabulary.yaml`` when installed."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_data" / "vocabulary.yaml"
    return packaged if packaged.is_file() else here.parent / "data" / "vocabulary.yaml"


def load(
    path: Path | None = None, limits: ReadLimits | None = None, cache: DiskCache | None = None
) -> Vocabulary:
    """Read (safely, within ``limits``) and validate a vocabulary file; raise
    :class:`VocabularyError` naming the file, entry and field of every problem. ``cache``
    keeps the parsed document, keyed by the file's bytes (it is validated every time)."""
    path = path or default_path()
    limits = limits or ReadLimits()
    try:
        raw = read_bytes(path, limits)
        key = digest(raw, repr(limits))
        doc = cache.get("vocabulary", key) if cache else None
        if doc is None:
            doc = parse_yaml(raw, limits)
            if cache:
                cache.put("vocabulary", key, doc)
                cache.prune("vocabulary", {key})
    except DataFileError as exc:
        raise VocabularyError([f"{path}: {exc}"]) from None
    return parse(doc, str(path), digest(raw))


def parse(doc: Any, origin: str, fingerprint: str = "") -> Vocabulary:
    """Validate a parsed vocabulary document (``{"vocabulary": [entries]}``)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("vocabulary"), list):
        raise VocabularyError([f"{origin}: must be a mapping with a 'vocabulary' list"])
    problems: list[str] = [
        f"{origin}: field '{k}': unknown top-level key" for k in doc if k not in _TOP
    ]
    words = _words(doc.get("words", {}), origin, problems)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(doc["vocabulary"]):
        entry = _entry(raw, f"{origin}: entry #{i + 1}", problems)
        if entry is None:
            continue
        for name in entry.names:
            key = normalize_name(name)  # "nurses" and "nurse" are one name
            if seen.get(key, i) != i:
                problems.append(
                    f"{origin}: entry #{i + 1}, field 'names': {name!r} is already in entry "
                    f"#{seen[key] + 1}"
                )
            seen[key] = i
        entries.append(entry)
    if problems:
        raise VocabularyError(problems)
    return Vocabulary(tuple(entries), words, origin, fingerprint)


def _words(raw: Any, origin: str, problems: list[str]) -> dict[str, tuple[str, ...]]:
    """``words``: a mapping of one short word to the word (or words) it stands for."""
    if not isinstance(raw, dict):
        problems.append(f"{origin}: field 'words': must be a mapping of a word to its long form")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for short, full in raw.items():
        where = f"{origin}: words, field {short!r}"
        longs = [full] if isinstance(full, str) else full
        ok = isinstance(short, str) and short.isalnum() and isinstance(longs, list)
        if not ok or not longs or not all(isinstance(w, str) and w.isalpha() for w in longs):
            problems.append(f"{where}: must map one word to one word or a list of single words")
            continue
        out[short.casefold()] = tuple(w.casefold() for w in longs)
    return out


def _entry(raw: Any, where: str, problems: list[str]) -> Entry | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a mapping with 'names', 'soc' and 'kind'")
        return None
    start = len(problems)
    names = _strings(raw.get("names"), where, "names", problems)
    where = f"{where} ({names[0]!r})" if names else where
    problems += [
        f"{where}, field '{k}': unknown key" for k in sorted(map(str, raw)) if k not in _FIELDS
    ]
    for name in names:
        if len(name) > MAX_NAME or not any(c.isalnum() for c in name):
            problems.append(f"{where}, field 'names': {name!r} is not a usable name")
    codes = _strings(raw.get("soc"), where, "soc", problems)
    problems += [
        f"{where}, field 'soc': {c!r} is not a SOC code like \"29-1141\""
        for c in codes
        if not SOC_CODE.match(c)
    ]
    kind = raw.get("kind")
    if kind not in set(Kind):
        problems.append(f"{where}, field 'kind': must be one of {', '.join(Kind)}, got {kind!r}")
    note = raw.get("note")
    if note is not None and (not isinstance(note, str) or not note.strip()):
        problems.append(f"{where}, field 'note': must be non-empty text")
    if len(problems) > start:
        return None
    return Entry(tuple(names), tuple(codes), Kind(str(kind)), note.strip() if note else None)


def _strings(value: Any, where: str, field: str, problems: list[str]) -> list[str]:
    """A non-empty list of non-empty strings (a single string is a list of one)."""
    if isinstance(value, str):
        value = [value]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(v, str) and v.strip() for v in value)
    ):
        problems.append(f"{where}, field '{field}': must be a non-empty list of non-empty text")
        return []
    return [" ".join(v.split()) for v in value]


def in_group(code: str, group: str) -> bool:
    """Whether occupation ``code`` belongs to SOC group ``group`` (or is it).

    A major group ends in ``0000`` (``29-0000``), a minor group in ``000`` or ``00``
    (``29-1000``, ``31-1100``), a broad group in ``0`` (``29-1240``); a detailed code is only
    in itself."""
    if code == group:
        return True
    span = _WIDE_BROAD_GROUPS.get(group)
    if span is not None:
        return span[0] <= code <= span[1]
    if group.endswith("0000"):
        return code[:2] == group[:2]
    if group.endswith("000"):
        return code[:4] == group[:4]
    if group.endswith("00"):  # the few minor groups like 31-1100
        return code[:5] == group[:5]
    if group.endswith("0"):
        return code[:6] == group[:6]
    return False
