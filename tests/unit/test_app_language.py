"""KioskApp follows ``[kiosk] language``: the kiosk starts in it, a patient switches live with
the language button, and the end of the session gives the next patient the kiosk's language."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt

from kiosk.app import KioskApp, LaunchOptions
from kiosk.backend import Backend
from kiosk.config import KioskOptions, KioskPaths, Settings
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import SessionConfig, Stage
from kiosk.session.types import EndReason
from kiosk.ui.widgets.language_button import LanguageButton

WAIT_MS = 15_000


@pytest.fixture
def app(qloop, qtbot, tmp_path) -> Iterator[KioskApp]:
    sandbox = SandboxProcess(db_path=tmp_path / "sandbox.sqlite3", auto_provider=None)
    settings = Settings(room_code="ceproom1", kiosk=KioskOptions(fullscreen=False, language="es"))
    kiosk = KioskApp(
        QCoreApplication.instance(),
        settings,
        KioskPaths.default(),
        Backend.of_sandbox(sandbox),
        LaunchOptions(windowed=True, size=QSize(1280, 800)),
        session_config=SessionConfig.from_settings(settings),
    )
    kiosk.start()
    qtbot.waitExposed(kiosk.window)
    yield kiosk
    try:
        future: Any = asyncio.ensure_future(kiosk.shutdown())
        qtbot.waitUntil(future.done, timeout=30_000)
    finally:
        sandbox.stop()
        kiosk.window.deleteLater()
        kiosk.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_kiosk_starts_in_its_language_and_offers_english(app: KioskApp) -> None:
    welcome = app.window.welcome
    assert welcome.check_in_button.text() == "Registrarse"
    assert welcome.language_button.text() == "English"


def test_a_patient_switches_live_and_the_next_patient_gets_the_kiosk_language(
    qtbot, app: KioskApp
) -> None:
    w = app.window
    app.session.begin()
    qtbot.waitUntil(lambda: w.current_screen is w.identify, timeout=WAIT_MS)
    assert w.identify.continue_button.text() == "Continuar"
    button = w.identify.header.findChild(LanguageButton)
    assert button is not None and button.text() == "English"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert app.session.language.code == "en"
    assert w.identify.continue_button.text() == "Continue"
    assert w.identify is w.current_screen  # the same screen, the same session
    assert app.session.stage is Stage.IDENTIFY

    app.session.end(EndReason.START_OVER)
    qtbot.waitUntil(lambda: app.session.language.code == "es", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: w.current_screen is w.welcome, timeout=WAIT_MS)
    assert w.welcome.check_in_button.text() == "Registrarse"
