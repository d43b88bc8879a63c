"""Privacy: after a whole patient session that times out, nothing the patient entered is left on
the kiosk's machine (its platformdirs folders, the temp dir, WebEngine's storage) or in its
log, and the server saw the session closed and logged out."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import os
import random
import sqlite3
import string
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_driver import Patient
from pydantic import SecretStr

from kiosk.backend import SANDBOX_API_KEY, SANDBOX_API_SECRET
from kiosk.logging_setup import FORMAT, install_redaction
from kiosk.session import Stage
from kiosk.session.stages import Call

pytestmark = pytest.mark.e2e

#: Files bigger than this are not read (nothing the kiosk writes per patient comes close).
MAX_SCAN_BYTES = 64 * 1024 * 1024
XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def marker(prefix: str) -> str:
    """A word no file on this machine contains by chance (letters only, so no log pattern
    for dates, numbers or tokens masks it by accident: only the kiosk's own care can)."""
    return prefix + "".join(random.choices(string.ascii_lowercase, k=12))


def add_reason(db_path: Path, reason: str) -> None:
    """Offer ``reason`` among the clinic's reasons for visit, in the server's own database.

    The seeded clinic's reasons are a fixed list (no free text), so the marker becomes one of
    them; the patient then taps it like any other reason, and it travels the same way.
    """
    with sqlite3.connect(db_path) as conn:
        (doc,) = conn.execute("SELECT doc FROM accounts WHERE code = 'vclinic'").fetchone()
        account = json.loads(doc)
        intake = account["states"]["visits"]["intake"][0]["sections"][0]
        intake["schema"]["reason_for_visit"]["enum"].append(reason)
        conn.execute("UPDATE accounts SET doc = ? WHERE code = 'vclinic'", (json.dumps(account),))


def files_under(root: Path, skip: Path | None = None, newer_than: float = 0.0) -> Iterator[Path]:
    """Regular files below ``root`` (``skip`` and its contents left out) changed after
    ``newer_than`` (epoch seconds). Unreadable folders are skipped."""
    for folder, dirs, names in os.walk(root, onerror=lambda _e: None):
        here = Path(folder)
        if skip is not None:
            dirs[:] = [d for d in dirs if (here / d).resolve() != skip.resolve()]
        for name in names:
            path = here / name
            try:
                info = path.lstat()
            except OSError:
                continue
            if (
                path.is_file()
                and not path.is_symlink()
                and info.st_mtime >= newer_than
                and info.st_size <= MAX_SCAN_BYTES
            ):
                yield path


def needles(values: list[str]) -> dict[str, list[bytes]]:
    """Each value as the bytes it would be stored as: UTF-8 and UTF-16 (Chromium's storage),
    lower-cased so a file that changed its case is still found."""
    return {
        value: [value.lower().encode("utf-8"), value.lower().encode("utf-16-le")]
        for value in values
    }


def find_markers(paths: Iterator[Path], values: list[str]) -> dict[str, list[str]]:
    """Marker → files containing it."""
    wanted = needles(values)
    found: dict[str, list[str]] = {}
    for path in paths:
        try:
            data = path.read_bytes().lower()
        except OSError:
            continue
        for value, forms in wanted.items():
            if any(form in data for form in forms):
                found.setdefault(value, []).append(str(path))
    return found


@pytest.fixture
def session_log() -> Iterator[io.StringIO]:
    """Everything logged during the test, through the same redaction filter as the app's own
    handlers and at the app's levels (root INFO, httpx and httpcore WARNING)."""
    stream = io.StringIO()
    handler = install_redaction(logging.StreamHandler(stream))
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in ("", "httpx", "httpcore")}
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def test_a_timed_out_session_leaves_no_patient_data_behind(
    start_kiosk, server_dir, isolated_dirs, session_log, tmp_path, monkeypatch
):
    # A temp folder of this test's own, for Python's tempfile and Qt's QDir::tempPath alike:
    # everything the kiosk puts in "the temp dir" lands where only this test writes, so other
    # processes on the machine (another test run) cannot pass for the kiosk's leftovers.
    private_temp = tmp_path / "temp"
    private_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_temp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))
    started = time.time() - 2  # file times have coarse resolution on some filesystems
    me = Patient(
        first_name=marker("Fn"),
        last_name=marker("Ln"),
        dob=dt.date(1931 + random.randrange(30), 2, 1 + random.randrange(27)),
        phone="7" + "".join(random.choices(string.digits, k=9)),
        reason=marker("Rs"),
    )
    markers = [me.first_name, me.last_name, me.dob.isoformat(), me.phone, me.reason]
    kiosk = start_kiosk(
        auto_provider=None,  # driven by hand below: the sandbox's process keeps its own pace
        session={
            "idle_timeout_s": 2.5,
            "idle_timeout_waiting_s": 60.0,
            "idle_countdown_s": 0.4,
            "idle_tick_s": 0.2,
        },
    )
    patient, server, app = kiosk.patient, kiosk.server, kiosk.app
    window = app.window
    add_reason(server_dir / "sandbox.sqlite3", me.reason)
    logged_out_before = server.logged_out_tokens()

    # A whole visit: identify, every wizard step, the waiting room and the call.
    patient.walk_in(me)
    visit_id = app.session.state.visit_id
    tokens = app.client.token_state
    assert tokens is not None
    secrets_seen = [
        v.get_secret_value() if isinstance(v, SecretStr) else str(v or "")
        for v in (tokens.token, tokens.refresh_token)
    ]
    server.provider_starts(visit_id)
    patient.wait_for_screen(window.call)
    payload = app.session.payload
    assert isinstance(payload, Call)
    call_url = payload.url
    assert "sso_token=" in call_url
    secrets_seen.append(call_url.split("sso_token=")[1].split("&")[0])
    intake_doc = next(
        i["doc"]
        for i in server.state()["intakes"]
        if str(i["id"]) == str(app.session.state.intake_id)
    )
    assert me.reason in str(intake_doc.get("reason_for_visit")) and intake_doc["phone"] == me.phone

    # After the call the patient walks away from the survey: asked, then timed out.
    server.provider_ends(visit_id)
    patient.step_view()
    assert app.session.stage is Stage.POST_CALL
    patient.wait(lambda: window.current_screen is app.idle.screen)
    patient.wait_for_screen(window.welcome)
    assert app.session.state.visit_id is None

    # The server saw the visit closed and the patient logged out.
    visit = server.visit(visit_id)
    assert visit["status"] == 30 and visit["close_reason"] == "call_ended"
    assert server.logged_out_tokens() >= logged_out_before + 2
    assert app.client.token_state is None

    # The kiosk's own folders (every XDG root of this test, which holds the platformdirs
    # config, data, cache and log dirs) and the temp dir. The sandbox's database and uploads
    # folder (``server_dir``) is left out: it is the *server's* storage, kept apart for this.
    paths = kiosk.paths
    xdg_roots = [Path(os.environ[name]) for name in XDG_VARS]
    for folder in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir):
        assert any(folder.is_relative_to(root) for root in xdg_roots), folder
    found = {}
    for root in xdg_roots:
        for value, where in find_markers(files_under(root), markers).items():
            found.setdefault(value, []).extend(where)
    temp = Path(tempfile.gettempdir())
    assert temp == private_temp
    # Only files changed since the test began can hold this test's fresh markers.
    for value, where in find_markers(
        files_under(temp, skip=server_dir, newer_than=started), markers
    ).items():
        found.setdefault(value, []).extend(where)
    assert not found, f"patient data left on the kiosk: {found}"
    assert not list(temp.glob("kiosk-session-*")) or all(
        p.stat().st_mtime < started for p in temp.glob("kiosk-session-*")
    ), "the session's temp folder outlived the session"

    # The call view's profile is off the record: QtWebEngine wrote nothing to disk.
    webengine = [
        str(p)
        for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME")
        for p in Path(os.environ[name]).rglob("*")
        if "QtWebEngine" in p.parts or "webengine" in p.name.lower()
    ]
    assert not webengine, f"QtWebEngine stored data: {webengine}"

    # The log of the whole session: no patient value, no token, no API credential.
    text = session_log.getvalue()
    assert "session.ended reason=idle" in text, "the log did not capture the session"
    lowered = text.lower()
    leaked = [v for v in markers if v.lower() in lowered]
    leaked += [s for s in secrets_seen if s and s in text]
    leaked += [s for s in (SANDBOX_API_KEY, SANDBOX_API_SECRET) if s in text]
    assert not leaked, f"the log holds patient data or secrets: {leaked}"
