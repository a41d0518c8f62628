"""The architecture: the core never imports discord (YAML → Dataset → Matcher → Comparison stays
pure Python), data flows one way through the layers, and no module imports itself in a circle."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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


def test_import_contracts_are_kept() -> None:
    """pyproject.toml's [tool.importlinter] contracts: the discord-free core, the layers, and no
    circles (``lint-imports`` shows the same)."""
    code = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


MAX_FUNCTION_LINES = 60  # a function this long is several functions


def test_every_function_in_bot_is_shorter_than_60_lines() -> None:
    """From ``def`` to its last line (docstring included, decorators not)."""
    too_long = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines >= MAX_FUNCTION_LINES:
                    where = path.relative_to(ROOT)
                    too_long.append(f"{where}:{node.lineno} {node.name}() is {lines} lines")
    assert not too_long, "\n".join(too_long)


def test_every_module_of_bot_is_in_a_layer() -> None:
    """A new module or package goes into a layer of the contract, so that it is checked too."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [
        c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"
    ]
    named = {name for layer in layers for name in re.split(r"[|:]", layer.replace(" ", ""))}
    modules = {
        f"bot.{p.stem if p.suffix == '.py' else p.name}"
        for p in (ROOT / "bot").iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()
    }
    assert modules - named == set(), "add these to a layer in pyproject.toml"
