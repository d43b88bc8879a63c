"""Shared widgets: busy overlay blocks input, error panel buttons, banners."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.ui.widgets import BusyOverlay, ConnectionBanner, ErrorPanel


def _host(show) -> tuple[QWidget, QPushButton]:
    host = QWidget()
    button = QPushButton("Under", host)
    QVBoxLayout(host).addWidget(button)
    show(host)
    return host, button


def test_busy_overlay_blocks_taps_on_the_screen_beneath(qtbot, show):
    host, button = _host(show)
    overlay = BusyOverlay(host, delay_ms=0)
    overlay.set_busy(True, "Saving…")
    with qtbot.assertNotEmitted(button.clicked):
        qtbot.mouseClick(host, Qt.MouseButton.LeftButton, pos=button.geometry().center())
    assert overlay.is_blocking and overlay.message == "Saving…"


def test_busy_overlay_reveals_only_after_its_delay(qtbot, show):
    host, _button = _host(show)
    overlay = BusyOverlay(host, delay_ms=30)
    overlay.set_busy(True, "")
    assert overlay.is_blocking and not overlay.is_revealed
    qtbot.waitUntil(lambda: overlay.is_revealed, timeout=1000)


def test_busy_overlay_off_lets_taps_through(qtbot, show):
    host, button = _host(show)
    overlay = BusyOverlay(host, delay_ms=0)
    overlay.set_busy(True, "")
    overlay.set_busy(False)
    with qtbot.waitSignal(button.clicked):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not overlay.is_blocking


def test_error_panel_shows_only_allowed_buttons(show):
    host, _button = _host(show)
    panel = ErrorPanel(host)
    panel.show_error("No network.", can_retry=False, can_go_back=True)
    assert not panel.retry_button.isVisible()
    assert panel.back_button.isVisible() and panel.start_over_button.isVisible()


@pytest.mark.parametrize("answer", ["retry", "back", "start_over"])
def test_error_panel_answer_hides_it_and_emits(qtbot, show, answer):
    host, _button = _host(show)
    panel = ErrorPanel(host)
    panel.show_error("No network.", can_retry=True, can_go_back=True)
    with qtbot.waitSignal(getattr(panel, f"{answer}_requested")):
        qtbot.mouseClick(getattr(panel, f"{answer}_button"), Qt.MouseButton.LeftButton)
    assert not panel.isVisible()


def test_error_panel_covers_its_parent_after_resize(show):
    host, _button = _host(show)
    panel = ErrorPanel(host)
    panel.show_error("x", True, True)
    host.resize(900, 700)
    assert panel.geometry() == host.rect()


def test_connection_banner_shows_only_while_offline(show):
    banner = show(ConnectionBanner())
    banner.set_online(False)
    assert banner.isVisible()
    banner.set_online(True)
    assert not banner.isVisible()
