"""``ConfigError``: a config problem, worded as one line (the launcher prints it and exits 2).

Its own module so the launcher can catch it before pydantic is imported (after the first
paint); ``kiosk.config`` and ``kiosk.settings_sources`` re-export it.
"""

from __future__ import annotations


class ConfigError(Exception):
    """A config problem, worded as one line that names the file and the key."""
