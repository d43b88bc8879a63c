"""Intakes and visits (walk-ins and appointments) and the queries the queue needs."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from kiosk.sandbox.store.db import dumps, loads, row_by_number

PENDING, CONFIRMED, IN_PROGRESS, COMPLETED, CANCELLED = 10, 20, 25, 30, 40
OPEN_STATUSES = (PENDING, CONFIRMED, IN_PROGRESS)
WALKIN, SCHEDULED = 1, 2


def intake(conn: sqlite3.Connection, intake_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM intakes WHERE id = ?", (intake_id,)).fetchone()


def create_intake(conn: sqlite3.Connection, user_id: int, doc: dict[str, Any], now: int) -> str:
    intake_id = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO intakes VALUES (?,?,?,?,?)", (intake_id, user_id, dumps(doc), now, now)
    )
    return intake_id


def save_intake(conn: sqlite3.Connection, intake_id: str, doc: dict[str, Any], now: int) -> None:
    sql = "UPDATE intakes SET doc = ?, modified = ? WHERE id = ?"
    conn.execute(sql, (dumps(doc), now, intake_id))


def intake_doc(row: sqlite3.Row) -> dict[str, Any]:
    return dict(loads(row["doc"], {}))


def visit(conn: sqlite3.Connection, visit_id: int | str) -> sqlite3.Row | None:
    return row_by_number(conn, "visits", visit_id)


def insert_visit(conn: sqlite3.Connection, **columns: Any) -> sqlite3.Row:
    names = ", ".join(f'"{n}"' for n in columns)
    marks = ", ".join("?" for _ in columns)
    cur = conn.execute(f"INSERT INTO visits ({names}) VALUES ({marks})", tuple(columns.values()))
    row = visit(conn, cur.lastrowid or 0)
    assert row is not None
    return row


def update_visit(conn: sqlite3.Connection, visit_id: int, **columns: Any) -> sqlite3.Row:
    sets = ", ".join(f'"{n}" = ?' for n in columns)
    conn.execute(f"UPDATE visits SET {sets} WHERE id = ?", (*columns.values(), visit_id))
    row = visit(conn, visit_id)
    assert row is not None
    return row


def visits_of_member(conn: sqlite3.Connection, member_id: int) -> list[sqlite3.Row]:
    sql = "SELECT * FROM visits WHERE member_id = ? ORDER BY start DESC, id DESC"
    return conn.execute(sql, (member_id,)).fetchall()


def visits_of_provider(conn: sqlite3.Connection, provider_id: int) -> list[sqlite3.Row]:
    sql = "SELECT * FROM visits WHERE provider_id = ? ORDER BY start DESC, id DESC"
    return conn.execute(sql, (provider_id,)).fetchall()


def current_of_member(conn: sqlite3.Connection, member_id: int) -> sqlite3.Row | None:
    sql = (
        "SELECT * FROM visits WHERE member_id = ? AND status IN (?, ?)"
        " ORDER BY modified DESC, id DESC LIMIT 1"
    )
    return conn.execute(sql, (member_id, PENDING, IN_PROGRESS)).fetchone()


def waiting(conn: sqlite3.Connection, now: int, room_code: str | None = None) -> list[sqlite3.Row]:
    """Visits waiting in a queue whose patient's heartbeat is fresh, first come first served."""
    sql = (
        "SELECT v.* FROM visits v JOIN heartbeats h ON h.user_id = v.member_id"
        " WHERE v.status = ? AND h.last_connected + h.heartbeat >= ?"
    )
    args: list[Any] = [PENDING, now]
    if room_code is not None:
        sql += " AND v.room_code = ?"
        args.append(room_code)
    return conn.execute(sql + " ORDER BY v.queued_at, v.id", args).fetchall()


def bookings_between(conn: sqlite3.Connection, start: int, end: int) -> list[sqlite3.Row]:
    sql = (
        'SELECT provider_id, start, "end" FROM visits WHERE provider_id IS NOT NULL'
        ' AND status IN (?, ?, ?) AND start < ? AND "end" > ?'
    )
    return conn.execute(sql, (*OPEN_STATUSES, end, start)).fetchall()


def average_visit_time(conn: sqlite3.Connection, room_code: str) -> int | None:
    """Mean length in seconds of the room's completed calls, or None when there are none."""
    sql = (
        "SELECT AVG(actual_end - actual_start) FROM visits WHERE room_code = ? AND status = ?"
        " AND actual_start IS NOT NULL AND actual_end IS NOT NULL"
    )
    value = conn.execute(sql, (room_code, COMPLETED)).fetchone()[0]
    return None if value is None else round(value)


def loads_payment(row: sqlite3.Row) -> dict[str, Any] | None:
    return loads(row["payment"]) if row["payment"] else None
