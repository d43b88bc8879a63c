"""Demo data for a fresh sandbox: the doc's ``vclinic`` account, rooms, people and directories.

``seed()`` is idempotent: every row has a fixed key and is only added when missing, and the
account files are rewritten to disk only when absent, so an existing database keeps its state.
"""

from __future__ import annotations

import io
import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

from kiosk.sandbox.context import Sandbox
from kiosk.sandbox.seed import data
from kiosk.sandbox.store import clinic, dumps, users

log = logging.getLogger("kiosk.sandbox.seed")

SEED_DIR = Path(__file__).resolve().parent
ACCOUNT_FILE = SEED_DIR / "vclinic_account.json"
#: New users and visits get ids above these (the doc's examples use ids of this size).
FIRST_USER_ID = 10_000
FIRST_VISIT_ID = 67_250


def load_account() -> dict[str, Any]:
    """The ``/accounts/vclinic`` document, with the full ``states`` wizard definition."""
    return json.loads(ACCOUNT_FILE.read_text(encoding="utf-8"))


def seed(sandbox: Sandbox) -> None:
    now = sandbox.now()
    account = load_account()
    with sandbox.store.tx() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO meta VALUES ('default_account', ?)", (data.ACCOUNT_CODE,)
        )
        conn.execute(
            "INSERT OR IGNORE INTO accounts VALUES (?,?,?,?,?)",
            (
                data.ACCOUNT_CODE,
                data.API_KEY,
                data.API_SECRET,
                dumps(account),
                dumps(data.SETTINGS),
            ),
        )
        _seed_people(conn, now)
        _seed_rooms(conn, now)
        _seed_directories(conn)
        _seed_files(sandbox, conn, account, now)
        for table, first in (("users", FIRST_USER_ID), ("visits", FIRST_VISIT_ID)):
            conn.execute(
                "INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS"
                " (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
                (table, first, table),
            )
            conn.execute(
                "UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?",
                (first, table, first),
            )
    log.info("sandbox.seeded")


def _seed_people(conn: sqlite3.Connection, now: int) -> None:
    account = data.ACCOUNT_CODE
    people: list[tuple[int, dict[str, Any]]] = [(users.CLINIC_ADMIN, data.ADMIN)]
    people += [(users.MEMBER, m) for m in data.MEMBERS]
    for provider in data.PROVIDERS:
        profile = {
            **provider["profile"],
            "schedule": data.SCHEDULE,
            "licensed_states": data.PROVIDER_STATES,
        }
        people.append(
            (users.PROVIDER, {**provider, "profile": profile, "password": data.PROVIDER_PASSWORD})
        )
    for kind, person in people:
        if users.by_username(conn, person["username"]) is not None:
            continue
        row = users.create(
            conn,
            account=account,
            type=kind,
            now=now,
            username=person["username"],
            email=person["email"],
            password=person.get("password"),
            active=person.get("active", True),
            user_id=person["id"],
            profile=person["profile"],
        )
        if person.get("email_token"):
            conn.execute(
                "UPDATE users SET email_token = ? WHERE id = ?", (person["email_token"], row["id"])
            )


def _seed_rooms(conn: sqlite3.Connection, now: int) -> None:
    for spec in data.ROOMS:
        if clinic.room(conn, spec["code"]) is not None:
            continue
        clinic.insert_room(
            conn,
            code=spec["code"],
            account_code=data.ACCOUNT_CODE,
            domain=data.DOMAIN,
            slug=spec["slug"],
            doc=spec["doc"],
            now=now,
            room_id=spec["id"],
        )
        for index, provider_id in enumerate(spec["providers"]):
            clinic.add_user_room(conn, provider_id, spec["code"], index == 0 or None)


def _seed_directories(conn: sqlite3.Connection) -> None:
    for pharmacy in data.PHARMACIES:
        doc = {"address_more": "", "country": "", "fax": "", "type": "sandbox", **pharmacy}
        conn.execute(
            "INSERT OR IGNORE INTO pharmacy_directory VALUES (?, ?)", (pharmacy["code"], dumps(doc))
        )
    for item in data.PRESCRIPTIONS:
        doc = item["doc"]
        conn.execute(
            "INSERT OR IGNORE INTO prescriptions VALUES (?,?,?,?)",
            (doc["ID"], item["user_id"], doc["Status"], dumps(doc)),
        )
    for code, percent in data.PROMO_CODES.items():
        conn.execute("INSERT OR IGNORE INTO promo_codes VALUES (?, ?)", (code, percent))


def _seed_files(
    sandbox: Sandbox, conn: sqlite3.Connection, account: dict[str, Any], now: int
) -> None:
    for entry in account.get("files", []):
        spec = data.DOCUMENT_FILES.get(entry.get("code"))
        if spec is None:
            continue
        name, content_type = spec
        file_id = entry["file_id"]
        content = _logo_png() if name.endswith(".png") else (SEED_DIR / name).read_bytes()
        stored = f"{file_id}{Path(name).suffix}"
        target = sandbox.files_dir / stored
        if not target.exists():
            target.write_bytes(content)
        conn.execute(
            "INSERT OR IGNORE INTO files (id, owner_id, account_code, name, ext, size, category,"
            " target_type, target_id, content_type, stored_name, created, modified)"
            " VALUES (?, NULL, ?, ?, ?, ?, 'account_document', 'account', ?, ?, ?, ?, ?)",
            (
                file_id,
                data.ACCOUNT_CODE,
                name,
                Path(name).suffix.lstrip("."),
                len(content),
                data.ACCOUNT_CODE,
                content_type,
                stored,
                now,
                now,
            ),
        )


def _logo_png() -> bytes:
    """A plain teal square with a white cross, drawn on demand (no binary file in the repo)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (256, 256), (38, 120, 125))
    draw = ImageDraw.Draw(image)
    draw.rectangle((108, 48, 148, 208), fill="white")
    draw.rectangle((48, 108, 208, 148), fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
