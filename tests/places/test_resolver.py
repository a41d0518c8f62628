"""Place resolution over the shipped data: every state, every metro, nicknames, ambiguity."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.dataset import default_data_dir
from bot.places import PlaceKind, Places, PlacesError, PlaceStatus
from bot.places.names import place_key, principal_cities, state_postals


@pytest.fixture(scope="module")
def places() -> Places:
    return Places(default_data_dir())


def found(places: Places, text: str) -> str:
    res = places.resolve(text)
    assert res.status is PlaceStatus.FOUND, (text, res)
    assert res.place is not None
    return res.place.name


def test_keys_and_city_names() -> None:
    assert place_key("  St. Louis ") == "st louis" == place_key("Saint Louis")
    assert place_key("Ft. Worth") == place_key("Fort Worth")
    assert principal_cities("Dallas-Fort Worth-Arlington, TX") == [
        "Dallas",
        "Fort Worth",
        "Arlington",
    ]
    assert principal_cities("Scranton--Wilkes-Barre, PA") == ["Scranton", "Wilkes-Barre"]
    assert principal_cities("Louisville/Jefferson County, KY-IN") == [
        "Louisville",
        "Jefferson County",
    ]
    assert state_postals("Kansas City, MO-KS") == ("MO", "KS")


def test_every_state_by_name_code_and_lower_case(places: Places) -> None:
    states = [p for p in places.all if p.kind is PlaceKind.STATE]
    assert len(states) == 54
    for state in states:
        postal = places.resolver.index.postal[state]
        for text in (state.name, state.name.lower(), state.name.upper(), postal, postal.lower()):
            if text.casefold() in {"la", "dc", "new york", "washington"}:
                continue  # nicknames and ambiguous names below
            assert found(places, text) == state.name, text


def test_every_metro_by_its_first_principal_city(places: Places) -> None:
    metros = [p for p in places.all if p.kind is PlaceKind.METRO and not p.nonmetro]
    assert len(metros) == 393
    for metro in metros:
        res = places.resolve(principal_cities(metro.name)[0])
        if res.status is PlaceStatus.AMBIGUOUS:
            assert metro in res.candidates, metro.name
        else:
            assert res.place == metro, metro.name
        assert found(places, metro.name) == metro.name


def test_every_area_by_its_full_name(places: Places) -> None:
    for place in places.all:
        res = places.resolve(place.name)
        assert res.place == place or place in res.candidates, place.name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("TX", "Texas"),
        ("texas", "Texas"),
        ("Tex.", "Texas"),
        ("La.", "Louisiana"),
        ("Dallas", "Dallas-Fort Worth-Arlington, TX"),
        ("Fort Worth", "Dallas-Fort Worth-Arlington, TX"),
        ("ft worth", "Dallas-Fort Worth-Arlington, TX"),
        ("NYC", "New York-Newark-Jersey City, NY-NJ"),
        ("New York City", "New York-Newark-Jersey City, NY-NJ"),
        ("LA", "Los Angeles-Long Beach-Anaheim, CA"),
        ("SF", "San Francisco-Oakland-Fremont, CA"),
        ("Bay Area", "San Francisco-Oakland-Fremont, CA"),
        ("the bay area", "San Francisco-Oakland-Fremont, CA"),
        ("DC", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("Twin Cities", "Minneapolis-St. Paul-Bloomington, MN-WI"),
        ("DFW", "Dallas-Fort Worth-Arlington, TX"),
        ("Philly", "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD"),
        ("Vegas", "Las Vegas-Henderson-North Las Vegas, NV"),
        ("Saint Louis", "St. Louis, MO-IL"),
        ("Springfield, Illinois", "Springfield, IL"),
        ("portland oregon", "Portland-Vancouver-Hillsboro, OR-WA"),
        ("Portland, ME", "Portland-South Portland, ME"),
        ("columbus oh", "Columbus, OH"),
        ("greater boston", "Boston-Cambridge-Newton, MA-NH"),
        ("in texas", "Texas"),
        ("washington state", "Washington"),
        ("Dalas", "Dallas-Fort Worth-Arlington, TX"),
        ("Pheonix", "Phoenix-Mesa-Chandler, AZ"),
        ("Conneticut", "Connecticut"),
        ("Missisipi", "Mississippi"),  # two letters short
        ("Cincinatti", "Cincinnati, OH-KY-IN"),  # one missing, one doubled
        ("Sacremento", "Sacramento-Roseville-Folsom, CA"),
        ("national", "United States"),
        ("US", "United States"),
        ("nationwide", "United States"),
    ],
)
def test_places_as_people_write_them(places: Places, text: str, name: str) -> None:
    assert found(places, text) == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Portland", {"Portland-Vancouver-Hillsboro, OR-WA", "Portland-South Portland, ME"}),
        (
            "Springfield",
            {"Springfield, IL", "Springfield, MA", "Springfield, MO", "Springfield, OH"},
        ),
        ("Kansas City", {"Kansas City, MO-KS", "Missouri", "Kansas"}),
        ("Columbus", {"Columbus, OH", "Columbus, GA-AL", "Columbus, IN"}),
        (
            "Washington",
            {"Washington", "Washington-Arlington-Alexandria, DC-VA-MD-WV", "District of Columbia"},
        ),
        ("New York", {"New York", "New York-Newark-Jersey City, NY-NJ"}),
    ],
)
def test_ambiguous_places_ask(places: Places, text: str, expected: set[str]) -> None:
    res = places.resolve(text)
    assert res.status is PlaceStatus.AMBIGUOUS
    assert {c.name for c in res.candidates} == expected
    assert places.is_place(text)


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("New Yrok", "New York"), ("nwe york", "New York"), ("Springfeild", "Springfield")],
)
def test_a_typo_of_a_name_several_places_hold_asks_as_that_name(
    places: Places, typo: str, meant: str
) -> None:
    res = places.resolve(typo)
    assert res.status is PlaceStatus.AMBIGUOUS, res
    assert res.candidates == places.resolve(meant).candidates
    assert places.is_place(typo)


def test_unknown_places_say_so_with_suggestions(places: Places) -> None:
    res = places.resolve("Atlantis")
    assert res.status is PlaceStatus.UNKNOWN
    assert "Atlanta-Sandy Springs-Roswell, GA" in {c.name for c in res.candidates}
    for text in ("nurse", "plumber", "", "   ", "🙂", "@everyone", "x" * 5000):
        assert places.resolve(text).status is PlaceStatus.UNKNOWN, text
        assert not places.is_place(text)


def test_autocomplete_states_first_then_metros_by_size(places: Places) -> None:
    first = places.complete("")
    assert first[0].kind is PlaceKind.NATIONAL
    kinds = [p.kind for p in first[1:]]
    assert kinds == sorted(kinds, key=lambda k: k is not PlaceKind.STATE)
    assert [p.name for p in first[1:4]] == ["California", "Texas", "Florida"]
    dal = places.complete("dal")
    assert dal[0].name == "Dallas-Fort Worth-Arlington, TX"
    new = [p.name for p in places.complete("new")]
    assert new.index("New York") < new.index("New York-Newark-Jersey City, NY-NJ")
    assert all(len(places.complete(q)) <= 25 for q in ("a", "s", "new", "x" * 200))


def test_bad_curated_names_fail_loudly(tmp_path: Path) -> None:
    (tmp_path / "oews-areas.bin").write_bytes((default_data_dir() / "oews-areas.bin").read_bytes())
    (tmp_path / "places.yaml").write_text(
        'states: {"48": [TX]}\nnicknames: {Big D: "Dallas, TX"}\n'
        "ambiguous: {Somewhere: [Texas]}\nnational: [US]\nextra: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(PlacesError) as info:
        Places(tmp_path).resolve("texas")
    text = str(info.value)
    assert "no OEWS area is named 'Dallas, TX'" in text
    assert "no postal code for California" in text
    assert "ambiguous.Somewhere: needs at least two places" in text
    assert "'extra': unknown key" in text


def test_known_places_are_names_as_written(places: Places) -> None:
    """``is_known_place``: no typo correction (for bare words ending a question)."""
    for text in ("Dallas", "texas", "TX", "New York", "Springfield, Illinois"):
        assert places.is_known_place(text), text
    for text in ("Dalas", "Missisipi", "sales", "care", "nurse", "ok", ""):
        assert not places.is_known_place(text), text
    assert places.is_place("Dalas") and places.is_place("Missisipi")
