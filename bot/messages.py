"""Words for the answers that are not views: no match, ambiguous names, help."""

from __future__ import annotations

from collections.abc import Sequence

from .matching import Resolution, Status
from .model import Profession
from .names import normalize
from .places import Place, PlaceResolution, PlaceStatus
from .text import one_line
from .wording import listing

MAX_ECHO = 80  # characters of a user's text that are ever repeated back


def shorten_query(query: str) -> str:
    return one_line(query, MAX_ECHO)


def not_found(res: Resolution) -> str:
    shown = shorten_query(res.query)
    if res.versus is not None:
        a, b = (shorten_query(x) for x in res.versus)
        return (
            f"“{shown}” names two professions: compare them with /compare a:{a} b:{b} "
            f'(in the console: career-bot compare "{a}" "{b}").'
        )
    if not shown:
        return "Please type a profession name, for example “registered nurse” or “truck driver”."
    text = f"No profession matches “{shown}”."
    if res.candidates:
        names = ", ".join(c.profession.title for c in res.candidates[:5])
        text += f" Did you mean: {names}?"
    else:
        text += " Try a job title such as “accountant”, “electrician” or “software developer”."
    return text


def ambiguous(res: Resolution) -> str:
    text = f"“{shorten_query(res.query)}” could mean several professions. Which one did you mean?"
    note = res.candidates[0].note if res.candidates else None
    return f"{note} {text}" if note else text


def unresolved(res: Resolution) -> str:
    return ambiguous(res) if res.status is Status.AMBIGUOUS else not_found(res)


def matched(res: Resolution) -> str | None:
    """One short line when the answer's title differs from the name that matched (“cop” →
    Police and Sheriff's Patrol Officers), with the vocabulary's remark; None when there is
    nothing to say. Built only from the data's own names (never the user's text), so that it
    may go in a public answer. (A place the question named is answered for by the surfaces.)"""
    prof = res.profession
    if prof is None:
        return None
    lines = []
    best = res.candidates[0]
    if best.matched != prof.title:
        lines.append(f"“{best.matched}” → {prof.title}")
        if best.note:
            lines[-1] += f" ({best.note.rstrip('.')})"
    return "\n".join(lines) or None


def same_profession(a: str, b: str, title: str) -> str:
    """``/compare`` of a profession with itself."""
    if normalize(a) == normalize(b):
        return f"Both names are {title}: pick a second, different profession to compare it with."
    return (
        f"“{shorten_query(a)}” and “{shorten_query(b)}” are the same profession ({title}): "
        "pick a second, different profession to compare it with."
    )


def repeated_professions(names: Sequence[str], found: Sequence[Profession]) -> str | None:
    """A comparison that names a profession more than once: a refusal when fewer than two
    different ones are left (shown privately: it may echo the names); else a note built from
    titles only (it goes in a public answer); None when every one differs."""
    distinct = list(dict.fromkeys(found))
    if len(distinct) == len(found):
        return None
    if len(distinct) > 1:
        twice = next(p for p in distinct if found.count(p) > 1)
        others = listing([p.title for p in distinct if p != twice])
        return f"{twice.title} is named twice: this compares it with {others}."
    title = distinct[0].title
    if len(names) == 2:
        return same_profession(names[0], names[1], title)
    if len({normalize(n) for n in names}) == 1:
        return f"All three names are {title}: pick two or three different professions to compare."
    quoted = ", ".join(f"“{shorten_query(n)}”" for n in names[:-1])
    return (
        f"{quoted} and “{shorten_query(names[-1])}” are all the same profession ({title}): "
        "pick two or three different professions to compare."
    )


def place_unresolved(res: PlaceResolution) -> str:
    """An ambiguous place asks which one; an unknown one says so, with suggestions."""
    shown = shorten_query(res.query)
    if res.status is PlaceStatus.AMBIGUOUS:
        return f"“{shown}” could mean several places. Which one did you mean?"
    if not shown:
        return "Please type a place: a state (“Texas”, “TX”) or a city (“Dallas”)."
    text = f"No state or metro area called “{shown}” is known."
    if res.candidates:
        text += " Did you mean: " + "; ".join(c.name for c in res.candidates) + "?"
    else:
        text += " Try a state (“Texas”, “TX”) or a city (“Dallas”, “NYC”)."
    return text


def place_overridden(place: Place, named: Place) -> str:
    """The answer's note when ``where`` overrides a place typed after the profession."""
    return f"For {place.name} (the where option), not {named.name}"


def two_places(a: str, b: str) -> str:
    """Professions each followed by a different place: one answer is for one place."""
    return (
        f"You named two places, {a} and {b}: an answer is for one place. Run the command again "
        "with the professions alone and the place in where."
    )
