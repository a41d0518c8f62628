"""Explicit timing hooks for the coarse steps of start-up.

The loader marks its steps (``with phase("yaml_parse"): ...``); a benchmark that wants to know
where start-up time goes calls :func:`listen` and is told each step's duration. Nobody else
listens, and then a phase costs one list check: the hooks never change what is loaded.

Phases: ``load_dataset`` (the whole load and validation), ``yaml_parse`` (PyYAML, per file),
``validation`` (per entry), ``link_checks`` (ids that refer to other entries), ``cache_read`` and
``cache_write`` (the start-up cache; reading and writing the matcher's index included).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType

Listener = Callable[[str, float], None]

_listeners: list[Listener] = []


def listen(listener: Listener) -> Callable[[], None]:
    """Call ``listener(phase_name, seconds)`` whenever a phase ends; returns a function that
    stops listening."""
    _listeners.append(listener)

    def stop() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return stop


class phase:
    """Time the ``with`` block as the phase ``name`` (only when someone listens)."""

    __slots__ = ("name", "_start")

    def __init__(self, name: str) -> None:
        self.name = name
        self._start: float | None = None

    def __enter__(self) -> None:
        if _listeners:
            self._start = time.perf_counter()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._start is not None:
            spent = time.perf_counter() - self._start
            for listener in tuple(_listeners):
                listener(self.name, spent)
