"""Small helpers shared by the readers and the assembler: text, numbers, CSV/TSV files."""

from __future__ import annotations

import csv
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from .rules import MAX_ID_LEN


def slugify(text: str) -> str:
    """Lowercase ASCII slug: every run of non-alphanumerics becomes one '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def cut_slug(slug: str, limit: int = MAX_ID_LEN) -> str:
    """Shorten a slug to at most ``limit`` characters, cutting at a '-' boundary."""
    if len(slug) <= limit:
        return slug
    head = slug[: limit + 1]
    cut = head.rfind("-")
    return (head[:cut] if cut > 0 else slug[:limit]).strip("-")


def norm_title(text: str) -> str:
    """Key for matching CPS row titles to Census titles: case, commas and spaces ignored."""
    return re.sub(r"\s+", " ", text.replace(",", " ").strip().lower())


def alias_key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def clean_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def opt_text(text: str | None) -> str | None:
    """Cleaned text, or None for a blank or a dash (the sources' "no data")."""
    if text is None:
        return None
    text = clean_text(text)
    return None if text in {"", "—", "–", "-", "n/a"} else text


_NOT_NUMBERS = frozenset({"", "-", "—", "–", "*", "**", "#", "n/a"})


def to_decimal(text: str | None) -> Decimal | None:
    """A number from a source cell; '—', '–', '-', '*', '' and friends give None."""
    if text is None:
        return None
    text = text.strip()
    if text in _NOT_NUMBERS:
        return None
    text = text.replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def round_half_up(value: Decimal | float, places: int = 0) -> Decimal:
    quant = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP)


def as_int(value: Decimal) -> int:
    return int(round_half_up(value))


def as_float(value: Decimal, places: int) -> float:
    return float(round_half_up(value, places))


def money(value: Decimal) -> int | float:
    """A dollar figure as BLS prints it: whole dollars as int, cents kept otherwise."""
    return int(value) if value == value.to_integral_value() else float(value)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [dict(row) for row in csv.DictReader(fh)]


def read_tsv(path: Path) -> list[dict[str, str]]:
    """O*NET tab-separated text with a header row (no quoting is used in these files)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        lines = fh.read().splitlines()
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows
