"""The JSON shapes of composite objects (intakes, visits) as the doc's examples show them."""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.sandbox import files
from kiosk.sandbox.store import clinic, users
from kiosk.sandbox.store import files as file_rows
from kiosk.sandbox.store import visits as visit_rows

_INTAKE_KEYS = (
    "reason_for_visit",
    "room_code",
    "location",
    "phone",
    "provider_id",
    "member_id",
    "consultation",
    "consent",
    "visit_id",
    "invoice_id",
)


def intake(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """``GET /intakes/:id``: stored fields plus ``room``/``provider`` aliases and attachments."""
    doc = visit_rows.intake_doc(row)
    out: dict[str, Any] = {key: value for key, value in doc.items() if key != "attachments"}
    for key in _INTAKE_KEYS:
        out.setdefault(key, None)
    out["type"] = str(doc["type"]) if doc.get("type") is not None else None
    out["room"] = doc.get("room_code")
    out["provider"] = doc.get("provider_id")
    out["member_id"] = doc.get("member_id") or str(row["user_id"])
    out["attachments"] = [
        files.attachment(f)
        for file_id in doc.get("attachments", [])
        if (f := file_rows.get(conn, file_id)) is not None
    ]
    out["created"] = row["created"]
    out["modified"] = row["modified"]
    out["id"] = row["id"]
    return out


def visit(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """A visit with ``intake``, ``provider``, ``member``, ``room`` and payment (string ids)."""
    member = users.get(conn, row["member_id"])
    provider = users.get(conn, row["provider_id"]) if row["provider_id"] is not None else None
    room = clinic.room(conn, row["room_code"])
    intake_row = visit_rows.intake(conn, row["intake_id"]) if row["intake_id"] else None
    payment = visit_rows.loads_payment(row)
    out: dict[str, Any] = {
        "id": str(row["id"]),
        "_id": str(row["id"]),
        "member_id": str(row["member_id"]),
        "provider_id": str(row["provider_id"]) if row["provider_id"] is not None else None,
        "account_code": room["account_code"] if room else None,
        "code": row["code"],
        "start": row["start"],
        "end": row["end"],
        "actual_start": row["actual_start"],
        "actual_end": row["actual_end"],
        "specialty_id": None,
        "state": None,
        "type": row["type"],
        "subtype": 3,
        "status": row["status"],
        "completed_by": str(row["completed_by"]) if row["completed_by"] is not None else None,
        "created": row["created"],
        "modified": row["modified"],
        "room_id": str(room["id"]) if room else None,
        "room_code": row["room_code"],
        "intake_id": row["intake_id"],
        "payment": payment,
        "intake": intake(conn, intake_row) if intake_row else None,
        "provider": users.brief(provider) if provider else None,
        "member": users.brief(member) if member else None,
        "room": clinic.room_brief(room) if room else None,
        "host_ids": [str(row["provider_id"])] if row["provider_id"] is not None else [],
    }
    if row["type"] == visit_rows.SCHEDULED:
        out["one_time_link_token"] = row["one_time_link_token"]
    return out
