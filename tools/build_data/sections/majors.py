"""``majors``: college programs linked to the occupation by the NCES CIP–SOC crosswalk."""

from __future__ import annotations

import re

from ..context import Context
from ..entry import Entry
from ..release import CIP_SOURCE, CIP_YEAR
from ..rules import MAX_MAJORS


def soc_components(ctx: Context, soc: str) -> list[str]:
    """SOC 2018 detailed codes behind a dataset code: itself, or for BLS aggregates such as
    13-1020 the codes grouped into it (from the O*NET codes mapped to it)."""
    parts = sorted(
        {c[:7] for c in ctx.codes_for.get(soc, []) if c[:7] != soc and c[:7] not in ctx.ids}
    )
    return parts or [soc]


def is_generic_program(title: str) -> bool:
    return bool(re.search(r"(?:^|[,\s])(?:General|Other)$", title))


def build_majors(ctx: Context, soc: str) -> Entry | None:
    programs: dict[str, str] = {}
    for part in soc_components(ctx, soc):
        programs.update(ctx.programs.get(part, {}))
    if not programs:
        return None
    specific = {c: t for c, t in programs.items() if not is_generic_program(t)}
    pool = specific or programs
    names: list[str] = []
    for code in sorted(pool, key=lambda c: (ctx.program_spread[c], c)):
        if pool[code] not in names:
            names.append(pool[code])
        if len(names) == MAX_MAJORS:
            break
    return {"source": CIP_SOURCE, "year": CIP_YEAR, "names": names}
