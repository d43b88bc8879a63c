"""The waiting-room queue of a room: only patients with a fresh heartbeat count (doc)."""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.sandbox.store import clinic, loads
from kiosk.sandbox.store import visits as visit_rows


def queue_status(
    conn: sqlite3.Connection, room: sqlite3.Row, now: int, caller_id: int | None
) -> dict[str, Any]:
    """``length``, ``capacity``, ``average_visit_time`` (s) and ``before_me``.

    ``average_visit_time`` is the mean of the room's completed calls, or the account's
    ``waiting_room.average_visit_time`` before any call has completed. ``before_me`` counts
    alive patients queued ahead of the caller's own waiting visit (0 without a caller).
    """
    waiting = visit_rows.waiting(conn, now, room["code"])
    account = clinic.account(conn, room["account_code"])
    waiting_room = loads(account["doc"], {}).get("waiting_room", {}) if account else {}
    average = visit_rows.average_visit_time(conn, room["code"])
    if average is None:
        average = int(waiting_room.get("average_visit_time", 900))
    before_me = 0
    if caller_id is not None:
        for index, row in enumerate(waiting):
            if row["member_id"] == caller_id:
                before_me = index
                break
    return {
        "length": len(waiting),
        "capacity": int(waiting_room.get("capacity", 100)),
        "average_visit_time": average,
        "before_me": before_me,
    }
