"""The occupations' entries: every section built from the linked sources, in output order."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .context import Context
from .entry import Entry
from .release import ONET_SOURCE, ONET_YEAR
from .sections.aliases import build_aliases, collect_aliases
from .sections.bls import build_outlook, build_pay
from .sections.cps import build_age, build_demographics, census_rows_for
from .sections.groups import build_groups
from .sections.majors import build_majors
from .sections.onet import (
    build_education,
    build_similar,
    build_skills,
    build_tasks,
    primary_code,
)

__all__ = ["build_entries", "build_groups"]


def ooh_url(ctx: Context, soc: str) -> str | None:
    """The Occupational Outlook Handbook profile of the occupation's first O*NET code that
    has one (NEM crosswalk)."""
    urls = {n.onet_code: n.ooh_url for n in ctx.nem if n.ooh_url}
    return next((urls[c] for c in ctx.codes_for.get(soc, []) if c in urls), None)


def build_entries(ctx: Context) -> list[Entry]:
    """One entry per detailed OEWS occupation, in SOC code order."""
    aliases = build_aliases(ctx, collect_aliases(ctx))
    census_for = {soc: census_rows_for(ctx, soc) for soc in ctx.oews.occupations}
    share: dict[str, int] = defaultdict(int)
    for rows in census_for.values():
        for r in rows:
            share[r.code] += 1
    entries = []
    for soc in sorted(ctx.oews.occupations):
        entry: dict[str, Any] = {"id": ctx.ids[soc], "title": ctx.oews.occupations[soc], "soc": soc}
        code = primary_code(ctx, soc)
        if code is not None:
            entry["source"] = ONET_SOURCE
            entry["year"] = ONET_YEAR
            entry["description"] = ctx.onet.descriptions[code]
            tasks = build_tasks(ctx, code)
            if tasks:
                entry["tasks"] = tasks
        if aliases.get(soc):
            entry["aliases"] = aliases[soc]
        ooh = ooh_url(ctx, soc)
        if ooh:
            entry["ooh_url"] = ooh
        rows = census_for[soc]
        sections = {
            "pay": build_pay(ctx, soc),
            "outlook": build_outlook(ctx, soc),
            "education": build_education(ctx, soc),
            "majors": build_majors(ctx, soc),
            "demographics": build_demographics(ctx, soc, rows, share),
            "age": build_age(ctx, soc, rows, share),
            "skills": build_skills(ctx, soc),
            "similar": build_similar(ctx, soc),
        }
        entry.update({k: v for k, v in sections.items() if v is not None})
        entries.append(entry)
    return entries
