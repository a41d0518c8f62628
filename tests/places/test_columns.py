"""The matrices lists by place rank from equal the per-occupation lookups, cell for cell."""

from __future__ import annotations

import random

from bot.answers import Answers
from bot.places.columns import Local


def test_every_cell_of_a_sample_equals_the_lookup(shipped_answers: Answers) -> None:
    columns = shipped_answers.area_columns
    places = shipped_answers.places
    rng = random.Random(11)
    seen_top_coded = seen_absent = 0
    socs = rng.sample(columns.socs, 120)
    for place in rng.sample(places.all, 40):
        here = columns.here(place.code)
        for soc in socs:
            pay = places.pay(soc, place)
            got = here.get(soc)
            if pay is None:
                assert got is None, (soc, place.code)
                seen_absent += 1
                continue
            assert got == Local(pay.annual_mean, pay.employment), (soc, place.code)
            seen_top_coded += bool(pay.annual_mean and pay.annual_mean.at_least)
    assert seen_absent > 0


def test_top_coded_wages_are_floors(shipped_answers: Answers) -> None:
    texas = shipped_answers.places.resolve("texas").place
    assert texas is not None
    here = shipped_answers.area_columns.here(texas.code)
    floors = [
        soc for soc, local in here.items() if local.annual_mean and local.annual_mean.at_least
    ]
    for soc in floors:
        pay = shipped_answers.places.pay(soc, texas)
        assert pay is not None and pay.annual_mean == here[soc].annual_mean
    assert shipped_answers.area_columns.here("9999999") == {}
