"""Names people give places: ``data/places.yaml`` (curated) plus the OEWS area names.

Every key is normalised the same way as a query (:func:`place_key`). Keys are built at four
strengths; a query takes the strongest level that knows it, and several places at that level
make it ambiguous:

1. curated (``places.yaml``): national words, state abbreviations, nicknames, ambiguous names;
2. a state's name or postal code, an area's full OEWS name;
3. a metro area's first principal city ("Dallas" in "Dallas-Fort Worth-Arlington, TX");
4. its other principal cities ("Fort Worth", "Arlington").
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datafiles import DataFileError, parse_yaml, read_bytes
from .model import NATIONAL, Place

_WORD = re.compile(r"[a-z0-9]+")
_REWRITE = {"saint": "st", "ste": "st", "ft": "fort", "mt": "mount"}
MAX_PLACE = 80  # characters of a place query that are looked at

CURATED, NAME, FIRST_CITY, OTHER_CITY = 1, 2, 3, 4


def place_key(text: str) -> str:
    """Lower case, no accents or punctuation, "Saint" = "St.": ``"St. Louis"`` → ``st louis``."""
    text = text[: MAX_PLACE * 2]
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
        text = text.replace("’", "")
    text = text.replace("&", " and ").replace("'", "").replace(".", " ")
    words = [_REWRITE.get(w, w) for w in _WORD.findall(text)]
    return " ".join(words)[:MAX_PLACE].strip()


def dotted_key(text: str) -> str | None:
    """``"La."`` → ``la.``: abbreviations written with a dot, kept apart from nicknames (LA)."""
    compact = text.strip().casefold().replace(" ", "")
    return compact if compact.endswith(".") and len(compact) <= 8 else None


def principal_cities(area_name: str) -> list[str]:
    """``"Dallas-Fort Worth-Arlington, TX"`` → Dallas, Fort Worth, Arlington (in order)."""
    head = area_name.rsplit(",", 1)[0]
    sep = "--" if "--" in head else "-"
    cities: list[str] = []
    for part in head.split(sep):
        cities.extend(p.strip() for p in part.split("/") if p.strip())
    return cities


def state_postals(area_name: str) -> tuple[str, ...]:
    """``"Kansas City, MO-KS"`` → ("MO", "KS")."""
    if "," not in area_name:
        return ()
    return tuple(p.strip() for p in area_name.rsplit(",", 1)[1].split("-") if p.strip())


@dataclass(frozen=True, slots=True)
class Curated:
    national: tuple[str, ...]
    states: dict[str, tuple[str, ...]]  # FIPS -> (postal code, other abbreviations…)
    nicknames: dict[str, str]  # text -> full OEWS area name
    ambiguous: dict[str, tuple[str, ...]]  # text -> full OEWS area names


def _strings(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: expected a list of names")
        return ()
    return tuple(v.strip() for v in value)


def _mapping(raw: Mapping[str, Any], key: str, problems: list[str]) -> Mapping[Any, Any]:
    value = raw.get(key)
    if not isinstance(value, dict):
        problems.append(f"'{key}': expected a mapping")
        return {}
    return value


def parse_curated(raw: Any, problems: list[str]) -> Curated:
    """``places.yaml`` as records; every problem found is appended to ``problems``."""
    if not isinstance(raw, dict):
        problems.append("expected a mapping with national, states, nicknames, ambiguous")
        raw = {}
    unknown = set(raw) - {"national", "states", "nicknames", "ambiguous"}
    problems.extend(f"'{k}': unknown key" for k in sorted(unknown, key=str))
    states = {
        str(fips): _strings(v, f"states.{fips}", problems)
        for fips, v in _mapping(raw, "states", problems).items()
    }
    nicknames: dict[str, str] = {}
    for text, target in _mapping(raw, "nicknames", problems).items():
        if not isinstance(target, str) or not target.strip():
            problems.append(f"nicknames.{text}: expected a full OEWS area name")
            continue
        nicknames[str(text)] = target.strip()
    ambiguous = {
        str(text): _strings(v, f"ambiguous.{text}", problems)
        for text, v in _mapping(raw, "ambiguous", problems).items()
    }
    national = _strings(raw.get("national"), "national", problems)
    return Curated(national, states, nicknames, ambiguous)


def load_curated(path: Path, problems: list[str]) -> Curated:
    try:
        raw = parse_yaml(read_bytes(path))
    except DataFileError as exc:
        problems.append(str(exc))
        raw = {}
    return parse_curated(raw, problems)


class NameIndex:
    """key → (strength, places); built once from the curated names and the OEWS areas."""

    def __init__(self, places: Sequence[Place], curated: Curated, problems: list[str]) -> None:
        self.places = places
        self.keys: dict[str, tuple[int, tuple[Place, ...]]] = {}
        self.dotted: dict[str, Place] = {}
        self.postal: dict[Place, str] = {}
        self.abbreviations: set[str] = set()  # never typo-corrected towards ("alas" ≠ "dalas")
        self._pending: dict[str, dict[int, list[Place]]] = defaultdict(lambda: defaultdict(list))
        by_name = {p.name: p for p in places}
        self._add_official(places)
        self._add_curated(curated, by_name, places, problems)
        for key, levels in self._pending.items():
            level = min(levels)
            found = levels[level]
            self.keys[key] = (level, tuple(dict.fromkeys(found)))
        del self._pending

    def _add(self, text: str, level: int, places: Iterable[Place]) -> None:
        key = place_key(text)
        if key:
            self._pending[key][level].extend(places)

    def _add_official(self, places: Sequence[Place]) -> None:
        for place in places:
            self._add(place.name, NAME, [place])
            if place.kind.value != "metro" or place.nonmetro:
                continue
            cities = principal_cities(place.name)
            head = place.name.rsplit(",", 1)[0]
            if len(cities) > 1:
                self._add(head, NAME, [place])
            for i, city in enumerate(cities):
                self._add(city, FIRST_CITY if i == 0 else OTHER_CITY, [place])
                for postal in state_postals(place.name):  # "Portland, OR", "Portland OR"
                    self._add(f"{city} {postal}", NAME, [place])

    def _add_curated(
        self,
        curated: Curated,
        by_name: Mapping[str, Place],
        places: Sequence[Place],
        problems: list[str],
    ) -> None:
        self._add_states(curated, places, problems)
        for word in curated.national:
            self._add(word, CURATED, [NATIONAL])
        for text, target in curated.nicknames.items():
            place = by_name.get(target)
            if place is None:
                problems.append(f"nicknames.{text}: no OEWS area is named {target!r}")
            else:
                self._add(text, CURATED, [place])
        for text, targets in curated.ambiguous.items():
            found = [by_name[t] for t in targets if t in by_name]
            problems.extend(
                f"ambiguous.{text}: no OEWS area is named {t!r}"
                for t in targets
                if t not in by_name
            )
            if len(found) < 2:
                problems.append(f"ambiguous.{text}: needs at least two places")
            self._add(text, CURATED, found)

    def _add_states(self, curated: Curated, places: Sequence[Place], problems: list[str]) -> None:
        states = {p.code[:2]: p for p in places if p.kind.value == "state"}
        for fips in sorted(set(states) - set(curated.states)):
            problems.append(f"states: no postal code for {states[fips].name} ({fips})")
        for fips, names in curated.states.items():
            state = states.get(fips)
            if state is None:
                problems.append(f"states.{fips}: no OEWS state has this FIPS code")
                continue
            if names:
                self.postal[state] = names[0].upper()
            for i, text in enumerate(names):
                dotted = dotted_key(text)
                if dotted:
                    self.dotted[dotted] = state
                self._add(text, NAME, [state])  # below nicknames: "LA" is Los Angeles
                if i > 0:
                    self.abbreviations.add(place_key(text))
