"""Where the call page may go, and when its URL says the call is over."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl

from kiosk.ui.call.permissions import origin_of

_CALL_PAGE = re.compile(r"/visits/inbrowser_calling/[^/]+/?$")
#: Frames with no content of their own, which pages create freely.
_HARMLESS = ("about:blank", "about:srcdoc")


def is_allowed_navigation(url: QUrl | str, portal_origin: str) -> bool:
    """True when ``url`` stays on the portal's origin (or is an empty ``about:`` frame)."""
    qurl = url if isinstance(url, QUrl) else QUrl(url)
    if qurl.toString() in _HARMLESS:
        return True
    wanted = origin_of(portal_origin)
    return bool(wanted) and origin_of(qurl) == wanted


def is_call_page(url: QUrl | str) -> bool:
    """``…/visits/inbrowser_calling/<id>`` (any portal path prefix)."""
    qurl = url if isinstance(url, QUrl) else QUrl(url)
    return bool(_CALL_PAGE.search(qurl.path()))


class CallUrlWatcher:
    """Follows the page's URLs only to know whether the calling page has shown yet (a renderer
    that dies after that is reloaded).

    Whether the call is over is never read from a URL: the API doc defines no "ended" page,
    so the session decides from ``GET /visits/:id`` (30/40) and from the page closing itself
    (``close_requested``), which is true exactly once per call; ``reset`` starts over.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.seen_call = False
        self.left = False

    def update(self, url: QUrl | str) -> None:
        if is_call_page(url):
            self.seen_call = True

    def close_requested(self) -> bool:
        """The page asked to close (``window.close()``): True the first time only."""
        if self.left:
            return False
        self.left = True
        return True
