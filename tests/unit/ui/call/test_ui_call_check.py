"""The lounge's camera and microphone check, in offscreen WebEngine with the fake devices."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.devices.check_page import LOOKS_GOOD
from kiosk.ui.call import CallView
from kiosk.ui.call.check import DeviceCheckPanel
from kiosk.ui.screens.step_host import StepHost
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
    screen.set_queue(2, 900, 4, waited_s=185)

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
    assert not screen.waited.isVisibleTo(screen), "the check's page takes the figures' place"
    assert call_view.profile is not None, "the engine stays warm for the call"
    (line,) = [r.getMessage() for r in caplog.records if "device_check " in r.getMessage()]
    assert line == "call.device_check camera=ok microphone=ok speaker=untested error=-"

    screen.check_done_button.click()
    assert not panel.active
    assert screen.position.isVisibleTo(screen) and screen.check_button.isVisibleTo(screen)
    assert screen.waited.isVisibleTo(screen) and screen.length.isVisibleTo(screen)


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


@pytest.fixture
def in_line(qtbot):
    """The lounge's strip over a post-intake step, with the check offered."""
    call_view = CallView(portal_origin="http://127.0.0.1:9")
    host = StepHost()
    host.set_device_check(DeviceCheckPanel(call_view))
    step = QLabel("Pharmacy")
    host.set_view(step)
    host.lounge.set_status("You're next", "The provider will call you shortly")
    host.resize(1280, 800)
    qtbot.addWidget(host)
    qtbot.addWidget(call_view)
    host.show()
    yield host, step, call_view
    host.clear()
    call_view.teardown()


def test_the_lounge_strip_offers_the_check_in_place_of_the_step(qtbot, in_line) -> None:
    host, step, call_view = in_line
    assert host.lounge.check_button.isVisibleTo(host)

    host.lounge.check_button.click()
    panel = host.check_panel
    assert host.checking and not step.isVisibleTo(host)
    assert not host.lounge.check_button.isVisibleTo(host), "Back to my questions replaces it"
    qtbot.waitUntil(lambda: panel.result.get("verdict") == LOOKS_GOOD, timeout=TIMEOUT_MS)
    assert call_view.profile is not None and not call_view.active

    host.check_done_button.click()
    assert not panel.active and not host.checking
    assert step.isVisibleTo(host) and host.lounge.check_button.isVisibleTo(host)
    assert call_view.profile is not None, "the engine stays warm for Join now"


def test_the_next_step_or_the_ready_prompt_ends_the_lounge_check(qtbot, in_line) -> None:
    host, _step, _call_view = in_line
    host.lounge.check_button.click()
    host.set_view(QLabel("Survey"))
    assert not host.check_panel.active and host.view.isVisibleTo(host)

    host.lounge.check_button.click()
    assert host.check_panel.active
    host.hide()  # the navigator shows the ready prompt in its place
    assert not host.check_panel.active
    assert host.view.isVisibleTo(host)


def test_no_check_is_offered_without_a_panel(qtbot) -> None:
    host = StepHost()
    qtbot.addWidget(host)
    host.lounge.set_status("You're next", "")
    host.show()
    assert not host.lounge.check_button.isVisibleTo(host)
    host.lounge.check_button.click()
    assert not host.checking


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920)])
def test_the_check_takes_the_height_the_waiting_room_leaves(qtbot, lounge, size) -> None:
    """The self-view needs the room: the panel gets the screen's height between the header and
    the footer, not its minimum (it was 300 px, a 40 px self-view at 1280x800)."""
    screen, _call_view = lounge
    screen.resize(*size)
    screen.check_button.click()
    panel = screen.check_panel

    qtbot.waitUntil(lambda: panel.height() > screen.height() * 0.55, timeout=5000)
    screen.resize(size[1], size[0])  # turned: still the panel's
    qtbot.waitUntil(lambda: panel.height() > screen.height() * 0.5, timeout=5000)
    screen.check_done_button.click()
    assert screen.position.isVisibleTo(screen)
