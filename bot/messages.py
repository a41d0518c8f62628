"""Words for the answers that are not views: no match, ambiguous names, help."""

from __future__ import annotations

from .matching import Resolution, Status
from .text import one_line

MAX_ECHO = 80  # characters of a user's text that are ever repeated back


def shorten_query(query: str) -> str:
    return one_line(query, MAX_ECHO)


def not_found(res: Resolution) -> str:
    shown = shorten_query(res.query)
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
    return f"“{shorten_query(res.query)}” could mean several professions. Which one did you mean?"


def unresolved(res: Resolution) -> str:
    return ambiguous(res) if res.status is Status.AMBIGUOUS else not_found(res)
