"""The lounge's camera and microphone check, in offscreen WebEngine with the fake devices."""

from __future__ import annotations

import logging

import pytest

from kiosk.devices.check_page import LOOKS_GOOD
from kiosk.ui.call import CallView
from kiosk.ui.call.check import DeviceCheckPanel
from kiosk.ui.screens.waiting_room import WaitingRoomScreen

TIMEOUT_MS = 30000


@pytest.fixture
def lounge(qtbot):
    call_view = CallView(portal_origin="http://127.0.0.1:9")
    screen = WaitingRoomScreen()
    screen.set_device_check(DeviceCheckPanel(call_view))
    screen.resize(1280, 800)
    qtbot.addWidget(screen)
    qtbot.addWidget(call_view)
    screen.show()
    yield screen, call_view
    screen.reset()
    call_view.teardown()


def test_the_check_sees_the_camera_hears_the_microphone_and_says_looks_good(
    qtbot, lounge, caplog
) -> None:
    screen, call_view = lounge
    caplog.set_level(logging.INFO, logger="kiosk.ui.call")

    screen.check_button.click()
    panel = screen.check_panel
    with qtbot.wait_signal(panel.verdict_ready, timeout=TIMEOUT_MS) as verdict:
        pass

    state = verdict.args[0]
    assert state["frames"] > 0
    assert state["peak"] > 0, "the check page reports a microphone level"
    assert state["verdict"] == LOOKS_GOOD
    assert state["camera"] == "fake_device_0"
    assert screen.checking and not screen.position.isVisibleTo(screen)
    assert call_view.profile is not None, "the engine stays warm for the call"
    (line,) = [r.getMessage() for r in caplog.records if "device_check " in r.getMessage()]
    assert line == "call.device_check camera=ok microphone=ok speaker=untested error=-"

    screen.check_done_button.click()
    assert not panel.active
    assert screen.position.isVisibleTo(screen) and screen.check_button.isVisibleTo(screen)


def test_the_speaker_answer_changes_the_verdict(qtbot, lounge) -> None:
    screen, _call_view = lounge
    screen.check_button.click()
    panel = screen.check_panel
    qtbot.waitUntil(lambda: bool(panel.result.get("done")), timeout=TIMEOUT_MS)

    panel._page.runJavaScript("document.getElementById('not-heard').click()", 0)
    qtbot.waitUntil(lambda: panel.result.get("heard") is False, timeout=TIMEOUT_MS)

    assert "speaker" in panel.result["verdict"]
    assert "staff member" in panel.result["verdict"]


def test_tearing_the_call_view_down_ends_the_check_first(qtbot, lounge) -> None:
    screen, call_view = lounge
    screen.check_button.click()
    qtbot.waitUntil(lambda: bool(screen.check_panel.result), timeout=TIMEOUT_MS)

    call_view.teardown()

    assert not screen.check_panel.active
    assert call_view.profile is None


def test_hiding_the_lounge_ends_the_check(qtbot, lounge) -> None:
    screen, _call_view = lounge
    screen.check_button.click()

    screen.hide()

    assert not screen.check_panel.active
