"""KioskApp follows ``[kiosk] keyboard``: the built-in keyboard comes up for the identify
screen's fields only when it is "builtin"; "system" and "off" leave the window without it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from kiosk_harness import build_app, shut_down, start_app

from kiosk.app import KioskApp
from kiosk.backend import Backend
from kiosk.config import KioskOptions, Settings
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import Stage

WAIT_MS = 15_000


@pytest.fixture
def start(qloop, qtbot, tmp_path) -> Iterator[Callable[[str], KioskApp]]:
    apps: list[KioskApp] = []
    sandboxes: list[SandboxProcess] = []

    def build(keyboard: str) -> KioskApp:
        sandbox = SandboxProcess(db_path=tmp_path / f"{keyboard}.sqlite3", auto_provider=None)
        sandboxes.append(sandbox)
        settings = Settings(
            room_code="ceproom1", kiosk=KioskOptions(fullscreen=False, keyboard=keyboard)
        )
        apps.append(build_app(settings, Backend.of_sandbox(sandbox)))
        return start_app(qtbot, apps[-1])

    yield build
    shut_down(qtbot, apps, sandboxes)


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
