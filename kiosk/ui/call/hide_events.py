"""``hidden_for_good(widget)``: a real hide, not the one Qt sends while it re-creates a window.

Under a real X server (xcb) the first web view to draw in a window makes Qt switch that
window to a GPU surface: inside ``QWebEnginePage.setHtml``/``load``, while the view's render
widget is being added to the view's layout, Qt destroys the window's native window and
creates a new one, sending every visible widget a ``QHideEvent`` and then a ``QShowEvent``.
A screen that stops its camera check on hide would delete the web view right under
``QWebEngineView``'s own ``QLayout::addWidget`` — a segfault (offscreen never switches, so
only xcb showed it). During that hide the window has no native window yet: its
``WA_WState_Created`` is false, which a hide from a screen change or a closed window never has.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def hidden_for_good(widget: QWidget) -> bool:
    """False while ``widget``'s window is being re-created (it shows again at once)."""
    return widget.window().testAttribute(Qt.WidgetAttribute.WA_WState_Created)
