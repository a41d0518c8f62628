"""Run an unmodified discord.py bot against the fake Discord.

    python fake_discord/launcher.py --api http://127.0.0.1:PORT/api/v10 \\
        --gateway ws://127.0.0.1:PORT/ -- <module> [args...]

Sets exactly two things in discord.py, then runs ``<module>`` as ``python -m <module> [args...]``
would (``runpy.run_module(module, run_name="__main__", alter_sys=True)``, ``sys.argv[1:] = args``,
the working directory first on ``sys.path``):

* ``discord.http.Route.BASE`` (a str; REST and webhook/interaction requests are built from it);
* ``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`` (a ``yarl.URL`` in discord.py 2.x).

Nothing else is patched. Without a module, it runs ``bot run`` (the real bot; it reads
DISCORD_TOKEN from the environment).
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys

DEFAULT_COMMAND = ["bot", "run"]


def configure(api: str, gateway: str) -> None:
    """Point discord.py at the fake: the only two changes made to the library."""
    import discord.gateway
    import discord.http
    import yarl

    discord.http.Route.BASE = api.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    own, command = (
        (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    )
    parser = argparse.ArgumentParser(prog="launcher.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--api", required=True, help="REST base, e.g. http://127.0.0.1:PORT/api/v10"
    )
    parser.add_argument("--gateway", required=True, help="gateway URL, e.g. ws://127.0.0.1:PORT/")
    ns = parser.parse_args(own)
    module, args = (
        (command[0], command[1:]) if command else (DEFAULT_COMMAND[0], DEFAULT_COMMAND[1:])
    )

    configure(ns.api, ns.gateway)
    print(
        f"fake-discord launcher: running {module} {' '.join(args)} against {ns.api} / {ns.gateway}",
        file=sys.stderr,
        flush=True,
    )
    # Exactly like `python -m`: the working directory, not this file's folder, heads sys.path.
    sys.path[0] = os.getcwd()
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
