"""Users, their access/refresh tokens and their waiting-room heartbeats."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from typing import Any

from kiosk.sandbox.store.db import dumps, loads, row_by_number

MEMBER, PROVIDER, GUEST, CLINIC_ADMIN = 200, 400, 600, 160
USER_TYPES = (MEMBER, PROVIDER, GUEST)
#: Profile keys ``/me`` shows (besides id, code, username, vseeid, email, active).
PROFILE_KEYS = (
    "first_name",
    "last_name",
    "dob",
    "gender",
    "phone",
    "nationality",
    "tos",
    "subtype",
    "street_addr",
    "state",
    "city",
    "zip",
    "pcp_name",
    "pcp_phone",
    "timezone",
    "photo",
)
PROVIDER_KEYS = (
    "title",
    "suffix",
    "educational_training",
    "professional_interests",
    "personal_interests",
)


def hash_password(password: str) -> str:
    """scrypt with a random salt; the sandbox never stores a password in clear."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**12, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(stored: str | None, password: str) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, salt_hex, digest_hex = stored.split("$")
    digest = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt_hex), n=2**12, r=8, p=1)
    return hmac.compare_digest(digest.hex(), digest_hex)


def new_code() -> str:
    return secrets.token_hex(16)


def get(conn: sqlite3.Connection, user_id: int | str) -> sqlite3.Row | None:
    return row_by_number(conn, "users", user_id)


def by_code(conn: sqlite3.Connection, account: str, code: str) -> sqlite3.Row | None:
    sql = "SELECT * FROM users WHERE account_code = ? AND code = ?"
    return conn.execute(sql, (account, code)).fetchone()


def by_username(conn: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()


def by_email(conn: sqlite3.Connection, account: str, email: str) -> sqlite3.Row | None:
    sql = "SELECT * FROM users WHERE account_code = ? AND lower(email) = lower(?)"
    return conn.execute(sql, (account, email)).fetchone()


def create(
    conn: sqlite3.Connection,
    *,
    account: str,
    type: int,
    now: int,
    code: str | None = None,
    username: str | None = None,
    email: str | None = None,
    password: str | None = None,
    active: bool = True,
    user_id: int | None = None,
    profile: dict[str, Any] | None = None,
) -> sqlite3.Row:
    code = code or new_code()
    username = username or new_code()
    doc = {"tos": False, "subtype": "482" if type == PROVIDER else "", **(profile or {})}
    pw = hash_password(password) if password else None
    cur = conn.execute(
        "INSERT INTO users (id, account_code, type, code, username, email, password_hash, active,"
        " doc, created, modified) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (user_id, account, type, code, username, email, pw, int(active), dumps(doc), now, now),
    )
    row = get(conn, cur.lastrowid or 0)
    assert row is not None
    return row


def update(
    conn: sqlite3.Connection, user_id: int, now: int, doc: dict[str, Any], **columns: Any
) -> sqlite3.Row:
    sets = ", ".join(f"{name} = ?" for name in columns)
    sql = f"UPDATE users SET doc = ?, modified = ?{', ' + sets if sets else ''} WHERE id = ?"
    conn.execute(sql, (dumps(doc), now, *columns.values(), user_id))
    row = get(conn, user_id)
    assert row is not None
    return row


def doc(row: sqlite3.Row) -> dict[str, Any]:
    return dict(loads(row["doc"], {}))


def full_name(row: sqlite3.Row) -> str:
    d = doc(row)
    return " ".join(p for p in (d.get("first_name"), d.get("last_name")) if p)


def public(row: sqlite3.Row, photo_url: str | None = None) -> dict[str, Any]:
    """The user object as ``/me`` and the login answer show it (string ids like the doc)."""
    d = doc(row)
    out: dict[str, Any] = {
        "id": str(row["id"]),
        "code": row["code"],
        "username": row["username"],
        "vseeid": f"sandbox+{row['username']}",
        "email": row["email"],
        "active": bool(row["active"]),
    }
    for key in PROFILE_KEYS:
        out[key] = d.get(key, "" if key != "tos" else False)
    out["gender"] = d.get("gender")
    out["photo"] = photo_url
    if row["type"] == PROVIDER:
        for key in PROVIDER_KEYS:
            out[key] = d.get(key, "")
        out["status"] = False
    out["name"] = full_name(row)
    return out


def brief(row: sqlite3.Row) -> dict[str, Any]:
    """The short person object embedded in visits (``provider``, ``member``)."""
    d = doc(row)
    out: dict[str, Any] = {
        "id": str(row["id"]),
        "code": row["code"],
        "first_name": d.get("first_name", ""),
        "last_name": d.get("last_name", ""),
        "full_name": full_name(row),
        "vseeid": f"sandbox+{row['username']}",
        "email": row["email"],
        "photo": None,
    }
    if row["type"] == PROVIDER:
        out.update(title=d.get("title", ""), suffix=d.get("suffix", ""), subtype="482")
    else:
        out.update(dob=d.get("dob"), gender=d.get("gender"), phone=d.get("phone"))
    return out


# -- tokens ---------------------------------------------------------------------------------


def issue_tokens(
    conn: sqlite3.Connection, user_id: int, now: int, lifetime_s: int, refresh_lifetime_s: int
) -> dict[str, Any]:
    """A new sign-in: an access token and its refresh token sharing one session id."""
    session = secrets.token_hex(8)
    access, refresh = secrets.token_hex(16), secrets.token_hex(16)
    rows = [
        (access, user_id, "access", session, now + lifetime_s, now),
        (refresh, user_id, "refresh", session, now + refresh_lifetime_s, now),
    ]
    conn.executemany("INSERT INTO tokens VALUES (?,?,?,?,?,?)", rows)
    return {
        "user_id": str(user_id),
        "token": access,
        "expiry": now + lifetime_s,
        "created": now,
        "refresh_token": {
            "user_id": str(user_id),
            "token": refresh,
            "expiry": now + refresh_lifetime_s,
            "created": now,
        },
    }


def token_row(conn: sqlite3.Connection, token: str, kind: str) -> sqlite3.Row | None:
    sql = "SELECT * FROM tokens WHERE token = ? AND kind = ?"
    return conn.execute(sql, (token, kind)).fetchone()


def refresh_access(
    conn: sqlite3.Connection, refresh: sqlite3.Row, now: int, lifetime_s: int
) -> dict[str, Any]:
    access = secrets.token_hex(16)
    conn.execute(
        "INSERT INTO tokens VALUES (?,?,?,?,?,?)",
        (access, refresh["user_id"], "access", refresh["session"], now + lifetime_s, now),
    )
    return {"token": access, "expiry": now + lifetime_s, "created": now}


def destroy_tokens(conn: sqlite3.Connection, tokens: list[str]) -> int:
    """Delete these tokens; returns how many existed."""
    count = 0
    for token in tokens:
        count += conn.execute("DELETE FROM tokens WHERE token = ?", (token,)).rowcount
    return count


def destroy_session(conn: sqlite3.Connection, session: str) -> int:
    return conn.execute("DELETE FROM tokens WHERE session = ?", (session,)).rowcount


def expire_access_tokens(conn: sqlite3.Connection, now: int) -> int:
    return conn.execute(
        "UPDATE tokens SET expiry = ? WHERE kind = 'access' AND expiry > ?", (now - 1, now)
    ).rowcount


# -- heartbeats -----------------------------------------------------------------------------


def beat(conn: sqlite3.Connection, user_id: int, now: int, heartbeat: int) -> None:
    conn.execute(
        "INSERT INTO heartbeats VALUES (?,?,?) ON CONFLICT(user_id) DO UPDATE SET"
        " last_connected = excluded.last_connected, heartbeat = excluded.heartbeat",
        (user_id, now, heartbeat),
    )


def is_alive(conn: sqlite3.Connection, user_id: int, now: int) -> bool:
    row = conn.execute("SELECT * FROM heartbeats WHERE user_id = ?", (user_id,)).fetchone()
    return row is not None and row["last_connected"] + row["heartbeat"] >= now
