"""``/users/:id/emr`` (health record) and ``/users/:id/erx`` (prescriptions, pharmacies)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.sandbox import auth
from kiosk.sandbox.errors import bad_request, not_found
from kiosk.sandbox.routes.base import ok, params, sandbox_of
from kiosk.sandbox.store import records, users

_LIST_RECORDS = ("conditions", "surgeries", "allergies", "medications", "family_conditions")
_PHARMACY_TEXT = (
    "name",
    "address",
    "address_more",
    "code",
    "city",
    "country",
    "state",
    "zip",
    "phone",
    "fax",
    "type",
)


async def get_emr(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        target = auth.target_user(conn, caller, request.path_params["user_id"])
        return ok(records.emr(conn, target["id"]))


async def update_emr(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    name = request.path_params["name"]
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        target = auth.target_user(conn, caller, request.path_params["user_id"])
        if name not in records.EMR_NAMES:
            raise not_found("Health record section")
        not_reported = bool(p.flag("data_not_reported"))
        data = p.structured("data")
        if data is None:
            if not not_reported:
                raise bad_request("'data' is required unless 'data_not_reported' is true.")
            data = []
        if name in _LIST_RECORDS:
            if not isinstance(data, list) or not all(isinstance(i, dict) for i in data):
                raise bad_request(f"'data' for {name} must be a list of objects.")
        elif not isinstance(data, dict | list):
            raise bad_request(f"'data' for {name} must be an object.")
        by = caller.user
        doc = {
            "data": data,
            "data_not_reported": not_reported,
            "modified": sandbox.now(),
            "modified_by": {
                "id": str(by["id"]),
                "type": str(by["type"]),
                "subtype": "",
                "first_name": users.doc(by).get("first_name", ""),
                "last_name": users.doc(by).get("last_name", ""),
            },
        }
        records.save_emr(conn, target["id"], name, doc)
    return ok(doc)


async def list_prescriptions(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        target = auth.target_user(conn, caller, request.path_params["user_id"])
        status = p.text("status") or "Current"
        return ok(records.prescriptions(conn, target["id"], status))


def _matches(pharmacy: dict[str, Any], words: list[str]) -> bool:
    haystack = " ".join(
        str(pharmacy.get(k, "")) for k in ("name", "address", "city", "state", "zip")
    ).lower()
    return all(word in haystack for word in words)


async def list_pharmacies(request: Request) -> Response:
    """Saved pharmacies first (the default marked), then the directory; ``search`` (words in
    name, address, city, state or ZIP) or ``zip`` narrow the directory."""
    sandbox, p = sandbox_of(request), await params(request)
    words = (p.text("search") or p.text("q") or p.text("zip") or "").lower().split()
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        target = auth.target_user(conn, caller, request.path_params["user_id"])
        saved = records.user_pharmacies(conn, target["id"])
        codes = {doc["code"] for doc, _ in saved}
        out = [{**doc, "is_default": default} for doc, default in saved]
        out += [
            {**doc, "is_default": False}
            for doc in records.directory(conn)
            if doc["code"] not in codes and _matches(doc, words)
        ]
    return ok(out)


async def save_pharmacy(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    doc: dict[str, Any] = {}
    for key in _PHARMACY_TEXT:
        value = p.text(key, required=key in ("name", "code"), max_len=300)
        doc[key] = value or ""
    for key in ("lat", "long", "distance"):
        value = p.raw(key)
        if value not in (None, ""):
            try:
                doc[key] = float(value)
            except (TypeError, ValueError):
                raise bad_request(f"'{key}' must be a number.") from None
    extra = p.structured("extra")
    if extra is not None:
        if not isinstance(extra, dict):
            raise bad_request("'extra' must be an object.")
        doc["extra"] = extra
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        target = auth.target_user(conn, caller, request.path_params["user_id"])
        records.save_pharmacy(conn, target["id"], doc)
    return ok(True)


async def delete_pharmacy(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        target = auth.target_user(conn, caller, request.path_params["user_id"])
        if not records.delete_pharmacy(conn, target["id"], request.path_params["code"]):
            raise not_found("Pharmacy")
    return ok(True)


routes = [
    Route("/users/{user_id}/emr", get_emr, methods=["GET"]),
    Route("/users/{user_id}/emr/{name}", update_emr, methods=["POST", "PUT"]),
    Route("/users/{user_id}/erx/prescriptions", list_prescriptions, methods=["GET"]),
    Route("/users/{user_id}/erx/pharmacies", list_pharmacies, methods=["GET"]),
    Route("/users/{user_id}/erx/pharmacies", save_pharmacy, methods=["POST"]),
    Route("/users/{user_id}/erx/pharmacies/{code}", delete_pharmacy, methods=["DELETE"]),
]
