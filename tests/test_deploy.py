"""The deployment files agree with the bot and with each other: the Dockerfile, .dockerignore,
compose.yaml, the systemd unit and the image workflow.

No container engine or systemd runs here, so the files are parsed and checked for what they
must do (a non-root user, a read-only root, the cache on a volume, the lock file with hashes, a
health check on /healthz, SIGTERM with enough time to drain). Where ``systemd-analyze`` is
installed, it verifies the unit too (unknown keys, bad values).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
import yaml

from bot.discord.lifecycle import DRAIN_SECONDS
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "deploy" / "career-bot.service"
WORKFLOW = ROOT / ".github" / "workflows" / "image.yml"
#: Variables the deployment files may set that are not the bot's settings.
RUNTIME_VARS = {
    "PATH",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONUNBUFFERED",
    "MPLCONFIGDIR",
    "XDG_CACHE_HOME",
}
STOP_SECONDS = 10.0  # the promise: the bot exits within 10 s of SIGTERM


def settings_names() -> set[str]:
    """The bot's settings: every ``NAME=`` line of .env.example."""
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", text, flags=re.M))


# --------------------------------------------------------------------------- Dockerfile


def dockerfile() -> list[tuple[str, str]]:
    """``(INSTRUCTION, arguments)`` pairs, continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue  # a comment inside a continued instruction
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        word, _, rest = (pending + line).partition(" ")
        out.append((word.upper(), " ".join(rest.split())))
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued line"
    return out


def stages() -> list[list[tuple[str, str]]]:
    result: list[list[tuple[str, str]]] = []
    for ins in dockerfile():
        if ins[0] == "FROM":
            result.append([])
        if result:
            result[-1].append(ins)
    return result


def env_of(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for word, args in stage:
        if word == "ENV":
            env.update(re.findall(r"([A-Z_][A-Z0-9_]*)=(\S+)", args))
    return env


def test_the_image_builds_from_a_slim_python_that_matches_the_lock_file() -> None:
    args = dict(re.findall(r"^ARG (\w+)=(\S+)", (ROOT / "Dockerfile").read_text(), flags=re.M))
    image = args["PYTHON_IMAGE"]
    assert re.fullmatch(r"python:3\.\d+-slim(-\w+)?", image), image
    locked = re.search(r"with Python (3\.\d+)", (ROOT / "requirements.lock").read_text())
    assert locked and image.startswith(f"python:{locked.group(1)}-"), (image, locked)
    assert all(
        stage[0] == ("FROM", "${PYTHON_IMAGE}" + s)
        for stage, s in zip(stages(), (" AS build", ""), strict=True)
    )


def test_the_image_installs_the_locked_dependencies_with_hashes_and_no_dev_tools() -> None:
    runs = " ".join(a for w, a in stages()[0] if w == "RUN")
    assert "--require-hashes -r requirements.lock" in runs
    assert "--no-deps ." in runs
    assert "requirements-dev.lock" not in (ROOT / "Dockerfile").read_text()
    assert ".[dev" not in runs


def test_what_the_image_copies_exists_and_is_not_ignored() -> None:
    ignored = {
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith(("#", "!"))
    }
    assert {".env", ".git", ".venv"} <= ignored  # the token and bulk stay out of the context
    for word, args in stages()[0]:
        if word == "COPY":
            *sources, _ = args.split()
            for src in sources:
                assert (ROOT / src).exists(), src
                assert PurePosixPath(src).parts[0] not in ignored, src


def image_cache_dir() -> str:
    """Where the bot in the image keeps its cache: the default, ``$XDG_CACHE_HOME/career-bot``
    (:meth:`bot.settings.Settings.cache_path`)."""
    env = env_of(stages()[-1])
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", env["XDG_CACHE_HOME"])
        return str(Settings.from_env({}).cache_path())


def test_the_image_runs_as_a_non_root_user_and_writes_only_to_its_cache_volume() -> None:
    final = stages()[-1]
    words = [w for w, _ in final]
    user = next(a for w, a in final if w == "USER")
    uid = user.split(":")[0]
    assert uid.isdigit() and int(uid) != 0, user
    assert words.index("USER") < words.index("ENTRYPOINT")
    env = env_of(final)
    cache = image_cache_dir()
    assert "CAREER_BOT_CACHE_DIR" not in env  # an empty line in an env file would unset it
    assert env["MPLCONFIGDIR"].startswith(cache + "/")
    assert ("VOLUME", f'["{cache}"]') in final
    assert f"-o career-bot -g career-bot -m 0700 {cache}" in " ".join(
        a for w, a in final if w == "RUN"
    )
    assert set(env) - RUNTIME_VARS <= settings_names(), set(env) - RUNTIME_VARS


def test_the_start_up_cache_is_warmed_at_build_time_as_the_bot_user() -> None:
    final = stages()[-1]
    words = [w for w, _ in final]
    warm = [i for i, (w, a) in enumerate(final) if w == "RUN" and a.startswith("career-bot ")]
    assert warm and all(i > words.index("USER") for i in warm)  # the files belong to the user
    commands = " ".join(final[i][1] for i in warm)
    assert "career-bot check-data" in commands
    assert "career-bot salary" in commands  # Answers.load: the dataset and the matcher index


def test_the_health_check_asks_healthz_on_the_metrics_port() -> None:
    final = stages()[-1]
    check = next(a for w, a in final if w == "HEALTHCHECK")
    assert "/healthz" in check and "METRICS_PORT" in check
    assert "--start-period=" in check
    port = env_of(final)["METRICS_PORT"]
    assert ("EXPOSE", port) in final
    assert ("ENTRYPOINT", '["career-bot"]') in final and ("CMD", '["run"]') in final


# --------------------------------------------------------------------------- compose.yaml


def compose_service() -> dict[str, object]:
    doc = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    services = doc["services"]
    assert list(services) == ["career-bot"]
    assert "cache" in doc["volumes"]
    service: dict[str, object] = services["career-bot"]
    return service


def seconds(duration: str) -> float:
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h)", duration)
    assert parts and "".join(n + u for n, u in parts) == duration, duration
    return sum(float(n) * units[u] for n, u in parts)


def test_compose_restarts_reads_env_and_keeps_the_root_read_only() -> None:
    service = compose_service()
    assert service["restart"] in ("unless-stopped", "always", "on-failure")
    assert service["env_file"] == ".env"
    assert service["read_only"] is True
    assert "/tmp" in service["tmpfs"]  # type: ignore[operator]
    assert service["init"] is True  # SIGTERM reaches the bot even while it loads
    assert service["cap_drop"] == ["ALL"]
    assert "no-new-privileges:true" in service["security_opt"]  # type: ignore[operator]


def test_compose_keeps_the_cache_on_a_volume_where_the_image_expects_it() -> None:
    service = compose_service()
    assert f"cache:{image_cache_dir()}" in service["volumes"]  # type: ignore[operator]
    env = service["environment"]
    assert isinstance(env, dict)
    assert "CAREER_BOT_CACHE_DIR" not in env
    assert set(env) - RUNTIME_VARS <= settings_names()
    port = env["METRICS_PORT"]
    assert service["ports"] == [f"127.0.0.1:{port}:{port}"]  # metrics stay on the host


def test_compose_gives_the_bot_time_to_drain_on_sigterm() -> None:
    service = compose_service()
    assert service.get("stop_signal", "SIGTERM") == "SIGTERM"
    grace = seconds(str(service["stop_grace_period"]))
    assert grace > STOP_SECONDS > DRAIN_SECONDS


# --------------------------------------------------------------------------- systemd


def unit() -> list[tuple[str, str, str]]:
    """``(section, key, value)`` for every setting (keys may repeat, as systemd allows)."""
    section, out = "", []
    for raw in UNIT.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        out.append((section, key.strip(), value.strip()))
    return out


def unit_values(key: str) -> list[str]:
    return [v for s, k, v in unit() if k == key and s == "Service"]


def test_the_unit_runs_the_bot_hardened_with_its_state_folder() -> None:
    one = {k: v for s, k, v in unit() if s == "Service"}
    assert one["ExecStart"].endswith("/career-bot run")
    assert one["DynamicUser"] == "yes"
    assert one["ProtectSystem"] == "strict"
    assert one["Restart"] == "on-failure"
    for key in (
        "NoNewPrivileges",
        "PrivateTmp",
        "PrivateDevices",
        "ProtectHome",
        "ProtectKernelTunables",
        "ProtectKernelModules",
        "ProtectControlGroups",
        "RestrictSUIDSGID",
        "LockPersonality",
        "MemoryDenyWriteExecute",
    ):
        assert one[key] == "yes", key
    assert one["CapabilityBoundingSet"] == ""
    state = one["StateDirectory"]
    env = dict(v.split("=", 1) for e in unit_values("Environment") for v in e.split())
    with pytest.MonkeyPatch.context() as mp:  # the cache: the only writable folder
        mp.setenv("XDG_CACHE_HOME", env["XDG_CACHE_HOME"])
        assert str(Settings.from_env({}).cache_path()) == f"%S/{state}"
    assert env["MPLCONFIGDIR"].startswith(f"%S/{state}/")
    assert set(env) - RUNTIME_VARS <= settings_names()
    assert one["StateDirectoryMode"] == "0700"  # the cache refuses a folder others may write


def test_the_unit_gives_the_bot_time_to_drain_on_sigterm() -> None:
    one = {k: v for s, k, v in unit() if s == "Service"}
    assert one.get("KillSignal", "SIGTERM") == "SIGTERM"
    assert seconds(one["TimeoutStopSec"]) > STOP_SECONDS


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not here")
def test_systemd_analyze_verifies_the_unit(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("career-bot")
    assert exe.exists(), exe
    text = UNIT.read_text(encoding="utf-8").replace("/opt/career-bot/bin/career-bot", str(exe))
    copy = tmp_path / UNIT.name
    copy.write_text(text, encoding="utf-8")
    done = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60
    )
    problems = [line for line in done.stderr.splitlines() if UNIT.name in line]
    assert done.returncode == 0 and not problems, done.stderr


# --------------------------------------------------------------------------- the workflow


def test_the_workflow_builds_the_image_and_runs_the_bot_inside_it() -> None:
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request"} <= set(triggers)
    steps = [s for job in doc["jobs"].values() for s in job["steps"]]
    uses = [s.get("uses", "") for s in steps]
    build = next(i for i, u in enumerate(uses) if u.startswith("docker/build-push-action@"))
    assert steps[build]["with"]["load"] is True
    tag = steps[build]["with"]["tags"]
    runs = [str(s.get("run", "")) for s in steps[build + 1 :]]
    assert any(f"{tag} check-data" in r for r in runs), runs
    assert any(f"{tag} --version" in r for r in runs), runs
    assert "VERSION=" in steps[build]["with"]["build-args"]  # the image reports this commit
