"""File storage on disk, signed links (``auth_code`` + ``time``) and image resizing."""

from __future__ import annotations

import hmac
import io
import mimetypes
import re
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.sandbox.context import Sandbox
from kiosk.sandbox.errors import ApiProblem, bad_request, forbidden
from kiosk.sandbox.store import users

CATEGORIES = ("intake_attachment", "user_consent", "user_avatar", "user_document")
IMAGE_EXTS = ("png", "jpg", "jpeg", "gif", "webp", "bmp")
MAX_RESIZE_EDGE = 4096
_SIZE = re.compile(r"^(\d{1,5})x(\d{1,5})$")
_SAFE_EXT = re.compile(r"^[a-z0-9]{1,8}$")


def split_name(name: str) -> tuple[str, str]:
    """A cleaned display name (no folders) and its lower-case extension."""
    base = Path(name.replace("\\", "/")).name.strip() or "file"
    ext = Path(base).suffix.lstrip(".").lower()
    return base[:200], ext if _SAFE_EXT.match(ext) else ""


def content_type_for(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def link(sandbox: Sandbox, api_base: str, file_id: str) -> tuple[str, str, int]:
    """``(fullpath, auth_code, time)`` for a fresh link to a file."""
    time = sandbox.now()
    code = sandbox.auth_code(file_id, time)
    return f"{api_base}files/{file_id}?auth_code={code}&time={time}", code, time


def check_link(sandbox: Sandbox, file_id: str, auth_code: str, time: str) -> None:
    """403 unless ``auth_code`` signs id+time and the link is younger than its lifetime."""
    if not time.isdigit():
        raise forbidden("This file link is not valid.")
    expected = sandbox.auth_code(file_id, int(time))
    if not hmac.compare_digest(expected, auth_code):
        raise forbidden("This file link is not valid.")
    if sandbox.now() - int(time) > sandbox.config.file_link_lifetime_s:
        raise forbidden("This file link has expired.")


def info(
    sandbox: Sandbox, conn: sqlite3.Connection, row: sqlite3.Row, api_base: str
) -> dict[str, Any]:
    """The FileInfo object of the doc's ``POST /files`` answer."""
    fullpath, _, _ = link(sandbox, api_base, row["id"])
    creator: dict[str, Any] | None = None
    if row["owner_id"] is not None and (owner := users.get(conn, row["owner_id"])):
        creator = {
            "id": str(owner["id"]),
            "username": owner["username"],
            "email": owner["email"],
            "type": owner["type"],
            "full_name": users.full_name(owner),
        }
    return {
        "id": row["id"],
        "name": row["name"],
        "size": row["size"],
        "ext": row["ext"],
        "fullpath": fullpath,
        "meta": {
            "category": row["category"],
            "target": {"id": row["target_id"], "type": row["target_type"]},
            "account": {"code": row["account_code"]},
        },
        "creator": creator,
        "created": row["created"],
        "modified": row["modified"],
    }


def attachment(row: sqlite3.Row) -> dict[str, Any]:
    """An intake attachment in the doc's older shape (``_id``, ``path``, ``using``…)."""
    return {
        "_id": row["id"],
        "id": row["id"],
        "name": row["name"],
        "path": f"files/{row['id']}.{row['ext']}" if row["ext"] else f"files/{row['id']}",
        "size": row["size"],
        "ext": row["ext"],
        "type": 0,
        "creator_id": str(row["owner_id"]) if row["owner_id"] is not None else None,
        "remark": None,
        "using": 1,
        "modified": {"sec": row["modified"], "usec": 0},
        "created": {"sec": row["created"], "usec": 0},
    }


def write_upload(target: Path, source: Any, limit: int) -> int:
    """Copy an upload (a binary file object) to ``target`` in chunks; 413 past ``limit`` bytes.
    Runs in a worker thread: it blocks on disk."""
    size = 0
    with target.open("wb") as out:
        while chunk := source.read(64 * 1024):
            size += len(chunk)
            if size > limit:
                out.close()
                target.unlink(missing_ok=True)
                raise ApiProblem(413, f"The upload is larger than {limit} bytes.")
            out.write(chunk)
    return size


def parse_size(value: str) -> tuple[int, int]:
    match = _SIZE.match(value.strip())
    if not match:
        raise bad_request("'size' must look like 320x240.")
    width, height = int(match[1]), int(match[2])
    if not (0 < width <= MAX_RESIZE_EDGE and 0 < height <= MAX_RESIZE_EDGE):
        raise bad_request(f"'size' must be between 1x1 and {MAX_RESIZE_EDGE}x{MAX_RESIZE_EDGE}.")
    return width, height


def resized_png(path: Path, width: int, height: int) -> bytes:
    """The image scaled to fit inside WxH, aspect kept, as PNG. Blocks: call from a thread."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.load()
            fitted = ImageOps.contain(image.convert("RGBA"), (width, height))
    except (UnidentifiedImageError, OSError):
        raise bad_request("The file is not an image that can be resized.") from None
    buffer = io.BytesIO()
    fitted.save(buffer, format="PNG")
    return buffer.getvalue()
