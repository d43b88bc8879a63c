"""The call's web page and profile; imports QtWebEngine, so load it only when a call starts."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineSettings,
)

from kiosk.ui.call.navigation import is_allowed_navigation
from kiosk.ui.call.permissions import decide_permission, origin_of

log = logging.getLogger("kiosk.ui.call")

_OFF = (
    QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows,
    QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard,
    QWebEngineSettings.WebAttribute.JavascriptCanPaste,
    QWebEngineSettings.WebAttribute.ScreenCaptureEnabled,
    QWebEngineSettings.WebAttribute.FullScreenSupportEnabled,
    QWebEngineSettings.WebAttribute.PdfViewerEnabled,
    QWebEngineSettings.WebAttribute.PluginsEnabled,
)


def new_profile() -> QWebEngineProfile:
    """A fresh off-the-record profile (no storage name: cookies, cache and storage in memory).

    It has no parent on purpose: ``CallView.teardown`` deletes it after its page (a profile
    deleted first crashes the page). Permissions are asked every time, never remembered.
    """
    profile = QWebEngineProfile()
    profile.setPersistentPermissionsPolicy(
        QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
    )
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    settings = profile.settings()
    for attribute in _OFF:
        settings.setAttribute(attribute, False)
    # A provider's voice must play without a tap on the page.
    settings.setAttribute(QWebEngineSettings.WebAttribute.PlaybackRequiresUserGesture, False)
    return profile


class CallPage(QWebEnginePage):
    """Stays on ``portal_origin``: other navigations are refused, pop-ups never open, and only
    camera/microphone requests from the portal are granted (``decide_permission``)."""

    def __init__(
        self, profile: QWebEngineProfile, portal_origin: str, parent: QObject | None = None
    ) -> None:
        super().__init__(profile, parent)
        self.portal_origin = portal_origin
        self.permissionRequested.connect(self.on_permission_requested)

    def acceptNavigationRequest(
        self, url: QUrl | str, _type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url) if isinstance(url, str) else url
        if is_allowed_navigation(url, self.portal_origin):
            return True
        log.warning(
            "call.navigation_blocked origin=%s main_frame=%s",
            origin_of(url) or url.scheme(),
            is_main_frame,
        )
        return False

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # type: ignore[override]  # Qt takes a null page: no window
        log.warning("call.popup_refused")
        return None

    def on_permission_requested(self, permission: QWebEnginePermission) -> None:
        kind = permission.permissionType()
        origin = permission.origin()
        if decide_permission(origin, kind, self.portal_origin):
            log.info("call.permission_granted type=%s", kind.name)
            permission.grant()
        else:
            log.warning(
                "call.permission_denied type=%s origin=%s", kind.name, origin_of(origin) or "-"
            )
            permission.deny()
