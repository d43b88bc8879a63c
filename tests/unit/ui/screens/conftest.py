"""Fixtures for screen tests: the theme applied, screens sized like a landscape kiosk."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget


@pytest.fixture
def show(qtbot) -> Callable[[QWidget], QWidget]:
    """Style, size (1280x800 unless given) and show a widget offscreen; qtbot owns it."""
    from kiosk.ui.theme import stylesheet

    def shown(widget: QWidget, size: tuple[int, int] = (1280, 800)) -> QWidget:
        widget.setStyleSheet(stylesheet())
        widget.resize(*size)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return shown
