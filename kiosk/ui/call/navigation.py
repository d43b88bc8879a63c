"""Where the call page may go, and when its URL says the call is over."""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl

from kiosk.ui.call.permissions import origin_of

_CALL_PAGE = re.compile(r"/visits/inbrowser_calling/[^/]+/?$")
_ENDED_PAGE = re.compile(r"/visits/inbrowser_calling/[^/]+/ended/?$")
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


def is_ended_page(url: QUrl | str) -> bool:
    """``…/visits/inbrowser_calling/<id>/ended``: the portal's "your visit has ended"."""
    qurl = url if isinstance(url, QUrl) else QUrl(url)
    return bool(_ENDED_PAGE.search(qurl.path()))


class CallUrlWatcher:
    """Follows the page's URLs and says once when the patient has left the call.

    Before the calling page first shows (the SSO redirect) nothing counts. After it, the
    ``/ended`` page or any other page means the call is over. ``update`` returns True exactly
    once per call; ``reset`` starts over for the next one.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.seen_call = False
        self.left = False

    def update(self, url: QUrl | str) -> bool:
        if self.left:
            return False
        if is_ended_page(url):
            self.left = True
        elif is_call_page(url):
            self.seen_call = True
        elif self.seen_call:
            self.left = True
        return self.left
