"""Whole patient sessions for the chaos and soak benchmarks: the kiosk's real ``PatientSession``
and ``VSeeClient`` on a qasync loop, against a sandbox child process, driven the way a patient
drives the screens (identify, every wizard step, wait, the call, the survey, goodbye; "Try
again" on a message that offers it, "Start over" on one that does not).

No window: the presenter and widgets are not part of these figures (see the README).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from seeded_clinic import answers_for, sandbox_client  # noqa: E402

from kiosk.api import PortalUrls, VSeeClient  # noqa: E402
from kiosk.sandbox.process import SandboxProcess  # noqa: E402
from kiosk.session import PatientSession, SessionConfig, Stage  # noqa: E402

#: A patient taps "Try again" at most this often per session before tapping "Start over".
MAX_RETRIES = 5
POLL_S = 0.05
OPEN_STATUSES = (10, 25)  # waiting, in progress: a walk-in nobody closed

#: Intervals of a kiosk under these benchmarks: the real defaults except faster polls, so a
#: session takes seconds, not minutes.
CONFIG = SessionConfig(
    room_code="ceproom1",
    heartbeat_s=20.0,
    queue_poll_s=1.0,
    visit_status_poll_s=1.0,
    backoff_base_s=0.5,
    backoff_cap_s=2.0,
    idle_timeout_s=600.0,
    idle_timeout_waiting_s=600.0,
)


@dataclass
class SessionResult:
    """How one session ended: ``finished`` (goodbye reached), ``ended_with_message`` (a message
    the patient could not get past: Start over), ``crashed`` (the session's crash path),
    ``ended`` (ended otherwise, e.g. the server closed the visit), ``stuck`` (none of these
    within the time limit)."""

    outcome: str
    seconds: float
    retries: int = 0
    messages: list[str] = field(default_factory=list)


async def run_patient(session: PatientSession, number: int, timeout_s: float) -> SessionResult:
    """One patient from Welcome back to Welcome."""
    started = time.monotonic()
    errors: list[Any] = []
    ended: list[str] = []
    session.failed.connect(errors.append)
    session.ended.connect(ended.append)
    result = SessionResult("stuck", 0.0)
    acted: object = None
    try:
        session.begin()
        while time.monotonic() - started < timeout_s:
            await asyncio.sleep(POLL_S)
            if ended:
                if ended[-1] == "crash":  # a command raised: the kiosk's crash path
                    result.outcome = "crashed"
                elif result.outcome == "stuck":
                    result.outcome = "finished" if ended[-1] == "finished" else "ended"
                break
            if session.busy:
                continue
            if errors:
                error = errors.pop()
                result.messages.append(error.message)
                if error.can_retry and result.retries < MAX_RETRIES:
                    result.retries += 1
                    session.retry()
                else:
                    result.outcome = "ended_with_message"
                    session.end("start_over")
                continue
            stage = session.stage
            step = session.current_step
            key = (stage, None if step is None else (step[0].name, step[1]))
            if key == acted:
                continue
            acted = key
            if stage is Stage.IDENTIFY:
                session.identify_guest("Chaos", f"Patient{number}", dt.date(1980, 1, 1))
            elif stage in (Stage.WIZARD, Stage.POST_CALL) and step is not None:
                session.submit_step(answers_for(session))
            elif stage is Stage.GOODBYE:
                session.finish()
            else:
                acted = None  # waiting room, call: nothing to tap; look again next time
    finally:
        session.failed.disconnect(errors.append)
        session.ended.disconnect(ended.append)
    if result.outcome == "stuck":
        await session.end_and_wait("start_over")
    result.seconds = time.monotonic() - started
    return result


@dataclass
class Kiosk:
    """One kiosk's session and client against ``address``."""

    session: PatientSession
    client: VSeeClient

    @classmethod
    def build(cls, sandbox: SandboxProcess, config: SessionConfig = CONFIG) -> Kiosk:
        client = sandbox_client(sandbox)
        assert sandbox.address is not None
        portal = PortalUrls(sandbox.address.portal_base_url)
        return cls(PatientSession(client, config, portal), client)

    async def close(self) -> None:
        await self.session.end_and_wait("shutdown")
        await self.client.aclose()
        self.session.deleteLater()


class CrashCounter:
    """Counts what would be a crash in the kiosk: exceptions escaping a task or a Qt slot."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.count = 0
        self.kinds: Counter[str] = Counter()
        self._hook = sys.excepthook
        loop.set_exception_handler(self._on_loop_exception)
        sys.excepthook = self._on_exception

    def _on_loop_exception(self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        self.count += 1
        self.kinds[type(exc).__name__ if exc else str(context.get("message"))[:60]] += 1

    def _on_exception(self, kind: type[BaseException], value: BaseException, tb: Any) -> None:
        self.count += 1
        self.kinds[kind.__name__] += 1

    def close(self) -> None:
        sys.excepthook = self._hook


def open_visits(sandbox: SandboxProcess) -> list[dict[str, Any]]:
    """Walk-ins the server still has waiting or in progress."""
    import httpx

    assert sandbox.address is not None
    state = httpx.get(sandbox.address.portal_base_url + "_sandbox/state", timeout=30).json()
    return [v for v in state["visits"] if v["status"] in OPEN_STATUSES]


def run_qt(main: Callable[[], Any]) -> Any:
    """Run the coroutine function ``main`` on a qasync loop in a Qt application."""
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    return qasync.run(main())


def run_script_and_print(script: str) -> None:
    """A benchmark's pytest entry: run ``script`` in its own process (its own Qt application,
    its defaults), print its report (and the end of its stderr if it failed), and fail the
    test if it did."""
    import subprocess

    done = subprocess.run(
        [sys.executable, script], cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    print(done.stdout, done.stderr[-2000:] if done.returncode else "")
    assert done.returncode == 0
