"""``DeviceCheckPanel``: the camera and microphone check the lounge offers while a patient waits.

Its page lives in the call's own profile (``CallView.prepare``), so the engine it starts stays
warm for the call and the devices that pass here are the ones the call gets. The panel's page
is deleted before that profile whenever the call view tears down (GUIDE, teardown order).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.call.local_page import local_page_class
from kiosk.ui.call.view import CallView

log = logging.getLogger("kiosk.ui.call")

POLL_MS = 300
_STATE_JS = "JSON.stringify(window.kioskCheck || null)"


def _check_page_class() -> type:
    from kiosk.devices.check_page import CHECK_URL

    return local_page_class(CHECK_URL)


class DeviceCheckPanel(QWidget):
    """``start()`` shows the check; ``stop()`` ends it (the camera light goes off). ``result``
    is the page's state (frames, level, peak, error, heard, verdict); ``verdict_ready`` fires
    once per check with it, and the log gets one line of outcomes — never images or labels."""

    verdict_ready = Signal(object)

    def __init__(self, call_view: CallView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call_view = call_view
        self.result: dict[str, Any] = {}
        self._page: Any = None
        self._web: Any = None
        self._reported = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.on_poll_timeout)
        call_view.about_to_tear_down.connect(self.stop)

    @property
    def active(self) -> bool:
        return self._page is not None

    def start(self) -> None:
        from PySide6.QtWebEngineWidgets import QWebEngineView

        from kiosk.devices.check_page import CHECK_URL, check_page
        from kiosk.ui.lockdown import lock_web_view

        self.stop()
        self.call_view.prepare()
        self.result = {}
        self._reported = False
        self._page = _check_page_class()(self.call_view.profile)
        self._web = QWebEngineView(self)
        self._web.setPage(self._page)
        lock_web_view(self._web)
        self._layout.addWidget(self._web)
        devices = self.call_view.devices
        self._page.setHtml(
            check_page(devices.camera, devices.microphone, devices.speaker), QUrl(CHECK_URL)
        )
        self._poll.start()
        log.info("call.device_check_started")

    def stop(self) -> None:
        """Delete the page (its tracks stop with it); safe to call twice.

        The page and view go with ``deleteLater`` and no flush here: ``stop`` may run from
        inside the view's own code (a hide event), and a synchronous delete would free the
        view under it. ``CallView.teardown`` flushes them before it deletes the profile."""
        self._poll.stop()
        page, web = self._page, self._web
        self._page = self._web = None
        if page is None:
            return
        page.runJavaScript("window.kioskStopCheck && window.kioskStopCheck()", 0)
        self._layout.removeWidget(web)
        web.hide()
        page.deleteLater()
        web.deleteLater()
        log.info("call.device_check_stopped")

    def on_poll_timeout(self) -> None:
        if self._page is not None:
            self._page.runJavaScript(_STATE_JS, 0, self.on_state)

    def on_state(self, text: Any) -> None:
        try:
            state = json.loads(text) if isinstance(text, str) else None
        except ValueError:
            state = None
        if not isinstance(state, dict):
            return
        changed = state.get("heard") != self.result.get("heard")
        self.result = state
        if state.get("done") and (not self._reported or changed):
            self._reported = True
            self._log(state)
            self.verdict_ready.emit(state)

    @staticmethod
    def _log(state: dict[str, Any]) -> None:
        error = str(state.get("error") or "")
        camera = "error" if error else ("ok" if state.get("frames") else "no_picture")
        microphone = "error" if error else ("ok" if state.get("peak", 0) > 0 else "silent")
        heard = state.get("heard")
        speaker = "untested" if heard is None else ("heard" if heard else "not_heard")
        log.info(
            "call.device_check camera=%s microphone=%s speaker=%s error=%s",
            camera,
            microphone,
            speaker,
            error or "-",
        )
