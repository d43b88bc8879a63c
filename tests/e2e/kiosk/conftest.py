"""Fixtures for the whole-kiosk end-to-end tests: a windowed ``KioskApp`` against a real
sandbox child process (``SandboxProcess``) on loopback, with short intervals, started and shut
down like the launcher does it.

The sandbox's database and uploads live in their own temporary folder (``server_dir``), apart
from the kiosk's isolated XDG dirs: that folder is the *server's* storage, which the privacy
test must leave out of its search of the kiosk's machine.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

# Chromium reads its flags once, when WebEngine starts: a fake camera and microphone for the
# sandbox's call page, which asks for them when the provider starts the call (these machines
# have none). Permission is still asked, so the kiosk's own decision is what the page gets.
_FLAGS = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
if "--use-fake-device-for-media-stream" not in _FLAGS:
    _FLAGS.append("--use-fake-device-for-media-stream")
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(_FLAGS)

from kiosk_driver import DOC_EXAMPLES, PatientDriver, ServerProbe  # noqa: E402
from kiosk_harness import FAST_SESSION, build_app, shut_down, start_app  # noqa: E402

from kiosk.backend import Backend  # noqa: E402
from kiosk.config import KioskOptions, KioskPaths, Settings, StaffOptions  # noqa: E402
from kiosk.fleet.settings import FleetOptions, MetricsOptions  # noqa: E402
from kiosk.sandbox.options import AutoProviderOptions  # noqa: E402
from kiosk.sandbox.process import SandboxProcess  # noqa: E402

#: The simulated provider by default: takes a waiting patient after 0.8 s (long enough to see
#: the waiting room), ends the call 1.5 s later (long enough to see the call page load).
DEFAULT_PROVIDER = AutoProviderOptions(start_after_s=0.8, end_after_s=1.5, tick_s=0.05)


@pytest.fixture
def server_dir() -> Iterator[Path]:
    """The sandbox server's own storage (database and uploads), in a temp folder of its own."""
    path = Path(tempfile.mkdtemp(prefix="kiosk-e2e-server-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@dataclass
class RunningKiosk:
    """One started kiosk: the app, its sandbox, a patient at the screen and the server view."""

    app: Any
    sandbox: SandboxProcess
    server: ServerProbe
    patient: PatientDriver
    paths: KioskPaths
    cleanups: list[Callable[[], None]] = field(default_factory=list)


@pytest.fixture
def start_kiosk(qloop, qtbot, server_dir, request) -> Iterator[Callable[..., RunningKiosk]]:
    """``start_kiosk(auto_provider=..., session=..., staff=..., doc_mode=..., fleet=...,
    metrics=...)`` builds and starts a windowed ``KioskApp`` on a fresh sandbox (``doc_mode``:
    answering in the API doc's own shapes, under its ``/vc/next/api_v3/`` prefix); teardown
    awaits ``shutdown()`` (the wipe, closing clients and the sandbox) and stops the sandbox in
    any case.

    ``session`` overrides ``FAST_SESSION``; ``staff`` is a ``StaffOptions``; ``kiosk`` the
    ``[kiosk]`` options (windowed); ``seed_db`` runs on the sandbox's database path before the
    server opens it.
    """
    started: list[RunningKiosk] = []

    def start(
        auto_provider: AutoProviderOptions | None = DEFAULT_PROVIDER,
        session: dict[str, Any] | None = None,
        staff: StaffOptions | None = None,
        faults: Any = None,
        doc_mode: bool = False,
        fleet: FleetOptions | None = None,
        metrics: MetricsOptions | None = None,
        kiosk: KioskOptions | None = None,
    ) -> RunningKiosk:
        doc = {"doc_examples": DOC_EXAMPLES} if doc_mode else {}
        sandbox = SandboxProcess(
            db_path=server_dir / "sandbox.sqlite3",
            auto_provider=auto_provider,
            faults=faults,
            **doc,
        )
        backend = Backend.of_sandbox(sandbox)
        config = replace(FAST_SESSION, **(session or {}))
        settings = Settings(
            room_code=config.room_code,
            kiosk=kiosk or KioskOptions(fullscreen=False),
            staff=staff or StaffOptions(),
            fleet=fleet or FleetOptions(),
            metrics=metrics or MetricsOptions(),
        )
        paths = KioskPaths.default()
        app = build_app(settings, backend, config, paths=paths)
        running = RunningKiosk(
            app=app,
            sandbox=sandbox,
            server=ServerProbe(backend.portal_base_url, backend.api_base_url),
            patient=PatientDriver(qtbot, app),
            paths=paths,
        )
        started.append(running)
        # The on-screen keyboard shows and hides at once (a short interval, like the timers):
        # its slide would only make every tap after a text box wait for it.
        app.window.keyboard_control.slide_ms = 0
        start_app(qtbot, app)
        return running

    yield start

    expects_crash = request.node.get_closest_marker("qt_no_exception_capture") is not None
    for running in started:
        if not expects_crash:
            # The app's CrashGuard turns a crash into the reset screen; here that is a failure.
            assert not running.app.crash_guard.incidents, "the kiosk crashed during the test"
        try:
            shut_down(qtbot, [running.app], [running.sandbox])
        finally:
            running.server.close()
            for cleanup in running.cleanups:
                cleanup()
    started.clear()
