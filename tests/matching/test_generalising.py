"""Names the index has never seen: the evidence of a profession's many names adds up, a word of
the same family or a run-together word still counts, and a held-out alternate title is a fair
test (nothing derived from it is left in the index)."""

from __future__ import annotations

import pytest

from bot.answers import Answers
from bot.matching import Matcher, Status
from bot.matching.index import stem
from bot.matching.scoring import read_query
from bot.matching.vocabulary import in_group
from bot.model import Alias, Profession


def _prof(pid: str, title: str, soc: str, *aliases: str) -> Profession:
    return Profession(id=pid, title=title, soc=soc, aliases=tuple(Alias(a) for a in aliases))


def test_several_names_of_one_profession_outweigh_one_name_of_another() -> None:
    # "Hog Worker" is no one's name. One farm name holds "hog"; the slaughterers' many names
    # do, so they lead.
    others = [_prof(f"o{n}", f"Other Workers {n}", f"51-90{n}1", "Plant Worker") for n in range(5)]
    m = Matcher(
        [
            *others,
            _prof("farm", "Farmworkers", "45-2093", "Hog Farm Hand", "Farm Worker"),
            _prof(
                "meat",
                "Slaughterers and Meat Packers",
                "51-3023",
                *("Hog Sticker", "Hog Splitter", "Hog Scraper", "Hog Dehairer", "Hog Stunner"),
            ),
        ]
    )
    res = m.resolve("hog worker")
    assert res.candidates[0].profession.id == "meat", res


def test_a_word_of_the_same_family_counts() -> None:
    assert stem("laundress") == stem("laundry") == "laund"
    assert stem("agriculturist") == stem("agricultural") == stem("agriculture")
    m = Matcher(
        [
            _prof("laundry", "Laundry and Dry-Cleaning Workers", "51-6011", "Laundry Presser"),
            _prof("farm", "Farmworkers", "45-2093", "Agricultural Worker"),
        ]
    )
    assert m.resolve("laundress").candidates[0].profession.id == "laundry"
    assert m.resolve("agriculturist").candidates[0].profession.id == "farm"


def test_a_run_together_word_counts_by_its_parts() -> None:
    m = Matcher(
        [
            _prof("jewel", "Jewelers", "51-9071", "Jewel Setter", "Silver Smith"),
            _prof("smith", "Blacksmiths", "51-4022", "Smith"),
        ]
    )
    assert m.resolve("jewelsmith").candidates[0].profession.id == "jewel"


def test_a_name_missing_the_informative_word_is_still_never_confident() -> None:
    m = Matcher([_prof("bus", "Bus Drivers", "53-3052", "Coach Driver", "School Bus Driver")])
    assert m.resolve("zorblax driver").status not in (Status.EXACT, Status.MATCH)


@pytest.mark.parametrize(
    ("query", "soc"),
    [("grafic designer", "27-1024"), ("mechanik", "49-3023")],
)
def test_joint_evidence_counts_less_for_a_word_read_as_a_typo(
    shipped_answers: Answers, query: str, soc: str
) -> None:
    # A misspelt word ("grafic") is read through a typo correction: the joint evidence of the
    # many "designer" names of Commercial and Industrial Designers must not outweigh the one
    # name it corrects to. Words read as typed ("graphic designer") let it count in full.
    index = shipped_answers.matcher.index
    assert read_query(index, "graphic designer").as_typed
    assert not read_query(index, query).as_typed
    first = shipped_answers.matcher.resolve(query).candidates[0].profession
    assert first.soc == soc or in_group(soc, first.soc or ""), first  # or the group holding it
