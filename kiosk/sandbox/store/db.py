"""The sandbox's single SQLite connection, guarded by a lock; transactions are short by design."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.sandbox.store.schema import SCHEMA


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def loads(text: str | None, default: Any = None) -> Any:
    return default if text is None else json.loads(text)


def row_by_number(conn: sqlite3.Connection, table: str, row_id: int | str) -> sqlite3.Row | None:
    """The row of ``table`` (one of ours, never input) whose integer id is ``row_id``; None when
    ``row_id`` (a path segment, say) is not a number or no such row exists."""
    try:
        number = int(row_id)
    except (TypeError, ValueError):
        return None
    return conn.execute(f"SELECT * FROM {table} WHERE id = ?", (number,)).fetchone()


class Store:
    """Owns the connection. Handlers run on the server's event loop, the provider simulator and
    tests may call from other threads, so every use goes through ``tx()`` (one lock, one
    transaction, committed on success and rolled back on any exception — a failed request
    leaves the database as it was)."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        if self.path != ":memory:":
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.executescript(SCHEMA)
        self._depth = 0

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction (nested calls join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def close(self) -> None:
        with self._lock:
            self._conn.close()
