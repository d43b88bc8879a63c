"""Portal routes: SSO sign-in, clinic home, in-browser call, appointment link, provider
dashboard; plus the small JSON status endpoints the call page polls (under ``/_sandbox/``)."""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import sqlite3
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from kiosk.sandbox import provider_sim
from kiosk.sandbox.portal import templates
from kiosk.sandbox.portal.session import open_session, safe_next, session_user
from kiosk.sandbox.routes.base import sandbox_of
from kiosk.sandbox.store import clinic, loads, users
from kiosk.sandbox.store import visits as visit_rows

log = logging.getLogger("kiosk.sandbox.portal")

STATUS_POLL_MS = 1000
DASHBOARD_REFRESH_MS = 3000
_STATE_NAMES = {10: "Waiting", 20: "Booked", 25: "In call", 30: "Completed", 40: "Cancelled"}


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


async def sso_auth(request: Request) -> Response:
    sandbox = sandbox_of(request)
    token = request.query_params.get("sso_token", "")
    target = safe_next(request.query_params.get("next"))
    with sandbox.store.tx() as conn:
        row = users.token_row(conn, token, "access") if token else None
        if row is None or row["expiry"] < sandbox.now():
            return _html(
                templates.message(
                    "Sign-in link not valid", "This sign-in link is not valid or has expired."
                ),
                401,
            )
        response = RedirectResponse(target, status_code=303)
        open_session(conn, row["user_id"], sandbox.now(), response)
    log.info("sandbox.portal_signed_in user=%s", row["user_id"])
    return response


def _signed_in(conn: sqlite3.Connection, request: Request) -> sqlite3.Row | None:
    return session_user(conn, request)


def _not_signed_in() -> HTMLResponse:
    return _html(templates.message("Please sign in", "Open this page through the kiosk."), 401)


async def clinic_home(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        user = _signed_in(conn, request)
        if user is None:
            return _not_signed_in()
        current = visit_rows.current_of_member(conn, user["id"])
        rooms = [
            (r["code"], loads(r["doc"], {}).get("name", r["code"]))
            for r in clinic.rooms(conn, user["account_code"])
        ]
        first = users.doc(user).get("first_name", "")
    return _html(templates.clinic_home(first, str(current["id"]) if current else None, rooms))


def _visit_for(conn: sqlite3.Connection, user: sqlite3.Row, visit_id: str) -> sqlite3.Row | None:
    row = visit_rows.visit(conn, visit_id)
    if row is None:
        return None
    allowed = row["member_id"] == user["id"] or user["type"] in (users.PROVIDER, users.CLINIC_ADMIN)
    return row if allowed else None


async def call_page(request: Request) -> Response:
    sandbox = sandbox_of(request)
    visit_id = request.path_params["visit_id"]
    with sandbox.store.tx() as conn:
        user = _signed_in(conn, request)
        if user is None:
            return _not_signed_in()
        row = _visit_for(conn, user, visit_id)
        if row is None:
            return _html(templates.message("Visit not found", "This visit is not yours."), 404)
        # The page starts from the status it was served with (no first poll to wait for).
        status = _status_of(conn, row)
    return _html(templates.call_page(visit_id, STATUS_POLL_MS, status))


def _status_of(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """What ``/visit_status`` answers: the visit's id, status and provider's name."""
    provider = users.get(conn, row["provider_id"]) if row["provider_id"] else None
    name = None
    if provider is not None:
        title = users.doc(provider).get("title", "")
        name = " ".join(p for p in (title, users.full_name(provider)) if p)
    return {"id": str(row["id"]), "status": row["status"], "provider_name": name}


async def visit_status(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        user = _signed_in(conn, request)
        row = _visit_for(conn, user, request.path_params["visit_id"]) if user else None
        if row is None:
            return JSONResponse({"code": 404, "message": "Visit not found."}, status_code=404)
        status = _status_of(conn, row)
    return JSONResponse(status)


async def patient_end(request: Request) -> Response:
    """The call page's "End call": 30/patientendcall in a call, 40/patientexitroom before it."""
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        user = _signed_in(conn, request)
        row = _visit_for(conn, user, request.path_params["visit_id"]) if user else None
        if row is None or user is None:
            return JSONResponse({"code": 404, "message": "Visit not found."}, status_code=404)
        if row["status"] == visit_rows.IN_PROGRESS:
            result = provider_sim.end_visit(sandbox, str(row["id"]), "patientendcall", user["id"])
        elif row["status"] == visit_rows.PENDING:
            now = sandbox.now()
            visit_rows.update_visit(
                conn,
                row["id"],
                status=visit_rows.CANCELLED,
                modified=now,
                close_reason="patientexitroom",
                completed_by=user["id"],
            )
            result = {"id": str(row["id"]), "status": visit_rows.CANCELLED}
        else:
            result = {"id": str(row["id"]), "status": row["status"]}
    return JSONResponse(result)


async def appointment(request: Request) -> Response:
    sandbox = sandbox_of(request)
    token = request.query_params.get("token", "").strip()
    with sandbox.store.tx() as conn:
        row = visit_rows.visit(conn, request.path_params["visit_id"])
        expected = row["one_time_link_token"] if row else None
        if row is None or not expected or not token or not hmac.compare_digest(expected, token):
            return _html(
                templates.message("Link not valid", "This appointment link is not valid."), 403
            )
        room = clinic.room(conn, row["room_code"])
        provider = users.get(conn, row["provider_id"]) if row["provider_id"] else None
        tz = ZoneInfo(clinic.timezone(room)) if room else ZoneInfo("UTC")
        when = dt.datetime.fromtimestamp(row["start"], tz).strftime("%A %d %B %Y, %H:%M %Z")
        room_name = loads(room["doc"], {}).get("name", "") if room else ""
        name = users.full_name(provider) if provider else "your provider"
        state = _STATE_NAMES.get(row["status"], "")
    return _html(templates.appointment(when, name, room_name, state))


async def provider_dashboard(request: Request) -> Response:
    """Provider sessions see the queue. Without a session the sandbox signs the browser in as
    the first seeded provider (a sandbox convenience); patients get 403."""
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        user = _signed_in(conn, request)
        fresh_login = user is None
        if user is None:
            user = conn.execute(
                "SELECT * FROM users WHERE type = ? ORDER BY id LIMIT 1", (users.PROVIDER,)
            ).fetchone()
        if user is None or user["type"] not in (users.PROVIDER, users.CLINIC_ADMIN):
            return _html(templates.message("Providers only", "This page is for providers."), 403)
        now = sandbox.now()
        queue = [
            *visit_rows.waiting(conn, now),
            *conn.execute(
                "SELECT * FROM visits WHERE status = ? ORDER BY id", (visit_rows.IN_PROGRESS,)
            ),
        ]
        rows = []
        for visit in queue:
            member = users.get(conn, visit["member_id"])
            rows.append(
                {
                    "id": str(visit["id"]),
                    "status": visit["status"],
                    "patient": users.full_name(member) if member else "",
                    "room": visit["room_code"],
                    "state": _STATE_NAMES[visit["status"]],
                }
            )
        response = _html(templates.dashboard(users.full_name(user), rows, DASHBOARD_REFRESH_MS))
        if fresh_login:
            open_session(conn, user["id"], now, response)
    return response


routes = [
    Route("/auth", sso_auth, methods=["GET"]),
    Route("/u/clinic", clinic_home, methods=["GET"]),
    Route("/visits/inbrowser_calling/{visit_id}", call_page, methods=["GET"]),
    Route("/members/appointment/{visit_id}", appointment, methods=["GET"]),
    Route("/providers/dashboard", provider_dashboard, methods=["GET"]),
]
status_routes = [
    Route("/visit_status/{visit_id}", visit_status, methods=["GET"]),
    Route("/visit_status/{visit_id}/end", patient_end, methods=["POST"]),
]
