"""A windowed ``KioskApp`` on a sandbox child process, built, started and shut down the way the
launcher does it, with the short intervals a kiosk under test runs with. Shared by the unit
tests of the app's wiring (tests/unit/test_app*.py, tests/unit/fleet/test_fleet_app.py) and the
end-to-end tests (tests/e2e/kiosk/conftest.py, tests/e2e/session)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize

from kiosk.backend import Backend
from kiosk.config import KioskPaths, Settings
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import SessionConfig

if TYPE_CHECKING:
    from kiosk.app import KioskApp

#: Intervals for a kiosk under test: polls every 100 ms, idle clocks long enough never to
#: fire unless a test shortens them (``dataclasses.replace(FAST_SESSION, ...)``).
FAST_SESSION = SessionConfig(
    room_code="ceproom1",
    heartbeat_s=2.0,
    queue_poll_s=0.1,
    visit_status_poll_s=0.1,
    backoff_base_s=0.05,
    backoff_cap_s=0.2,
    idle_timeout_s=120.0,
    idle_timeout_waiting_s=120.0,
    idle_countdown_s=10.0,
    wipe_step_timeout_s=5.0,
)
#: How long a kiosk's shutdown (its wipe, its clients, the sandbox child) may take.
SHUTDOWN_MS = 30_000


def run_on_loop(qtbot: Any, coro: Any, timeout: int = 15_000) -> Any:
    """Run a coroutine on the qasync loop (Qt keeps processing events) and return its result."""
    future = asyncio.ensure_future(coro)
    qtbot.waitUntil(future.done, timeout=timeout)
    return future.result()


def build_app(
    settings: Settings,
    backend: Backend,
    session_config: SessionConfig = FAST_SESSION,
    *,
    paths: KioskPaths | None = None,
    config_file: Path | None = None,
) -> KioskApp:
    """A windowed 1280x800 ``KioskApp`` on ``backend``, not started yet."""
    from kiosk.app import KioskApp, LaunchOptions

    return KioskApp(
        QCoreApplication.instance(),
        settings,
        paths or KioskPaths.default(),
        backend,
        LaunchOptions(windowed=True, size=QSize(1280, 800)),
        config_file=config_file,
        session_config=session_config,
    )


def start_app(qtbot: Any, app: KioskApp) -> KioskApp:
    """Start ``app`` and wait until its window is on screen."""
    app.start()
    qtbot.waitExposed(app.window)
    return app


def shut_down(qtbot: Any, apps: Iterable[KioskApp], sandboxes: Iterable[SandboxProcess]) -> None:
    """Teardown: await each app's ``shutdown()``, then (in any case) stop the sandboxes and
    delete the apps and their windows."""
    apps = list(apps)
    try:
        for app in apps:
            run_on_loop(qtbot, app.shutdown(), timeout=SHUTDOWN_MS)
    finally:
        for sandbox in sandboxes:
            sandbox.stop()
        for app in apps:
            app.window.deleteLater()
            app.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
