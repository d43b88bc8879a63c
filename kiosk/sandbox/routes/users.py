"""``/users/sso``, ``/users/login``, ``/me``, logout, token refresh, password reset, heartbeat,
activation."""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
import sqlite3
import zoneinfo
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.sandbox import auth
from kiosk.sandbox import files as file_store
from kiosk.sandbox.context import Sandbox
from kiosk.sandbox.errors import ApiProblem, bad_request
from kiosk.sandbox.params import Params
from kiosk.sandbox.routes.base import api_base, ok, params, sandbox_of
from kiosk.sandbox.store import files as file_rows
from kiosk.sandbox.store import users

log = logging.getLogger("kiosk.sandbox.users")

DEFAULT_HEARTBEAT_S = 300
MAX_HEARTBEAT_S = 86_400
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_STATE = re.compile(r"^[A-Z]{2}$")
_TEXT_FIELDS = (
    "first_name",
    "last_name",
    "nationality",
    "phone",
    "street_addr",
    "city",
    "zip",
    "pcp_name",
    "pcp_phone",
)


def check_dob(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise bad_request("'dob' must be a date like 1990-01-31.") from None
    return value


def check_email(value: str | None) -> str | None:
    if value is not None and not _EMAIL.match(value):
        raise bad_request("'email' is not a valid e-mail address.")
    return value


def _photo_url(
    sandbox: Sandbox,
    conn: sqlite3.Connection,
    request: Request,
    row: sqlite3.Row,
    size: str | None = None,
) -> str | None:
    photo = users.doc(row).get("photo")
    if not photo or file_rows.get(conn, photo) is None:
        return None
    url, _, _ = file_store.link(sandbox, api_base(request), photo)
    return f"{url}&size={size}" if size else url


def user_json(
    sandbox: Sandbox,
    conn: sqlite3.Connection,
    request: Request,
    row: sqlite3.Row,
    size: str | None = None,
) -> dict[str, Any]:
    return users.public(row, _photo_url(sandbox, conn, request, row, size))


def _login_answer(
    sandbox: Sandbox, conn: sqlite3.Connection, request: Request, row: sqlite3.Row
) -> dict[str, Any]:
    cfg = sandbox.config
    tokens = users.issue_tokens(
        conn, row["id"], sandbox.now(), cfg.token_lifetime_s, cfg.refresh_lifetime_s
    )
    return {**tokens, "user_type": str(row["type"]), "user": user_json(sandbox, conn, request, row)}


async def sso(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        account = auth.account_code(request, conn)
        auth.check_api_key(request, conn, account, secret=False)
        first = p.text("first_name", required=True, max_len=100)
        last = p.text("last_name", required=True, max_len=100)
        kind = p.integer("type") or users.GUEST
        if kind not in users.USER_TYPES:
            raise bad_request("'type' must be 200 (member), 400 (provider) or 600 (guest).")
        code = p.text("code", max_len=128)
        if kind != users.GUEST and not code:
            raise bad_request("'code' is required for members and providers.")
        profile: dict[str, object] = {"first_name": first, "last_name": last}
        if (dob := check_dob(p.text("dob"))) is not None:
            profile["dob"] = dob
        email = check_email(p.text("email", max_len=254))
        if p.flag("disable_emails") is not None:
            profile["disable_emails"] = p.flag("disable_emails")
        now = sandbox.now()
        row = users.by_code(conn, account, code) if kind != users.GUEST and code else None
        if row is not None:
            if row["type"] != kind:
                raise bad_request("This code belongs to a user of another type.")
            doc = {**users.doc(row), **profile}
            row = users.update(conn, row["id"], now, doc, email=email or row["email"])
            log.info("sandbox.sso_existing user=%s", row["id"])
        else:
            username = p.text("username", max_len=128)
            if username and users.by_username(conn, username):
                raise bad_request("This username is taken.")
            row = users.create(
                conn,
                account=account,
                type=kind,
                now=now,
                code=code,
                username=username,
                email=email,
                profile=profile,
            )
            log.info("sandbox.sso_created user=%s type=%s", row["id"], kind)
        cfg = sandbox.config
        answer = user_json(sandbox, conn, request, row)
        answer["token"] = users.issue_tokens(
            conn, row["id"], now, cfg.token_lifetime_s, cfg.refresh_lifetime_s
        )
    return ok(answer)


async def login(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        account = auth.account_code(request, conn)
        username, password = p.text("username"), p.text("password")
        email, email_token = p.text("email"), p.text("email_token")
        if username and password:
            row = users.by_username(conn, username)
            if (
                row is None
                or not row["active"]
                or not users.check_password(row["password_hash"], password)
            ):
                raise ApiProblem(401, "Invalid username or password.")
        elif email and email_token:
            row = users.by_email(conn, account, email)
            if (
                row is None
                or not row["email_token"]
                or not secrets.compare_digest(row["email_token"], email_token)
            ):
                raise ApiProblem(401, "Invalid e-mail or e-mail token.")
        else:
            raise bad_request("Send 'username' and 'password', or 'email' and 'email_token'.")
        answer = _login_answer(sandbox, conn, request, row)
    log.info("sandbox.login user=%s", row["id"])
    return ok(answer)


async def get_me(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    size = p.text("user_photo_size")
    if size:
        file_store.parse_size(size)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        return ok(user_json(sandbox, conn, request, caller.user, size))


def _profile_changes(conn: sqlite3.Connection, caller: auth.Caller, p: Params) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key in _TEXT_FIELDS:
        if key in p.values:
            changes[key] = p.text(key, max_len=200) or ""
    if "dob" in p.values:
        changes["dob"] = check_dob(p.text("dob"))
    if "gender" in p.values:
        gender = (p.text("gender") or "").lower()
        mapping = {"male": 1, "female": 2, "1": 1, "2": 2}
        if gender not in mapping:
            raise bad_request("'gender' must be male or female.")
        changes["gender"] = mapping[gender]
    if "tos" in p.values:
        changes["tos"] = bool(p.flag("tos"))
    if "state" in p.values:
        state = (p.text("state") or "").upper()
        if state and not _STATE.match(state):
            raise bad_request("'state' must be a 2-letter state code.")
        changes["state"] = state
    if "timezone" in p.values:
        tz = p.text("timezone") or ""
        if tz:
            try:
                zoneinfo.ZoneInfo(tz)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                raise bad_request("'timezone' is not a known time zone.") from None
        changes["timezone"] = tz
    if "photo" in p.values:
        photo = p.text("photo") or ""
        if photo:
            row = file_rows.get(conn, photo)
            if row is None or row["owner_id"] != caller.id:
                raise bad_request("'photo' must be the id of a file you uploaded.")
        changes["photo"] = photo
    return changes


async def update_me(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = caller.user
        changes = _profile_changes(conn, caller, p)
        columns: dict[str, Any] = {}
        password = p.text("password", max_len=200)
        if password is not None:
            if len(password) < 6:
                raise bad_request("The password must have at least 6 characters.")
            if row["password_hash"]:
                old = p.text("old_password") or ""
                if not users.check_password(row["password_hash"], old):
                    raise bad_request("The old password is not correct.")
            columns.update(password_hash=users.hash_password(password), active=1, email_token=None)
        row = users.update(conn, caller.id, sandbox.now(), {**users.doc(row), **changes}, **columns)
        return ok(user_json(sandbox, conn, request, row))


def _token_list(p: Params) -> list[str]:
    value = p.structured("tokens")
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [t.strip().strip("'\"") for t in value.strip("[]").split(",") if t.strip()]
    if isinstance(value, list) and all(isinstance(t, str) for t in value):
        return [t.strip() for t in value if t.strip()]
    raise bad_request("'tokens' must be a list of tokens or a comma-separated string.")


async def logout(request: Request) -> Response:
    """Tokens named are destroyed whoever sends them (holding a token is owning it); with none
    named, the caller's whole sign-in (access and refresh token) ends."""
    sandbox, p = sandbox_of(request), await params(request)
    tokens = _token_list(p)
    with sandbox.store.tx() as conn:
        if tokens:
            count = users.destroy_tokens(conn, tokens)
        else:
            caller = auth.authenticate(sandbox, request, conn)
            assert caller is not None
            count = users.destroy_session(conn, caller.session)
    sandbox.counters["logged_out_tokens"] += count
    return ok(True)


async def refresh(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    token = p.text("refresh_token", required=True)
    assert token is not None
    with sandbox.store.tx() as conn:
        row = users.token_row(conn, token, "refresh")
        now = sandbox.now()
        if row is None or row["expiry"] < now:
            raise ApiProblem(401, "The refresh token is invalid or expired.")
        user = users.get(conn, row["user_id"])
        assert user is not None
        fresh = users.refresh_access(conn, row, now, sandbox.config.token_lifetime_s)
        answer = {
            "user_id": str(user["id"]),
            "user_type": str(user["type"]),
            **fresh,
            "user": user_json(sandbox, conn, request, user),
        }
    return ok(answer)


async def reset_password(request: Request) -> Response:
    p = await params(request)
    check_email(p.text("email", required=True))
    return ok(True)  # the same answer whether or not the address is known


async def alive(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    heartbeat = p.integer("heartbeat") or DEFAULT_HEARTBEAT_S
    if not 1 <= heartbeat <= MAX_HEARTBEAT_S:
        raise bad_request(f"'heartbeat' must be between 1 and {MAX_HEARTBEAT_S} seconds.")
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        now = sandbox.now()
        users.beat(conn, caller.id, now, heartbeat)
    return ok({"last_connected": now, "heartbeat": heartbeat})


async def activate(request: Request) -> Response:
    """Eligibility in the sandbox: any name and e-mail not held by an active user. The e-mail
    token "sent" is visible in ``/_sandbox/state`` (no e-mail leaves the sandbox)."""
    sandbox, p = sandbox_of(request), await params(request)
    first = p.text("first_name", required=True, max_len=100)
    last = p.text("last_name", required=True, max_len=100)
    email = check_email(p.text("email", required=True, max_len=254))
    dob = check_dob(p.text("dob"))
    ssn = p.text("ssn")
    if ssn is not None and not re.fullmatch(r"\d{4}", ssn):
        raise bad_request("'ssn' must be the last 4 digits.")
    assert email is not None
    with sandbox.store.tx() as conn:
        account = auth.account_code(request, conn)
        row = users.by_email(conn, account, email)
        if row is not None and row["active"]:
            raise bad_request("This account is already active. Please log in.")
        token = f"{secrets.randbelow(10**6):06d}"
        now = sandbox.now()
        if row is None:
            profile = {"first_name": first, "last_name": last, **({"dob": dob} if dob else {})}
            row = users.create(
                conn,
                account=account,
                type=users.MEMBER,
                now=now,
                email=email,
                active=False,
                profile=profile,
            )
        users.update(conn, row["id"], now, users.doc(row), email_token=token)
    return ok(True)


routes = [
    Route("/users/sso", sso, methods=["POST"]),
    Route("/users/login", login, methods=["POST"]),
    Route("/me", get_me, methods=["GET"]),
    Route("/me", update_me, methods=["POST", "PUT"]),
    Route("/users/logout", logout, methods=["POST"]),
    Route("/tokens/refresh", refresh, methods=["POST"]),
    Route("/users/reset_password", reset_password, methods=["POST"]),
    Route("/users/alive", alive, methods=["POST"]),
    Route("/users/activate", activate, methods=["POST"]),
]
