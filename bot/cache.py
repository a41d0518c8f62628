"""A small on-disk cache for work that only depends on bytes already on disk.

Parsing ~4 MB of YAML and building the matcher index take seconds in CPython; both depend only
on the data files' bytes (and this code), so their results are kept under the user's cache
folder, keyed by a SHA-256 of what they were made from. The cache can only make start-up
faster, never change an answer, so it is used only when it can be trusted:

* **The folder** must belong to the user running the bot and be writable by nobody else
  (it is created ``0700``). Otherwise the bot runs without a cache and says why, once: anyone
  who could write there could make "registered nurse" resolve to another profession.
* **Each entry** holds a SHA-256 of its key, format and bytes, checked before anything is
  decoded: a truncated, corrupted or swapped file is ignored (and rebuilt). Entry files are
  opened without following symlinks and must belong to the user too.
* **The formats cannot run code.** Parsed YAML documents (which come from users' files) are kept
  as JSON; the checked professions (:mod:`bot.records`) and the matcher's index, which only
  this code writes, with :mod:`marshal` (fast; it builds plain values and never runs
  anything), behind the checks above; both are rebuilt by code that refuses another shape.

The checked professions are keyed by every data file's bytes and path and by the code that
checks them: any changed file is parsed (when new) and checked again, so bad data fails
loudly, with file, entry and field, whether a cache is used or not.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .timing import phase

log = logging.getLogger(__name__)

FORMAT = 2  # bump when what is stored changes shape
MAGIC = b"career-bot cache\n"
JSON_KINDS = frozenset({"yaml", "vocabulary"})  # documents from data files: JSON, never marshal
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: into a temporary file beside it (mode 0600), then
    renamed over it, so a reader (another process starting) never sees half a file. Raises
    OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def digest(*parts: bytes | memoryview | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def untrusted_reason(st: os.stat_result, folder: bool) -> str | None:
    """Why a cache folder (or entry file) with this status cannot be trusted, or None."""
    if folder and not stat.S_ISDIR(st.st_mode):
        return "is not a folder"
    if not folder and not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    uid = os.geteuid() if hasattr(os, "geteuid") else st.st_uid
    if st.st_uid != uid:
        return f"belongs to another user (uid {st.st_uid}, not {uid})"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "can be written by other users (chmod go-w, or 700, fixes it)"
    return None


class DiskCache:
    """Keyed values in ``root``; a no-op when ``root`` is None or cannot be trusted."""

    def __init__(self, root: Path | str | None) -> None:
        self.root = None if root is None else Path(root)
        self._tag = f"f{FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}"
        self.off_reason: str | None = None
        self._checked = False

    def _usable(self) -> bool:
        """Whether ``root`` is a folder of this user's that nobody else may write (checked once;
        made ``0700`` when missing). When not, the cache is off and a warning says why."""
        if self.root is None:
            return False
        if not self._checked:
            self._checked = True
            try:
                self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
                self.off_reason = untrusted_reason(os.stat(self.root), folder=True)
            except OSError as exc:
                self.off_reason = f"cannot be used ({exc.strerror or exc})"
            if self.off_reason:
                log.warning(
                    "Start-up cache off: %s %s; starting without it (slower, same answers)",
                    self.root,
                    self.off_reason,
                )
        return self.off_reason is None

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / f"{kind}-{self._tag}-{key[:40]}.cache"

    def get(self, kind: str, key: str, check: Callable[[Any], bool] | None = None) -> Any:
        """The value kept for ``key``, or None (missing, untrusted, corrupt, or ``check`` fails)."""
        if not self._usable():
            return None
        try:
            with phase("cache_read"):
                value = self._decode(kind, key, self._read(self._path(kind, key)))
        except Exception:  # noqa: BLE001 - whatever the bytes, the cache is only a shortcut
            return None
        if value is None or (check is not None and not check(value)):
            return None
        return value

    @staticmethod
    def _read(path: Path) -> bytes | None:
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as f:
            if untrusted_reason(os.fstat(fd), folder=False):
                return None
            return f.read()

    def _decode(self, kind: str, key: str, data: bytes | None) -> Any:
        if data is None or not data.startswith(MAGIC):
            return None
        end = data.index(b"\n", len(MAGIC))
        payload = memoryview(data)[end + 1 :]  # no copy of a 7 MB index
        codec = "json" if kind in JSON_KINDS else "marshal"
        if data[len(MAGIC) : end].decode("ascii") != digest(codec, kind, key, payload):
            return None  # not what was written for this key: corrupt, truncated or swapped
        if codec == "json":
            return json.loads(bytes(payload))
        return marshal.loads(payload)

    def put(self, kind: str, key: str, value: Any) -> None:
        if not self._usable():
            return
        path = self._path(kind, key)
        try:
            with phase("cache_write"):
                codec = "json" if kind in JSON_KINDS else "marshal"
                if codec == "json" and not _json_safe(value):
                    return  # JSON would change it (non-text keys, tuples): parse it every time
                payload = _encode(codec, value)
                header = digest(codec, kind, key, payload).encode("ascii")
                write_atomic(path, MAGIC + header + b"\n" + payload)
        except (OSError, ValueError, TypeError):
            return

    def prune(self, kind: str, keep: set[str]) -> None:
        """Remove entries of ``kind`` whose key is not in ``keep`` (old data versions)."""
        if not self._usable():
            return
        wanted = {self._path(kind, k).name for k in keep}
        try:
            for path in self.root.glob(f"{kind}-*"):  # type: ignore[union-attr]
                if path.name not in wanted:
                    path.unlink(missing_ok=True)
        except OSError:
            return


def _encode(codec: str, value: Any) -> bytes:
    if codec == "json":
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return marshal.dumps(value)


def _json_safe(value: Any) -> bool:
    """True when JSON gives back exactly ``value``: dicts with text keys, lists, plain scalars."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if not all(type(k) is str for k in item):
                return False
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif item is not None and type(item) not in (str, int, float, bool):
            return False
    return True
