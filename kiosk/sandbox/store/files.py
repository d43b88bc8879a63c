"""Uploaded and seeded file metadata; the bytes live on disk in the files folder."""

from __future__ import annotations

import sqlite3
from typing import Any


def get(conn: sqlite3.Connection, file_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM files WHERE id = ?", (file_id,)).fetchone()


def insert(conn: sqlite3.Connection, **columns: Any) -> sqlite3.Row:
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    conn.execute(f"INSERT INTO files ({names}) VALUES ({marks})", tuple(columns.values()))
    row = get(conn, columns["id"])
    assert row is not None
    return row


def rename(conn: sqlite3.Connection, file_id: str, name: str, ext: str, now: int) -> None:
    sql = "UPDATE files SET name = ?, ext = ?, modified = ? WHERE id = ?"
    conn.execute(sql, (name, ext, now, file_id))


def delete(conn: sqlite3.Connection, file_id: str) -> None:
    conn.execute("DELETE FROM files WHERE id = ?", (file_id,))


def search(
    conn: sqlite3.Connection,
    *,
    account: str,
    owner_id: int | None,
    target_id: str | None,
    target_type: str | None,
    category: str | None,
) -> list[sqlite3.Row]:
    sql = "SELECT * FROM files WHERE account_code = ? AND owner_id IS NOT NULL"
    args: list[Any] = [account]
    for column, value in (
        ("owner_id", owner_id),
        ("target_id", target_id),
        ("target_type", target_type),
        ("category", category),
    ):
        if value is not None:
            sql += f" AND {column} = ?"
            args.append(value)
    return conn.execute(sql + " ORDER BY created, id", args).fetchall()
