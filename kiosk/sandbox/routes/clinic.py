"""``/settings``, ``/accounts`` and ``/rooms`` (rooms, providers, queue, room membership)."""

from __future__ import annotations

import logging
import secrets
import string
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.sandbox import auth
from kiosk.sandbox.errors import bad_request, not_found, quoted
from kiosk.sandbox.queue import queue_status
from kiosk.sandbox.routes.base import api_base, ok, params, sandbox_of
from kiosk.sandbox.seed.data import CONSULT_15, room_doc
from kiosk.sandbox.store import clinic, loads, users

log = logging.getLogger("kiosk.sandbox.clinic")
_ROOM_CODE_CHARS = string.ascii_lowercase + string.digits


async def get_settings(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        return ok(clinic.settings(conn, auth.account_code(request, conn)))


async def get_setting(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        node: Any = clinic.settings(conn, auth.account_code(request, conn))
    for part in request.path_params["path"].strip("/").split("/"):
        if not isinstance(node, dict) or part not in node:
            raise not_found("Setting")
        node = node[part]
    return ok(node)


async def list_accounts(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        rows = clinic.accounts(conn)
        return ok([{"code": r["code"], "name": loads(r["doc"], {}).get("name")} for r in rows])


async def get_account(request: Request) -> Response:
    """The account document; its ``files`` paths point at this server's ``/files/<id>`` with
    no ``auth_code``, exactly as the doc shows them (read with any account user's token)."""
    sandbox = sandbox_of(request)
    code = request.path_params["code"]
    with sandbox.store.tx() as conn:
        if code == "-":
            caller = auth.authenticate(sandbox, request, conn, required=False)
            code = caller.account if caller else auth.account_code(request, conn)
        row = clinic.account(conn, code)
        if row is None:
            raise not_found("Account")
        doc = loads(row["doc"], {})
    if sandbox.config.doc_examples is None:  # doc mode keeps the doc's own api.vsee.me paths
        for entry in doc.get("files", []):
            entry["path"] = f"{api_base(request)}files/{entry['file_id']}"
    return ok(doc)


async def list_rooms(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        account = auth.account_code(request, conn)
        return ok([clinic.room_public(conn, r) for r in clinic.rooms(conn, account)])


async def create_room(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        auth.require_staff(caller)
        domain = p.text("domain", required=True, max_len=200)
        name = p.text("name", required=True, max_len=200)
        code = p.text("code", max_len=64) or "".join(
            secrets.choice(_ROOM_CODE_CHARS) for _ in range(5)
        )
        slug = p.text("slug", max_len=64) or code
        assert domain is not None and name is not None
        if clinic.room_by_slug(conn, domain, slug) is not None:
            raise bad_request(f"In domain {quoted(domain)} slug {quoted(slug)} already exists.")
        if clinic.room(conn, code) is not None:
            raise bad_request(f"Room code {quoted(code)} already exists.")
        doc = room_doc(
            name,
            walkin=True,
            appointment=True,
            consultations=[dict(CONSULT_15)],
            subtitle="If this is an emergency, please call 911.",
        )
        row = clinic.insert_room(
            conn,
            code=code,
            account_code=caller.account,
            domain=domain,
            slug=slug,
            doc=doc,
            now=sandbox.now(),
        )
        if caller.type == users.PROVIDER:
            clinic.add_user_room(conn, caller.id, code, None)
        log.info("sandbox.room_created room=%s", code)
        return ok(clinic.room_public(conn, row))


def _room_or_404(request: Request, conn: Any) -> Any:
    room = clinic.room(conn, request.path_params["code"])
    if room is None or room["account_code"] != auth.account_code(request, conn):
        raise not_found("Room")
    return room


async def get_room(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        return ok(clinic.room_public(conn, _room_or_404(request, conn)))


async def room_providers(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        room = _room_or_404(request, conn)
        return ok([users.public(r) for r in clinic.providers(conn, room["code"])])


async def room_provider(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        room = _room_or_404(request, conn)
        wanted = request.path_params["provider_id"]
        row = next(
            (r for r in clinic.providers(conn, room["code"]) if str(r["id"]) == wanted), None
        )
        if row is None:
            raise not_found("Provider")
        return ok(users.public(row))


async def room_queue(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        room = _room_or_404(request, conn)
        caller = auth.authenticate(sandbox, request, conn, required=False)
        return ok(queue_status(conn, room, sandbox.now(), caller.id if caller else None))


async def add_user_room(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        auth.require_staff(caller)
        target = auth.target_user(conn, caller, request.path_params["user_id"])
        if target["type"] != users.PROVIDER:
            raise bad_request("Only providers can be assigned to rooms.")
        code = p.text("code", required=True)
        room = clinic.room(conn, code or "")
        if room is None or room["account_code"] != caller.account:
            raise not_found("Room")
        clinic.add_user_room(conn, target["id"], room["code"], p.flag("default"))
        rooms = clinic.user_rooms(conn, target["id"])
        return ok(
            [{**clinic.room_public(conn, r), "_id": str(r["id"]), "default": d} for r, d in rooms]
        )


routes = [
    Route("/settings", get_settings, methods=["GET"]),
    Route("/settings/{path:path}", get_setting, methods=["GET"]),
    Route("/accounts", list_accounts, methods=["GET"]),
    Route("/accounts/{code}", get_account, methods=["GET"]),
    Route("/rooms", list_rooms, methods=["GET"]),
    Route("/rooms", create_room, methods=["POST"]),
    Route("/rooms/{code}", get_room, methods=["GET"]),
    Route("/rooms/{code}/providers", room_providers, methods=["GET"]),
    Route("/rooms/{code}/providers/{provider_id}", room_provider, methods=["GET"]),
    Route("/rooms/{code}/queue", room_queue, methods=["GET"]),
    Route("/users/{user_id}/rooms", add_user_room, methods=["POST"]),
]
