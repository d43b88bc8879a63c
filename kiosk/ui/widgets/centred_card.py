"""``centred_card()``: a card centred over a full-window layer (the error panel, the lounge's
"ready" prompt), so every such layer has the same shape and margins rule."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui.widgets.boxes import framed


def centred_card(
    layer: QWidget, max_width: int, margins: tuple[int, int], spacing: int
) -> tuple[QFrame, QVBoxLayout]:
    """A ``card`` no wider than ``max_width`` in the middle of ``layer``; ``margins`` are the
    card's inner (horizontal, vertical) margins. Returns the card and its layout."""
    outer = QVBoxLayout(layer)
    outer.setContentsMargins(32, 32, 32, 32)
    outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
    card, layout = framed(layer, "card", margins, spacing)
    card.setMaximumWidth(max_width)
    outer.addWidget(card)
    return card, layout
