"""SQLite persistence: one lock-protected connection and one module of queries per entity."""

from kiosk.sandbox.store.db import Store, dumps, loads

__all__ = ["Store", "dumps", "loads"]
