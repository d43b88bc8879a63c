"""``MediaProbe``: lists and measures the devices in a headless off-the-record WebEngine page.

It imports QtWebEngine, so import this module only when devices are wanted (``kiosk devices``,
the staff device picker). The page lives on its own local origin, which alone gets the camera
and microphone; nothing it sees is stored, and the page and profile go when it finishes.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
)

from kiosk.devices.model import ProbeReport
from kiosk.devices.scripts import DEVICES_JS, PROBE_JS, probe_call
from kiosk.qtimers import one_shot
from kiosk.ui.call.permissions import MEDIA_PERMISSIONS, origin_of

log = logging.getLogger("kiosk.devices")

#: The probe's own origin: http://localhost is a secure context, so getUserMedia works, and no
#: request ever leaves the page (it is set from a string, not fetched).
PROBE_URL = "http://localhost/kiosk-devices"
POLL_MS = 100
_PAGE = "<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>"


class _ProbePage(QWebEnginePage):
    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.permissionRequested.connect(self.on_permission_requested)

    def on_permission_requested(self, permission: QWebEnginePermission) -> None:
        kind = permission.permissionType().name
        if kind in MEDIA_PERMISSIONS and origin_of(permission.origin()) == origin_of(PROBE_URL):
            permission.grant()
        else:
            permission.deny()

    def javaScriptConsoleMessage(self, level: Any, message: str, line: int, source: str) -> None:
        log.debug("devices.console %s", message)


class MediaProbe(QObject):
    """``start(check, seconds, wanted)`` → ``finished(ProbeReport)`` once; then ``close()``.

    ``wanted`` maps ``videoinput``/``audioinput``/``audiooutput`` to the label part to match.
    ``timeout_s`` bounds the whole run: an engine that never answers is a report with an error.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile: Any = None
        self._page: Any = None
        self._wanted: dict[str, str] = {}
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.on_poll_timeout)
        self._deadline = one_shot(self, self.on_deadline_timeout)
        self._call = ""
        self._done = False

    def start(self, check: bool, seconds: float, wanted: dict[str, str], timeout_s: float) -> None:
        self.close()
        self._done = False
        self._wanted = dict(wanted)
        self._call = probe_call(check, seconds, self._wanted)
        self._profile = QWebEngineProfile()
        self._profile.setPersistentPermissionsPolicy(
            QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
        )
        self._page = _ProbePage(self._profile)
        self._page.loadFinished.connect(self.on_page_load_finished)
        self._deadline.start(int(timeout_s * 1000))
        self._page.setHtml(_PAGE, QUrl(PROBE_URL))

    def on_page_load_finished(self, ok: bool) -> None:
        if self._page is None:
            return
        if not ok:
            self._finish(ProbeReport(wanted=self._wanted, error="the probe page did not load"))
            return
        self._page.runJavaScript(DEVICES_JS + PROBE_JS + self._call, 0)
        self._poll.start()

    def on_poll_timeout(self) -> None:
        if self._page is not None:
            self._page.runJavaScript(
                "JSON.stringify(window.kioskProbeResult || null)", 0, self.on_result
            )

    def on_result(self, result: Any) -> None:
        """The result travels as JSON text: Qt's conversion of nested JS objects is lossy."""
        if not isinstance(result, str) or result in ("", "null"):
            return
        try:
            data = json.loads(result)
        except ValueError:
            data = None
        self._finish(ProbeReport.from_js(data, self._wanted))

    def on_deadline_timeout(self) -> None:
        self._finish(ProbeReport(wanted=self._wanted, error="Timeout"))

    def _finish(self, report: ProbeReport) -> None:
        if self._done:
            return
        self._done = True
        self._poll.stop()
        self._deadline.stop()
        log.info(
            "devices.probed found=%d checked=%d problems=%d",
            len(report.devices),
            len(report.checks),
            len(report.problems()),
        )
        self.finished.emit(report)

    def close(self) -> None:
        """Page first, then the profile (GUIDE, "WebEngine teardown"); safe to call twice."""
        self._poll.stop()
        self._deadline.stop()
        page, profile = self._page, self._profile
        self._page = self._profile = None
        if page is not None:
            page.loadFinished.disconnect(self.on_page_load_finished)
            page.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if profile is not None:
            profile.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
