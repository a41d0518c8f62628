"""The YAML writer: one file per SOC major group, deterministic bytes (no timestamps, fixed
key and entry order), stale files removed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.model import ENTRY_KEYS, SECTION_KEYS

from .common import slugify
from .entry import Block, Entry, Flow, FlowList
from .release import HEADER


class Dumper(getattr(yaml, "CDumper", yaml.Dumper)):  # type: ignore[misc]
    """libyaml's emitter when PyYAML has it (faster), with the style markers of ``entry``."""


def _repr_flow(dumper: yaml.BaseDumper, data: Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _repr_flow_list(dumper: yaml.BaseDumper, data: FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _repr_block(dumper: yaml.BaseDumper, data: Block) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style="|")


Dumper.add_representer(Flow, _repr_flow)
Dumper.add_representer(FlowList, _repr_flow_list)
Dumper.add_representer(Block, _repr_block)


def in_schema_order(entry: Entry) -> Entry:
    """``entry`` with its keys, and its sections' keys, in the order ``bot.model`` declares them.
    A key the schema does not know is a builder bug: refused here, not found at load time."""
    unknown = set(entry) - set(ENTRY_KEYS)
    for name in SECTION_KEYS.keys() & entry.keys():
        unknown |= {f"{name}.{k}" for k in set(entry[name]) - set(SECTION_KEYS[name])}
    if unknown:
        raise ValueError(f"keys the schema (bot/model.py) does not know: {sorted(unknown)}")
    out: Entry = {}
    for key in ENTRY_KEYS:
        if key in entry:
            value = entry[key]
            if key in SECTION_KEYS:
                value = {k: value[k] for k in SECTION_KEYS[key] if k in value}
            out[key] = value
    return out


def dump_yaml(entries: list[Entry]) -> str:
    body = yaml.dump(
        {"professions": [in_schema_order(e) for e in entries]},
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100_000,
        indent=2,
    )
    return HEADER + body


def file_name(group: str, title: str) -> str:
    """``43-office-and-administrative-support.yaml``: the major group without "Occupations"."""
    title = re.sub(r"\s+Occupations$", "", title.strip())
    return f"{group}-{slugify(title)}.yaml"


def write_output(
    major_groups: Mapping[str, str], entries: list[Entry], out_dir: Path
) -> list[Path]:
    """One file per SOC major group, entries in code order; stale ``*.yaml`` files removed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entries:
        by_group[e["soc"][:2]].append(e)
    written = []
    for group in sorted(by_group):
        title = major_groups.get(group, f"Major group {group}")
        path = out_dir / file_name(group, title)
        text = dump_yaml(sorted(by_group[group], key=lambda e: e["soc"]))
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    for stale in sorted(out_dir.glob("*.yaml")):
        if stale not in written:
            stale.unlink()
    return written


FALLBACKS_BEGIN = "<!-- fallbacks: written by python -m tools.build_data; do not edit -->"
FALLBACKS_END = "<!-- end of fallbacks -->"


def fallbacks_table(rows: list[tuple[str, str, str]]) -> str:
    lines = [
        "| occupation | ratings of (the closest rated O*NET occupation) | for |",
        "|---|---|---|",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
    ]
    return "\n".join([FALLBACKS_BEGIN, *lines, FALLBACKS_END])


def update_fallbacks(sources_md: Path, rows: list[tuple[str, str, str]]) -> bool:
    """Rewrite the fallbacks table of data/SOURCES.md (between its markers); False when the
    file or its markers are not there (a build into another folder)."""
    if not sources_md.is_file():
        return False
    text = sources_md.read_text(encoding="utf-8")
    start, end = text.find(FALLBACKS_BEGIN), text.find(FALLBACKS_END)
    if start < 0 or end < start:
        return False
    new = text[:start] + fallbacks_table(rows) + text[end + len(FALLBACKS_END) :]
    if new != text:
        sources_md.write_bytes(new.encode("utf-8"))
    return True
