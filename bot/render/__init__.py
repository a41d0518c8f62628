"""View model → Discord embeds (``embeds``) or terminal text (``text``)."""
