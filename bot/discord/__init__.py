"""The Discord adapter: slash commands over the core's answers.

Thin by design: it resolves what was typed (``bot.matching``), builds the view (``bot.answers``),
renders it (``bot.render.embeds``) and sends it. Every word of an answer comes from the core.

Modules (imports flow one way: app → cogs → answering/views → common):
:mod:`.app` (``create_bot``, logging, ``run_bot``), :mod:`.client` (``CareerBot``, a sharded
``commands.Bot``), :mod:`.cogs` (``CareerCog`` and ``InfoCog``, each holding the answers it
serves), :mod:`.answering` (resolve → answer flow), :mod:`.views` (page buttons, pick list),
:mod:`.autocomplete`, :mod:`.info` (the /help, /about, /invite embeds), :mod:`.errors` (the
tree's one error handler), :mod:`.sync` (command sync only when the commands changed),
:mod:`.common`.
"""
