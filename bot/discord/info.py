"""The embeds for /help, /about and /invite (the answers that are about the bot, not the data)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import discord
from discord import app_commands

from .. import __version__
from ..dataset import Dataset
from ..render import limits
from ..render.embeds import esc
from ..text import clip

COLOUR = 0x5865F2
SCOPES = ("bot", "applications.commands")

#: The bot only ever speaks through interaction responses and their follow-ups/edits. Those go
#: through the interaction's own webhook token, which Discord accepts whatever the channel's
#: permissions are, so the invite asks for no permissions at all: nothing to trust it with,
#: and no managed role cluttering a server's role list.
INVITE_PERMISSIONS = discord.Permissions.none()

TIPS = (
    "Start typing a job title and pick from the list, or type any name and press Enter.",
    "Other names and abbreviations work too, e.g. “software engineer” or “RN”.",
    "If a name could mean several professions, I ask which one (only you see the question).",
    "In `/compare`, the buttons below the answer switch between its sections.",
)


AnyCommand = app_commands.Command[Any, ..., Any]


def _signature(cmd: AnyCommand) -> str:
    params = " ".join(
        f"`{p.display_name}`" if p.required else f"[`{p.display_name}`]" for p in cmd.parameters
    )
    return f"/{cmd.name} {params}".rstrip()


def help_embed(commands: Iterable[AnyCommand]) -> discord.Embed:
    """One field per command, described by the command's own description (so they never differ)."""
    embed = discord.Embed(
        title="career-bot: help",
        description="Career answers from public US data: pay, outlook, education, skills and "
        "who does the job.",
        colour=COLOUR,
    )
    for cmd in commands:
        embed.add_field(name=_signature(cmd), value=cmd.description, inline=False)
    embed.add_field(name="Tips", value="\n".join(f"• {t}" for t in TIPS), inline=False)
    embed.set_footer(text="Where the figures come from: /about")
    return embed


_ONET_RELEASE = re.compile(r"O\*NET\s+(\d+(?:\.\d+)?)")


def onet_attribution(sources: Sequence[str]) -> str:
    """O*NET's required attribution (CC BY 4.0), naming the release the data uses."""
    release = next((m.group(1) for s in sources if (m := _ONET_RELEASE.search(s))), None)
    database = f"O\\*NET {release} Database" if release else "O\\*NET Database"
    return (
        f"This bot includes information from the {database} by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
        "O\\*NET® is a trademark of USDOL/ETA."
    )


def _bullets(items: Sequence[str], limit: int) -> str:
    """``• item`` lines that fit in ``limit`` characters, then "• … and N more"."""
    lines: list[str] = []
    for n, item in enumerate(items):
        left = len(items) - n  # not shown yet, this one included
        line = f"• {esc(item)}"
        room = len(f"\n• … and {left - 1} more") if left > 1 else 0
        if len("\n".join([*lines, line])) + room > limit:
            lines.append(f"• … and {left} more")
            break
        lines.append(line)
    return clip("\n".join(lines), limit) or "—"


def about_embed(
    dataset: Dataset, privacy_url: str | None = None, terms_url: str | None = None
) -> discord.Embed:
    sources = dataset.sources()
    curated = sum(p.curated for p in dataset)
    embed = discord.Embed(
        title="About career-bot",
        description="Answers career questions (pay, outlook, education, skills, demographics) "
        "from public US labour data. Every figure names its source and release.",
        colour=COLOUR,
    )
    embed.add_field(
        name="Data",
        value=f"{len(dataset):,} professions ({curated:,} curated career profiles)",
        inline=False,
    )
    embed.add_field(
        name="Sources and releases", value=_bullets(sources, limits.FIELD_VALUE), inline=False
    )
    embed.add_field(name="Attribution", value=onet_attribution(sources), inline=False)
    embed.add_field(name="Your data", value=policy_lines(privacy_url, terms_url), inline=False)
    embed.set_footer(text=f"career-bot {__version__} · discord.py {discord.__version__}")
    return embed


def invite_url(client_id: int) -> str:
    """The link that adds the bot to a server (its admins choose which)."""
    url = discord.utils.oauth_url(client_id, permissions=INVITE_PERMISSIONS, scopes=SCOPES)
    return f"{url}&integration_type=0"


def user_install_url(client_id: int) -> str:
    """The link that adds the app to a person's own account: its commands then work in their
    DMs, group DMs and any server that allows external apps."""
    url = discord.utils.oauth_url(client_id, scopes=("applications.commands",))
    return f"{url}&integration_type=1"


def invite_message(client_id: int) -> tuple[discord.Embed, discord.ui.View]:
    url = invite_url(client_id)
    embed = discord.Embed(
        title="Add career-bot",
        description=(
            "**To a server**: the first button (you need the *Manage Server* permission there). "
            "The bot asks for no permissions: it only answers slash commands.\n"
            "**To your account**: the second button; then its commands work for you in DMs "
            "and in servers that allow external apps."
        ),
        colour=COLOUR,
        url=url,
    )
    view = discord.ui.View(timeout=None)
    view.add_item(discord.ui.Button(label="Add to a server", url=url))
    view.add_item(discord.ui.Button(label="Add to my apps", url=user_install_url(client_id)))
    return embed, view


KEPT = (
    "career-bot stores nothing about you. Its operator's logs record commands and errors, "
    "which can include your user id."
)


def policy_lines(privacy_url: str | None, terms_url: str | None) -> str:
    """The /about lines on what is kept, with the operator's privacy policy and terms if set."""
    links = [
        f"[{name}]({url})"
        for name, url in (("Privacy policy", privacy_url), ("Terms of service", terms_url))
        if url
    ]
    return KEPT + ("\n" + " · ".join(links) if links else "")


__all__ = [
    "INVITE_PERMISSIONS",
    "about_embed",
    "help_embed",
    "invite_message",
    "invite_url",
    "onet_attribution",
    "policy_lines",
    "user_install_url",
]
