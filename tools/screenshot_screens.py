"""Render every patient screen offscreen with sample data and save PNGs, for design review.

    python tools/screenshot_screens.py --out /tmp/screens
    python tools/screenshot_screens.py --out /tmp/screens --size 1080x1920

A demo session (a QObject with the session's signals and do-nothing commands) sends real stage
payloads to the real ``FlowPresenter`` and ``KioskWindow``, so the pictures show what the
presenter really builds.
The call screen opens a tiny local page on 127.0.0.1 in the real ``CallView``. Nothing touches
the network beyond loopback; only the PNGs are written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.server
import os
import sys
import tempfile
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.api.models import Account, Room  # noqa: E402
from kiosk.session import stages  # noqa: E402
from kiosk.session.contract import SessionSignals  # noqa: E402
from kiosk.session.types import BookingConfirmation, QueueStatus, SessionError, Stage  # noqa: E402

SIZES = {"1280x800": (1280, 800), "1080x1920": (1080, 1920)}
CALL_PAGE = (
    "<html><body style='margin:0;background:#1B2A33;color:#fff;font:28px sans-serif;"
    "display:flex;align-items:center;justify-content:center;height:100vh'>"
    "<div>Dr. Lee's video appears here</div></body></html>"
)


ACCOUNT = Account(
    name="Sunrise Family Clinic",
    waiting_room={
        "subtitle": "If this is an emergency, call 911 or go to the nearest emergency room."
    },
)
ROOMS = (
    Room(code="walkin", name="Walk-in care", subtitle="Colds, flu, injuries"),
    Room(code="peds", name="Children's health", subtitle="Patients under 18"),
    Room(code="mental", name="Counselling", subtitle="Talk to a therapist"),
)
CLOSED = (
    "Our providers are seeing patients from 8 AM to 6 PM, Monday to Friday. Please come back then."
)


class DemoClinic(QObject):
    """The clinic loader's signals; ``loaded`` is sent once the presenter listens."""

    loaded = Signal(object)
    logo_loaded = Signal(bytes)
    connectivity_changed = Signal(bool)


class DemoSession(SessionSignals):
    """The session's signals, sample state, and commands that only record their names."""

    def __init__(self) -> None:
        super().__init__()
        self.stage = Stage.WELCOME
        self.config = SimpleNamespace(known_patient_login=True)
        self.answers = None
        self.services = None

    def add_cleanup(self, _cleanup: Any) -> Any:
        return lambda: None

    def __getattr__(self, name: str) -> Any:
        return lambda *args: None


def serve_call_page() -> str:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    page = folder / "visits" / "inbrowser_calling" / "42"
    page.mkdir(parents=True)
    (page / "index.html").write_text(CALL_PAGE, encoding="utf-8")
    handler = type(
        "Quiet",
        (http.server.SimpleHTTPRequestHandler,),
        {"log_message": lambda *_a: None},
    )
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a: handler(*a, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/visits/inbrowser_calling/42/"


def settle(ms: int = 150) -> None:
    """Run the event loop for ``ms`` (one nested loop, not a processEvents spin)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def scenes(session: DemoSession, window: Any, call_url: str) -> list[tuple[str, Any]]:
    """(name, action) pairs; each action puts the window in one state to photograph."""
    start = int(dt.datetime(2026, 3, 4, 14, 30, tzinfo=dt.UTC).timestamp()) + 8 * 3600
    booking = BookingConfirmation(
        start,
        start + 900,
        "America/Los_Angeles",
        "Dr. Maria Lee",
        "https://clinic.example/vc/next/members/appointment/67258?token=f7gybzjd9o",
    )

    def stage(payload: stages.StagePayload) -> Any:
        return lambda: session.stage_changed.emit(payload)

    def waiting(position: int, wait_s: int, length: int, notice: str = "") -> Any:
        def act() -> None:
            session.stage_changed.emit(stages.Waiting(ACCOUNT.waiting_room.subtitle or ""))
            session.queue_updated.emit(QueueStatus(position, wait_s, length, 20))
            if notice:
                session.notice.emit(notice)

        return act

    def booked() -> None:
        session.stage_changed.emit(stages.Booked(booking))

    def call() -> None:
        session.stage_changed.emit(stages.Call(call_url))

    def identify_errors() -> None:
        session.stage_changed.emit(stages.Identify())
        window.identify.first.edit.setText("Maria")
        window.identify.on_continue_clicked()

    def failed() -> None:
        session.stage_changed.emit(stages.Identify())
        session.failed.emit(
            SessionError(
                "The kiosk cannot reach the clinic right now. Please try again in a moment.",
                can_retry=True,
                can_go_back=True,
            )
        )

    def busy() -> None:
        session.stage_changed.emit(stages.Welcome())
        session.busy_changed.emit(True, "Getting things ready…")

    def offline() -> None:
        session.connectivity_changed.emit(False)
        waiting(3, 1200, 5)()

    def reset() -> None:
        session.busy_changed.emit(False, "")
        session.connectivity_changed.emit(True)
        window.error_panel.hide()

    return [
        ("01-welcome", stage(stages.Welcome())),
        ("02-room-picker", stage(stages.RoomPick(ROOMS))),
        ("03-room-closed", stage(stages.RoomClosed(CLOSED))),
        ("04-identify", stage(stages.Identify())),
        ("05-identify-errors", identify_errors),
        ("06-identify-code", lambda: (window.identify.set_mode("known"), None)),
        ("07-waiting", waiting(2, 900, 4)),
        ("08-waiting-next", waiting(1, 30, 1)),
        ("09-waiting-leave", lambda: window.waiting_room.on_leave_clicked()),
        ("10-waiting-offline", offline),
        (
            "11-goodbye-notice",
            lambda: (
                session.notice.emit(
                    "We are sorry: the wait has become too long, so this visit was closed. "
                    "Please ask the front desk for help, or start again later."
                ),
                session.stage_changed.emit(stages.Goodbye()),
            ),
        ),
        ("12-booked", booked),
        ("13-call", call),
        ("14-call-confirm", lambda: window.call.on_end_clicked()),
        ("15-goodbye", stage(stages.Goodbye())),
        ("16-error", failed),
        ("17-busy", busy),
    ], reset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--size", choices=sorted(SIZES), action="append")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.presenter import FlowPresenter
    from kiosk.ui.theme import apply_theme

    apply_theme(app)
    call_url = serve_call_page()
    for size in args.size or sorted(SIZES):
        session, clinic = DemoSession(), DemoClinic()
        window = KioskWindow(sandbox=True, busy_delay_ms=0, goodbye_return_s=3600)
        presenter = FlowPresenter(session, clinic, window)
        clinic.loaded.emit(ACCOUNT)
        window.resize(*SIZES[size])
        window.show()
        folder = args.out / size
        folder.mkdir(parents=True, exist_ok=True)
        actions, reset = scenes(session, window, call_url)
        for name, action in actions:
            reset()
            action()
            settle(1500 if name.startswith("13") else 150)
            window.grab().save(str(folder / f"{name}.png"))
            print(name, flush=True)
        presenter.close()
        window.close()
        window.deleteLater()
        settle(50)
    print(f"saved to {args.out}")


if __name__ == "__main__":
    main()
