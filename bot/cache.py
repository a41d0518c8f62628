"""A small on-disk cache for work that only depends on bytes already on disk.

Parsing ~4 MB of YAML and building the matcher index take seconds in CPython; both depend only
on the data files' bytes (and this code), so their results are kept under the user's cache
folder, keyed by a SHA-256 of what they were made from. Values are stored with :mod:`marshal`
(plain data only: it cannot run code, unlike pickle). Any problem reading or writing the cache
is ignored: the cache can only make start-up faster, never change an answer. Validation always
runs on the (cached) parsed documents, so bad data fails loudly whether cached or not.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from .timing import phase

FORMAT = 1  # bump when what is stored changes shape


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: into a temporary file beside it, then renamed over
    it, so a reader (another process starting) never sees half a file. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


class DiskCache:
    """Keyed values in ``root``; a no-op when ``root`` is None."""

    def __init__(self, root: Path | str | None) -> None:
        self.root = None if root is None else Path(root)
        self._tag = f"f{FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}-m{marshal.version}"

    def _path(self, kind: str, key: str) -> Path | None:
        if self.root is None:
            return None
        return self.root / f"{kind}-{self._tag}-{key[:40]}.marshal"

    def get(self, kind: str, key: str) -> Any:
        path = self._path(kind, key)
        if path is None:
            return None
        try:
            with phase("cache_read"):
                return marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def put(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        if path is None:
            return
        try:
            with phase("cache_write"):
                write_atomic(path, marshal.dumps(value))
        except (OSError, ValueError):
            return

    def prune(self, kind: str, keep: set[str]) -> None:
        """Remove entries of ``kind`` whose key is not in ``keep`` (old data versions)."""
        if self.root is None:
            return
        wanted = {p.name for p in (self._path(kind, k) for k in keep) if p is not None}
        try:
            for path in self.root.glob(f"{kind}-*.marshal"):
                if path.name not in wanted:
                    path.unlink(missing_ok=True)
        except OSError:
            return
