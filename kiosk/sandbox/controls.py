"""Sandbox-only controls under ``/_sandbox/``: state dump, faults, clock, provider actions.
The real API has none of these; the kiosk never calls them, tests and the CLI do."""

from __future__ import annotations

import dataclasses
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sandbox import provider_sim
from kiosk.sandbox.errors import bad_request
from kiosk.sandbox.params import json_object
from kiosk.sandbox.routes.base import sandbox_of
from kiosk.sandbox.store import loads, users
from kiosk.sandbox.store import visits as visit_rows


async def _json_body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    return json_object(raw) if raw.strip() else {}


async def state(request: Request) -> Response:
    """Everything tests compare: users, intakes, visits, files, heartbeats, closings, counts."""
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:

        def rows(sql: str) -> list[dict[str, Any]]:
            return [dict(r) for r in conn.execute(sql)]

        user_rows = rows(
            "SELECT id, type, code, username, email, active, email_token, doc"
            " FROM users ORDER BY id"
        )
        for row in user_rows:
            row["doc"] = loads(row["doc"], {})
        intakes = rows("SELECT * FROM intakes ORDER BY created, id")
        for row in intakes:
            row["doc"] = loads(row["doc"], {})
        visits = rows("SELECT * FROM visits ORDER BY id")
        answer = {
            "now": sandbox.now(),
            "users": user_rows,
            "intakes": intakes,
            "visits": visits,
            "files": rows(
                "SELECT id, owner_id, name, ext, size, category, target_type,"
                " target_id FROM files ORDER BY created, id"
            ),
            "heartbeats": rows("SELECT * FROM heartbeats ORDER BY user_id"),
            "closed_reasons": {
                str(v["id"]): v["close_reason"] for v in visits if v["close_reason"]
            },
            "emr": rows("SELECT user_id, name FROM emr ORDER BY user_id, name"),
            "pharmacies": rows("SELECT user_id, code, is_default FROM user_pharmacies"),
            "billing_sources": rows("SELECT id, user_id, is_default FROM billing_sources"),
            "invoices": rows("SELECT id, user_id, intake_id FROM invoices"),
            "endpoints": rows("SELECT id, user_id, type FROM endpoints"),
            "rooms": rows("SELECT id, code, slug FROM rooms ORDER BY id"),
            "tokens": conn.execute("SELECT COUNT(*) FROM tokens").fetchone()[0],
            "logged_out_tokens": sandbox.counters["logged_out_tokens"],
        }
    return JSONResponse(answer)


async def get_faults(request: Request) -> Response:
    return JSONResponse(dataclasses.asdict(sandbox_of(request).faults.options))


async def put_faults(request: Request) -> Response:
    sandbox = sandbox_of(request)
    body = await _json_body(request)
    expire_now = body.pop("expire_tokens_now", False)
    options = sandbox.faults.update(body)
    if expire_now:
        with sandbox.store.tx() as conn:
            users.expire_access_tokens(conn, sandbox.now())
    return JSONResponse(dataclasses.asdict(options))


async def get_clock(request: Request) -> Response:
    clock = sandbox_of(request).clock
    return JSONResponse({"now": clock.now(), "offset_s": clock.offset_s})


async def put_clock(request: Request) -> Response:
    """``{"advance_s": N}`` moves the clock on; ``{"offset_s": N}`` sets the offset."""
    clock = sandbox_of(request).clock
    body = await _json_body(request)
    for key in ("advance_s", "offset_s"):
        value = body.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise bad_request(f"'{key}' must be a number of seconds.")
    if body.get("offset_s") is not None:
        clock.set_offset(float(body["offset_s"]))
    if body.get("advance_s") is not None:
        clock.advance(float(body["advance_s"]))
    return JSONResponse({"now": clock.now(), "offset_s": clock.offset_s})


async def provider_queue(request: Request) -> Response:
    """Visits a provider would see: alive waiting patients, and calls in progress."""
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        now = sandbox.now()
        waiting = visit_rows.waiting(conn, now)
        active = conn.execute(
            "SELECT * FROM visits WHERE status = ? ORDER BY id", (visit_rows.IN_PROGRESS,)
        ).fetchall()
        answer = [
            {
                "id": str(r["id"]),
                "status": r["status"],
                "room_code": r["room_code"],
                "member_id": str(r["member_id"]),
                "queued_at": r["queued_at"],
                "provider_id": str(r["provider_id"]) if r["provider_id"] else None,
            }
            for r in [*waiting, *active]
        ]
    return JSONResponse(answer)


async def provider_start(request: Request) -> Response:
    body = await _json_body(request)
    provider_id = body.get("provider_id")
    if provider_id is not None and not str(provider_id).isdigit():
        raise bad_request("'provider_id' must be a user id.")
    result = provider_sim.start_visit(
        sandbox_of(request),
        request.path_params["visit_id"],
        int(provider_id) if provider_id else None,
    )
    return JSONResponse(result)


async def provider_end(request: Request) -> Response:
    result = provider_sim.end_visit(sandbox_of(request), request.path_params["visit_id"])
    return JSONResponse(result)


routes = [
    Route("/state", state, methods=["GET"]),
    Route("/faults", get_faults, methods=["GET"]),
    Route("/faults", put_faults, methods=["PUT", "POST"]),
    Route("/clock", get_clock, methods=["GET"]),
    Route("/clock", put_clock, methods=["PUT", "POST"]),
    Route("/provider/queue", provider_queue, methods=["GET"]),
    Route("/provider/start/{visit_id}", provider_start, methods=["POST"]),
    Route("/provider/end/{visit_id}", provider_end, methods=["POST"]),
]
