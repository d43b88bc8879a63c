"""Accounts, rooms, room membership of providers, and clinic settings."""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.sandbox.store import users
from kiosk.sandbox.store.db import dumps, loads


def account(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM accounts WHERE code = ?", (code,)).fetchone()


def accounts(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM accounts ORDER BY code").fetchall()


def settings(conn: sqlite3.Connection, code: str) -> dict[str, Any]:
    row = account(conn, code)
    return loads(row["settings"], {}) if row else {}


def room(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM rooms WHERE code = ?", (code,)).fetchone()


def rooms(conn: sqlite3.Connection, account_code: str) -> list[sqlite3.Row]:
    sql = "SELECT * FROM rooms WHERE account_code = ? ORDER BY id"
    return conn.execute(sql, (account_code,)).fetchall()


def room_by_slug(conn: sqlite3.Connection, domain: str, slug: str) -> sqlite3.Row | None:
    sql = "SELECT * FROM rooms WHERE domain = ? AND slug = ?"
    return conn.execute(sql, (domain, slug)).fetchone()


def insert_room(
    conn: sqlite3.Connection,
    *,
    code: str,
    account_code: str,
    domain: str,
    slug: str,
    doc: dict[str, Any],
    now: int,
    room_id: int | None = None,
) -> sqlite3.Row:
    conn.execute(
        "INSERT INTO rooms (id, code, account_code, domain, slug, doc, created, modified)"
        " VALUES (?,?,?,?,?,?,?,?)",
        (room_id, code, account_code, domain, slug, dumps(doc), now, now),
    )
    row = room(conn, code)
    assert row is not None
    return row


def provider_ids(conn: sqlite3.Connection, room_code: str) -> list[int]:
    sql = (
        "SELECT u.id FROM user_rooms r JOIN users u ON u.id = r.user_id"
        " WHERE r.room_code = ? AND u.type = ? ORDER BY u.id"
    )
    return [r[0] for r in conn.execute(sql, (room_code, users.PROVIDER))]


def providers(conn: sqlite3.Connection, room_code: str) -> list[sqlite3.Row]:
    return [r for pid in provider_ids(conn, room_code) if (r := users.get(conn, pid))]


def room_public(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """The room object (``GET /rooms/:code``) with live provider ids."""
    ids = [str(i) for i in provider_ids(conn, row["code"])]
    doc = loads(row["doc"], {})
    return {
        **doc,
        "slug": row["slug"],
        "domain": row["domain"],
        "account_code": row["account_code"],
        "users": ",".join(ids),
        "provider_ids": ids,
        "created": row["created"],
        "modified": row["modified"],
        "id": str(row["id"]),
        "code": row["code"],
    }


def room_brief(row: sqlite3.Row) -> dict[str, Any]:
    doc = loads(row["doc"], {})
    return {
        "id": str(row["id"]),
        "code": row["code"],
        "name": doc.get("name", ""),
        "domain": row["domain"],
        "account_code": row["account_code"],
        "slug": row["slug"],
    }


def consultations(row: sqlite3.Row) -> list[dict[str, Any]]:
    return list(loads(row["doc"], {}).get("payment", {}).get("consultations", []))


def timezone(row: sqlite3.Row) -> str:
    doc = loads(row["doc"], {})
    return doc.get("operation_settings", {}).get("default_timezone") or "America/Los_Angeles"


def add_user_room(
    conn: sqlite3.Connection, user_id: int, room_code: str, default: bool | None
) -> None:
    if default:
        conn.execute("UPDATE user_rooms SET is_default = 0 WHERE user_id = ?", (user_id,))
    conn.execute(
        "INSERT INTO user_rooms VALUES (?,?,?) ON CONFLICT(user_id, room_code) DO UPDATE SET"
        " is_default = CASE WHEN ? IS NULL THEN is_default ELSE excluded.is_default END",
        (user_id, room_code, int(bool(default)), default),
    )


def user_rooms(conn: sqlite3.Connection, user_id: int) -> list[tuple[sqlite3.Row, bool]]:
    sql = (
        "SELECT r.*, ur.is_default AS is_default FROM user_rooms ur"
        " JOIN rooms r ON r.code = ur.room_code WHERE ur.user_id = ? ORDER BY r.id"
    )
    return [(row, bool(row["is_default"])) for row in conn.execute(sql, (user_id,))]
