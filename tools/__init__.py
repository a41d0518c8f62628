"""Maintenance scripts (dataset builder); not part of the installed bot."""
