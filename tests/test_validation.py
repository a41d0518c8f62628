"""bot.validation derives every check from the schema in bot.model."""

from __future__ import annotations

from bot.model import SECTION_TYPES, Profession, schema_fields
from bot.validation import CHECKS, Problems, parse_entry


def test_every_declared_check_exists() -> None:
    classes: list[type] = [Profession, *SECTION_TYPES.values()]
    for cls in classes:
        for key, spec in schema_fields(cls):
            assert spec.kind == "section" or spec.kind in CHECKS, (cls.__name__, key)


def test_a_new_field_needs_no_second_edit() -> None:
    # what the schema declares is what the loader accepts: a full entry of every section key
    raw: dict[str, object] = {"id": "a", "title": "A"}
    out = Problems()
    assert parse_entry(raw, "f.yaml", 0, out) is not None and out.problems == []
    raw["pay"] = {"source": "s", "year": None, "wage": 1}
    assert parse_entry(raw, "f.yaml", 0, out) is None
    assert out.problems == ["f.yaml: entry 'a' (#1), field 'pay.wage': unknown key"]
