from fake_discord.fixtures import discord_spec, fake_discord, launch_bot  # noqa: F401
