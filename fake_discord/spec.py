"""Validate request bodies against Discord's official OpenAPI description.

The spec (discord/discord-api-spec, ``openapi.json``, ~1.2 MB) is looked up, in order:

1. the ``DISCORD_OPENAPI_SPEC`` environment variable (a file path);
2. ``<repo root>/../shared/discord-api-spec/openapi.json``.

If neither exists, :class:`SpecValidator` is created in the *unavailable* state: every
call to :meth:`SpecValidator.validate` returns no violations and :attr:`warning`
explains why. Nothing raises.

Deviations from a literal reading of the spec, both documented by the spec's own README
("Spec conventions"):

* ``integer`` also accepts strings that parse as integers ("Our API accepts strings for int
  fields if they are parseable as ints"; discord.py sends e.g. ``default_member_permissions``
  as a string).
* ``oneOf`` is checked as "at least one alternative matches" (the spec uses ``oneOf``/``anyOf``
  interchangeably to mean "one of these shapes"; with the integer relaxation above a
  digit-only string could match two alternatives, which would be a false positive).
* a snowflake (``format: snowflake``, a digit string in the spec) may also be a non-negative
  JSON integer: Discord's docs give new uploads' ``attachments[].id`` as the integer index of
  the file, which is what discord.py sends.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_ENV_VAR = "DISCORD_OPENAPI_SPEC"
REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SPEC_PATH = REPO_ROOT.parent / "shared" / "discord-api-spec" / "openapi.json"
_DOC_URI = "urn:discord-openapi"
_METHODS = ("get", "put", "post", "patch", "delete")
_INT_STRING = re.compile(r"-?[0-9]+")


def find_spec_path() -> Path | None:
    """Return the spec file to use, or None if there is none."""
    env = os.environ.get(SPEC_ENV_VAR)
    if env:
        p = Path(env)
        return p if p.is_file() else None
    return DEFAULT_SPEC_PATH if DEFAULT_SPEC_PATH.is_file() else None


def _is_integer(checker: Any, instance: Any) -> bool:
    if Draft202012Validator.TYPE_CHECKER.is_type(instance, "integer"):
        return True
    return isinstance(instance, str) and _INT_STRING.fullmatch(instance) is not None


def _one_of_as_any_of(
    validator: Any, one_of: list[Any], instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    # See module docstring: "one of these shapes", at least one must match.
    all_errors: list[ValidationError] = []
    for index, subschema in enumerate(one_of):
        errs = list(validator.descend(instance, subschema, schema_path=index))
        if not errs:
            return
        all_errors.extend(errs)
    yield ValidationError(
        f"{instance!r} is not valid under any of the given schemas", context=all_errors
    )


_draft_type = Draft202012Validator.VALIDATORS["type"]


def _type_or_snowflake_int(
    validator: Any, types: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    # Snowflakes may be sent as JSON integers (see module docstring).
    if schema.get("format") == "snowflake" and type(instance) is int and instance >= 0:
        return
    yield from _draft_type(validator, types, instance, schema)


_Validator = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    validators={"oneOf": _one_of_as_any_of, "type": _type_or_snowflake_int},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


@dataclass(frozen=True)
class Violation:
    """One way a request body does not match the spec."""

    method: str
    path: str  # the concrete request path, relative to /api/v10
    operation: str  # e.g. "POST /interactions/{interaction_id}/{interaction_token}/callback"
    pointer: str  # JSON pointer into the body, "" for the root
    message: str

    def __str__(self) -> str:
        where = self.pointer or "<body>"
        return f"{self.operation} (request {self.method} {self.path}): at {where}: {self.message}"


class _Operation:
    __slots__ = ("key", "regex", "literal_segments", "validator")

    def __init__(self, key: str, template: str, validator: Any | None) -> None:
        self.key = key
        parts = []
        literal = 0
        for seg in template.strip("/").split("/"):
            if seg.startswith("{") and seg.endswith("}"):
                parts.append("[^/]+")
            else:
                parts.append(re.escape(seg))
                literal += 1
        self.regex = re.compile("^/" + "/".join(parts) + "/?$")
        self.literal_segments = literal
        self.validator = validator


class SpecValidator:
    """Pre-compiled request-body validators, one per spec operation."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.warning: str | None = None
        self._ops: dict[str, list[_Operation]] = {}
        if path is None:
            env = os.environ.get(SPEC_ENV_VAR)
            where = f"{SPEC_ENV_VAR}={env} does not exist" if env else f"no {DEFAULT_SPEC_PATH}"
            self.warning = (
                f"Discord OpenAPI spec not found ({where}); request bodies are NOT validated"
            )
            return
        try:
            doc = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            self.warning = f"Discord OpenAPI spec at {path} could not be loaded ({exc}); bodies are NOT validated"
            return
        registry: Registry = Registry().with_resource(
            _DOC_URI, Resource.from_contents(doc, default_specification=DRAFT202012)
        )
        for template, item in doc.get("paths", {}).items():
            escaped = template.replace("~", "~0").replace("/", "~1")
            for method in _METHODS:
                op = item.get(method)
                if op is None:
                    continue
                validator = None
                content = (op.get("requestBody") or {}).get("content") or {}
                if "application/json" in content:
                    ref = f"{_DOC_URI}#/paths/{escaped}/{method}/requestBody/content/application~1json/schema"
                    validator = _Validator({"$ref": ref}, registry=registry)
                key = f"{method.upper()} {template}"
                self._ops.setdefault(method.upper(), []).append(
                    _Operation(key, template, validator)
                )
        for ops in self._ops.values():
            # Literal segments win over parameters: /messages/@original before /messages/{message_id}.
            ops.sort(key=lambda o: -o.literal_segments)

    @property
    def available(self) -> bool:
        return bool(self._ops)

    def operation(self, method: str, path: str) -> str | None:
        """The spec operation ("METHOD /template") matching a request path, if any."""
        op = self._match(method, path)
        return op.key if op else None

    def _match(self, method: str, path: str) -> _Operation | None:
        for op in self._ops.get(method.upper(), ()):
            if op.regex.match(path):
                return op
        return None

    def validate(self, method: str, path: str, body: Any) -> list[Violation]:
        """Validate a JSON request body; ``path`` is relative to ``/api/v10``."""
        if not self.available:
            return []
        op = self._match(method, path)
        if op is None:
            return [
                Violation(
                    method, path, "<none>", "", "no such operation in the Discord OpenAPI spec"
                )
            ]
        if op.validator is None:
            if body is None:
                return []
            return [
                Violation(
                    method,
                    path,
                    op.key,
                    "",
                    "the spec defines no JSON request body for this operation",
                )
            ]
        out = []
        for top in op.validator.iter_errors(body):
            for err in _explain(top):
                pointer = "".join(f"/{p}" for p in err.absolute_path)
                out.append(Violation(method, path, op.key, pointer, _short(err)))
        return out


def _explain(err: ValidationError) -> list[ValidationError]:
    """Turn a (possibly anyOf/oneOf) error into its most telling leaf errors.

    For a failed union, the alternative that "got furthest" is chosen: alternatives that fail
    on a discriminator (wrong type of the value itself, or a wrong ``type`` field) lose to
    ones that match the shape but break a rule inside; among those, fewer errors win.
    """
    if not err.context:
        return [err]
    branches: dict[Any, list[ValidationError]] = {}
    for sub in err.context:
        branches.setdefault(
            sub.relative_schema_path[0] if sub.relative_schema_path else None, []
        ).append(sub)

    def mismatch(e: ValidationError) -> bool:
        rel = list(e.relative_path)
        return e.validator in ("type", "enum", "const") and (rel == [] or rel == ["type"])

    scored = []
    for errs in branches.values():
        leaves = [leaf for e in errs for leaf in _explain(e)]
        scored.append(((any(mismatch(e) for e in errs), len(leaves)), leaves))
    return min(scored, key=lambda item: item[0])[1]


def _brief(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _short(err: ValidationError) -> str:
    v, limit, inst = err.validator, err.validator_value, err.instance
    if v in ("maxLength", "minLength") and isinstance(inst, str):
        return f"string of length {len(inst)} breaks {v}={limit}: {_brief(inst)}"
    if v in ("maxItems", "minItems") and isinstance(inst, list):
        return f"array of {len(inst)} items breaks {v}={limit}"
    if v in ("maximum", "minimum"):
        return f"{_brief(inst)} breaks {v}={limit}"
    if v == "type":
        return f"{_brief(inst)} is not of type {limit}"
    if v == "enum":
        return f"{_brief(inst)} is not one of {limit}"
    msg = err.message
    return msg if len(msg) <= 200 else f"{v}={_brief(limit)} failed for {_brief(inst)}"


_cache: dict[Path | None, SpecValidator] = {}
_cache_lock = threading.Lock()


def load_spec(path: str | os.PathLike[str] | None = None) -> SpecValidator:
    """Load (once per process and path) the spec validators."""
    resolved = Path(path) if path is not None else find_spec_path()
    with _cache_lock:
        sv = _cache.get(resolved)
        if sv is None:
            sv = _cache[resolved] = SpecValidator(resolved)
        return sv


__all__ = ["SPEC_ENV_VAR", "SpecValidator", "Violation", "find_spec_path", "load_spec"]
