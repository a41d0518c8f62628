"""Occupation groups (``data/groups/``): BLS major, minor and broad groups as entries with their
own pay and outlook, and their member occupations."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..common import cut_slug, slugify
from ..context import Context
from ..entry import Entry
from ..readers.oews import Wages
from ..readers.oews_national import Group
from ..release import BROAD_SPANS, OEWS_SOURCE, OEWS_YEAR
from ..rules import GROUP_EMPLOYMENT_SLACK, MAX_ID_LEN
from .bls import build_group_outlook, build_pay


def in_group(soc: str, group: str, level: str) -> bool:
    """Whether detailed code ``soc`` belongs to the SOC group ``group`` of ``level``."""
    if group in BROAD_SPANS:
        low, high = BROAD_SPANS[group]
        return low <= soc <= high
    if level == "broad" and any(low <= soc <= high for low, high in BROAD_SPANS.values()):
        return False
    prefix = group[:2] if level == "major" else group.rstrip("0")
    return soc.startswith(prefix)


def group_members(ctx: Context) -> dict[str, list[str]]:
    """Group SOC code -> its detailed occupations' SOC codes (in code order), checked against
    the employment OEWS publishes for the group (see GROUP_EMPLOYMENT_SLACK)."""
    out: dict[str, list[str]] = {}
    for group, (title, level) in sorted(ctx.oews.groups.items()):
        members = [s for s in sorted(ctx.oews.occupations) if in_group(s, group, level)]
        if not members:
            continue
        total = ctx.oews.national.get(group, Wages()).employment
        parts = [ctx.oews.national.get(s, Wages()).employment for s in members]
        if total and all(parts):
            summed = sum(p for p in parts if p is not None)
            if abs(summed - total) > total * GROUP_EMPLOYMENT_SLACK:
                raise SystemExit(
                    f"group {group} {title}: members' employment {summed} does not add up to "
                    f"the published {total}; is BROAD_SPANS up to date with the SOC?"
                )
        out[group] = members
    return out


def group_ids(groups: Mapping[str, Group], taken: Iterable[str]) -> dict[str, str]:
    """Group SOC -> id: the slug of its title; '-group' is appended when an occupation (an id in
    ``taken``) or an earlier group already has that id (41-2010 Cashiers)."""
    taken = set(taken)
    ids: dict[str, str] = {}
    for soc in sorted(groups):
        slug = cut_slug(slugify(groups[soc].title)) or "group"
        if slug in taken:
            slug = f"{cut_slug(slug, MAX_ID_LEN - 6)}-group"
        taken.add(slug)
        ids[soc] = slug
    return ids


def build_groups(ctx: Context) -> list[Entry]:
    members = group_members(ctx)
    ids = group_ids({soc: ctx.oews.groups[soc] for soc in members}, ctx.ids.values())
    entries = []
    for soc, socs in members.items():
        title, level = ctx.oews.groups[soc]
        entry: dict[str, Any] = {
            "id": ids[soc],
            "title": title,
            "soc": soc,
            "group": level,
            "source": OEWS_SOURCE,
            "year": OEWS_YEAR,
        }
        sections = {"pay": build_pay(ctx, soc), "outlook": build_group_outlook(ctx, soc)}
        entry.update({k: v for k, v in sections.items() if v is not None})
        entry["members"] = [ctx.ids[s] for s in socs]
        entries.append(entry)
    return entries
