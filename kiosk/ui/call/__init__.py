"""The in-browser video call: ``CallView`` and its rules. QtWebEngine loads with the first call.

Nothing here imports ``PySide6.QtWebEngine*`` at import time (``kiosk.ui.call.page`` does, and
only ``CallView.load`` imports it), so a kiosk that never starts a call never pays for it. The
names below load on first use (PEP 562): the launcher needs only ``environment`` before the
first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from kiosk.ui.call.environment import configure_webengine_environment
    from kiosk.ui.call.navigation import (
        CallUrlWatcher,
        is_allowed_navigation,
        is_call_page,
    )
    from kiosk.ui.call.permissions import MEDIA_PERMISSIONS, decide_permission, origin_of
    from kiosk.ui.call.view import CallView

_HOMES = {
    "MEDIA_PERMISSIONS": "permissions",
    "CallUrlWatcher": "navigation",
    "CallView": "view",
    "configure_webengine_environment": "environment",
    "decide_permission": "permissions",
    "is_allowed_navigation": "navigation",
    "is_call_page": "navigation",
    "origin_of": "permissions",
}

__all__ = [
    "MEDIA_PERMISSIONS",
    "CallUrlWatcher",
    "CallView",
    "configure_webengine_environment",
    "decide_permission",
    "is_allowed_navigation",
    "is_call_page",
    "origin_of",
]

__getattr__ = lazy_getattr(__name__, _HOMES, globals())
