"""Putting a widget on the (offscreen) screen for a test."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)

#: The attribute of a test's ``qtbot`` holding the widgets ``on_screen`` showed.
_KEPT = "_kiosk_on_screen"


def on_screen(qtbot: Any, widget: W, size: tuple[int, int], exposed: bool = False) -> W:
    """``widget`` at ``size``, shown, kept alive and closed by ``qtbot`` after the test; with
    ``exposed``, only once the platform has mapped it (input events and focus need that).

    Kept alive: qtbot holds only weak references, and a top-level widget the test no longer
    names but whose wrappers form a cycle would be deleted by whichever garbage collection
    comes next — possibly inside one of its own callbacks (a section's load finishing while
    the next view is built: a segfault in a later test).
    """
    widget.resize(*size)
    qtbot.addWidget(widget)
    kept: list[QWidget] | None = getattr(qtbot, _KEPT, None)
    if kept is None:
        kept = []
        setattr(qtbot, _KEPT, kept)
    kept.append(widget)
    widget.show()
    if exposed:
        qtbot.waitExposed(widget)
    return widget
