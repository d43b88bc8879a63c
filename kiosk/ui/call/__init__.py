"""The in-browser video call: ``CallView`` and its rules. QtWebEngine loads with the first call.

Nothing here imports ``PySide6.QtWebEngine*`` at import time (``kiosk.ui.call.page`` does, and
only ``CallView.load`` imports it), so a kiosk that never starts a call never pays for it.
"""

from kiosk.ui.call.environment import configure_webengine_environment
from kiosk.ui.call.navigation import (
    CallUrlWatcher,
    is_allowed_navigation,
    is_call_page,
)
from kiosk.ui.call.permissions import MEDIA_PERMISSIONS, decide_permission, origin_of
from kiosk.ui.call.view import CallView

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
