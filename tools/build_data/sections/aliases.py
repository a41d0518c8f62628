"""``aliases``: O*NET titles, alternate titles and reported titles, filtered and ranked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import rules
from ..common import alias_key, clean_text
from ..context import Context
from ..entry import Block


@dataclass
class AliasInfo:
    forms: dict[str, int] = field(default_factory=dict)  # spelling -> preference rank
    sources: set[str] = field(default_factory=set)


def collect_aliases(ctx: Context) -> dict[str, dict[str, AliasInfo]]:
    """SOC -> alias key -> spellings and source tags (before any filtering)."""
    per_soc: dict[str, dict[str, AliasInfo]] = defaultdict(dict)

    def add(soc: str, text: str, tags: Iterable[str], rank: int) -> None:
        name = clean_text(text)
        if not name or name.lower() == "n/a":
            return
        info = per_soc[soc].setdefault(alias_key(name), AliasInfo())
        info.forms[name] = min(rank, info.forms.get(name, rank))
        info.sources.update(tags)

    for code, title in ctx.onet.titles.items():
        soc = ctx.onet_to_soc.get(code)
        if soc is not None:
            add(soc, title, ["onet-title"], 0)
    for alt in ctx.onet.alternate:
        soc = ctx.onet_to_soc.get(alt.code)
        if soc is None:
            continue
        tags = [f"alt:{s}" for s in alt.sources] or ["alt"]
        add(soc, alt.title, tags, 1)
        add(soc, alt.short, tags, 2)
    for rep in ctx.onet.reported:
        soc = ctx.onet_to_soc.get(rep.code)
        if soc is not None:
            add(soc, rep.title, ["reported"], 3)
    return per_soc


def nicest(forms: dict[str, int]) -> str:
    """The spelling to keep: not all-lowercase, most capitals (acronyms kept), O*NET lists
    first, then alphabetical."""
    return min(
        forms,
        key=lambda f: (f == f.lower(), -sum(ch.isupper() for ch in f), forms[f], f),
    )


def build_aliases(ctx: Context, per_soc: dict[str, dict[str, AliasInfo]]) -> dict[str, Block]:
    spread: dict[str, int] = defaultdict(int)
    for aliases in per_soc.values():
        for key in aliases:
            spread[key] += 1
    out: dict[str, Block] = {}
    for soc, aliases in per_soc.items():
        own = alias_key(ctx.oews.occupations[soc])
        kept = []
        for key, info in aliases.items():
            if (
                key == own
                or spread[key] > rules.MAX_ALIAS_OCCUPATIONS
                or key in rules.GENERIC_ALIASES
            ):
                continue
            name = nicest(info.forms)
            n = len(info.sources)
            # most sources first, then titles workers report, then shorter, then A-Z
            kept.append(((-n, "reported" not in info.sources, len(name), key), name, n))
        kept.sort()
        lines = [
            name.replace("|", "/") if n == 1 else f"{name.replace('|', '/')}|{n}"
            for _, name, n in kept[: rules.MAX_ALIASES]
        ]
        if lines:
            out[soc] = Block("\n".join(lines) + "\n")
    return out
