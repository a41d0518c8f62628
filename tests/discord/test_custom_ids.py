"""custom_ids over the whole dataset: every profession has a short, unique, stable key, and every
component id the bot can make fits Discord's 100 characters and reads back as it was made."""

from __future__ import annotations

import re

import pytest

from bot.answers import Answers
from bot.comparison import Kind
from bot.dataset import Dataset
from bot.discord.answering import page_keys as pages
from bot.discord.custom_ids import FOREIGN, MAX_LENGTH, MEANT, PAGE, PICK, Keys, PageRef, PickRef


def test_every_profession_has_a_unique_key_that_reads_back(shipped: Dataset) -> None:
    keys = Keys(shipped)
    made = {keys.key(p): p for p in shipped}
    assert len(made) == len(shipped)
    for key, profession in made.items():
        assert keys.get(key) is profession
        assert key == profession.soc or re.fullmatch(r"~[a-z2-7]{8}", key)
    assert Keys(shipped).key(next(iter(shipped))) == keys.key(next(iter(shipped)))  # stable


def test_the_longest_ids_the_data_can_make_fit(shipped_answers: Answers) -> None:
    """The longest keys with the longest page key, for two and for three names."""
    dataset = shipped_answers.dataset
    keys = Keys(dataset)
    profs = sorted(dataset, key=lambda p: len(keys.key(p)), reverse=True)
    longest = tuple(keys.key(p) for p in profs[:3])
    view = shipped_answers.compare(profs[0], profs[1])
    page = max(pages(view), key=len)
    fingerprint = keys.fingerprint(profs[:3])
    made = [
        PageRef(Kind.COMPARE, longest[:2], page, fingerprint).custom_id(),
        PageRef(Kind.COMPARE, longest, page, fingerprint).custom_id(),
        PickRef(Kind.COMPARE, 2, (*longest[:2], None)).select_id(),
        PickRef(Kind.COMPARE, 2, (*longest[:2], None)).button_id(longest[2]),
    ]
    for custom_id in made:
        assert len(custom_id) <= MAX_LENGTH, custom_id
        assert not re.fullmatch(FOREIGN, custom_id), custom_id
    print(f"\nlongest custom_ids: {[len(c) for c in made]} characters (limit {MAX_LENGTH})")


def test_every_compare_page_id_over_the_dataset_reads_back(shipped_answers: Answers) -> None:
    dataset = shipped_answers.dataset
    if len(dataset) < 100:
        pytest.skip("the full public-data build is not in data/ yet")
    keys = Keys(dataset)
    profs = list(dataset)
    longest = 0
    for a, b in zip(profs, profs[1:] + profs[:1], strict=True):
        codes = (keys.key(a), keys.key(b))
        for page in pages(shipped_answers.compare(a, b)):
            ref = PageRef(Kind.COMPARE, codes, page, keys.fingerprint([a, b]))
            match = re.fullmatch(PAGE, ref.custom_id())
            assert match is not None and PageRef.parse(match) == ref
            longest = max(longest, len(ref.custom_id()))
    assert longest <= MAX_LENGTH
    print(f"\n{len(profs)} compare answers: longest page custom_id {longest} characters")


def test_picks_read_back_and_a_slot_beyond_the_names_is_refused() -> None:
    ref = PickRef(Kind.COMPARE, 1, ("29-1141", None))
    match = re.fullmatch(PICK, ref.select_id())
    assert match is not None and PickRef.parse(match) == ref
    match = re.fullmatch(MEANT, ref.button_id("13-2072"))
    assert match is not None and match["key"] == "13-2072"
    assert ref.picked("13-2072").complete and not ref.complete
    forged = re.fullmatch(PICK, "cb1:pk:s:2:?")
    assert forged is not None and PickRef.parse(forged) is None


def test_a_fingerprint_changes_with_the_figures(shipped: Dataset) -> None:
    from dataclasses import replace

    keys = Keys(shipped)
    a, b = list(shipped)[:2]
    assert keys.fingerprint([a, b]) == Keys(shipped).fingerprint([a, b])
    assert keys.fingerprint([a, b]) != keys.fingerprint([b, a])
    changed = replace(a, title=a.title + " (revised)")
    assert Keys([changed, b]).fingerprint([changed, b]) != keys.fingerprint([a, b])  # type: ignore[arg-type]
