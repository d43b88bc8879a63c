"""``local_page_class(url)``: the web page class for a kiosk-owned local page (the camera and
microphone check, the photo capture) — camera and microphone granted to that page's own origin
only, no navigation elsewhere, no pop-up windows."""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QUrl

from kiosk.ui.call.permissions import MEDIA_PERMISSIONS, origin_of


@cache
def local_page_class(own_url: str) -> type:
    """Built on first use, so QtWebEngine is imported only when such a page opens."""
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEnginePermission

    own_origin = origin_of(own_url)

    class LocalPage(QWebEnginePage):
        def __init__(self, profile: Any, parent: Any = None) -> None:
            super().__init__(profile, parent)
            self.permissionRequested.connect(self.on_permission_requested)

        def on_permission_requested(self, permission: QWebEnginePermission) -> None:
            mine = origin_of(permission.origin()) == own_origin
            if mine and permission.permissionType().name in MEDIA_PERMISSIONS:
                permission.grant()
            else:
                permission.deny()

        def acceptNavigationRequest(self, url: QUrl | str, _type: Any, _main: bool) -> bool:
            url = QUrl(url) if isinstance(url, str) else url
            # setHtml navigates to a data: URL carrying the page, with own_url as its base.
            return url.scheme() == "data" or origin_of(url) == own_origin

        def createWindow(self, _type: Any) -> None:  # type: ignore[override]  # Qt takes a null page: no window
            return None

    return LocalPage
