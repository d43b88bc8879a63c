"""Who is calling: account (``X-AccountCode``), user (``X-ApiToken``), integrator key/secret."""

from __future__ import annotations

import hmac
import sqlite3
from dataclasses import dataclass

from starlette.requests import Request

from kiosk.sandbox.context import Sandbox
from kiosk.sandbox.errors import ApiProblem, bad_request, forbidden, not_found
from kiosk.sandbox.store import clinic, users


@dataclass(frozen=True)
class Caller:
    """The signed-in user of a request. ``staff`` = provider or clinic admin."""

    user: sqlite3.Row
    token: str
    session: str

    @property
    def id(self) -> int:
        return int(self.user["id"])

    @property
    def type(self) -> int:
        return int(self.user["type"])

    @property
    def account(self) -> str:
        return str(self.user["account_code"])

    @property
    def staff(self) -> bool:
        return self.type in (users.PROVIDER, users.CLINIC_ADMIN)


def default_account(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'default_account'").fetchone()
    if row is None:
        raise ApiProblem(500, "The sandbox has no account.")
    return str(row[0])


def account_code(request: Request, conn: sqlite3.Connection) -> str:
    """The account the request is for: ``X-AccountCode`` or the sandbox's only account."""
    code = request.headers.get("x-accountcode", "").strip()
    if not code:
        return default_account(conn)
    if clinic.account(conn, code) is None:
        raise bad_request("Unknown account code.")
    return code


def authenticate(
    sandbox: Sandbox, request: Request, conn: sqlite3.Connection, *, required: bool = True
) -> Caller | None:
    """The caller from ``X-ApiToken``; 401 when it is missing (and required), unknown or expired.
    A token sent to an optional endpoint is still checked: a bad one is an error, not anonymity."""
    token = request.headers.get("x-apitoken", "").strip()
    if not token:
        if required:
            raise ApiProblem(401, "Authentication required: send X-ApiToken.")
        return None
    row = users.token_row(conn, token, "access")
    if row is None:
        raise ApiProblem(401, "Invalid token.")
    if row["expiry"] < sandbox.now() or sandbox.faults.roll("expired_token_rate"):
        raise ApiProblem(401, "Token expired.")
    user = users.get(conn, row["user_id"])
    if user is None:
        raise ApiProblem(401, "Invalid token.")
    header = request.headers.get("x-accountcode", "").strip()
    if header and header != user["account_code"]:
        raise ApiProblem(401, "Invalid token for this account.")
    return Caller(user, token, row["session"])


def require_staff(caller: Caller) -> None:
    if not caller.staff:
        raise forbidden("This needs a provider or clinic administrator.")


def check_api_key(
    request: Request, conn: sqlite3.Connection, account: str, *, secret: bool
) -> None:
    """``X-ApiKey`` (and ``X-ApiSecret`` if ``secret``) must match the account's; else 401."""
    row = clinic.account(conn, account)
    assert row is not None
    key = request.headers.get("x-apikey", "")
    if not key or not hmac.compare_digest(key, row["api_key"]):
        raise ApiProblem(401, "Invalid or missing API key.")
    if secret:
        given = request.headers.get("x-apisecret", "")
        if not given or not hmac.compare_digest(given, row["api_secret"]):
            raise ApiProblem(401, "Invalid or missing API secret.")


def target_user(conn: sqlite3.Connection, caller: Caller, raw_id: str) -> sqlite3.Row:
    """``:id`` of ``/users/:id/...``: ``-`` is the caller; others only for staff (403), and
    only in the caller's account (404)."""
    if raw_id in ("-", str(caller.id)):
        return caller.user
    if not caller.staff:
        raise forbidden("You can only see and change your own records.")
    row = users.get(conn, raw_id)
    if row is None or row["account_code"] != caller.account:
        raise not_found("User")
    return row


def may_access(caller: Caller, owner_id: int | None) -> bool:
    """Patients see their own things; staff see everything in their account."""
    return caller.staff or owner_id == caller.id
