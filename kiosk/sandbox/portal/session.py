"""Browser sessions of the portal: an opaque HttpOnly cookie mapped to a user in the store."""

from __future__ import annotations

import secrets
import sqlite3
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

from kiosk.sandbox.store import users

COOKIE = "vc_sandbox_session"
DEFAULT_NEXT = "/u/clinic"


def safe_next(value: str | None) -> str:
    """Only a path on this server: no scheme, no host, no ``//`` or backslash tricks."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return DEFAULT_NEXT
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or any(ord(c) < 32 for c in value):
        return DEFAULT_NEXT
    return value


def open_session(conn: sqlite3.Connection, user_id: int, now: int, response: Response) -> None:
    session_id = secrets.token_urlsafe(24)
    conn.execute("INSERT INTO portal_sessions VALUES (?,?,?)", (session_id, user_id, now))
    response.set_cookie(COOKIE, session_id, httponly=True, samesite="lax", path="/")


def session_user(conn: sqlite3.Connection, request: Request) -> sqlite3.Row | None:
    session_id = request.cookies.get(COOKIE)
    if not session_id:
        return None
    row = conn.execute("SELECT user_id FROM portal_sessions WHERE id = ?", (session_id,)).fetchone()
    return users.get(conn, row["user_id"]) if row else None
