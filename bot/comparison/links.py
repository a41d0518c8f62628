"""Where to read more: links built from an occupation's codes, never fetched."""

from __future__ import annotations

from urllib.parse import quote

from ..model import Profession
from .sheet import Link

ONET = "https://www.onetonline.org/link/summary/{code}"
CAREERONESTOP = (
    "https://www.careeronestop.org/Toolkit/Careers/Occupations/occupation-profile.aspx"
    "?keyword={keyword}&onetcode={code}"
)
OEWS = "https://www.bls.gov/oes/current/oes{digits}.htm"


def onet_code(p: Profession) -> str | None:
    """The O*NET-SOC code of an occupation: its SOC code with the ``.00`` of the SOC-level
    O*NET occupation."""
    return f"{p.soc}.00" if p.soc else None


def links(p: Profession) -> tuple[Link, ...]:
    """Public pages about an official occupation: its BLS Occupational Outlook Handbook page
    where one exists, O*NET OnLine's summary, CareerOneStop's profile and BLS's wage page for
    its SOC code (a group: its OOH page, and BLS's wage page for a major group). Curated
    profiles have none of their own."""
    code = onet_code(p)
    if p.soc is None or code is None:
        return ()
    ooh = (Link("BLS Occupational Outlook Handbook", p.ooh_url),) if p.ooh_url else ()
    wages = Link("BLS wages (OEWS)", OEWS.format(digits=p.soc.replace("-", "")))
    if p.is_group:  # O*NET and CareerOneStop profile occupations; BLS pages major groups
        return (*ooh, wages) if p.soc.endswith("-0000") else ooh
    return (
        *ooh,
        Link("O*NET OnLine", ONET.format(code=code)),
        Link("CareerOneStop", CAREERONESTOP.format(keyword=quote(p.title), code=code)),
        wages,
    )
