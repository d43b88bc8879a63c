"""``CallView``: the portal's in-browser call page in a web view that lives for one call only."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.signals import disconnect
from kiosk.ui.call.environment import configure_webengine_environment
from kiosk.ui.call.navigation import CallUrlWatcher
from kiosk.ui.call.permissions import origin_of

log = logging.getLogger("kiosk.ui.call")


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class CallView(QWidget):
    """Opens the URL of the session's ``Call`` payload in a new off-the-record profile.

    QtWebEngine is imported by the first ``load`` (about 250 MiB of helper processes, so only
    when a call starts). The page stays on the portal's origin — ``portal_origin``, or the
    origin of the loaded URL, which the session builds from the portal base — and only it
    gets the camera and microphone. ``call_left`` fires once when the page closes itself
    (``window.close()``); whether the call ended otherwise is the session's to read from the
    visit's status (the doc defines no "ended" URL). ``teardown`` deletes page, view and profile in
    the order the GUIDE requires; it is idempotent and the presenter registers it as a session
    cleanup. The URL carries a login token: it is never logged. ``renderer_crashed`` fires
    when the page's render process dies while a call is open: a reload would bring back a
    page that has lost the call (and may crash again), so the session ends the call instead.
    """

    call_left = Signal()
    renderer_crashed = Signal()
    loading_changed = Signal(bool)

    def __init__(self, portal_origin: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._portal_origin = portal_origin
        self._watcher = CallUrlWatcher()
        self._profile: Any = None
        self._page: Any = None
        self._web: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    @property
    def active(self) -> bool:
        """True from ``load`` until ``teardown``."""
        return self._page is not None

    @property
    def page(self) -> Any:
        """The current ``CallPage`` (None when no call is open)."""
        return self._page

    @property
    def portal_origin(self) -> str:
        return self._portal_origin or ""

    def load(self, url: str) -> None:
        """Open ``url`` in a fresh profile (a call already open is torn down first)."""
        self.teardown()
        configure_webengine_environment()
        from PySide6.QtWebEngineWidgets import QWebEngineView

        from kiosk.ui.call.page import CallPage, new_profile
        from kiosk.ui.lockdown import lock_web_view

        origin = origin_of(self._portal_origin or "") or origin_of(url)
        self._portal_origin = origin
        self._watcher.reset()
        self._profile = new_profile()
        self._page = CallPage(self._profile, origin)
        self._web = QWebEngineView(self)
        self._web.setPage(self._page)
        lock_web_view(self._web)
        self._page.urlChanged.connect(self.on_url_changed)
        self._page.windowCloseRequested.connect(self.on_window_close_requested)
        self._page.loadStarted.connect(lambda: self.loading_changed.emit(True))
        self._page.loadFinished.connect(lambda _ok: self.loading_changed.emit(False))
        self._page.renderProcessTerminated.connect(self.on_render_process_terminated)
        self._layout.addWidget(self._web)
        log.info("call.view_opened origin=%s", origin)
        self._page.load(QUrl(url))

    def teardown(self) -> None:
        """Close the call: page first, pending deletes flushed, then the profile (GUIDE)."""
        if self._page is None and self._profile is None:
            return
        page, web, profile = self._page, self._web, self._profile
        self._page = self._web = self._profile = None
        if page is not None:
            for signal in (
                page.urlChanged,
                page.windowCloseRequested,
                page.loadStarted,
                page.loadFinished,
                page.renderProcessTerminated,
            ):
                disconnect(signal)
            page.deleteLater()
        if web is not None:
            self._layout.removeWidget(web)
            web.hide()
            web.deleteLater()
        _flush_deletes()
        if profile is not None:
            profile.deleteLater()
            _flush_deletes()
        log.info("call.view_closed")

    def on_url_changed(self, url: QUrl) -> None:
        self._watcher.update(url)

    def on_window_close_requested(self) -> None:
        if self._watcher.close_requested():
            log.info("call.page_closed")
            self.call_left.emit()

    def on_render_process_terminated(self, status: Any, code: int) -> None:
        """The page's renderer died under an open call: ``renderer_crashed``."""
        name = getattr(status, "name", status)
        log.warning("call.renderer_terminated status=%s code=%s", name, code)
        if self._page is not None:
            self.renderer_crashed.emit()
