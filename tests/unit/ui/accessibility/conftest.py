"""Fixtures for the accessibility tests: ``guided``, a window with audio guidance on the mock
speech engine (``guided_rig.Guided``)."""

from __future__ import annotations

import pytest
from guided_rig import CLINIC, LONG_PRESS_MS, Guided

from kiosk.session.accessibility import AccessibilityChoices
from kiosk.ui.accessibility.kit import AccessibilityKit
from kiosk.ui.accessibility.speech import MOCK_ENGINE
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import stylesheet


@pytest.fixture
def guided(qtbot) -> Guided:
    window = KioskWindow(busy_delay_ms=0, goodbye_return_s=3600)
    window.setStyleSheet(stylesheet())
    window.set_clinic(CLINIC)
    qtbot.addWidget(window)
    choices = AccessibilityChoices()
    kit = AccessibilityKit(
        choices, window, window, MOCK_ENGINE, lambda: "en_US", long_press_ms=LONG_PRESS_MS
    )
    kit.install()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    rig = Guided(window, choices, kit, qtbot)
    kit.speaker.spoken.connect(rig.said.append)
    yield rig
    kit.uninstall()
