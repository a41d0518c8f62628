"""The matcher's shortcuts find exactly what their plain definitions find: words two edits away
(only the word lengths where such a word can score are searched), and titles holding a text
(one search over all the titles, stopping at the limit)."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from bot.answers import Answers
from bot.matching.index import Index
from bot.matching.scoring import FAR_CUTOFF, TYPO_FAR, _far_sizes, _far_words

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _everywhere(index: Index, token: str, reach: int) -> dict[str, float]:
    """The same search over every length within reach (no narrowing)."""
    reach = reach if len(token) >= 8 else 1
    pool = [
        w
        for size in range(len(token) - reach, len(token) + reach + 1)
        for w in index.by_length.get(size, ())
    ]
    hits = process.extract(token, pool, scorer=fuzz.ratio, score_cutoff=FAR_CUTOFF, limit=3)
    return {word: TYPO_FAR * score / 100 for word, score, _ in hits}


def _typo(rng: random.Random, word: str) -> str:
    chars = list(word)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(chars))
        edit = rng.randrange(4)
        if edit == 0:
            chars.insert(i, rng.choice(LETTERS))
        elif edit == 1 and len(chars) > 1:
            del chars[i]
        elif edit == 2:
            chars[i] = rng.choice(LETTERS)
        elif i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def test_far_words_are_those_of_a_full_search(shipped_answers: Answers) -> None:
    index = shipped_answers.matcher.index
    rng = random.Random(2026)
    words = [w for w in index.words if len(w) >= 5 and w.isalpha()]
    checked = found = 0
    while checked < 1500:
        token = _typo(rng, rng.choice(words))
        if len(token) < 6 or token in index.postings or index.similar_words(token):
            continue  # (only words no name has, with nothing one edit away, are searched)
        checked += 1
        for reach in (1, 2):
            expected = _everywhere(index, token, reach)
            assert _far_words(index, token, reach) == expected, (token, reach)
            found += bool(expected)
    assert found > 500  # most of these typos do find their word


def test_lengths_where_nothing_can_score_are_skipped() -> None:
    assert _far_sizes(6, 1) == []  # one letter changed is one edit; two is too far
    assert _far_sizes(7, 1) == [8]  # an extra letter and one changed
    assert _far_sizes(9, 2) == [7, 8, 10, 11]
    assert _far_sizes(12, 1) == [11, 12, 13]


def test_titles_holding_a_text_are_those_a_test_of_each_title_finds(
    shipped_answers: Answers,
) -> None:
    index = shipped_answers.matcher.index
    rng = random.Random(5)
    texts = [" a", " e", " and", " nurse", " cashiers", " truck dr", " zzz", " ", ""]
    texts += [" " + key[1 : rng.randint(2, 14)] for key, _ in index.spaced_titles[::3]]
    texts += [" " + key.split()[-1][: rng.randint(1, 6)] for key, _ in index.spaced_titles[::4]]
    for text in texts:
        for limit in (25, 3, 1):
            plain = sorted(
                (0 if key == text else 1, index.rank_key[i], i)
                for key, i in index.spaced_titles
                if text and text in key
            )
            expected = [i for _, _, i in plain[:limit]]
            assert index.titles_holding(text, limit) == expected, (text, limit)
