"""How every command ends: the exit codes of the console and of ``career-bot run``."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # bad data or configuration, or Discord refused the login: fix it, run again
    NO_ANSWER = 2  # the console: a name that matched no profession, or several
