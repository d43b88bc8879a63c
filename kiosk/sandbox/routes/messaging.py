"""``/notifications`` (with the badge) and ``/endpoints`` (push registrations)."""

from __future__ import annotations

import sqlite3

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.sandbox import auth
from kiosk.sandbox.errors import bad_request, forbidden, not_found
from kiosk.sandbox.routes.base import ok, params, sandbox_of
from kiosk.sandbox.store import records

ENDPOINT_TYPES = (10, 30, 40)  # e-mail (seen in the doc's list), APNs, GCM
MAX_PAGE = 100


async def list_notifications(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    size = p.integer("size") or 10
    if not 1 <= size <= MAX_PAGE:
        raise bad_request(f"'size' must be between 1 and {MAX_PAGE}.")
    last = p.integer("last")
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        rows = records.notifications(conn, caller.id, size, last)
        return ok([records.notification_public(r) for r in rows])


async def mark_read(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        note_id = request.path_params["note_id"]
        row = records.notification(conn, note_id)
        if row is None:
            raise not_found("Notification")
        if row["user_id"] != caller.id:
            raise forbidden("This notification is not yours.")
        records.mark_read(conn, note_id)
        row = records.notification(conn, note_id)
        assert row is not None
        return ok(records.notification_public(row))


async def get_badge(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        return ok(records.badge(conn, caller.id))


async def reset_badge(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        records.reset_badge(conn, caller.id)
    return ok(True)


async def add_endpoint(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    key = p.text("key", required=True, max_len=4096)
    kind = p.integer("type", required=True)
    if kind not in ENDPOINT_TYPES:
        raise bad_request("'type' must be 30 (Apple) or 40 (Google).")
    assert key is not None and kind is not None
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        endpoint_id = records.add_endpoint(conn, caller.id, key, kind, sandbox.now())
        row = records.endpoint(conn, endpoint_id)
        assert row is not None
        return ok(records.endpoint_public(row))


async def list_endpoints(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    kind = p.integer("type")
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        return ok([records.endpoint_public(r) for r in records.endpoints(conn, caller.id, kind)])


def _own_endpoint(conn: sqlite3.Connection, caller: auth.Caller, endpoint_id: str) -> sqlite3.Row:
    row = records.endpoint(conn, endpoint_id)
    if row is None:
        raise not_found("Endpoint")
    if row["user_id"] != caller.id:
        raise forbidden("This endpoint is not yours.")
    return row


async def get_endpoint(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = _own_endpoint(conn, caller, request.path_params["endpoint_id"])
        return ok(records.endpoint_public(row))


async def delete_endpoint(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        endpoint_id = request.path_params["endpoint_id"]
        _own_endpoint(conn, caller, endpoint_id)
        records.delete_endpoint(conn, endpoint_id)
    return ok({"id": endpoint_id})


routes = [
    Route("/notifications", list_notifications, methods=["GET"]),
    Route("/notifications/badge", get_badge, methods=["GET"]),
    Route("/notifications/badge", reset_badge, methods=["POST"]),
    Route("/notifications/{note_id}", mark_read, methods=["PUT", "POST"]),
    Route("/endpoints", add_endpoint, methods=["POST"]),
    Route("/endpoints", list_endpoints, methods=["GET"]),
    Route("/endpoints/{endpoint_id}", get_endpoint, methods=["GET"]),
    Route("/endpoints/{endpoint_id}", delete_endpoint, methods=["DELETE"]),
]
