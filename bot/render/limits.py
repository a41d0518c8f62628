"""Discord's message limits, and one validator that knows them all.

The validator takes the JSON payload a message or interaction response would send
(``{"content", "embeds", "components", ...}``) and lists every limit it breaks.
"""

from __future__ import annotations

from typing import Any

EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER_TEXT = 2048
AUTHOR_NAME = 256
EMBED_TOTAL = 6000  # all embeds of one message together
EMBEDS_PER_MESSAGE = 10
CONTENT = 2000
CHOICES = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100
ACTION_ROWS = 5
BUTTONS_PER_ROW = 5
SELECT_OPTIONS = 25
SELECT_LABEL = 100
SELECT_VALUE = 100
SELECT_DESCRIPTION = 100
SELECT_PLACEHOLDER = 150
BUTTON_LABEL = 80
CUSTOM_ID = 100


def _len(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def embed_problems(embed: dict[str, Any], where: str = "embed") -> tuple[list[str], int]:
    """Problems of one embed, and its character count toward the 6,000 total."""
    problems: list[str] = []
    total = 0

    def check(text: Any, limit: int, label: str) -> None:
        nonlocal total
        n = _len(text)
        total += n
        if n > limit:
            problems.append(f"{where} {label}: {n} characters > {limit}")

    check(embed.get("title"), EMBED_TITLE, "title")
    check(embed.get("description"), EMBED_DESCRIPTION, "description")
    check((embed.get("footer") or {}).get("text"), FOOTER_TEXT, "footer")
    check((embed.get("author") or {}).get("name"), AUTHOR_NAME, "author")
    fields = embed.get("fields") or []
    if len(fields) > EMBED_FIELDS:
        problems.append(f"{where}: {len(fields)} fields > {EMBED_FIELDS}")
    for i, f in enumerate(fields):
        check(f.get("name"), FIELD_NAME, f"field {i} name")
        check(f.get("value"), FIELD_VALUE, f"field {i} value")
        if not _len(f.get("name")) or not _len(f.get("value")):
            problems.append(f"{where} field {i}: name and value must not be empty")
    return problems, total


def _component_problems(components: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(components) > ACTION_ROWS:
        problems.append(f"{len(components)} action rows > {ACTION_ROWS}")
    for r, row in enumerate(components):
        items = row.get("components") or []
        buttons = [c for c in items if c.get("type") == 2]
        if len(buttons) > BUTTONS_PER_ROW:
            problems.append(f"row {r}: {len(buttons)} buttons > {BUTTONS_PER_ROW}")
        for c in items:
            if _len(c.get("custom_id")) > CUSTOM_ID:
                problems.append(f"row {r}: custom_id longer than {CUSTOM_ID}")
            if c.get("type") == 2 and _len(c.get("label")) > BUTTON_LABEL:
                problems.append(f"row {r}: button label longer than {BUTTON_LABEL}")
            if c.get("type") == 3:
                options = c.get("options") or []
                if not 1 <= len(options) <= SELECT_OPTIONS:
                    problems.append(f"row {r}: select has {len(options)} options")
                if _len(c.get("placeholder")) > SELECT_PLACEHOLDER:
                    problems.append(f"row {r}: placeholder longer than {SELECT_PLACEHOLDER}")
                for o in options:
                    for key, limit in (
                        ("label", SELECT_LABEL),
                        ("value", SELECT_VALUE),
                        ("description", SELECT_DESCRIPTION),
                    ):
                        if _len(o.get(key)) > limit:
                            problems.append(f"row {r}: option {key} longer than {limit}")
    return problems


def message_problems(payload: dict[str, Any]) -> list[str]:
    """Every Discord limit a message payload breaks (empty list when it is fine)."""
    problems: list[str] = []
    if _len(payload.get("content")) > CONTENT:
        problems.append(f"content: {_len(payload.get('content'))} characters > {CONTENT}")
    embeds = payload.get("embeds") or []
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"{len(embeds)} embeds > {EMBEDS_PER_MESSAGE}")
    total = 0
    for i, embed in enumerate(embeds):
        found, size = embed_problems(embed, f"embed {i}")
        problems += found
        total += size
    if total > EMBED_TOTAL:
        problems.append(f"embeds total {total} characters > {EMBED_TOTAL}")
    problems += _component_problems(payload.get("components") or [])
    return problems


def choices_problems(choices: list[dict[str, Any]]) -> list[str]:
    """Problems of an autocomplete answer (``[{"name", "value"}]``)."""
    problems: list[str] = []
    if len(choices) > CHOICES:
        problems.append(f"{len(choices)} choices > {CHOICES}")
    for c in choices:
        if not 1 <= _len(c.get("name")) <= CHOICE_NAME:
            problems.append(f"choice name {c.get('name')!r} not 1–{CHOICE_NAME} characters")
        value = c.get("value")
        if isinstance(value, str) and not 1 <= len(value) <= CHOICE_VALUE:
            problems.append(f"choice value {value!r} not 1–{CHOICE_VALUE} characters")
    return problems
