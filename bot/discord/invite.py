"""``career-bot invite``: the two install links, printed without the bot being online.

The Application ID is all a link needs: from ``--id``, else ``DISCORD_APPLICATION_ID``, else the
bot token, whose first part is the bot's user id (which is its application's id for every bot
made since 2019) in base64.
"""

from __future__ import annotations

import base64
import binascii
import sys

from ..exitcodes import ExitCode
from ..settings import SNOWFLAKE, Settings
from .info import invite_url, user_install_url

NO_ID = (
    "career-bot: no Application ID. Pass --id (Developer Portal → your application → General "
    "Information → Application ID), or set DISCORD_APPLICATION_ID or DISCORD_TOKEN."
)


def id_from_token(token: str | None) -> int | None:
    """The bot's user id encoded in its token; None if the token does not carry one."""
    head = (token or "").split(".", 1)[0]
    try:
        text = base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(text) if text.isdigit() and int(text) in SNOWFLAKE else None


def print_invite_links(settings: Settings, application_id: int | None = None) -> int:
    app_id = application_id or settings.application_id or id_from_token(settings.token)
    if app_id is None:
        print(NO_ID, file=sys.stderr)
        return ExitCode.ERROR
    print(
        f"Add to a server (its admins pick which; no permissions asked):\n  {invite_url(app_id)}\n"
        f"Add to your own account (commands in your DMs and in servers that allow external "
        f"apps):\n  {user_install_url(app_id)}"
    )
    return ExitCode.OK
