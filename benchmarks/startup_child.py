"""One start-up, as the bot does it, timed: ``python -m benchmarks.startup_child EXTRA [CACHE]``.

``EXTRA`` is a JSON list of data layers, ``CACHE`` the start-up cache folder. Prints one JSON
line: clock readings (``time.monotonic()``, the parent's clock too), the seconds spent in each
phase the loader marks (:mod:`bot.timing`), memory, and what was loaded. Imports nothing else
of the benchmarks, so that only the bot's own imports are timed.
"""

from __future__ import annotations

import time

T_MAIN = time.monotonic()

import json  # noqa: E402 - imported after the clock starts, like everything below
import resource  # noqa: E402
import sys  # noqa: E402

PHASES = ("load_dataset", "yaml_parse", "validation", "link_checks", "cache_read", "cache_write")


def rss_mb() -> dict[str, float]:
    out = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return out


def main(argv: list[str]) -> dict[str, object]:
    from bot import timing
    from bot.answers import Answers

    t_imported = time.monotonic()
    rss_imported = rss_mb()
    spent = dict.fromkeys(PHASES, 0.0)

    def add(name: str, seconds: float) -> None:
        spent[name] = spent.get(name, 0.0) + seconds

    timing.listen(add)
    extra = json.loads(argv[0])
    cache_dir = argv[1] if len(argv) > 1 else None
    t_load = time.monotonic()
    answers = Answers.load(extra=extra, cache_dir=cache_dir)
    t_indexed = time.monotonic()
    rss_loaded = rss_mb()
    professions = answers.dataset.professions
    return {
        "t_main": T_MAIN,
        "t_imported": t_imported,
        "t_load": t_load,
        "t_indexed": t_indexed,
        "spent": spent,
        "cache": cache_dir is not None,
        "rss_imported_mb": rss_imported.get("VmRSS"),
        "rss_loaded_mb": rss_loaded.get("VmRSS"),
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "professions": len(professions),
        "aliases": sum(len(p.aliases) for p in professions),
        "keys": len(answers.matcher.keys),
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
