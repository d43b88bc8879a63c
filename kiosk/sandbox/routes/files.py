"""``/files``: multipart upload to disk, list, signed download (with image resize), rename,
delete."""

from __future__ import annotations

import logging
import sqlite3
import uuid
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from kiosk.sandbox import auth
from kiosk.sandbox import files as file_store
from kiosk.sandbox.errors import bad_request, forbidden, not_found
from kiosk.sandbox.routes.base import api_base, ok, params, sandbox_of
from kiosk.sandbox.store import files as file_rows

log = logging.getLogger("kiosk.sandbox.files")


async def upload(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:  # the caller first: no body is read for a stranger
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
    p = await params(request)
    limit = sandbox.config.max_upload_bytes
    part = p.files.get("file")
    if part is None:
        raise bad_request("Send the file as the multipart field 'file'.")
    meta = p.structured("meta")
    category = (
        p.text("meta.category")
        or (meta.get("category") if isinstance(meta, dict) else None)
        or "user_document"
    )
    if category not in file_store.CATEGORIES:
        raise bad_request(f"'meta.category' must be one of: {', '.join(file_store.CATEGORIES)}.")
    name, ext = file_store.split_name(part.filename or "file")
    file_id = str(uuid.uuid4())
    stored = f"{file_id}.{ext}" if ext else file_id
    target = sandbox.files_dir / stored
    size = await run_in_threadpool(file_store.write_upload, target, part.file, limit)
    try:
        with sandbox.store.tx() as conn:
            now = sandbox.now()
            row = file_rows.insert(
                conn,
                id=file_id,
                owner_id=caller.id,
                account_code=caller.account,
                name=name,
                ext=ext,
                size=size,
                category=category,
                target_type="user",
                target_id=str(caller.id),
                content_type=file_store.content_type_for(name),
                stored_name=stored,
                created=now,
                modified=now,
            )
            answer = file_store.info(sandbox, conn, row, api_base(request))
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    log.info("sandbox.file_uploaded file=%s bytes=%d category=%s", file_id, size, category)
    return ok(answer)


async def list_files(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        target_id = p.text("target_id")
        target_type = p.text("target_type")
        if target_type not in (None, "user", "visit"):
            raise bad_request("'target_type' must be 'user' or 'visit'.")
        if not caller.staff and target_id not in (None, str(caller.id)):
            raise forbidden("You can only list your own files.")
        rows = file_rows.search(
            conn,
            account=caller.account,
            owner_id=None if caller.staff else caller.id,
            target_id=target_id,
            target_type=target_type,
            category=p.text("category_type"),
        )
        return ok([file_store.info(sandbox, conn, r, api_base(request)) for r in rows])


async def download(request: Request) -> Response:
    """With ``auth_code`` and ``time`` anyone holding the link may read; without them the
    owner's (or staff's) ``X-ApiToken`` is needed. The account's own documents (logo, consent,
    terms: the doc's ``files[].path`` carries no ``auth_code``) are the clinic's public face:
    anyone naming the account may read them (a kiosk shows the logo before anyone signs in)."""
    sandbox, p = sandbox_of(request), await params(request)
    file_id = request.path_params["file_id"]
    size = p.text("size")
    with sandbox.store.tx() as conn:
        row = file_rows.get(conn, file_id)
        code, time = p.text("auth_code"), p.text("time")
        if row is not None and _account_document(row):
            if row["account_code"] != auth.account_code(request, conn):
                raise not_found("File")
        elif code or time:
            file_store.check_link(sandbox, file_id, code or "", time or "")
        else:
            caller = auth.authenticate(sandbox, request, conn)
            assert caller is not None
            if row is not None and not _may_read(caller, row):
                raise forbidden("This file belongs to another patient.")
        if row is None:
            raise not_found("File")
    path: Path = sandbox.files_dir / row["stored_name"]
    if not path.exists():
        raise not_found("File content")
    if size and row["ext"] in file_store.IMAGE_EXTS:
        width, height = file_store.parse_size(size)
        png = await run_in_threadpool(file_store.resized_png, path, width, height)
        return Response(png, media_type="image/png")
    return FileResponse(path, media_type=row["content_type"])


def _account_document(row: sqlite3.Row) -> bool:
    return bool(row["target_type"] == "account" and row["owner_id"] is None)


def _may_read(caller: auth.Caller, row: sqlite3.Row) -> bool:
    return auth.may_access(caller, row["owner_id"])


def _own_file(request: Request, conn: sqlite3.Connection, caller: auth.Caller) -> sqlite3.Row:
    row = file_rows.get(conn, request.path_params["file_id"])
    if row is None:
        raise not_found("File")
    if row["owner_id"] is None or not auth.may_access(caller, row["owner_id"]):
        raise forbidden("This file belongs to someone else.")
    return row


async def rename(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    name = p.text("name", required=True, max_len=200)
    assert name is not None
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = _own_file(request, conn, caller)
        clean, ext = file_store.split_name(name)
        file_rows.rename(conn, row["id"], clean, ext or row["ext"], sandbox.now())
        fresh = file_rows.get(conn, row["id"])
        assert fresh is not None
        return ok(file_store.info(sandbox, conn, fresh, api_base(request)))


async def delete(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        row = _own_file(request, conn, caller)
        file_rows.delete(conn, row["id"])
        stored = row["stored_name"]
    (sandbox.files_dir / stored).unlink(missing_ok=True)
    return ok(True)


routes = [
    Route("/files", upload, methods=["POST"]),
    Route("/files", list_files, methods=["GET"]),
    Route("/files/{file_id}", download, methods=["GET"]),
    Route("/files/{file_id}", rename, methods=["POST", "PUT"]),
    Route("/files/{file_id}", delete, methods=["DELETE"]),
]
