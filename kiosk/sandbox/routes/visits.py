"""``/intakes``, ``/visits/add_walkin``, ``/visits/close`` and reading visits."""

from __future__ import annotations

import logging
import secrets
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.sandbox import auth, views
from kiosk.sandbox.errors import bad_request, forbidden, not_found
from kiosk.sandbox.queue import queue_status
from kiosk.sandbox.routes.base import ok, params, sandbox_of
from kiosk.sandbox.routes.intake_fields import intake_changes
from kiosk.sandbox.store import clinic, dumps, loads, records, users
from kiosk.sandbox.store import visits as visit_rows

log = logging.getLogger("kiosk.sandbox.visits")

CLOSE_STATUS = {
    "patientexitroom": visit_rows.CANCELLED,
    "patientcancelappointment": visit_rows.CANCELLED,
    "maxwaitingtime_reached": visit_rows.CANCELLED,
    "patientendcall": visit_rows.COMPLETED,
    "call_ended": visit_rows.COMPLETED,
}


def own_intake(conn: sqlite3.Connection, caller: auth.Caller, intake_id: str) -> sqlite3.Row:
    row = visit_rows.intake(conn, intake_id)
    if row is None:
        raise not_found("Intake")
    if not auth.may_access(caller, row["user_id"]):
        raise forbidden("This intake belongs to another patient.")
    return row


def own_visit(conn: sqlite3.Connection, caller: auth.Caller, visit_id: str) -> sqlite3.Row:
    row = visit_rows.visit(conn, visit_id)
    if row is None:
        raise not_found("Visit")
    if not (auth.may_access(caller, row["member_id"]) or row["provider_id"] == caller.id):
        raise forbidden("This visit belongs to another patient.")
    return row


def payment_for(room: sqlite3.Row, intake: dict[str, Any]) -> dict[str, Any]:
    consultation = intake.get("consultation") or next(iter(clinic.consultations(room)), {})
    return {
        "id": consultation.get("id"),
        "duration": consultation.get("duration"),
        "amount": f"{float(consultation.get('amount') or 0):.2f}",
        "description": consultation.get("description") or "Sandbox one-time charge",
    }


async def create_intake(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        doc = intake_changes(conn, caller, p, {})
        intake_id = visit_rows.create_intake(conn, caller.id, doc, sandbox.now())
    log.info("sandbox.intake_created intake=%s user=%s", intake_id, caller.id)
    return ok({"id": intake_id})


async def update_intake(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = own_intake(conn, caller, request.path_params["intake_id"])
        doc = visit_rows.intake_doc(row)
        doc.update(intake_changes(conn, caller, p, doc))
        visit_rows.save_intake(conn, row["id"], doc, sandbox.now())
    return ok({"id": row["id"]})


async def get_intake(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = own_intake(conn, caller, request.path_params["intake_id"])
        return ok(views.intake(conn, row))


def _member_for(conn: sqlite3.Connection, caller: auth.Caller, user_code: str | None) -> int:
    if not user_code:
        return caller.id
    row = users.by_code(conn, caller.account, user_code)
    if row is None:
        raise not_found("Patient")
    if row["id"] != caller.id and not caller.staff:
        raise forbidden("You can only enter the waiting room for yourself.")
    return int(row["id"])


async def add_walkin(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    intake_id = p.text("intake_id", required=True)
    assert intake_id is not None
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        intake = own_intake(conn, caller, intake_id)
        doc = visit_rows.intake_doc(intake)
        room_code = p.text("room_code") or doc.get("room_code")
        if not room_code:
            raise bad_request("The field 'room_code' is required.")
        room = clinic.room(conn, room_code)
        if room is None or room["account_code"] != caller.account:
            raise not_found("Room")
        member_id = _member_for(conn, caller, p.text("user_code"))
        provider_id = p.text("provider_id")
        if provider_id is not None:
            provider = users.get(conn, provider_id)
            if provider is None or provider["type"] != users.PROVIDER:
                raise not_found("Provider")
        now = sandbox.now()
        existing = visit_rows.current_of_member(conn, member_id)
        if existing is not None:
            if existing["intake_id"] == intake["id"]:
                return ok(views.visit(conn, existing))
            raise bad_request("You are already in a waiting room. Leave it first.")
        appointment_id = p.text("visit_id") or p.text("visit_data_id")
        row = _queue_visit(conn, room, intake, doc, member_id, provider_id, appointment_id, now)
        doc.update(visit_id=str(row["id"]), room_code=room_code, type=row["type"])
        visit_rows.save_intake(conn, intake["id"], doc, now)
        records.notify(
            conn,
            member_id,
            "visit.waiting",
            "You are in the waiting room",
            {"visit_id": str(row["id"])},
            now,
        )
        log.info("sandbox.walkin visit=%s room=%s", row["id"], room_code)
        return ok(views.visit(conn, row))


def _queue_visit(
    conn: sqlite3.Connection,
    room: sqlite3.Row,
    intake: sqlite3.Row,
    doc: dict[str, Any],
    member_id: int,
    provider_id: str | None,
    appointment_id: str | None,
    now: int,
) -> sqlite3.Row:
    settings = loads(room["doc"], {})
    if settings.get("operation_settings", {}).get("is_closed"):
        raise bad_request("This waiting room is closed now.")
    if appointment_id:
        booked = visit_rows.visit(conn, appointment_id)
        if booked is None or booked["member_id"] != member_id:
            raise not_found("Appointment")
        if booked["status"] != visit_rows.CONFIRMED:
            raise bad_request("This appointment cannot be started.")
        return visit_rows.update_visit(
            conn,
            booked["id"],
            status=visit_rows.PENDING,
            queued_at=now,
            intake_id=intake["id"],
            modified=now,
        )
    if not settings.get("visits", {}).get("walkin", {}).get("enabled", True):
        raise bad_request("This room does not take walk-in visits.")
    status = queue_status(conn, room, now, None)
    if status["length"] >= status["capacity"]:
        raise bad_request("The waiting room is full. Please try again later.")
    payment = payment_for(room, doc)
    return visit_rows.insert_visit(
        conn,
        code=secrets.token_hex(16),
        member_id=member_id,
        provider_id=int(provider_id) if provider_id else None,
        room_code=room["code"],
        intake_id=intake["id"],
        type=visit_rows.WALKIN,
        status=visit_rows.PENDING,
        start=now,
        end=now + 60 * int(payment["duration"] or 15),
        queued_at=now,
        payment=dumps(payment),
        created=now,
        modified=now,
    )


async def close_visit(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    visit_id = p.text("id", required=True)
    reason = p.text("reason")
    if reason is not None and reason not in CLOSE_STATUS:
        raise bad_request(f"'reason' must be one of: {', '.join(CLOSE_STATUS)}.")
    assert visit_id is not None
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = own_visit(conn, caller, visit_id)
        if row["status"] in (visit_rows.COMPLETED, visit_rows.CANCELLED):
            return ok({"id": str(row["id"])})  # already closed: the first reason stands
        if reason is None:
            reason = {
                visit_rows.IN_PROGRESS: "call_ended",
                visit_rows.CONFIRMED: "patientcancelappointment",
            }.get(row["status"], "patientexitroom")
        now = sandbox.now()
        status = CLOSE_STATUS[reason]
        visit_rows.update_visit(
            conn,
            row["id"],
            status=status,
            close_reason=reason,
            completed_by=caller.id,
            actual_end=now if row["actual_start"] else None,
            modified=now,
        )
    log.info("sandbox.visit_closed visit=%s status=%s reason=%s", row["id"], status, reason)
    return ok({"id": str(row["id"])})


async def list_visits(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        rows = (
            visit_rows.visits_of_provider(conn, caller.id)
            if caller.staff
            else visit_rows.visits_of_member(conn, caller.id)
        )
        return ok([views.visit(conn, row) for row in rows])


async def get_visit(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = own_visit(conn, caller, request.path_params["visit_id"])
        return ok(views.visit(conn, row))


async def current_visit(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = visit_rows.current_of_member(conn, caller.id)
        return ok(views.visit(conn, row) if row else None)


routes = [
    Route("/intakes", create_intake, methods=["POST"]),
    Route("/intakes/{intake_id}", update_intake, methods=["POST", "PUT"]),
    Route("/intakes/{intake_id}", get_intake, methods=["GET"]),
    Route("/visits/add_walkin", add_walkin, methods=["POST"]),
    Route("/visits/close", close_visit, methods=["POST"]),
    Route("/visits/current", current_visit, methods=["GET"]),
    Route("/visits", list_visits, methods=["GET"]),
    Route("/visits/{visit_id}", get_visit, methods=["GET"]),
]
