"""What is installed and how: the ``bot`` package and its data (never the development packages),
lock files that pin what ``pyproject.toml`` declares, a changelog with its releases tagged."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import tomllib
from pathlib import Path, PurePosixPath

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]

DEV_ONLY = {"tests", "benchmarks", "fake_discord", "tools"}


def test_the_wheel_holds_the_bot_and_not_the_development_packages() -> None:
    files = importlib.metadata.files("career-bot") or []
    tops = {PurePosixPath(str(f)).parts[0] for f in files if not str(f).startswith("..")}
    assert "bot" in tops
    assert not tops & DEV_ONLY, sorted(tops & DEV_ONLY)


def test_the_development_packages_import_from_the_repository_root() -> None:
    import benchmarks.run
    import fake_discord.server

    assert callable(benchmarks.run.main) and callable(fake_discord.server.FakeDiscord)


def _pins(path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith((" ", "#")):
            pins[canonicalize_name(name)] = version.split()[0]
    return pins


def test_the_lock_files_pin_every_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(r) for r in project["dependencies"]]
    dev = runtime + [Requirement(r) for r in project["optional-dependencies"]["dev"]]
    for lock, wanted in (("requirements.lock", runtime), ("requirements-dev.lock", dev)):
        pins = _pins(ROOT / lock)
        for req in wanted:
            name = canonicalize_name(req.name)
            assert name in pins, f"{lock} does not pin {req.name}: regenerate it (CONTRIBUTING.md)"
            assert req.specifier.contains(pins[name], prereleases=True), (
                f"{lock}: {req} {pins[name]}"
            )
    assert not {"pytest", "mypy", "ruff"} & set(_pins(ROOT / "requirements.lock"))


RELEASE = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$")


def test_the_changelog_has_an_unreleased_section_then_releases_newest_first() -> None:
    headings = [
        line
        for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("## ")
    ]
    assert headings[0] == "## [Unreleased]"
    releases = []
    for heading in headings[1:]:
        match = RELEASE.match(heading)
        assert match, f"a release heading is '## [X.Y.Z] - YYYY-MM-DD', not {heading!r}"
        releases.append(Version(match[1]))
    assert releases == sorted(releases, reverse=True)
    tags = subprocess.run(
        ["git", "tag", "--list", "v*"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    if tags:  # a shallow clone may have none: the version then falls back (CONTRIBUTING.md)
        assert {f"v{v}" for v in releases} <= set(tags), "every release is tagged vX.Y.Z"
