"""Putting a widget on the (offscreen) screen for a test."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def on_screen(qtbot: Any, widget: W, size: tuple[int, int], exposed: bool = False) -> W:
    """``widget`` at ``size``, shown, and closed by ``qtbot`` after the test; with ``exposed``,
    only once the platform has mapped it (input events and focus need that)."""
    widget.resize(*size)
    qtbot.addWidget(widget)
    widget.show()
    if exposed:
        qtbot.waitExposed(widget)
    return widget
