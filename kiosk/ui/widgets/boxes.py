"""The boxes screens and sections build their parts in, each with the layout it holds:
``framed()`` a box drawn in a theme role (a ``card``, an ``alert``) with a column inside,
``plain_box()`` an invisible one whose layout adds no margins of its own."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QFrame, QLayout, QVBoxLayout, QWidget

from kiosk.ui.theme import set_role

L = TypeVar("L", bound=QLayout)


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


def plain_box(
    parent: QWidget, layout_type: type[L], spacing: int | None = None
) -> tuple[QWidget, L]:
    """A plain ``QWidget`` laid out by a new ``layout_type`` with no margins, so the box lines up
    with what is around it; ``spacing`` None keeps the style's. Returns both."""
    box = QWidget(parent)
    layout = layout_type(box)
    layout.setContentsMargins(0, 0, 0, 0)
    if spacing is not None:
        layout.setSpacing(spacing)
    return box, layout
