"""Broken data refuses to start: ``career-bot run`` with a token and ``CAREER_BOT_DATA`` pointing
at a file of the committed broken corpus (``tests/fixtures/broken/``) exits 1, names the file,
the entry and the field on stderr, prints no traceback, and never talks to Discord: the fake
records no gateway connection (so no IDENTIFY) and no REST call at all.

The real bot runs as a subprocess through the fake's launcher (so a connection attempt would
land on the fake and be recorded). The processes run side by side to keep the wall time down;
they share one start-up cache, warmed by the first if it is cold.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from fake_discord import BotProcess, FakeDiscord

from ..conftest import MINI, ROOT, TESTS

pytestmark = pytest.mark.e2e

BROKEN = TESTS / "fixtures" / "broken"

# file (or files, ':'-joined) → what stderr must name: the file, the entry, the field, the fault
EXPECTED: dict[str, tuple[str, ...]] = {
    "syntax-error.yaml": ("broken/syntax-error.yaml", "not valid YAML at line 5"),
    "non-utf8.yaml": ("broken/non-utf8.yaml", "not UTF-8"),
    "duplicate-ids.yaml": (
        "broken/duplicate-ids.yaml",
        "entry 'plumbers' (#2)",
        "field 'id'",
        "duplicate id",
    ),
    "missing-source.yaml": (
        "broken/missing-source.yaml",
        "entry 'plumbers'",
        "field 'age.source'",
        "missing",
    ),
    "wrong-type.yaml": (
        "broken/wrong-type.yaml",
        "entry 'plumbers'",
        "field 'pay.annual_mean'",
        "'lots'",
    ),
    "unknown-similar-id.yaml": (
        "broken/unknown-similar-id.yaml",
        "entry 'plumbers'",
        "field 'similar.ids'",
        "'no-such-job'",
    ),
    "alias-clash.yaml": (
        "broken/alias-clash.yaml",
        "entry 'pipefitter-curated'",
        "field 'aliases'",
        "'pipe fixers'",
    ),
    # Two broken layers at once: every problem is listed, not just the first.
    "negative-wage.yaml:shares-over-100.yaml": (
        "2 problems",
        "broken/negative-wage.yaml",
        "field 'pay.annual_median'",
        "broken/shares-over-100.yaml",
        "field 'demographics.race'",
    ),
}


def _data_path(spec: str) -> str:
    # Relative to the bot's working directory (the repository root), as an admin would write it;
    # the mini layer first, so a broken file is one layer among good ones.
    files = [str((BROKEN / name).relative_to(ROOT)) for name in spec.split(":")]
    return ":".join([str(MINI.relative_to(ROOT)), *files])


def test_the_corpus_is_what_these_tests_expect() -> None:
    for spec in EXPECTED:
        for name in spec.split(":"):
            assert (BROKEN / name).is_file(), name
    assert len({n for s in EXPECTED for n in s.split(":")}) >= 4


Ran = dict[str, tuple[BotProcess, int, float]]


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeDiscord, Ran]]:
    """Every case run once against one fake: the first alone (it warms the data cache), the
    rest side by side. Yields the fake and, per case, the process, its exit code and run time."""
    # The session's shared data cache (see test_faults.py): warm when other e2e modules ran.
    cache = tmp_path_factory.getbasetemp() / "career-bot-hardening-cache"
    cache.mkdir(exist_ok=True)
    results: Ran = {}
    with FakeDiscord() as fake:

        def start(spec: str) -> tuple[BotProcess, float]:
            env = {
                "CAREER_BOT_DATA": _data_path(spec),
                "CAREER_BOT_CACHE_DIR": str(cache),
                "LOG_LEVEL": "DEBUG",  # the most talkative the bot gets
                "DISCORD_GUILD_ID": "",
                "SHARD_COUNT": "",
                "SHARD_IDS": "",
            }
            return BotProcess(fake, env=env).start(), time.perf_counter()

        specs = list(EXPECTED)
        first, *rest = specs
        batches = [[first], rest]
        try:
            for batch in batches:
                started = {spec: start(spec) for spec in batch}
                for spec, (bot, t0) in started.items():
                    code = bot.wait_exit(60)
                    results[spec] = (bot, code, time.perf_counter() - t0)
        finally:
            for bot, *_ in results.values():
                bot.stop()
        yield fake, results


@pytest.mark.parametrize("spec", list(EXPECTED))
def test_broken_data_exits_1_naming_file_entry_and_field(
    ran: tuple[FakeDiscord, Ran], spec: str
) -> None:
    _, results = ran
    bot, code, _ = results[spec]
    err = bot.stderr
    assert code == 1, bot.output_tail()
    assert "career-bot: not starting, the data has problems." in err, err
    for words in EXPECTED[spec]:
        assert words in err, f"{words!r} not on stderr:\n{err}"
    assert "Traceback" not in bot.output, bot.output_tail()
    bot.assert_token_not_leaked()


def test_nothing_reached_discord(ran: tuple[FakeDiscord, Ran]) -> None:
    """Not one of the refused bots connected: no gateway connection (no IDENTIFY), no REST."""
    fake, results = ran
    assert results and all(code == 1 for _, code, _ in results.values())
    assert fake.connections == []
    assert fake.requests == []
    assert fake.sessions == []
    fake.assert_clean()
    slowest = max(t for *_, t in results.values())
    print(f"\nrefused {len(results)} broken data sets; slowest exit after {slowest:.1f} s")
