"""career-bot benchmarks (a development package: run from the repository root, never shipped).

    python -m benchmarks [--quick] [--json PATH | --json -] [--skip-e2e]

Modules: :mod:`.stats` (percentiles, GC and CPU diagnostics), :mod:`.inputs` (the query set and
data layers), :mod:`.plan` (how much to run), :mod:`.startup` (fresh processes from spawn to
index built; :mod:`.startup_child` is the process), :mod:`.matcher` (autocomplete, resolve and
the naive baseline), :mod:`.render` (views and rendering), :mod:`.e2e` (through the fake
Discord), :mod:`.report` (targets and the table), :mod:`.run` (all of it), :mod:`.combine`
(medians over several runs). They time public entry points, or the loader's explicit timing
hooks (:mod:`bot.timing`), never private names.
"""
