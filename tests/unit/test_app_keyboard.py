"""KioskApp follows ``[kiosk] keyboard``: the built-in keyboard comes up for the identify
screen's fields only when it is "builtin"; "system" and "off" leave the window without it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSize

from kiosk.app import KioskApp, LaunchOptions
from kiosk.backend import Backend
from kiosk.config import KioskOptions, KioskPaths, Settings
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import SessionConfig, Stage

WAIT_MS = 15_000
SESSION = SessionConfig(room_code="ceproom1", idle_timeout_s=120.0, idle_timeout_waiting_s=120.0)


@pytest.fixture
def start(qloop, qtbot, tmp_path) -> Iterator[Callable[[str], KioskApp]]:
    import asyncio

    made: list[tuple[KioskApp, SandboxProcess]] = []

    def build(keyboard: str) -> KioskApp:
        sandbox = SandboxProcess(db_path=tmp_path / f"{keyboard}.sqlite3", auto_provider=None)
        settings = Settings(
            room_code="ceproom1", kiosk=KioskOptions(fullscreen=False, keyboard=keyboard)
        )
        app = KioskApp(
            QCoreApplication.instance(),
            settings,
            KioskPaths.default(),
            Backend.of_sandbox(sandbox),
            LaunchOptions(windowed=True, size=QSize(1280, 800)),
            session_config=SESSION,
        )
        made.append((app, sandbox))
        app.start()
        qtbot.waitExposed(app.window)
        return app

    yield build
    for app, sandbox in made:
        try:
            future: Any = asyncio.ensure_future(app.shutdown())
            qtbot.waitUntil(future.done, timeout=30_000)
        finally:
            sandbox.stop()
            app.window.deleteLater()
            app.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def focus_first_name(qtbot, app: KioskApp) -> None:
    app.session.begin()
    qtbot.waitUntil(lambda: app.session.stage is Stage.IDENTIFY, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: app.window.current_screen is app.window.identify, timeout=WAIT_MS)
    app.window.activateWindow()
    app.window.identify.first.edit.setFocus()


def test_builtin_brings_the_keyboard_up_inside_the_window_for_a_field(qtbot, start):
    app = start("builtin")
    assert app.window.keyboard_control.installed
    focus_first_name(qtbot, app)
    qtbot.waitUntil(app.window.keyboard.isVisible, timeout=WAIT_MS)
    assert app.window.keyboard.window() is app.window


@pytest.mark.parametrize("keyboard", ["system", "off"])
def test_system_and_off_never_show_the_builtin_keyboard(qtbot, start, keyboard):
    app = start(keyboard)
    assert not app.window.keyboard_control.installed
    focus_first_name(qtbot, app)
    qtbot.wait(200)
    assert not app.window.keyboard.isVisible()
