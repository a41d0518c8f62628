"""What a button or pick list carries in its ``custom_id``: everything needed to answer it.

Nothing about an answer is kept in memory: a component's ``custom_id`` (at most 100 characters)
names the answer and the step, so any process of the bot answers it, after a restart too.

* A profession is named by a short stable key: its SOC code when no other profession in the data
  has the same one (``29-1141``), else ``~`` and 8 characters of a digest of its id.
* A page button: ``cb1:pg:<kind>:<keys>:<page>:<fingerprint>``; ``page`` is the key of the
  section it shows, ``fingerprint`` 6 characters of a digest of the figures of the professions
  in the answer, so a button on an answer whose data has changed since is recognised.
* A pick (a select or a "did you mean" button) for one name of a command:
  ``cb1:pk:<kind>:<slot>:<keys>`` (the select's options are keys) and
  ``cb1:dm:<kind>:<slot>:<keys>:<key>``; ``keys`` has ``?`` for the names not picked yet, and
  ``<kind>`` ends with ``!`` when the answer was asked for privately.
* An answer for a state or metro area adds ``@<area>`` (its 7-digit OEWS area code) to the
  keys of its page buttons and picks (``@?`` while the place is still to be picked); the pick
  list of places is ``cb1:wp:<kind>:<keys>`` (its options are area codes). No ``@``: national.

The ``cb1`` prefix is the format's version. Anything else that reaches the bot (a tampered id,
or one from a version before this format) is refused politely; see :data:`FOREIGN`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..comparison import Kind
from ..dataset import Dataset
from ..model import Profession

KIND_CODES: dict[Kind, str] = {Kind.COMPARE: "c", Kind.SALARY: "s", Kind.CAREER: "r"}
KINDS: dict[str, Kind] = {code: kind for kind, code in KIND_CODES.items()}
UNPICKED = "?"
MAX_LENGTH = 100

_KEY = r"(?:\d{2}-\d{4}(?:\.\d{2})?|~[a-z2-7]{8})"
_KEYS = rf"{_KEY}(?:,{_KEY}){{0,2}}"
_SLOTS = rf"(?:{_KEY}|\?)(?:,(?:{_KEY}|\?)){{0,2}}"
_KIND = "[" + "".join(KINDS) + "]"
AREA = r"\d{7}"  # an OEWS area code
_AT = rf"(?:@(?P<area>{AREA}))?"
_AT_PICK = rf"(?:@(?P<area>{AREA}|\?))?"
PAGE = (
    rf"cb1:pg:(?P<kind>{_KIND}):(?P<keys>{_KEYS}){_AT}:(?P<page>[a-z0-9_]{{1,24}}):"
    r"(?P<fp>[a-z2-7]{6})"
)
_PICK_HEAD = rf"(?P<kind>{_KIND})(?P<private>!?):(?P<slot>[0-2]):(?P<keys>{_SLOTS}){_AT_PICK}"
PICK = rf"cb1:pk:{_PICK_HEAD}"
MEANT = rf"cb1:dm:{_PICK_HEAD}:(?P<key>{_KEY})"
#: The pick list of places (an ambiguous or unknown ``where``); its options are area codes.
WHERE = rf"cb1:wp:(?P<kind>{_KIND})(?P<private>!?):(?P<keys>{_SLOTS})"
#: A page of a ranked list (/top): ``cb1:tp:<measure>:<education>:<field>:<page>[@<area>]``, with
#: the measure's letter, the entry-education category's index (``-``: any), the field's SOC major
#: group (``--``: any), the page's index and, for a list of a state or metro area, its 7-digit
#: OEWS area code: the list is computed again from them.
TOP = (
    r"cb1:tp:(?P<measure>[pgoje]):(?P<education>[0-7-]):(?P<field>\d{2}|--):(?P<page>\d{1,2})"
    rf"(?:@(?P<area>{AREA}))?"
)
_OURS = re.sub(r"\(\?P<\w+>", "(?:", f"{PAGE}|{PICK}|{MEANT}|{WHERE}|{TOP}")
#: Any custom_id that is none of the above (fullmatch), e.g. tampered with or from an old version.
FOREIGN = rf"(?!(?:{_OURS})\Z)(?s:.*)"


def _digest(text: str, chars: int) -> str:
    raw = hashlib.blake2b(text.encode("utf-8"), digest_size=10).digest()
    return base64.b32encode(raw).decode("ascii").lower()[:chars]


@dataclass(frozen=True, slots=True)
class PageRef:
    """One page of an answer: what a page button shows."""

    kind: Kind
    keys: tuple[str, ...]
    page: str
    fingerprint: str
    place: str | None = None  # the OEWS area code of a state or metro area; None: national

    def custom_id(self) -> str:
        code, at = KIND_CODES[self.kind], f"@{self.place}" if self.place else ""
        return f"cb1:pg:{code}:{','.join(self.keys)}{at}:{self.page}:{self.fingerprint}"

    @classmethod
    def parse(cls, match: re.Match[str]) -> PageRef:
        keys = tuple(match["keys"].split(","))
        return cls(KINDS[match["kind"]], keys, match["page"], match["fp"], match["area"])


@dataclass(frozen=True, slots=True)
class PickRef:
    """The names of one command, some picked (keys) and some not (``None``), and the slot asked."""

    kind: Kind
    slot: int
    keys: tuple[str | None, ...]
    private: bool = False  # the answer, once picked, is for the asker's eyes only
    place: str | None = None  # the answer's OEWS area code, ``?`` while unpicked; None: national

    def _keys(self) -> str:
        keys = ",".join(k or UNPICKED for k in self.keys)
        return f"{keys}@{self.place}" if self.place else keys

    def _head(self, tag: str) -> str:
        private = "!" if self.private else ""
        return f"cb1:{tag}:{KIND_CODES[self.kind]}{private}:{self.slot}:{self._keys()}"

    def select_id(self) -> str:
        return self._head("pk")

    def button_id(self, key: str) -> str:
        return f"{self._head('dm')}:{key}"

    def where_id(self) -> str:
        """The pick list of places (the keys without the place: that is what it picks)."""
        keys = ",".join(k or UNPICKED for k in self.keys)
        return f"cb1:wp:{KIND_CODES[self.kind]}{'!' if self.private else ''}:{keys}"

    def picked(self, key: str) -> PickRef:
        keys = list(self.keys)
        keys[self.slot] = key
        return replace(self, keys=tuple(keys))

    def placed(self, area: str) -> PickRef:
        return replace(self, place=area)

    def asking(self, slot: int) -> PickRef:
        return replace(self, slot=slot)

    @property
    def place_unpicked(self) -> bool:
        return self.place == UNPICKED

    @property
    def complete(self) -> bool:
        return all(self.keys) and not self.place_unpicked

    @classmethod
    def parse(cls, match: re.Match[str]) -> PickRef | None:
        """None when the slot asked is not one of the names (a tampered id)."""
        keys = tuple(None if k == UNPICKED else k for k in match["keys"].split(","))
        slot = int(match["slot"])
        if slot >= len(keys):
            return None
        private = bool(match["private"])
        return cls(KINDS[match["kind"]], slot, keys, private, match["area"])

    @classmethod
    def parse_where(cls, match: re.Match[str]) -> PickRef:
        """The pick list of places: its place is what is being picked."""
        keys = tuple(None if k == UNPICKED else k for k in match["keys"].split(","))
        return cls(KINDS[match["kind"]], 0, keys, bool(match["private"]), UNPICKED)


class Keys:
    """Short, stable keys for the professions of one dataset, and digests of their figures.

    Built once per dataset (a dictionary per profession, nothing per answer).
    """

    def __init__(self, dataset: Dataset) -> None:
        socs: dict[str, int] = {}
        for p in dataset:
            if p.soc:
                socs[p.soc] = socs.get(p.soc, 0) + 1
        self._by_id: dict[str, str] = {}
        self._by_key: dict[str, Profession] = {}
        for p in dataset:
            key = p.soc if p.soc and socs[p.soc] == 1 else "~" + _digest(p.id, 8)
            if key in self._by_key:  # two digests alike: vanishingly rare, never silent
                raise ValueError(f"professions {self._by_key[key].id!r} and {p.id!r} share {key}")
            self._by_id[p.id] = key
            self._by_key[key] = p
        self._figures: dict[str, str] = {}

    def key(self, profession: Profession) -> str:
        return self._by_id[profession.id]

    def get(self, key: str) -> Profession | None:
        return self._by_key.get(key)

    def professions(self, keys: Sequence[str | None]) -> list[Profession] | None:
        """The professions of ``keys``; None if any is unknown (or not picked)."""
        found: list[Profession] = []
        for key in keys:
            profession = self._by_key.get(key) if key else None
            if profession is None:
                return None
            found.append(profession)
        return found

    def fingerprint(self, professions: Sequence[Profession]) -> str:
        """6 characters that change when the figures of any of ``professions`` change."""
        return _digest("".join(self._figures_of(p) for p in professions), 6)

    def _figures_of(self, profession: Profession) -> str:
        digest = self._figures.get(profession.id)
        if digest is None:
            digest = self._figures[profession.id] = _digest(repr(profession), 16)
        return digest
