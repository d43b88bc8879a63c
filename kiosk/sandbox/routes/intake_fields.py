"""Reading intake fields in every spelling and format the doc allows, checked against the store."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from kiosk.sandbox import auth
from kiosk.sandbox.errors import bad_request, not_found
from kiosk.sandbox.params import Params
from kiosk.sandbox.store import clinic, users
from kiosk.sandbox.store import files as file_rows

#: Keys handled below; other fields are stored as sent (e.g. the doc's ``reset``, or a clinic
#: form's answers: numbers, objects, lists of objects sent as bracket keys), within limits.
_HANDLED = {
    "room_code",
    "room",
    "reason_for_visit",
    "reasonforvisit",
    "type",
    "provider_id",
    "provider",
    "member_id",
    "location",
    "phone",
    "attachments",
    "consultation",
    "consent",
    "intakeId",
}
_MAX_EXTRA_FIELDS = 50
#: Largest structured extra (an intake form's medication list), as JSON characters.
_MAX_EXTRA_JSON = 20_000


def _attachment_ids(value: Any) -> list[str]:
    """The doc's three formats: ``[{id: ..}]``, ``["id", ..]`` or ``"id,id"``."""
    if value in (None, ""):
        return []
    items = value.split(",") if isinstance(value, str) else value
    if isinstance(items, dict):  # bracket keys like attachments[0]=..
        items = list(items.values())
    if not isinstance(items, list):
        raise bad_request("'attachments' must be a list of file ids.")
    ids: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("id", item.get("_id"))
        if not isinstance(item, str) or not item.strip():
            raise bad_request("'attachments' must be a list of file ids.")
        ids.append(item.strip())
    return ids


def _consultation(conn: sqlite3.Connection, value: Any, room_code: str | None) -> dict[str, Any]:
    """A consultation object (JSON, JSON string or bracket keys); an ``id`` the room knows is
    completed from the room's own record, so prices cannot be set by the caller."""
    if not isinstance(value, dict):
        raise bad_request("'consultation' must be an object.")
    room = clinic.room(conn, room_code) if room_code else None
    if room is not None and value.get("id"):
        known = next((c for c in clinic.consultations(room) if c.get("id") == value["id"]), None)
        if known is None:
            raise bad_request("'consultation' is not offered in this room.")
        return dict(known)
    return value


def intake_changes(
    conn: sqlite3.Connection, caller: auth.Caller, p: Params, current: dict[str, Any]
) -> dict[str, Any]:
    """Validated changes to an intake document (400/404 on bad values, nothing stored)."""
    changes: dict[str, Any] = {}
    room_code = p.text("room_code") or p.text("room")
    if room_code is not None:
        room = clinic.room(conn, room_code)
        if room is None or room["account_code"] != caller.account:
            raise not_found("Room")
        changes["room_code"] = room_code
    for key in ("reason_for_visit", "reasonforvisit"):
        if key in p.values:
            reason = p.structured(key)
            if isinstance(reason, list) and all(isinstance(r, str) for r in reason):
                changes["reason_for_visit"] = reason
            elif isinstance(reason, str | int | float) and not isinstance(reason, bool):
                changes["reason_for_visit"] = p.text(key, max_len=2000) or ""
            else:
                raise bad_request(f"'{key}' must be text or a list of texts.")
    kind = p.integer("type")
    if kind is not None:
        if kind not in (1, 2):
            raise bad_request("'type' must be 1 (walk-in) or 2 (scheduled).")
        changes["type"] = kind
    provider_id = p.text("provider_id") or p.text("provider")
    if provider_id is not None:
        provider = users.get(conn, provider_id)
        if provider is None or provider["type"] != users.PROVIDER:
            raise not_found("Provider")
        changes["provider_id"] = str(provider["id"])
    for key in ("member_id", "location", "phone", "consent"):
        if key in p.values:
            changes[key] = p.text(key, max_len=200) or ""
    if "attachments" in p.values:
        ids = _attachment_ids(p.structured("attachments"))
        for file_id in ids:
            row = file_rows.get(conn, file_id)
            if row is None or not auth.may_access(caller, row["owner_id"]):
                raise bad_request("An attachment is not one of your uploaded files.")
        changes["attachments"] = ids
    if "consultation" in p.values:
        value = p.structured("consultation")
        room_code = changes.get("room_code") or current.get("room_code")
        changes["consultation"] = _consultation(conn, value, room_code) if value else None
    extras = [k for k in p.values if k not in _HANDLED]
    if len(extras) > _MAX_EXTRA_FIELDS:
        raise bad_request("Too many fields.")
    for key in extras:
        value = p.raw(key)
        if len(key) > 64:
            continue
        if isinstance(value, str | int | float | bool):
            changes[key] = value
        elif isinstance(value, dict | list):
            if len(json.dumps(value)) > _MAX_EXTRA_JSON:
                raise bad_request(f"'{key}' is too large.")
            changes[key] = value
    return changes
