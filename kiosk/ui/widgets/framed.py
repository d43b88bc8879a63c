"""``framed()``: a box drawn in a theme role (a ``card``, an ``alert``) with a column inside —
the one way screens and sections build one, so its margins are always given the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui.theme import set_role


def framed(
    parent: QWidget | None, role: str, margins: tuple[int, int], spacing: int | None = None
) -> tuple[QFrame, QVBoxLayout]:
    """A ``QFrame`` in theme ``role`` and the column laid out in it; ``margins`` are the inner
    (horizontal, vertical) margins; ``spacing`` None keeps the style's. Returns both."""
    frame = QFrame(parent)
    set_role(frame, role)
    column = QVBoxLayout(frame)
    across, down = margins
    column.setContentsMargins(across, down, across, down)
    if spacing is not None:
        column.setSpacing(spacing)
    return frame, column
