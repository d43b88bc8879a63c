"""Regression: the kiosk's input watchers on its window while a call page is loaded.

PySide6 6.11.3 and 6.12.0 segfaulted (``PySide::getWrapperForQObject`` inside
``sendThroughApplicationEventFilters``) as soon as a page loaded while the watchers were
*application* event filters: every event to a WebEngine-internal object, such as the
``DynamicPropertyChange`` of a ``setProperty``, went through Python. On the window they see only
what reaches the window, which is all of the patient's input (``kiosk.window_events``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWebEngineWidgets import QWebEngineView
from window_input import click, key, press, release

from kiosk.session.idle import IdleMonitor
from kiosk.ui.call import CallView
from kiosk.ui.lockdown import KioskLockdown
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.staff.gesture import StaffGestureDetector

LOAD_MS = 20000


@pytest.fixture
def kiosk_window(qtbot, portal):
    window = KioskWindow(
        busy_delay_ms=0, goodbye_return_s=3600, call_view=CallView(portal_origin=portal)
    )
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.navigator.replace(window.call)
    yield window
    window.call.call_view.teardown()


def evaluate(qtbot, web: QWebEngineView, script: str) -> object:
    found: list[object] = []
    web.page().runJavaScript(script, 0, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=LOAD_MS)
    return found[0]


def wait_for(qtbot, web: QWebEngineView, script: str, wanted: object) -> None:
    """Chromium runs the page in its renderer process: what the page shows comes a little
    later than the event that caused it."""
    for _ in range(LOAD_MS // 100):
        if evaluate(qtbot, web, script) == wanted:
            return
        qtbot.wait(100)
    assert evaluate(qtbot, web, script) == wanted


def test_watchers_see_input_over_a_loaded_page_and_nothing_crashes(qtbot, kiosk_window, portal):
    window = kiosk_window
    idle = IdleMonitor(60, 60, 10, activity_min_s=0)
    staff_idle = IdleMonitor(60, 60, 0, activity_min_s=0)  # staff mode's own, as in the app
    gesture = StaffGestureDetector(window, hold_s=0.05)
    lockdown = KioskLockdown()
    watchers = (idle, staff_idle, gesture, lockdown)
    for watcher in watchers:
        watcher.install(window)
    idle.resume()
    staff_idle.resume()
    activity: list[str] = []
    idle.activity.connect(lambda: activity.append("patient"))
    staff_idle.activity.connect(lambda: activity.append("staff"))
    try:
        call = window.call.call_view
        with qtbot.waitSignal(
            call.loading_changed, timeout=LOAD_MS, check_params_cb=lambda busy: not busy
        ):
            call.load(f"{portal}/form.html")
        web = call.findChild(QWebEngineView)
        assert web is not None

        # Dynamic properties on every object of the view, WebEngine's own included: each
        # sends a DynamicPropertyChange event (the path of the crash).
        for round_ in range(3):
            for obj in [window, call, web, *web.findChildren(QObject)]:
                obj.setProperty("kioskProbe", round_)
            qtbot.wait(20)

        # A tap on the page and typing into its field: both reach the watchers and the page.
        click(web)
        web.page().runJavaScript("document.getElementById('field').focus()")
        wait_for(qtbot, web, "document.activeElement.id", "field")
        # Chromium takes keys only a moment after its view got the focus, with nothing to
        # wait on in Qt: tap Shift (no text) until the page has seen one.
        for _ in range(LOAD_MS // 100):
            key(web, Qt.Key.Key_Shift)
            if "Shift" in evaluate(qtbot, web, "window.keys"):  # type: ignore[operator]
                break
            qtbot.wait(100)
        activity.clear()
        for code in (Qt.Key.Key_H, Qt.Key.Key_I):
            key(web, code)
        assert "patient" in activity and "staff" in activity
        wait_for(qtbot, web, "document.getElementById('field').value", "hi")

        # Lockdown over the page: a right click is swallowed before the page sees it.
        swallowed = lockdown.swallowed
        click(web, button=Qt.MouseButton.RightButton)
        assert lockdown.swallowed > swallowed

        # The staff corner, held over the call screen.
        with qtbot.waitSignal(gesture.triggered, timeout=2000):
            press(window, QPoint(5, 5))
        release(window, QPoint(5, 5))
    finally:
        for watcher in watchers:
            watcher.uninstall()
