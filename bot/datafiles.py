"""Safe reading of data files: find them, read them, parse them — or say in one line why not.

The YAML files in ``CAREER_BOT_DATA`` come from outside the project, so nothing in them may
exhaust memory, recurse without end or crash the loader with a traceback:

* a path is refused when it is the file system's root, a special file (a device, a FIFO, a
  socket; also through a symlink), a folder with no YAML files, or a folder holding more than
  :attr:`ReadLimits.max_entries` entries;
* a file larger than :attr:`ReadLimits.max_bytes` (50 MB unless configured) is refused before
  it is read, and no more than that is ever read;
* YAML aliases, anchors and merge keys are refused (they are how a 443-byte file expands to
  gigabytes), as are tags beyond plain text, numbers, booleans, null, lists and mappings;
* dates and whole numbers too long to be figures stay text, so validation reports them as
  wrong values instead of the parser failing on them; nesting deeper than
  :attr:`ReadLimits.max_depth` is refused.

Every failure is a :class:`DataFileError` whose message is one line (the caller names the file).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import yaml

MB = 1024 * 1024
READ_CHUNK = 64 * 1024  # a file that grows while it is read is read on by this much at a time
YAML_SUFFIXES = (".yaml", ".yml")
_FAST: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built
_ANCHOR_HINT = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s\[\]{},]", re.MULTILINE)
_KINDS = {
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
}
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
MAX_INT_DIGITS = 18


class DataFileError(Exception):
    """A data file or folder that cannot be used; the message is one line, without the path."""


@dataclass(frozen=True)
class ReadLimits:
    max_bytes: int = 50 * MB  # per file
    max_entries: int = 10_000  # files and folders looked at under one CAREER_BOT_DATA folder
    max_depth: int = 32  # nesting of lists and mappings in a document


# --------------------------------------------------------------------------- finding files


def _kind(mode: int) -> str | None:
    """A description of a special file's type, or None for a regular file or a folder."""
    return _KINDS.get(stat.S_IFMT(mode)) or (
        None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "not a regular file"
    )


def find_yaml_files(root: Path, limits: ReadLimits = ReadLimits()) -> list[Path]:
    """The YAML files at ``root`` (a file, or a folder searched recursively), sorted."""
    try:
        st = root.stat()  # follows a symlink: a link to /dev/zero is a character device
    except FileNotFoundError:
        raise DataFileError("does not exist") from None
    except OSError as exc:
        raise DataFileError(f"cannot be read: {exc.strerror or exc}") from None
    kind = _kind(st.st_mode)
    if kind is not None:
        via = " (through a symlink)" if root.is_symlink() else ""
        raise DataFileError(f"is {kind}{via}, not a YAML file or folder")
    if stat.S_ISREG(st.st_mode):
        return [root]
    if root.resolve() == Path(root.anchor or "/").resolve():
        raise DataFileError("is the root of the file system: name the folder of your YAML files")
    files = sorted(_walk(root, limits))
    if not files:
        raise DataFileError("is a folder that holds no YAML files (.yaml or .yml)")
    return files


def _walk(root: Path, limits: ReadLimits) -> Iterator[Path]:
    """Files named ``*.yaml``/``*.yml`` under ``root``; hidden folders (``.git``) are skipped,
    symlinked folders followed once each."""
    seen: set[tuple[int, int]] = set()
    entries = 0
    for folder, dirs, names in os.walk(root, followlinks=True, onerror=_raise):
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop, or a folder reached twice
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        entries += len(dirs) + len(names)
        if entries > limits.max_entries:
            raise DataFileError(
                f"holds more than {limits.max_entries:,} files and folders: "
                "name the folder of your YAML files"
            )
        for name in names:
            if name.endswith(YAML_SUFFIXES) and not name.startswith("."):
                yield Path(folder) / name


def _raise(exc: OSError) -> None:
    raise DataFileError(f"cannot be read: {exc.strerror or exc}")


# --------------------------------------------------------------------------- reading


def read_bytes(path: Path, limits: ReadLimits = ReadLimits()) -> bytes:
    """A regular file's bytes, refused when it is larger than ``limits.max_bytes``."""
    try:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            kind = _kind(st.st_mode)
            if kind is not None:
                raise DataFileError(f"is {kind}, not a YAML file")
            if st.st_size > limits.max_bytes:
                raise DataFileError(_too_big(st.st_size, limits))
            data = _read_capped(f, st.st_size, limits.max_bytes)
    except OSError as exc:
        raise DataFileError(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > limits.max_bytes:
        raise DataFileError(_too_big(len(data), limits))
    return data


def _read_capped(f: BinaryIO, size: int, cap: int) -> bytes:
    """What the file holds (``size`` bytes by its ``stat``), and no more than ``cap`` + 1 bytes
    when it grows while read: memory is allocated for what is there, never for the cap."""
    chunks: list[bytes] = []
    total, want = 0, min(size, cap) + 1  # one byte more than expected: the end is seen at once
    while total <= cap:
        chunk = f.read(want)
        chunks.append(chunk)
        total += len(chunk)
        if len(chunk) < want:  # the end of a regular file
            break
        want = min(READ_CHUNK, cap + 1 - total)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_big(size: int, limits: ReadLimits) -> str:
    return (
        f"is {size / MB:,.1f} MB, more than the {limits.max_bytes / MB:g} MB a data file may be "
        "(CAREER_BOT_MAX_FILE_MB)"
    )


# --------------------------------------------------------------------------- parsing


class _Loader(_FAST):  # type: ignore[misc]
    """The safe loader, stricter: no aliases, merge keys or exotic tags; dates and over-long
    whole numbers stay text (validation then says what is wrong with them)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _FAST.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _refusal(node, "uses a YAML alias (*name): write the value out instead")
        if node.tag not in _PLAIN_TAGS:
            raise _refusal(node, f"uses the YAML tag {_tag(node.tag)} (plain values only)")
        return super().construct_object(node, deep)

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        for key, _ in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                raise _refusal(key, "uses a YAML merge key (<<): write the keys out instead")
        super().flatten_mapping(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep)
        if len(mapping) < len(node.value):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.value in seen:
                    raise _refusal(key_node, f"has the key {str(key_node.value)[:40]!r} twice")
                seen.add(key_node.value)
        return mapping

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        digits = str(node.value).lstrip("+-").replace("_", "")
        if len(digits) > MAX_INT_DIGITS:
            return str(node.value)  # not a figure anyone publishes: validation reports it
        return super().construct_yaml_int(node)


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


def _tag(tag: str) -> str:
    short = tag.removeprefix("tag:yaml.org,2002:")
    return ("!!" + short if short != tag else tag)[:60]


def _refusal(node: yaml.Node, what: str) -> DataFileError:
    mark = node.start_mark
    return DataFileError(f"{what} (line {mark.line + 1}, column {mark.column + 1})")


def parse_yaml(data: bytes, limits: ReadLimits = ReadLimits()) -> Any:
    """One YAML document from ``data`` (UTF-8), as plain Python values."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"is not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise DataFileError("is empty")
    _refuse_anchors(text)
    try:
        doc = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, stricter
    except DataFileError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataFileError(f"is not valid YAML{where}: {_first_line(exc.problem)}") from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        raise DataFileError(f"is not valid YAML: {_first_line(str(exc))}") from None
    except (RecursionError, MemoryError):
        raise DataFileError("is nested too deeply or too large to read") from None
    _check_depth(doc, limits.max_depth)
    return doc


def _refuse_anchors(text: str) -> None:
    """Anchors (``&name``), even unused: only looked for with the parser's events when the
    text has something that could be one (the shipped data has none)."""
    if ("&" not in text and "*" not in text) or not _ANCHOR_HINT.search(text):
        return
    try:
        for event in yaml.parse(text, Loader=_FAST):
            if isinstance(event, yaml.AliasEvent):
                raise _event_refusal(event, "uses a YAML alias (*name): write the value out")
            if getattr(event, "anchor", None):
                raise _event_refusal(event, "uses a YAML anchor (&name): write values out")
    except yaml.YAMLError:
        return  # a syntax error: the loader reports it with its position


def _event_refusal(event: yaml.Event, what: str) -> DataFileError:
    mark = event.start_mark
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return DataFileError(what + where)


def _check_depth(doc: Any, limit: int) -> None:
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            raise DataFileError(f"nests lists and mappings more than {limit} levels deep")
        stack.extend((child, depth + 1) for child in children)


def _first_line(text: str | None) -> str:
    text = (text or "").replace('in "<unicode string>", ', "at ")
    return " ".join(text.split())[:200]


__all__ = [
    "DataFileError",
    "ReadLimits",
    "find_yaml_files",
    "parse_yaml",
    "read_bytes",
]
