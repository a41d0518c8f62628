"""The loader: every validation rule fails loudly, once, naming file, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import dataset as ds_mod
from bot.dataset import DatasetError, load_dataset
from bot.model import Money

from .conftest import CURATED, MINI

BROKEN = Path(__file__).parent / "fixtures" / "broken"

# file → (entry text expected in the message or None, field or None, words expected)
CORPUS = {
    "syntax-error.yaml": (None, None, "is not valid YAML at line"),
    "wrong-type.yaml": ("'plumbers'", "pay.annual_mean", "must be a dollar amount"),
    "missing-title.yaml": ("'plumbers'", "title", "missing"),
    "duplicate-ids.yaml": ("'plumbers' (#2)", "id", "duplicate id"),
    "negative-wage.yaml": ("'plumbers'", "pay.annual_median", "must be at least 0"),
    "percentiles-out-of-order.yaml": ("'plumbers'", "pay.p10", "percentiles out of order"),
    "percent-over-100.yaml": ("'plumbers'", "demographics.women_pct", "at most 100"),
    "shares-over-100.yaml": ("'plumbers'", "demographics.race", "more than 100%"),
    "unknown-key.yaml": ("'plumbers'", "salary", "unknown key"),
    "alias-clash.yaml": ("'pipefitter-curated'", "aliases", "already claimed by curated entry"),
    "unknown-similar-id.yaml": ("'plumbers'", "similar.ids", "no profession has the id"),
    "missing-source.yaml": ("'plumbers'", "age.source", "missing"),
    "bad-soc.yaml": ("'plumbers'", "soc", "must look like"),
    "empty.yaml": (None, None, "is empty"),
    "non-utf8.yaml": (None, None, "is not UTF-8"),
    "not-a-list.yaml": (None, None, "'professions' list"),
}


def test_corpus_is_complete() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(CORPUS)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_broken_file_gives_exactly_one_clear_error(name: str) -> None:
    entry, field, words = CORPUS[name]
    with pytest.raises(DatasetError) as info:
        load_dataset(paths=[BROKEN / name])
    problems = info.value.problems
    assert len(problems) == 1, problems
    (message,) = problems
    assert str(BROKEN / name) in message
    assert words in message
    if entry:
        assert f"entry {entry}" in message
    if field:
        assert f"field '{field}'" in message
    assert "Traceback" not in str(info.value)


def write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_mini_and_curated(mini: ds_mod.Dataset) -> None:
    assert mini.by_id["collections-specialist"].curated
    pay = mini.by_id["bill-and-account-collectors"].pay
    assert pay is not None and pay.employment == 158830
    assert len(mini) == len({p.id for p in mini})


def test_top_coded_wage_is_kept_as_at_least(mini: ds_mod.Dataset) -> None:
    pay = mini.by_id["loan-officers"].pay
    assert pay is not None and pay.p90 == Money(239200, at_least=True)


def test_uses_c_loader_when_available() -> None:
    from bot import datafiles

    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(datafiles._Loader, yaml.CSafeLoader)


def test_all_problems_reported_together(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """professions:
  - {id: a, title: A, pay: {source: s, year: 2025, annual_mean: -1}}
  - {id: b, title: B, age: {source: s, year: 2025, median: 500}}
""",
    )
    with pytest.raises(DatasetError) as info:
        load_dataset(paths=[path])
    assert len(info.value.problems) == 2


def test_section_year_may_be_null_but_not_missing(tmp_path: Path) -> None:
    ok = write(
        tmp_path, "professions:\n  - {id: a, title: A, age: {source: s, year: null, average: 40}}\n"
    )
    age = load_dataset(paths=[ok]).by_id["a"].age
    assert age is not None and age.year is None
    bad = write(
        tmp_path, "professions:\n  - {id: a, title: A, age: {source: s, average: 40}}\n", "y.yaml"
    )
    with pytest.raises(DatasetError, match="age.year"):
        load_dataset(paths=[bad])


def test_null_figure_is_rejected(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "professions:\n  - {id: a, title: A, pay: {source: s, year: 2025, annual_mean: null}}\n",
    )
    with pytest.raises(DatasetError, match="leave a missing figure out"):
        load_dataset(paths=[path])


def test_bad_id_slug(tmp_path: Path) -> None:
    path = write(tmp_path, "professions:\n  - {id: Not A Slug, title: A}\n")
    with pytest.raises(DatasetError, match="field 'id'"):
        load_dataset(paths=[path])


def test_men_plus_women_over_100(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "professions:\n  - {id: a, title: A, demographics: {source: s, year: 2023, women_pct: 60, men_pct: 50}}\n",
    )
    with pytest.raises(DatasetError, match="women_pct \\+ men_pct"):
        load_dataset(paths=[path])


def test_range_low_above_high(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "professions:\n  - {id: a, title: A, pay: {source: s, year: null, range_low: 9, range_high: 3}}\n",
    )
    with pytest.raises(DatasetError, match="range_low"):
        load_dataset(paths=[path])


def test_closest_must_exist(tmp_path: Path) -> None:
    path = write(tmp_path, "professions:\n  - {id: a, title: A, closest: nowhere}\n")
    with pytest.raises(DatasetError, match="field 'closest'"):
        load_dataset(paths=[path])


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="does not exist"):
        load_dataset(paths=[tmp_path / "nope"])


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="holds no YAML files"):
        load_dataset(paths=[tmp_path])


def test_extra_layer_overrides_and_adds(tmp_path: Path) -> None:
    extra = write(
        tmp_path,
        """professions:
  - id: cashiers
    title: Cashiers
    pay: {source: Our HR survey, year: 2026, annual_mean: 33333}
  - id: barista
    title: Barista
    aliases: [Coffee Maker]
""",
    )
    ds = load_dataset(paths=[MINI, CURATED], extra=[extra])
    pay = ds.by_id["cashiers"].pay
    assert pay is not None and pay.annual_mean == Money(33333)
    assert ds.by_id["barista"].title == "Barista"
    assert len(ds) == len(load_dataset(paths=[MINI, CURATED])) + 1


def test_extra_layer_errors_are_reported(tmp_path: Path) -> None:
    extra = write(tmp_path, "professions:\n  - {id: a, title: ''}\n")
    with pytest.raises(DatasetError, match="field 'title'"):
        load_dataset(paths=[MINI, CURATED], extra=[extra])


def test_records_are_immutable(mini: ds_mod.Dataset) -> None:
    prof = mini.by_id["cashiers"]
    with pytest.raises(AttributeError):
        prof.title = "x"  # type: ignore[misc]


def test_sources_listed(mini: ds_mod.Dataset) -> None:
    sources = mini.sources()
    assert "BLS OEWS May 2025" in sources
    assert "Zippia comparison page (zippia.com) (no year given)" in sources


def test_shipped_data_loads(shipped: ds_mod.Dataset) -> None:
    assert len(shipped) >= 2
    assert shipped.get("collections-specialist") is not None


def test_aliases_as_a_text_block(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "professions:\n  - id: a\n    title: A\n    aliases: |\n      Debt Collector|3\n      Collector\n\n      Collections Agent|1\n",
    )
    aliases = load_dataset(paths=[path]).by_id["a"].aliases
    assert [(x.name, x.sources) for x in aliases] == [
        ("Debt Collector", 3),
        ("Collector", 1),
        ("Collections Agent", 1),
    ]


@pytest.mark.parametrize("line", ["Debt Collector|x", "Debt Collector|0", "|3"])
def test_bad_alias_lines(tmp_path: Path, line: str) -> None:
    path = write(tmp_path, f"professions:\n  - id: a\n    title: A\n    aliases: |\n      {line}\n")
    with pytest.raises(DatasetError, match="field 'aliases'"):
        load_dataset(paths=[path])


# --------------------------------------------------------------------------- occupation groups

GROUP_YAML = """professions:
  - {id: a, title: A}
  - {id: b, title: B}
  - id: letters
    title: Letters
    soc: "11-1000"
    group: minor
    members: [a, b]
"""


def test_a_group_lists_its_members(tmp_path: Path) -> None:
    ds = load_dataset(paths=[write(tmp_path, GROUP_YAML)])
    group = ds.by_id["letters"]
    assert group.is_group and group.group == "minor" and group.members == ("a", "b")
    assert not ds.by_id["a"].is_group and ds.by_id["a"].members == ()


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("[a, b]", "[a, b, c]", "members", "no profession has the id 'c'"),
        ("group: minor", "group: family", "group", "must be one of major, minor, broad"),
        ("[a, b]", "[]", "members", "a group needs a non-empty members list"),
        ("    group: minor\n", "", "members", "a group needs a non-empty members list"),
    ],
)
def test_bad_groups_name_file_entry_and_field(
    tmp_path: Path, old: str, new: str, field: str, words: str
) -> None:
    path = write(tmp_path, GROUP_YAML.replace(old, new))
    with pytest.raises(DatasetError) as info:
        load_dataset(paths=[path])
    (message,) = info.value.problems
    assert f"{path}: entry 'letters'" in message and f"field '{field}'" in message
    assert words in message


def test_a_group_is_never_a_member(tmp_path: Path) -> None:
    text = GROUP_YAML + "  - {id: all, title: All, group: major, members: [a, letters]}\n"
    with pytest.raises(DatasetError, match="'letters' is a group; members are single occupations"):
        load_dataset(paths=[write(tmp_path, text)])


def test_a_group_never_shares_an_id_with_an_occupation(tmp_path: Path) -> None:
    base = write(tmp_path, GROUP_YAML)
    extra = write(tmp_path, "professions:\n  - {id: letters, title: Letters}\n", "extra.yaml")
    with pytest.raises(DatasetError) as info:
        load_dataset(paths=[base], extra=[extra])
    (message,) = info.value.problems
    assert "entry 'letters', field 'id': is an occupation group in" in message
    # ...and within one layer an id is unique anyway
    dup = write(tmp_path, GROUP_YAML + "  - {id: letters, title: Letters}\n", "dup.yaml")
    with pytest.raises(DatasetError, match="duplicate id"):
        load_dataset(paths=[dup])


def test_shipped_groups(shipped: ds_mod.Dataset) -> None:
    groups = [p for p in shipped if p.is_group]
    assert len(groups) > 200
    physicians = shipped.get("physicians")
    assert physicians is not None and physicians.soc == "29-1210"
    assert physicians.group == "broad" and physicians.pay is not None
    assert "family-medicine-physicians" in physicians.members
    assert "pediatricians-general" in physicians.members  # 29-1221: SOC's span of 29-1210
    assert shipped.by_id["surgeons"].members[-1] == "surgeons-all-other"
    for group in groups:
        assert group.skills is None and group.aliases == ()
        assert all(not shipped.by_id[m].is_group for m in group.members)
