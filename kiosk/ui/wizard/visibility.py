"""``set_shown``: show or hide a widget without polishing it before its step is on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def set_shown(widget: QWidget, visible: bool) -> None:
    """``widget.setVisible(visible)``, minus the work a step being built does not need.

    ``setVisible(True)`` polishes the widget at once (Qt does it before asking whether the
    parent is on screen), against the whole application style sheet; a step still being built
    then polishes it a second time when the step is shown in the window, and its font and
    palette change again. A child that was never hidden appears with its parent anyway, so
    here it is only shown when that is needed: it was hidden on purpose, or its parent is
    already on screen (Qt shows a child added to a visible parent only on the next event loop
    turn).
    """
    if not visible:
        if not widget.isHidden() or not _hidden_on_purpose(widget):
            widget.hide()
        return
    if not widget.isHidden():
        return
    parent = widget.parentWidget()
    if _hidden_on_purpose(widget) or parent is None or parent.isVisible():
        widget.show()


def _hidden_on_purpose(widget: QWidget) -> bool:
    return widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
