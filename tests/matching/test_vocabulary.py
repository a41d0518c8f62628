"""The everyday vocabulary (data/vocabulary.yaml): validated at load, every name answers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.answers import Answers
from bot.cache import DiskCache
from bot.dataset import DatasetError
from bot.matching import Matcher, Status, vocabulary
from bot.matching.vocabulary import VocabularyError, in_group, parse
from bot.model import Profession


def test_the_shipped_vocabulary_is_large_and_valid() -> None:
    vocab = vocabulary.load()
    assert len(vocab.entries) >= 300
    assert sum(len(e.names) for e in vocab.entries) >= 1500
    assert vocab.fingerprint  # part of the index's cache key
    assert {e.kind for e in vocab.entries} == set(vocabulary.Kind)


def _targets(shipped_answers: Answers, entry: vocabulary.Entry) -> set[str]:
    ids = set()
    for p in shipped_answers.dataset.professions:
        if p.soc and any(in_group(p.soc, code) for code in entry.soc):
            ids.add(p.id)
    return ids


def test_every_vocabulary_name_resolves_to_its_target(shipped_answers: Answers) -> None:
    """Each name answers with (or asks among) exactly the occupations its entry names."""
    m = shipped_answers.matcher
    wrong = []
    for entry in vocabulary.load().entries:
        targets = _targets(shipped_answers, entry)
        for name in entry.names:
            res = m.resolve(name)
            got = {c.profession.id for c in res.candidates}
            if res.status not in (Status.EXACT, Status.AMBIGUOUS) or not got <= targets:
                wrong.append((name, res.status.value, sorted(got)[:3]))
    assert wrong == []


def test_a_note_is_carried_to_the_answer(shipped_answers: Answers) -> None:
    res = shipped_answers.matcher.resolve("youtuber")
    assert res.candidates and res.candidates[0].note
    assert "No official occupation" in res.candidates[0].note


def _problems(doc: object) -> list[str]:
    with pytest.raises(VocabularyError) as info:
        parse(doc, "vocab.yaml")
    return info.value.problems


def test_validation_names_file_entry_and_field() -> None:
    problems = _problems(
        {
            "vocabulary": [
                {"names": ["cop"], "soc": ["33-3051"], "kind": "slang"},
                {"names": [], "soc": ["33-3051"], "kind": "slang"},
                {"names": ["bobby"], "soc": ["33 3051"], "kind": "slang"},
                {"names": ["copper"], "soc": ["33-3051"], "kind": "rude"},
                {"names": ["Cops"], "soc": ["33-3051"], "kind": "slang"},
                "cop",
                {"names": ["fuzz"], "soc": ["33-3051"], "kind": "slang", "extra": 1},
            ],
            "words": {"rep": 5},
            "other": [],
        }
    )
    text = "\n".join(problems)
    assert "vocab.yaml: entry #2, field 'names'" in text
    assert "vocab.yaml: entry #3 ('bobby'), field 'soc'" in text
    assert "vocab.yaml: entry #4 ('copper'), field 'kind'" in text
    assert "entry #7 ('fuzz'), field 'extra': unknown key" in text
    assert "entry #5, field 'names': 'Cops' is already in entry #1" in text
    assert "entry #6: must be a mapping" in text
    assert "words, field 'rep'" in text
    assert "field 'other': unknown top-level key" in text
    assert issubclass(VocabularyError, DatasetError)  # stops start-up like bad data


def test_a_file_that_is_not_yaml_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "vocabulary.yaml"
    bad.write_text("vocabulary: [\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="vocabulary.yaml"):
        vocabulary.load(bad)


def test_a_cached_vocabulary_is_the_same_and_still_validated(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "cache")
    shipped = vocabulary.load(cache=cache)
    assert vocabulary.load(cache=cache) == shipped == vocabulary.load()
    path = tmp_path / "vocabulary.yaml"
    path.write_text("vocabulary:\n  - {names: [cop], soc: ['33-3051'], kind: slang}\n")
    assert len(vocabulary.load(path, cache=cache).entries) == 1
    path.write_text("vocabulary:\n  - {names: [cop], soc: ['33 3051'], kind: slang}\n")
    for _ in range(2):  # parsed, then from the cache: refused both times
        with pytest.raises(VocabularyError, match=r"entry #1 \('cop'\), field 'soc'"):
            vocabulary.load(path, cache=cache)


def test_an_unknown_code_is_refused_when_the_index_is_built() -> None:
    vocab = parse({"vocabulary": [{"names": ["x"], "soc": ["99-9999"], "kind": "slang"}]}, "v")
    with pytest.raises(VocabularyError, match=r"entry #1 \('x'\), field 'soc'.*99-9999"):
        Matcher([Profession(id="a", title="Alpha", soc="11-1011")], vocabulary=vocab)


def test_an_unknown_long_word_is_refused() -> None:
    vocab = parse({"vocabulary": [], "words": {"zz": "zebra"}}, "v")
    with pytest.raises(VocabularyError, match="words, field 'zz'"):
        Matcher([Profession(id="a", title="Alpha", soc="11-1011")], vocabulary=vocab)


def test_a_group_code_without_a_group_entry_stands_for_its_members() -> None:
    profs = [
        Profession(id="cardiologists", title="Cardiologists", soc="29-1212"),
        Profession(id="pediatricians", title="Pediatricians, General", soc="29-1221"),
        Profession(id="nurses", title="Registered Nurses", soc="29-1141"),
    ]
    vocab = parse({"vocabulary": [{"names": ["doc"], "soc": ["29-1210"], "kind": "slang"}]}, "v")
    res = Matcher(profs, vocabulary=vocab).resolve("doc")
    assert res.status is Status.AMBIGUOUS
    assert {c.profession.id for c in res.candidates} == {"cardiologists", "pediatricians"}


@pytest.mark.parametrize(
    ("code", "group", "inside"),
    [
        ("29-1215", "29-1210", True),
        ("29-1229", "29-1210", True),  # physicians run past their tens
        ("29-1241", "29-1210", False),
        ("25-1199", "25-1000", True),
        ("31-1131", "31-1100", True),
        ("31-2011", "31-1100", False),
        ("47-2111", "47-0000", True),
        ("47-2111", "47-2111", True),
        ("47-2112", "47-2111", False),
    ],
)
def test_soc_groups(code: str, group: str, inside: bool) -> None:
    assert in_group(code, group) is inside


def test_the_vocabulary_file_is_plain_yaml() -> None:
    """No anchors, aliases or merge keys (they make a file hard to review)."""
    text = vocabulary.default_path().read_text(encoding="utf-8")
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        assert not isinstance(event, yaml.AliasEvent)
        assert getattr(event, "anchor", None) is None
