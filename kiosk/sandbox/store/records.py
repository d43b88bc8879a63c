"""Health records (EMR), pharmacies, prescriptions, notifications and push endpoints."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from kiosk.sandbox.store.db import dumps, loads

EMR_NAMES = (
    "conditions",
    "surgeries",
    "allergies",
    "medications",
    "family_conditions",
    "social_history",
    "health_habits",
)


def emr(conn: sqlite3.Connection, user_id: int) -> dict[str, Any]:
    sql = "SELECT name, doc FROM emr WHERE user_id = ? ORDER BY name"
    return {row["name"]: loads(row["doc"]) for row in conn.execute(sql, (user_id,))}


def save_emr(conn: sqlite3.Connection, user_id: int, name: str, doc: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO emr VALUES (?,?,?)"
        " ON CONFLICT(user_id, name) DO UPDATE SET doc = excluded.doc",
        (user_id, name, dumps(doc)),
    )


def directory(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [loads(r["doc"]) for r in conn.execute("SELECT doc FROM pharmacy_directory")]


def user_pharmacies(conn: sqlite3.Connection, user_id: int) -> list[tuple[dict[str, Any], bool]]:
    sql = "SELECT doc, is_default FROM user_pharmacies WHERE user_id = ? ORDER BY is_default DESC"
    return [(loads(r["doc"]), bool(r["is_default"])) for r in conn.execute(sql, (user_id,))]


def save_pharmacy(conn: sqlite3.Connection, user_id: int, doc: dict[str, Any]) -> None:
    """Save as the patient's default; any earlier default loses that mark."""
    conn.execute("UPDATE user_pharmacies SET is_default = 0 WHERE user_id = ?", (user_id,))
    conn.execute(
        "INSERT INTO user_pharmacies VALUES (?,?,?,1) ON CONFLICT(user_id, code)"
        " DO UPDATE SET doc = excluded.doc, is_default = 1",
        (user_id, doc["code"], dumps(doc)),
    )


def delete_pharmacy(conn: sqlite3.Connection, user_id: int, code: str) -> bool:
    sql = "DELETE FROM user_pharmacies WHERE user_id = ? AND code = ?"
    return conn.execute(sql, (user_id, code)).rowcount > 0


def prescriptions(conn: sqlite3.Connection, user_id: int, status: str) -> list[dict[str, Any]]:
    sql = "SELECT doc FROM prescriptions WHERE user_id = ? AND lower(status) = lower(?) ORDER BY id"
    return [loads(r["doc"]) for r in conn.execute(sql, (user_id, status))]


def notify(
    conn: sqlite3.Connection, user_id: int, kind: str, title: str, data: dict[str, Any], now: int
) -> str:
    """Add a notification for a user (the sandbox raises them on visit events)."""
    note_id = str(uuid.uuid4())
    mtime = now * 1000 + conn.execute("SELECT COUNT(*) FROM notifications").fetchone()[0] % 1000
    doc = {"type": kind, "title": title, "image": None, "data": data, "time": now}
    conn.execute(
        "INSERT INTO notifications VALUES (?,?,?,1,0,?)", (note_id, user_id, dumps(doc), mtime)
    )
    return note_id


def notification_public(row: sqlite3.Row) -> dict[str, Any]:
    doc = loads(row["doc"], {})
    return {
        "id": row["id"],
        "user_id": str(row["user_id"]),
        "type": doc.get("type"),
        "time": str(doc.get("time")),
        "mtime": row["mtime"],
        "is_new": bool(row["is_new"]),
        "read": bool(row["read"]),
        "title": doc.get("title"),
        "image": doc.get("image"),
        "data": doc.get("data", {}),
    }


def notifications(
    conn: sqlite3.Connection, user_id: int, size: int, before_ms: int | None
) -> list[sqlite3.Row]:
    sql = "SELECT * FROM notifications WHERE user_id = ?"
    args: list[Any] = [user_id]
    if before_ms is not None:
        sql += " AND mtime < ?"
        args.append(before_ms)
    return conn.execute(sql + " ORDER BY mtime DESC LIMIT ?", (*args, size)).fetchall()


def notification(conn: sqlite3.Connection, note_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM notifications WHERE id = ?", (note_id,)).fetchone()


def mark_read(conn: sqlite3.Connection, note_id: str) -> None:
    conn.execute("UPDATE notifications SET read = 1, is_new = 0 WHERE id = ?", (note_id,))


def badge(conn: sqlite3.Connection, user_id: int) -> int:
    sql = "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND is_new = 1"
    return int(conn.execute(sql, (user_id,)).fetchone()[0])


def reset_badge(conn: sqlite3.Connection, user_id: int) -> None:
    conn.execute("UPDATE notifications SET is_new = 0 WHERE user_id = ?", (user_id,))


def endpoint_public(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "key": row["key"],
        "user_id": str(row["user_id"]),
        "type": row["type"],
        "created": row["created"],
        "modified": row["modified"],
    }


def add_endpoint(conn: sqlite3.Connection, user_id: int, key: str, kind: int, now: int) -> str:
    endpoint_id = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO endpoints VALUES (?,?,?,?,?,?)", (endpoint_id, user_id, key, kind, now, now)
    )
    return endpoint_id


def endpoint(conn: sqlite3.Connection, endpoint_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM endpoints WHERE id = ?", (endpoint_id,)).fetchone()


def endpoints(conn: sqlite3.Connection, user_id: int, kind: int | None) -> list[sqlite3.Row]:
    sql, args = "SELECT * FROM endpoints WHERE user_id = ?", [user_id]
    if kind is not None:
        sql += " AND type = ?"
        args.append(kind)
    return conn.execute(sql + " ORDER BY created, id", args).fetchall()


def delete_endpoint(conn: sqlite3.Connection, endpoint_id: str) -> None:
    conn.execute("DELETE FROM endpoints WHERE id = ?", (endpoint_id,))
