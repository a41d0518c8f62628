"""``python -m tools.build_data --sources ../shared/data``: rebuild ``data/``."""

import sys

from .cli import main

sys.exit(main())
