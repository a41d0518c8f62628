"""Lists and likenesses as sheets, the view model both surfaces render."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..comparison import Block, Kind, Layout, Sheet
from ..comparison.builders.where import OEWS_SOURCE, section
from ..comparison.outlook import category
from ..format import MISSING, dollars, money, pct
from ..model import Money, Profession, Section
from .filters import entry_education
from .lists import LOCAL_MEASURES, Measure, TopList, mean_pay
from .similar import NO_FILTERS, TOP_SKILLS, Filters, Likeness

PAGE = 10
MOST = 250  # rows a list shows at most (25 pages)


def _sources(professions: Iterable[Profession], sections: Sequence[str]) -> tuple[str, ...]:
    seen: dict[tuple[str, int | None], Section] = {}
    for p in professions:
        for name in sections:
            section = getattr(p, name)
            if isinstance(section, Section):
                seen.setdefault((section.source, section.year), section)
    return tuple(dict.fromkeys(s.citation for s in seen.values()))


# Lists format the same few hundred figures again and again (250 rows a list): the texts are
# kept by figure, so a list costs a lookup per cell.


@lru_cache(maxsize=4096)
def _growth_text(growth: float) -> str:
    return f"{pct(growth, signed=True)} ({category(growth)})"


@lru_cache(maxsize=8192)
def _money_text(value: Money | None) -> str:
    return money(value)


def _growth(p: Profession) -> str:
    g = p.outlook.growth_pct if p.outlook else None
    return MISSING if g is None else _growth_text(g)


def _pay(p: Profession) -> str:
    return _money_text(p.pay.annual_mean if p.pay else None)


def _education(p: Profession) -> str:
    return entry_education(p) or "entry education not published"


def _list_pay(p: Profession, top: TopList) -> str:
    """The pay a list shows: the place's mean when the list is for a place."""
    if top.place is None:
        return _pay(p)
    local = top.local(p)
    return _money_text(local.annual_mean if local else None)


def _measure_text(p: Profession, top: TopList, value: float) -> str:
    m = top.measure
    if m is Measure.PAY:
        national = f" (national {_pay(p)})" if top.place is not None else ""
        return f"{_list_pay(p, top)} a year{national}"
    if m is Measure.GROWTH:
        return f"growth {_growth(p)}"
    if m is Measure.OPENINGS:
        return f"{value:,.0f} openings a year" + (" nationally" if top.place else "")
    if m is Measure.JOBS:
        return f"{value:,.0f} jobs"
    level = entry_education(p) or ""
    base = top.baselines.get(level, 0.0)
    return (
        f"{_list_pay(p, top)} a year, {value:.1f}× the typical {dollars(base)} for that education"
    )


def _top_row(rank: int, p: Profession, top: TopList, value: float) -> str:
    shown = top.measure not in (Measure.PAY, Measure.PAY_FOR_EDUCATION)
    details = [_list_pay(p, top)] if shown else []
    if top.measure is not Measure.GROWTH:
        details.append(f"growth {_growth(p)}")
    if top.education is None:
        details.append(_education(p))
    return f"{rank}. {p.title} — {_measure_text(p, top, value)} · " + " · ".join(details)


def _top_title(top: TopList) -> str:
    parts = [top.measure.heading + (f" in {top.place.name}" if top.place else "")]
    if top.education:
        parts.append(top.education)
    if top.field:
        parts.append(top.field.title)
    return " · ".join(parts)


def _top_summary(top: TopList, shown: int) -> str:
    count = len(top.rows)
    what = "occupation" if count == 1 else "occupations"
    scope = []
    if top.education:
        scope.append(f"whose typical entry education is “{top.education}”")
    if top.field:
        scope.append(f"in {top.field.title}")
    if top.place is not None:
        scope.insert(0, f"published for {top.place.name}")
    text = f"The first {shown} of {count:,} {what}" if shown < count else f"All {count:,} {what}"
    text = " ".join([text, *scope]) + ", ranked by " + _ranked_by(top) + "."
    if top.place is not None and top.measure not in LOCAL_MEASURES:
        text += (
            " BLS projects employment for the nation only, so growth and openings are national;"
            f" pay is the mean in {top.place.name}."
        )
    if top.left_out:
        left = "occupation is" if top.left_out == 1 else "occupations are"
        there = f" in {top.place.name}" if top.place else ""
        text += f" {top.left_out} {left} left out: the source publishes no figure for them{there}."
    return text


def _ranked_by(top: TopList) -> str:
    if top.place is None or top.measure not in LOCAL_MEASURES:
        return _RANKED_BY[top.measure]
    if top.measure is Measure.PAY_FOR_EDUCATION:
        return (
            f"mean wage in {top.place.name} against the median of the mean wages there of all "
            "occupations with the same typical entry education"
        )
    what = "mean annual wage" if top.measure is Measure.PAY else "employment"
    return f"{what} in {top.place.name} (BLS OEWS)"


def _top_sources(top: TopList, rows: Sequence[tuple[Profession, float]]) -> tuple[str, ...]:
    """The sheet's sources: the place's OEWS figures replace the national ones in a place."""
    national = _sources((p for p, _ in rows), ("pay", "outlook"))
    if top.place is None:
        return national
    here = f"{section(top.place).citation} — {top.place.name}"
    return (here, *(cite for cite in national if not cite.startswith(OEWS_SOURCE)))


_RANKED_BY = {
    Measure.PAY: "mean annual wage (BLS OEWS)",
    Measure.GROWTH: "projected employment change 2024–34 (BLS)",
    Measure.OPENINGS: "projected openings a year 2024–34 (BLS)",
    Measure.JOBS: "employment (BLS OEWS)",
    Measure.PAY_FOR_EDUCATION: (
        "mean wage against the median of the mean wages of all occupations with the same "
        "typical entry education"
    ),
}


def top_sheet(top: TopList, most: int = MOST) -> Sheet:
    """A ranked list: ten rows a page, each with the measure, pay, growth and entry education."""
    rows = top.rows[:most]
    lines = [_top_row(i + 1, p, top, v) for i, (p, v) in enumerate(rows)]
    blocks = tuple(
        Block(
            key=f"rows-{start + 1}",
            title=f"{start + 1}–{min(start + PAGE, len(lines))}",
            layout=Layout.BULLETS,
            bullets=tuple(lines[start : start + PAGE]),
        )
        for start in range(0, len(lines), PAGE)
    ) or (Block(key="rows-1", title="No occupations", layout=Layout.PROSE, text=_EMPTY),)
    return Sheet(
        kind=Kind.TOP,
        title=_top_title(top),
        columns=(),
        ids=tuple(p.id for p, _ in rows),
        summary=_top_summary(top, len(rows)),
        blocks=blocks,
        sources=_top_sources(top, rows),
        paged=len(blocks) > 1,
    )


_EMPTY = "No occupation matches these filters. Try a broader field or education level."


def _pay_against(p: Profession, other: Profession) -> str:
    mine, theirs = mean_pay(p), mean_pay(other)
    text = _pay(other)
    if mine and theirs:
        change = (theirs - mine) / mine * 100
        mark = "▲" if change > 0 else "▼" if change < 0 else "="
        text += f" {mark} {pct(abs(change), decimals=0)}"
    return text


def _why(like: Likeness) -> str:
    why = ""
    if like.shared_skills:
        why = f"shares {like.shared_skills} of its top {TOP_SKILLS} skills"
    if like.related:
        why = "related by O*NET" + (f"; {why}" if why else "")
    return why or "similar skill and knowledge ratings"


def _like_row(p: Profession, like: Likeness) -> str:
    o = like.profession
    return (
        f"{o.title} — {_pay_against(p, o)} · growth {_growth(o)} · {_education(o)} ({_why(like)})"
    )


def _filter_words(f: Filters) -> list[str]:
    words = []
    if f.pays_more:
        words.append("pay more")
    if f.less_school:
        words.append("need less schooling")
    if f.growing:
        words.append("are projected to grow")
    return words


_EXPLORE_SECTIONS = ("pay", "outlook", "similar", "skills")


def explore_sheet(p: Profession, likes: Sequence[Likeness], filters: Filters = NO_FILTERS) -> Sheet:
    """Careers like ``p``: each with its pay against ``p``'s, growth, entry education and why."""
    words = _filter_words(filters)
    scope = (
        f" that {', '.join(words[:-1]) + ' and ' if len(words) > 1 else ''}{words[-1]}"
        if words
        else ""
    )
    if likes:
        summary = f"Careers like {p.title}{scope}, most alike first (pay ▲/▼ against {_pay(p)})."
        block = Block(
            "like",
            "Careers like this",
            Layout.BULLETS,
            bullets=tuple(_like_row(p, k) for k in likes),
        )
    else:
        summary = None
        block = Block(
            "like",
            "Careers like this",
            Layout.PROSE,
            text=f"No career like {p.title}{scope} was found in the data.",
        )
    return Sheet(
        kind=Kind.EXPLORE,
        title=f"Careers like {p.title}",
        columns=(),
        ids=(p.id, *(k.profession.id for k in likes)),
        summary=summary,
        blocks=(block,),
        sources=_sources(
            [p, *(k.profession for k in likes)], ("pay", "outlook", "similar", "skills")
        ),
    )
