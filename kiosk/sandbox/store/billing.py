"""Saved payment cards, promo codes and processed invoices."""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from kiosk.sandbox.store.db import dumps, loads


def sources(conn: sqlite3.Connection, user_id: int) -> list[dict[str, Any]]:
    sql = "SELECT doc, is_default FROM billing_sources WHERE user_id = ? ORDER BY created, id"
    return [
        {**loads(r["doc"]), "is_default": bool(r["is_default"])}
        for r in conn.execute(sql, (user_id,))
    ]


def source(conn: sqlite3.Connection, user_id: int, source_id: str) -> dict[str, Any] | None:
    return next((s for s in sources(conn, user_id) if s["id"] == source_id), None)


def add_source(conn: sqlite3.Connection, user_id: int, doc: dict[str, Any], now: int) -> None:
    """Store a card; the first card becomes the default."""
    first = not conn.execute(
        "SELECT 1 FROM billing_sources WHERE user_id = ?", (user_id,)
    ).fetchone()
    conn.execute(
        "INSERT INTO billing_sources VALUES (?,?,?,?,?)",
        (doc["id"], user_id, dumps(doc), int(first), now),
    )


def set_default(conn: sqlite3.Connection, user_id: int, source_id: str) -> None:
    conn.execute("UPDATE billing_sources SET is_default = 0 WHERE user_id = ?", (user_id,))
    sql = "UPDATE billing_sources SET is_default = 1 WHERE user_id = ? AND id = ?"
    conn.execute(sql, (user_id, source_id))


def delete_source(conn: sqlite3.Connection, user_id: int, source_id: str) -> None:
    sql = "DELETE FROM billing_sources WHERE user_id = ? AND id = ?"
    conn.execute(sql, (user_id, source_id))
    has_default = conn.execute(
        "SELECT 1 FROM billing_sources WHERE user_id = ? AND is_default = 1", (user_id,)
    ).fetchone()
    if not has_default:
        conn.execute(
            "UPDATE billing_sources SET is_default = 1 WHERE id = (SELECT id FROM billing_sources"
            " WHERE user_id = ? ORDER BY created, id LIMIT 1)",
            (user_id,),
        )


def promo(conn: sqlite3.Connection, code: str) -> int | None:
    row = conn.execute(
        "SELECT percent_off FROM promo_codes WHERE upper(code) = upper(?)", (code,)
    ).fetchone()
    return None if row is None else int(row[0])


def add_invoice(
    conn: sqlite3.Connection, user_id: int, intake_id: str, doc: dict[str, Any], now: int
) -> str:
    invoice_id = str(uuid.uuid4())
    conn.execute(
        "INSERT INTO invoices VALUES (?,?,?,?,?)", (invoice_id, user_id, intake_id, dumps(doc), now)
    )
    return invoice_id
