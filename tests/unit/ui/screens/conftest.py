"""Fixtures for screen tests: the theme applied, screens sized like a landscape kiosk."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from on_screen import on_screen
from PySide6.QtWidgets import QWidget


@pytest.fixture
def show(qtbot) -> Iterator[Callable[[QWidget], QWidget]]:
    """Style, size (1280x800 unless given) and show a widget offscreen, kept alive until the
    test is over and then closed (see `on_screen`)."""
    from kiosk.ui.theme import stylesheet

    def shown(widget: QWidget, size: tuple[int, int] = (1280, 800)) -> QWidget:
        widget.setStyleSheet(stylesheet())
        return on_screen(qtbot, widget, size, exposed=True)

    yield shown
