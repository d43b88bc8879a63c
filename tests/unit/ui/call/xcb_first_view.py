"""Child process for ``test_ui_call_xcb``: each screen that opens a web view opens it as the first
one in a fresh window, under a real X server (the parent runs this under ``xvfb-run``).

That first view makes Qt re-create the window's native window (a GPU surface), which sends
every widget a hide event. Prints ``<case> ok`` when the screen's camera page survived and
works; a crash ends the process with a signal, a stopped page with an ``AssertionError``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.ui.call.environment import configure_webengine_environment
from tests.qt_wait import wait_until


def flush(widget: QWidget) -> None:
    widget.hide()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def waiting_room() -> None:
    from kiosk.ui.call import CallView
    from kiosk.ui.call.check import DeviceCheckPanel
    from kiosk.ui.screens.waiting_room import WaitingRoomScreen

    call_view = CallView(portal_origin="http://127.0.0.1:9")
    screen = WaitingRoomScreen()
    screen.set_device_check(DeviceCheckPanel(call_view))
    screen.resize(1280, 800)
    screen.show()
    screen.check_button.click()
    panel = screen.check_panel
    wait_until("the check's verdict", lambda: bool(panel.result.get("done")))
    assert panel.active and screen.checking, "the check was stopped by the window's re-creation"
    assert panel.result["frames"] > 0
    screen.reset()
    call_view.teardown()
    flush(screen)


def step_host() -> None:
    from kiosk.ui.call import CallView
    from kiosk.ui.call.check import DeviceCheckPanel
    from kiosk.ui.screens.step_host import StepHost

    call_view = CallView(portal_origin="http://127.0.0.1:9")
    host = StepHost()
    host.set_device_check(DeviceCheckPanel(call_view))
    host.set_view(QLabel("Pharmacy"))
    host.resize(1280, 800)
    host.show()
    host.lounge.check_button.click()
    panel = host.check_panel
    wait_until("the check's verdict", lambda: bool(panel.result.get("done")))
    assert panel.active and host.checking, "the check was stopped by the window's re-creation"
    host.clear()
    call_view.teardown()
    flush(host)


def photo_capture() -> None:
    from kiosk.ui.wizard.photo_capture import PhotoCapture

    capture = PhotoCapture()
    capture.resize(1280, 800)
    capture.show()
    with tempfile.TemporaryDirectory(prefix="kiosk-xcb-photo-") as folder:
        capture.start("", Path(folder))

        def snapped() -> bool:
            if not capture.has_photo:
                capture.take_button.click()
            return capture.has_photo

        wait_until("a photo", snapped)
        assert capture.active, "the camera page was stopped by the window's re-creation"
        capture.stop()
    flush(capture)


CASES = {"waiting_room": waiting_room, "step_host": step_host, "photo_capture": photo_capture}


def main() -> int:
    configure_webengine_environment(fake_media=True)
    app = QApplication(sys.argv[:1])
    assert app.platformName() == "xcb", app.platformName()
    for name in sys.argv[1:] or list(CASES):
        CASES[name]()
        print(f"{name} ok", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
