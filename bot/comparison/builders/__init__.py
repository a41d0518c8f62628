"""Sheet builders, one per command: ``compare``, ``salary`` and ``career``."""
