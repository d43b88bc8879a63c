"""The built-in on-screen keyboard: a panel inside the kiosk window, below the screens.

``KeyboardPanel`` draws the keys; ``KeyboardController`` follows the focus, picks the layout
from the field's ``inputMethodHints()`` and types into it. No top-level window, no QML.
"""

from kiosk.ui.keyboard.controller import KeyboardController, is_text_input
from kiosk.ui.keyboard.layouts import LAYOUTS, Action, Key, LayoutName, layout_for_hints
from kiosk.ui.keyboard.panel import MIN_KEY_PX, KeyboardPanel

__all__ = [
    "LAYOUTS",
    "MIN_KEY_PX",
    "Action",
    "Key",
    "KeyboardController",
    "KeyboardPanel",
    "LayoutName",
    "is_text_input",
    "layout_for_hints",
]
