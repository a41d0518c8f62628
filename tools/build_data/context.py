"""Every source read (one reader each), then linked: O*NET codes to dataset SOC codes, ids."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .common import cut_slug, slugify
from .readers.cps import CpsAge, CpsShares, read_cps_age, read_cps_shares
from .readers.crosswalks import (
    CensusRow,
    NemLink,
    ProgramLink,
    read_census,
    read_nem,
    read_programs,
)
from .readers.oews import open_oews
from .readers.oews_areas import OewsAreas, read_areas
from .readers.oews_national import OewsNational, read_national
from .readers.onet import Onet, read_onet
from .readers.projections import Projections, read_projections
from .release import PATHS
from .rules import MAX_ID_LEN


@dataclass
class Context:
    oews: OewsNational
    areas: OewsAreas
    onet: Onet
    projections: Projections
    nem: list[NemLink]
    census: list[CensusRow]
    cps_shares: dict[str, CpsShares]
    cps_age: dict[str, CpsAge]
    program_links: list[ProgramLink]
    # derived by link()
    onet_to_soc: dict[str, str] = field(default_factory=dict)
    nem_code: dict[str, str] = field(default_factory=dict)  # O*NET code -> NEM code
    programs: dict[str, dict[str, str]] = field(default_factory=dict)  # SOC -> {CIP: title}
    program_spread: dict[str, int] = field(default_factory=dict)  # CIP -> how many SOC codes
    codes_for: dict[str, list[str]] = field(default_factory=dict)  # SOC -> O*NET codes
    ids: dict[str, str] = field(default_factory=dict)  # SOC -> entry id


def load_sources(root: Path) -> Context:
    missing = [p for p in PATHS.values() if not (root / p).exists()]
    if missing:
        raise SystemExit(f"missing source files under {root}: {', '.join(missing)}")
    with open_oews(root / PATHS["oews"]) as con:
        national = read_national(con)
        areas = read_areas(con, national.occupations.keys() | national.groups.keys())
    ctx = Context(
        oews=national,
        areas=areas,
        onet=read_onet(root / PATHS["onet"]),
        projections=read_projections(root / PATHS["ep"]),
        nem=read_nem(root / PATHS["nem"]),
        census=read_census(root / PATHS["census"]),
        cps_shares=read_cps_shares(root / PATHS["cps_demo"]),
        cps_age=read_cps_age(root / PATHS["cps_age"]),
        program_links=read_programs(root / PATHS["cip"]),
    )
    link(ctx)
    return ctx


def link(ctx: Context) -> None:
    """O*NET codes -> dataset SOC codes (via the NEM crosswalk), ordered codes per SOC, ids."""
    socs = ctx.oews.occupations
    ctx.nem_code = {n.onet_code: n.nem_code for n in ctx.nem}
    by_soc: dict[str, dict[str, str]] = defaultdict(dict)
    spread: dict[str, set[str]] = defaultdict(set)
    for p in ctx.program_links:
        by_soc[p.soc][p.cip] = p.title
        spread[p.cip].add(p.soc)
    ctx.programs, ctx.program_spread = dict(by_soc), {c: len(s) for c, s in spread.items()}
    for code in sorted(ctx.onet.titles):
        target = ctx.nem_code.get(code)
        if target not in socs:
            target = code[:7] if code[:7] in socs else None
        if target is not None:
            ctx.onet_to_soc[code] = target
    grouped: dict[str, list[str]] = defaultdict(list)
    for code, soc in ctx.onet_to_soc.items():
        grouped[soc].append(code)
    for soc, codes in grouped.items():
        # the SOC's own ".00" code first, then other ".00" codes, then the rest, by code
        own = f"{soc}.00"
        ctx.codes_for[soc] = sorted(codes, key=lambda c: (c != own, not c.endswith(".00"), c))
    ctx.ids = assign_ids(socs)


def assign_ids(titles: dict[str, str]) -> dict[str, str]:
    """SOC -> id: the slug of the BLS title, at most MAX_ID_LEN characters (cut at a '-'); on a
    collision the later SOC code (in code order) gets its code digits appended."""
    ids: dict[str, str] = {}
    seen: set[str] = set()
    for soc in sorted(titles):
        slug = cut_slug(slugify(titles[soc])) or "occupation"
        if slug in seen:
            digits = soc.replace("-", "")
            slug = f"{cut_slug(slug, MAX_ID_LEN - len(digits) - 1)}-{digits}"
        seen.add(slug)
        ids[soc] = slug
    return ids
