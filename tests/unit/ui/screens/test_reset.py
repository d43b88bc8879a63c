"""ResetScreen: the incident id, one continue per incident, by button or by itself."""

from __future__ import annotations

import pytest

from kiosk.ui.screens.reset import ResetScreen


@pytest.fixture
def screen(qtbot) -> ResetScreen:
    widget = ResetScreen(auto_continue_s=0.03)
    qtbot.addWidget(widget)
    return widget


def test_incident_id_is_shown(screen):
    screen.show_incident("ABCD-EFGH")
    assert "ABCD-EFGH" in screen.incident.text()


def test_continues_by_itself_after_the_delay(qtbot, screen):
    with qtbot.waitSignal(screen.continue_requested, timeout=1000):
        screen.show_incident("ABCD-EFGH")


def test_button_continues_at_once(qtbot, screen):
    screen.show_incident("ABCD-EFGH")
    with qtbot.waitSignal(screen.continue_requested, timeout=100):
        screen.button.click()


def test_button_and_timer_continue_only_once(qtbot, screen):
    continued: list[int] = []
    screen.continue_requested.connect(lambda: continued.append(1))
    screen.show_incident("ABCD-EFGH")
    screen.button.click()
    qtbot.wait(60)
    assert continued == [1]


def test_no_continue_without_an_incident(qtbot, screen):
    with qtbot.assertNotEmitted(screen.continue_requested, wait=10):
        screen.button.click()
