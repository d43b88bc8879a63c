"""``GET /availability`` and ``POST /visits`` (book a slot)."""

from __future__ import annotations

import logging
import secrets
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.sandbox import auth, availability, views
from kiosk.sandbox.errors import bad_request, not_found
from kiosk.sandbox.params import Params
from kiosk.sandbox.routes.base import ok, params, sandbox_of
from kiosk.sandbox.routes.visits import own_intake, payment_for
from kiosk.sandbox.store import clinic, dumps, loads, records, users
from kiosk.sandbox.store import visits as visit_rows

log = logging.getLogger("kiosk.sandbox.appointments")


def _slot_seconds(
    room: sqlite3.Row, consultation_id: str | None, intake: dict[str, Any] | None
) -> int:
    consultations = clinic.consultations(room)
    chosen: dict[str, Any] | None = None
    if consultation_id:
        chosen = next((c for c in consultations if c.get("id") == consultation_id), None)
        if chosen is None:
            raise not_found("Consultation")
    elif intake and intake.get("consultation"):
        chosen = intake["consultation"]
    elif consultations:
        chosen = consultations[0]
    minutes = int((chosen or {}).get("duration") or 15)
    return minutes * 60


def _room_providers(
    conn: sqlite3.Connection, room: sqlite3.Row, provider_id: str | None
) -> list[sqlite3.Row]:
    providers = clinic.providers(conn, room["code"])
    if provider_id is not None:
        providers = [p for p in providers if str(p["id"]) == provider_id]
        if not providers:
            raise not_found("Provider")
    return providers


async def get_availability(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        account = auth.account_code(request, conn)
        caller = auth.authenticate(sandbox, request, conn, required=False)
        if caller is None:
            auth.check_api_key(request, conn, account, secret=True)
            for name in ("room_code", "start", "end", "consultation_id"):
                p.text(name, required=True)
        intake: dict[str, Any] | None = None
        if (intake_id := p.text("intake_id")) is not None and caller is not None:
            intake = visit_rows.intake_doc(own_intake(conn, caller, intake_id))
        room_code = p.text("room_code") or (intake or {}).get("room_code")
        if not room_code:
            raise bad_request("The field 'room_code' is required (or an intake with a room).")
        room = clinic.room(conn, room_code)
        if room is None or room["account_code"] != account:
            raise not_found("Room")
        location = p.text("location") or (intake or {}).get("location")
        slot_s = _slot_seconds(room, p.text("consultation_id"), intake)
        providers = _room_providers(conn, room, p.text("provider_id"))
        if not loads(room["doc"], {}).get("visits", {}).get("appointment", {}).get("enabled"):
            return ok({"slots": []})
        now = sandbox.now()
        tz = clinic.timezone(room)
        first_free = availability.first_free_finder(conn, providers, tz, slot_s, now, location)
        window = availability.resolve_window(
            p.integer("start"),
            p.integer("end"),
            p.integer("duration"),
            bool(p.flag("nearest")),
            first_free,
            now,
        )
        found = availability.free_slots(conn, providers, tz, window, slot_s, now, location)
    return ok({"slots": availability.slot_objects(found, str(room["id"]))})


def _booking_fields(p: Params) -> tuple[int, int, str, str]:
    start = p.integer("slot_start", required=True)
    end = p.integer("slot_end", required=True)
    room_code = p.text("room_code", required=True)
    intake_id = p.text("intake_id") or p.text("intakeId")
    if not intake_id:
        raise bad_request("The field 'intake_id' is required.")
    assert start is not None and end is not None and room_code is not None
    if end <= start:
        raise bad_request("'slot_end' must be after 'slot_start'.")
    return start, end, room_code, intake_id


async def create_appointment(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    start, end, room_code, intake_id = _booking_fields(p)
    kind = p.integer("type")
    if kind not in (None, visit_rows.SCHEDULED):
        raise bad_request("'type' must be 2 (scheduling).")
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        intake_row = own_intake(conn, caller, intake_id)
        intake = visit_rows.intake_doc(intake_row)
        room = clinic.room(conn, room_code)
        if room is None or room["account_code"] != caller.account:
            raise not_found("Room")
        if not loads(room["doc"], {}).get("visits", {}).get("appointment", {}).get("enabled"):
            raise bad_request("This room does not take appointments.")
        member_id = caller.id
        if (member := p.text("member_id")) is not None and member != str(caller.id):
            if not caller.staff:
                raise bad_request("'member_id' can only be your own id.")
            if users.get(conn, member) is None:
                raise not_found("Patient")
            member_id = int(member)
        now = sandbox.now()
        if start < now:
            raise bad_request("This time slot is in the past.")
        providers = _room_providers(conn, room, p.text("provider_id"))
        window = availability.Window(start, end)
        free = availability.free_slots(
            conn, providers, clinic.timezone(room), window, end - start, now, intake.get("location")
        )
        if (start, end) not in free:
            raise bad_request("This time slot is no longer available. Please choose another.")
        provider_id = free[(start, end)][0][0]
        row = visit_rows.insert_visit(
            conn,
            code=secrets.token_hex(16),
            member_id=member_id,
            provider_id=provider_id,
            room_code=room_code,
            intake_id=intake_row["id"],
            type=visit_rows.SCHEDULED,
            status=visit_rows.CONFIRMED,
            start=start,
            end=end,
            one_time_link_token=secrets.token_hex(5),
            payment=dumps(payment_for(room, intake)),
            created=now,
            modified=now,
        )
        intake.update(visit_id=str(row["id"]), room_code=room_code, type=visit_rows.SCHEDULED)
        visit_rows.save_intake(conn, intake_row["id"], intake, now)
        records.notify(
            conn,
            member_id,
            "visit.booked",
            "Your appointment is booked",
            {"visit_id": str(row["id"])},
            now,
        )
        log.info("sandbox.booked visit=%s room=%s", row["id"], room_code)
        return ok(views.visit(conn, row))


routes = [
    Route("/availability", get_availability, methods=["GET"]),
    Route("/visits", create_appointment, methods=["POST"]),
    Route("/appointments", create_appointment, methods=["POST"]),
]
