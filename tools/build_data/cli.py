"""``python -m tools.build_data``: read every source, assemble, write ``data/``."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from pathlib import Path

from .areas_table import TABLE_FILE, write_area_table
from .assemble import build_entries, build_groups
from .context import load_sources
from .entry import Entry
from .rules import DEFAULT_OUT, DEFAULT_SOURCES
from .sections.onet import fallbacks
from .sections.ratings import write_ratings
from .writer import update_fallbacks, write_output

SUMMARY_KEYS = (
    "description", "tasks", "aliases", "pay", "outlook", "education", "majors", "demographics",
    "age", "skills", "similar",
)  # fmt: skip


def summarize(entries: list[Entry], groups: list[Entry]) -> Iterator[str]:
    yield f"{len(entries)} occupations"
    n_alias = sum(len((e.get("aliases") or "").splitlines()) for e in entries)
    yield f"{n_alias} aliases"
    for key in SUMMARY_KEYS:
        yield f"  {key}: {sum(1 for e in entries if key in e)}"
    yield f"{len(groups)} occupation groups"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.build_data",
        description="Build the bot's dataset (data/professions, data/groups) from raw public data.",
    )
    parser.add_argument("--sources", default=DEFAULT_SOURCES, type=Path, help="raw data folder")
    parser.add_argument("--out", default=DEFAULT_OUT, type=Path, help="output folder")
    parser.add_argument(
        "--groups", type=Path, help="output folder of the groups (default: OUT/../groups)"
    )
    parser.add_argument(
        "--areas", type=Path, help=f"the state and metro wage table (default: OUT/../{TABLE_FILE})"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    args = parser.parse_args(argv)
    ctx = load_sources(args.sources)
    entries = build_entries(ctx)
    groups = build_groups(ctx)
    written = write_output(ctx.oews.major_groups, entries, args.out)
    written += write_output(
        ctx.oews.major_groups, groups, args.groups or args.out.parent / "groups"
    )
    update_fallbacks(args.out.parent / "SOURCES.md", fallbacks(ctx))
    written.append(write_ratings(ctx, args.out.parent))
    written.append(write_area_table(args.sources, args.areas or args.out.parent / TABLE_FILE))
    if not args.quiet:
        for line in summarize(entries, groups):
            print(line)
        size = sum(p.stat().st_size for p in written)
        print(f"wrote {len(written)} files, {size:,} bytes: {args.out}, groups, tables")
    return 0
