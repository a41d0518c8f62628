"""data/SCHEMA.md's format reference is generated from bot/model.py, and current."""

from __future__ import annotations

from bot.model import SECTION_TYPES, schema_fields
from tools import schema_doc


def test_schema_md_is_current() -> None:
    text = schema_doc.SCHEMA_MD.read_text(encoding="utf-8")
    assert schema_doc.updated(text) == text, "data/SCHEMA.md is stale: python -m tools.schema_doc"
    assert schema_doc.main(["--check"]) == 0


def test_every_key_is_documented() -> None:
    generated = schema_doc.render()
    for name, cls in SECTION_TYPES.items():
        assert f"    {name}:" in generated
        for key, spec in schema_fields(cls):
            assert f"{key}: " in generated, key
            assert spec.example, key
