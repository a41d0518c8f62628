"""The Discord adapter: slash commands over the core's answers.

Thin by design: it resolves what was typed (``bot.matching``), builds the view (``bot.answers``),
renders it (``bot.render.embeds``) and sends it. Every word of an answer comes from the core.

Modules: :mod:`.app` (client, start-up, ``run_bot``), :mod:`.commands` (the slash commands),
:mod:`.answering` (resolve → answer flow), :mod:`.views` (page buttons, pick list),
:mod:`.autocomplete`, :mod:`.info` (/help, /about, /invite), :mod:`.errors` (one error handler),
:mod:`.sync` (command sync only when the commands changed), :mod:`.common`.
"""
