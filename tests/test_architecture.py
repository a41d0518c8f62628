"""The core never imports discord: YAML → Dataset → Matcher → Comparison stays pure Python."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "bot.model",
    "bot.dataset",
    "bot.matching",
    "bot.comparison",
    "bot.answers",
    "bot.format",
    "bot.messages",
    "bot.settings",
    "bot.cache",
    "bot.render.text",
    "bot.render.limits",
]


def test_core_and_console_text_do_not_import_discord() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + (
            "bad = sorted(m for m in sys.modules if m == 'discord' or m.startswith('discord.'))\n"
            "assert not bad, bad\n"
        )
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
