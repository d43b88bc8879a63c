"""``CallView``: the portal's in-browser call page in a web view that lives for one call only."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.config import DevicesOptions
from kiosk.signals import disconnect
from kiosk.ui.call.environment import configure_webengine_environment
from kiosk.ui.call.navigation import CallUrlWatcher
from kiosk.ui.call.permissions import origin_of
from kiosk.ui.call.rendering import choose_scene_graph

log = logging.getLogger("kiosk.ui.call")

#: What a prepared call page shows until the call (an empty document; no request).
BLANK = "about:blank"


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

    ``devices`` are the cart's configured camera, microphone and speaker: a script injected
    into the portal's origin only adds the matching device to the page's ``getUserMedia``,
    tells the page the kiosk frames it, and lets ``switch_camera`` cycle the cameras.
    ``prepare`` starts the engine, profile and view ahead of the call (the lounge's camera
    check does, so "Join now" only has to load the page); ``teardown`` ends them too.
    """

    call_left = Signal()
    renderer_crashed = Signal()
    loading_changed = Signal(bool)
    #: Pages sharing this view's profile (the device check) must go before it: they listen.
    about_to_tear_down = Signal()

    def __init__(
        self,
        portal_origin: str | None = None,
        parent: QWidget | None = None,
        devices: DevicesOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self._portal_origin = portal_origin
        self._devices = devices or DevicesOptions()
        self._prepared = False
        self._watcher = CallUrlWatcher()
        self._profile: Any = None
        self._page: Any = None
        self._web: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    @property
    def active(self) -> bool:
        """True from ``load`` until ``teardown`` (a view only ``prepare``d is not a call)."""
        return self._page is not None and not self._prepared

    @property
    def page(self) -> Any:
        """The current ``CallPage`` (None when no call is open)."""
        return self._page

    @property
    def portal_origin(self) -> str:
        return self._portal_origin or ""

    @property
    def devices(self) -> DevicesOptions:
        return self._devices

    def set_devices(self, devices: DevicesOptions) -> None:
        """Use ``devices`` from the next call (staff saved new ones); a call open keeps its."""
        self._devices = devices

    @property
    def profile(self) -> Any:
        """The off-the-record profile of the call (None before ``prepare`` or ``load``)."""
        return self._profile

    def prepare(self, url_hint: str = "") -> None:
        """Start the web engine, profile, page and view now, ready for ``load``.

        The page loads ``about:blank``, hidden: that makes Chromium create the page's web
        contents and a renderer now, so "Join now" only navigates (a few hundred ms less).
        ``url_hint`` (any URL on the portal) fixes the origin when the view was built without one.
        """
        if self._page is not None:
            return
        self._build(url_hint)
        self._prepared = True
        self._web.hide()
        self._web.setUrl(QUrl(BLANK))
        log.info("call.view_prepared")

    def load(self, url: str) -> None:
        """Open ``url`` in a fresh profile (a call already open is torn down first); a view
        made ready by ``prepare`` and not used yet is used as it is."""
        if self._prepared and not self._portal_origin:
            self.teardown()  # prepared without knowing the portal: its page would refuse url
        if not self._prepared:
            self.teardown()
            self._build(url)
        self._prepared = False
        self._watcher.reset()
        self._web.show()
        log.info("call.view_opened origin=%s", self._portal_origin)
        self._page.load(QUrl(url))

    def switch_camera(self) -> None:
        """Ask the page's injected script for the next camera (no-op outside the portal)."""
        if self._page is not None:
            self._page.runJavaScript(
                "window.kiosk && window.kiosk.switchCamera && "
                "window.kiosk.switchCamera().catch(() => {});",
                0,
            )
            log.info("call.switch_camera")

    def run_js(self, script: str, callback: Any) -> None:
        """Run ``script`` in the page's main world and pass its (JSON-friendly) value on."""
        if self._page is None:
            callback(None)
        else:
            self._page.runJavaScript(script, 0, callback)

    def _build(self, url: str) -> None:
        configure_webengine_environment()
        choose_scene_graph()
        from PySide6.QtWebEngineCore import QWebEngineScript
        from PySide6.QtWebEngineWidgets import QWebEngineView

        from kiosk.devices.scripts import inject_script
        from kiosk.ui.call.page import CallPage, new_profile
        from kiosk.ui.lockdown import lock_web_view

        origin = origin_of(self._portal_origin or "") or origin_of(url)
        self._portal_origin = origin
        self._watcher.reset()
        self._profile = new_profile()
        self._page = CallPage(self._profile, origin)
        script = QWebEngineScript()
        script.setName("kiosk-devices")
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setRunsOnSubFrames(False)
        devices = self._devices
        script.setSourceCode(
            inject_script(origin, devices.camera, devices.microphone, devices.speaker)
        )
        self._page.scripts().insert(script)
        self._web = QWebEngineView(self)
        self._web.setPage(self._page)
        lock_web_view(self._web)
        self._page.urlChanged.connect(self.on_url_changed)
        self._page.windowCloseRequested.connect(self.on_window_close_requested)
        self._page.loadStarted.connect(lambda: self.loading_changed.emit(True))
        self._page.loadFinished.connect(lambda _ok: self.loading_changed.emit(False))
        self._page.renderProcessTerminated.connect(self.on_render_process_terminated)
        self._layout.addWidget(self._web)

    def teardown(self) -> None:
        """Close the call: page first, pending deletes flushed, then the profile (GUIDE)."""
        if self._page is None and self._profile is None:
            return
        self.about_to_tear_down.emit()
        page, web, profile = self._page, self._web, self._profile
        self._page = self._web = self._profile = None
        self._prepared = False
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
        """The page's renderer died under an open call: ``renderer_crashed`` (a view only
        prepared for a call has no call to end)."""
        name = getattr(status, "name", status)
        log.warning("call.renderer_terminated status=%s code=%s", name, code)
        if self.active:
            self.renderer_crashed.emit()
