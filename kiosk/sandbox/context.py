"""The state one sandbox server shares between its requests, tasks and control endpoints."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from kiosk.sandbox.clock import SandboxClock
from kiosk.sandbox.faults import FaultState
from kiosk.sandbox.options import SandboxConfig
from kiosk.sandbox.store import Store

log = logging.getLogger("kiosk.sandbox")

#: The sandbox is the clinic's server, not the kiosk: it keeps its records (which do hold the
#: test patients' details, as VSee's servers would) apart from the kiosk's own data dir.
APP_NAME = "clinic-kiosk-sandbox"


def default_db_path() -> Path:
    """``<platformdirs data dir of clinic-kiosk-sandbox>/sandbox.sqlite3``."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "sandbox.sqlite3"


@dataclass
class Sandbox:
    """Store, clock, fault state, files folder and the secret that signs file links.

    ``temp_dir`` is set when the sandbox made a temporary files folder (in-memory database);
    ``close()`` removes it.
    """

    config: SandboxConfig
    store: Store
    clock: SandboxClock
    faults: FaultState
    files_dir: Path
    temp_dir: Path | None = None
    link_secret: bytes = b""
    counters: dict[str, int] = field(default_factory=lambda: {"logged_out_tokens": 0})

    @classmethod
    def open(cls, config: SandboxConfig, clock: SandboxClock | None = None) -> Sandbox:
        db = config.db_path if config.db_path is not None else default_db_path()
        temp_dir: Path | None = None
        if str(db) == ":memory:":
            temp_dir = Path(tempfile.mkdtemp(prefix="kiosk-sandbox-"))
            files_dir = config.files_dir or temp_dir / "files"
        else:
            db = Path(db)
            db.parent.mkdir(parents=True, exist_ok=True)
            files_dir = config.files_dir or db.parent / f"{db.stem}_files"
        files_dir.mkdir(parents=True, exist_ok=True)
        store = Store(db)
        log.info("sandbox.opened memory=%s", temp_dir is not None)
        sandbox = cls(
            config, store, clock or SandboxClock(), FaultState(config.faults), files_dir, temp_dir
        )
        sandbox.link_secret = sandbox._load_secret()
        return sandbox

    def now(self) -> int:
        return self.clock.now_int()

    def _load_secret(self) -> bytes:
        """The server secret for file links, made once per database and kept in it."""
        with self.store.tx() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'secret'").fetchone()
            if row:
                return bytes.fromhex(row[0])
            value = secrets.token_bytes(32)
            conn.execute("INSERT INTO meta VALUES ('secret', ?)", (value.hex(),))
            return value

    def auth_code(self, file_id: str, time: int) -> str:
        """HMAC-SHA1 of id + time (40 hex digits, the length the doc's codes have)."""
        return hmac.new(self.link_secret, f"{file_id}{time}".encode(), hashlib.sha1).hexdigest()

    def close(self) -> None:
        self.store.close()
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
