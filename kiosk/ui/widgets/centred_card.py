"""``centred_card()``: a card centred over a full-window layer (the error panel, the lounge's
"ready" prompt), so every such layer has the same shape and margins rule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui.theme import set_role


def centred_card(
    layer: QWidget, max_width: int, margins: tuple[int, int], spacing: int
) -> tuple[QFrame, QVBoxLayout]:
    """A ``card`` no wider than ``max_width`` in the middle of ``layer``; ``margins`` are the
    card's inner (horizontal, vertical) margins. Returns the card and its layout."""
    outer = QVBoxLayout(layer)
    outer.setContentsMargins(32, 32, 32, 32)
    outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
    card = QFrame(layer)
    set_role(card, "card")
    card.setMaximumWidth(max_width)
    layout = QVBoxLayout(card)
    across, down = margins
    layout.setContentsMargins(across, down, across, down)
    layout.setSpacing(spacing)
    outer.addWidget(card)
    return card, layout
