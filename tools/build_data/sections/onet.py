"""Sections from O*NET: ``tasks`` (top level), ``education``, ``skills`` and ``similar``."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from ..common import as_float, clean_text
from ..context import Context
from ..entry import Entry, Flow, FlowList
from ..readers.onet import Rating
from ..release import ONET_SOURCE, ONET_YEAR
from ..rules import (
    MAX_EDU_LEVELS,
    MAX_KNOWLEDGE,
    MAX_SIMILAR,
    MAX_SKILLS,
    MAX_TASKS,
    MIN_EDU_PCT,
    TASK_TYPE_RANK,
    TIER_RANK,
)

T = TypeVar("T")
NO_INDEX = Decimal(10**6)  # a related occupation without an index ranks last in its tier


def first_with(ctx: Context, soc: str, table: dict[str, T]) -> str | None:
    """The first O*NET code of ``soc`` (in preference order) that ``table`` has data for."""
    return next((c for c in ctx.codes_for.get(soc, []) if table.get(c)), None)


def onet_note(ctx: Context, soc: str, code: str) -> str | None:
    title = ctx.onet.titles.get(code, "")
    if code not in ctx.codes_for.get(soc, []):
        return FALLBACK_NOTE.format(title=title, code=code)
    if code == f"{soc}.00":
        return None
    return f"O*NET data for {code} {title}".strip()


# how a section says that its ratings are another occupation's (see rated_code)
FALLBACK_NOTE = (
    "ratings of {title} ({code}), the closest rated occupation: O*NET has none for this one"
)


def related_codes(ctx: Context, soc: str) -> list[str]:
    """O*NET's related occupations of the entry's codes, closest first: relatedness tier, then
    index, then the entry's primary code first."""
    candidates = []
    for order, code in enumerate(ctx.codes_for.get(soc, [])):
        for r in ctx.onet.related.get(code, []):
            candidates.append((TIER_RANK.get(r.tier, 3), r.index or NO_INDEX, order, r.code))
    return [code for *_, code in sorted(candidates)]


def rated_code(ctx: Context, soc: str, table: dict[str, T]) -> str | None:
    """The O*NET code whose ratings in ``table`` describe the entry: its own (see first_with),
    or when O*NET rates none of its codes (15-1252 Software Developers), the closest related
    occupation that has them — in the same SOC broad group if one is related (15-1251 Computer
    Programmers), else the same minor group, else any, each in relatedness order — labelled so
    by :func:`onet_note`."""
    own = first_with(ctx, soc, table)
    if own is not None or not ctx.codes_for.get(soc):
        return own
    rated = [c for c in related_codes(ctx, soc) if table.get(c)]
    return min(
        rated, key=lambda c: (c[:6] != soc[:6], c[:4] != soc[:4], rated.index(c)), default=None
    )


def primary_code(ctx: Context, soc: str) -> str | None:
    codes = ctx.codes_for.get(soc)
    return codes[0] if codes else None


def build_tasks(ctx: Context, code: str | None) -> list[str]:
    if code is None:
        return []
    rows = ctx.onet.tasks.get(code, [])
    ordered = sorted(enumerate(rows), key=lambda it: (TASK_TYPE_RANK.get(it[1].kind, 2), it[0]))
    out: list[str] = []
    for _, task in ordered:
        text = clean_text(task.text)
        if text and text not in out:
            out.append(text)
        if len(out) == MAX_TASKS:
            break
    return out


def shares(values: Sequence[tuple[int, Decimal]], names: dict[int, str]) -> list[Entry]:
    """The most common categories first: at most MAX_EDU_LEVELS, each at least MIN_EDU_PCT."""
    out: list[Entry] = []
    for cat, pct in sorted(values, key=lambda cv: (-cv[1], cv[0])):
        rounded = as_float(pct, 1)
        if rounded < MIN_EDU_PCT or len(out) == MAX_EDU_LEVELS:
            break
        out.append(Flow({"level": names.get(cat, f"Category {cat}"), "pct": rounded}))
    return out


def build_education(ctx: Context, soc: str) -> Entry | None:
    onet = ctx.onet
    code = rated_code(ctx, soc, onet.education)
    exp_code = rated_code(ctx, soc, onet.experience)
    zone_code = rated_code(ctx, soc, onet.job_zones)
    out: dict[str, Any] = {"source": ONET_SOURCE, "year": ONET_YEAR}
    levels = shares(onet.education[code], onet.education_names) if code else []
    if levels:
        out["levels"] = levels
    experience = shares(onet.experience[exp_code], onet.experience_names) if exp_code else []
    if experience:
        out["experience"] = experience
    if zone_code is not None:
        out["job_zone"] = onet.job_zones[zone_code]
    if len(out) == 2:
        return None
    notes = {n for c in (code, exp_code, zone_code) if c and (n := onet_note(ctx, soc, c))}
    if notes:
        out["note"] = "; ".join(sorted(notes))
    return out


def top_rated(rows: Sequence[Rating], limit: int) -> list[Entry]:
    best: dict[str, Decimal] = {}
    for name, value in rows:
        best[name] = max(value, best.get(name, value))
    ordered = sorted(best.items(), key=lambda nv: (-nv[1], nv[0]))[:limit]
    return [Flow({"name": n, "importance": as_float(v, 2)}) for n, v in ordered]


def build_skills(ctx: Context, soc: str) -> Entry | None:
    s_code = rated_code(ctx, soc, ctx.onet.skills)
    k_code = rated_code(ctx, soc, ctx.onet.knowledge)
    out: dict[str, Any] = {"source": ONET_SOURCE, "year": ONET_YEAR}
    if s_code is not None:
        out["skills"] = top_rated(ctx.onet.skills[s_code], MAX_SKILLS)
    if k_code is not None:
        out["knowledge"] = top_rated(ctx.onet.knowledge[k_code], MAX_KNOWLEDGE)
    if len(out) == 2:
        return None
    notes = {n for c in (s_code, k_code) if c and (n := onet_note(ctx, soc, c))}
    if notes:
        out["note"] = "; ".join(sorted(notes))
    return out


def is_catch_all(title: str) -> bool:
    """ "Engineers, All Other" and the like: a residual category, not a career to suggest."""
    return title.endswith("All Other") or title.endswith("All Other Specialists")


def build_similar(ctx: Context, soc: str) -> Entry | None:
    """Related occupations in O*NET's order (tier, then index); "All Other" catch-alls only when
    nothing else is related."""
    related: list[str] = []
    for code in related_codes(ctx, soc):
        target = ctx.onet_to_soc.get(code)
        if target is not None and target != soc and target not in related:
            related.append(target)
    specific = [s for s in related if not is_catch_all(ctx.oews.occupations[s])]
    ids = [ctx.ids[s] for s in (specific or related)[:MAX_SIMILAR]]
    if not ids:
        return None
    return {"source": ONET_SOURCE, "year": ONET_YEAR, "ids": FlowList(ids)}


def fallbacks(ctx: Context) -> list[tuple[str, str, str]]:
    """Every entry whose ratings are another occupation's: (entry, ratings used, for what), as
    listed in data/SOURCES.md."""
    tables: dict[str, dict[str, Any]] = {
        "skills": ctx.onet.skills,
        "knowledge": ctx.onet.knowledge,
        "education levels": ctx.onet.education,
        "work experience": ctx.onet.experience,
        "job zone": ctx.onet.job_zones,
    }
    rows = []
    for soc in sorted(ctx.oews.occupations):
        used: dict[str, list[str]] = {}
        for what, table in tables.items():
            code = rated_code(ctx, soc, table)
            if code is not None and code not in ctx.codes_for.get(soc, []):
                used.setdefault(code, []).append(what)
        for code, whats in used.items():
            entry = f"{soc} {ctx.oews.occupations[soc]}"
            rows.append((entry, f"{code} {ctx.onet.titles.get(code, '')}", ", ".join(whats)))
    return rows
