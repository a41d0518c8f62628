"""The cogs: each holds the answers it serves and only the Discord side of them.

:class:`CareerCog` (/compare, /salary, /career and their autocomplete), :class:`ExploreCog`
(/top, /explore) and :class:`InfoCog` (/help, /about, /invite).
"""

from .career import CareerCog
from .explore import ExploreCog
from .info import InfoCog

__all__ = ["CareerCog", "ExploreCog", "InfoCog"]
