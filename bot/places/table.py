"""The compact state/metro wage table (``data/oews-areas.bin``): format, writer and lazy reader.

Layout (all integers little-endian)::

    b"CBAREAS1"  u32 header length  zlib(JSON header)  block  block  …

The header names the release, the fields (with their scale), the areas (code, kind, state FIPS,
name, total employment) and, per occupation code, where its block lies. One block per
occupation holds every area that publishes it: ``u16 n``, ``u16 area index × n``, then each
field as ``i32 × n`` (columns, byte planes shuffled so that zlib finds the repetition). A value
is the figure times its scale (cents for hourly wages), or a negative :class:`Mark` saying why
BLS gives none. Decoding a block is one decompression and two copies in C, no loop in Python:
its figures are used as stored.

Why this shape (measured, see SOURCES.md): blocks per occupation answer "this job in this
place", its rank among states and its top states and metros from one small decompression;
the whole table is a few MB on disk, nothing is read before the first location answer, and only
the blocks asked for are decoded (kept in a small LRU cache).
"""

from __future__ import annotations

import enum
import json
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MAGIC = b"CBAREAS1"
FORMAT = 2  # 1 stored annual wages as differences from hourly × 2,080 (slower to decode)
_U32 = struct.Struct("<I")
_U16 = struct.Struct("<H")


class Mark(enum.IntEnum):
    """Why a figure is absent (stored as these negative codes)."""

    NOT_RELEASED = -1  # BLS footnote 8 (or '*'): too few responses, or confidentiality
    TOP_CODED = -2  # footnote 5 (or '#'): at least $115.00 an hour / $239,200 a year
    NOT_PUBLISHED = -3  # footnote 4: this occupation is published hourly or annually only
    NOT_AVAILABLE = -4  # '-' without a footnote (ratios when employment is not released)


# field name -> scale: stored value = round(figure × scale)
FIELDS: tuple[tuple[str, int], ...] = (
    ("employment", 1),
    ("per_1000", 1000),
    ("location_quotient", 100),
    ("hourly_mean", 100),
    ("annual_mean", 1),
    ("hourly_p10", 100),
    ("hourly_p25", 100),
    ("hourly_median", 100),
    ("hourly_p75", 100),
    ("hourly_p90", 100),
    ("annual_p10", 1),
    ("annual_p25", 1),
    ("annual_median", 1),
    ("annual_p75", 1),
    ("annual_p90", 1),
)
FIELD_INDEX = {name: i for i, (name, _) in enumerate(FIELDS)}


def _shuffle(raw: bytes, width: int = 4) -> bytes:
    """Byte planes (all first bytes, then all second bytes…): zlib finds far more repetition."""
    return b"".join(raw[i::width] for i in range(width))


def _unshuffle(data: bytes, width: int = 4) -> bytes:
    n = len(data) // width
    out = bytearray(len(data))
    for i in range(width):
        out[i::width] = data[i * n : (i + 1) * n]
    return bytes(out)


class TableError(Exception):
    """The table file is missing, damaged or inconsistent."""


@dataclass(frozen=True, slots=True)
class AreaInfo:
    index: int
    code: str  # OEWS 7-digit area code
    kind: str  # "S" state or territory, "M" metropolitan or nonmetropolitan area
    state_fips: str
    name: str  # full OEWS area name
    employment: int  # all occupations; 0 when not released

    @property
    def is_state(self) -> bool:
        return self.kind == "S"

    @property
    def is_nonmetro(self) -> bool:
        return "nonmetropolitan" in self.name


@dataclass(frozen=True, slots=True)
class Block:
    """All areas of one occupation: ``areas[i]`` has ``columns[f][i]`` for field ``f``."""

    areas: tuple[int, ...]
    columns: tuple[array[int], ...]  # 4 bytes a figure, not a Python int each
    position: dict[int, int]  # area index -> i

    def values(self, area_index: int) -> tuple[int, ...] | None:
        i = self.position.get(area_index)
        if i is None:
            return None
        return tuple(col[i] for col in self.columns)


# --------------------------------------------------------------------------- writing


def _pack_block(rows: Sequence[tuple[int, Sequence[int]]]) -> bytes:
    idx = array("H", (a for a, _ in rows))
    cols = array("i", (vals[f] for f in range(len(FIELDS)) for _, vals in rows))
    if sys.byteorder != "little":  # pragma: no cover - the file is little-endian everywhere
        idx.byteswap()
        cols.byteswap()
    raw = _U16.pack(len(rows)) + idx.tobytes() + _shuffle(cols.tobytes())
    return zlib.compress(raw, 9)


def encode_table(
    meta: dict[str, Any],
    areas: Sequence[tuple[str, str, str, str, int]],
    blocks: Mapping[str, Sequence[tuple[int, Sequence[int]]]],
) -> bytes:
    """The file's bytes: ``meta`` (release, source…), areas in order, rows per occupation."""
    body: list[bytes] = []
    offsets: dict[str, list[int]] = {}
    pos = 0
    for code in sorted(blocks):
        packed = _pack_block(blocks[code])
        offsets[code] = [pos, len(packed), len(blocks[code])]
        body.append(packed)
        pos += len(packed)
    header = dict(meta, format=FORMAT, fields=[list(f) for f in FIELDS])
    header.update(areas=[list(a) for a in areas], occupations=offsets)
    head = zlib.compress(json.dumps(header, sort_keys=True, separators=(",", ":")).encode(), 9)
    return MAGIC + _U32.pack(len(head)) + head + b"".join(body)


# --------------------------------------------------------------------------- reading


class AreaTable:
    """Read access to the table; blocks are decompressed on demand and cached."""

    def __init__(self, data: bytes, origin: str = "<bytes>") -> None:
        self.origin = origin
        self._data = data
        try:
            header, self._body = self._split(data)
        except (ValueError, KeyError, TypeError, zlib.error, struct.error) as exc:
            raise TableError(f"{origin}: not a valid area wage table ({exc})") from exc
        self.meta: dict[str, Any] = header
        self.areas = tuple(
            AreaInfo(i, str(c), str(k), str(s), str(n), int(e))
            for i, (c, k, s, n, e) in enumerate(header["areas"])
        )
        self.by_code = {a.code: a for a in self.areas}
        self._offsets: dict[str, list[int]] = header["occupations"]
        self.block = lru_cache(maxsize=1024)(self._block)  # every occupation, once decoded

    @staticmethod
    def _split(data: bytes) -> tuple[dict[str, Any], int]:
        if data[: len(MAGIC)] != MAGIC:
            raise ValueError("wrong magic bytes")
        (size,) = _U32.unpack_from(data, len(MAGIC))
        start = len(MAGIC) + _U32.size
        header = json.loads(zlib.decompress(data[start : start + size]))
        if header.get("format") != FORMAT or [list(f) for f in FIELDS] != header["fields"]:
            raise ValueError(f"format {header.get('format')} / fields differ from this bot's")
        return header, start + size

    @classmethod
    def open(cls, path: Path) -> AreaTable:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise TableError(f"{path}: cannot read the area wage table ({exc})") from exc
        return cls(data, str(path))

    @property
    def occupations(self) -> Iterable[str]:
        return self._offsets.keys()

    def __contains__(self, occupation: str) -> bool:
        return occupation in self._offsets

    def packed(self, occupation: str) -> tuple[bytes, bytes]:
        """One occupation's block as stored: its area indexes (``u16``) and its columns (byte
        planes shuffled). For readers of many blocks at once."""
        offset, length, count = self._offsets[occupation]
        start = self._body + offset
        raw = zlib.decompress(self._data[start : start + length])
        (n,) = _U16.unpack_from(raw, 0)
        if n != count or len(raw) != 2 + 2 * n + 4 * n * len(FIELDS):
            raise TableError(f"{self.origin}: block of {occupation} is damaged")
        return raw[2 : 2 + 2 * n], raw[2 + 2 * n :]

    def _block(self, occupation: str) -> Block | None:
        if occupation not in self._offsets:
            return None
        areas_raw, cols_raw = self.packed(occupation)
        n = len(areas_raw) // 2
        idx = array("H")
        idx.frombytes(areas_raw)
        cols = array("i")
        cols.frombytes(_unshuffle(cols_raw))
        if sys.byteorder != "little":  # pragma: no cover
            idx.byteswap()
            cols.byteswap()
        columns = tuple(cols[f * n : (f + 1) * n] for f in range(len(FIELDS)))
        areas = tuple(idx)
        return Block(areas, columns, dict(zip(areas, range(n), strict=True)))
