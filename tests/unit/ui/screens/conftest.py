"""Fixtures for screen tests: the theme applied, screens sized like a landscape kiosk."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from on_screen import on_screen
from PySide6.QtWidgets import QWidget


@pytest.fixture
def show(qtbot) -> Iterator[Callable[[QWidget], QWidget]]:
    """Style, size (1280x800 unless given) and show a widget offscreen.

    The fixture keeps each widget alive until the test is over, then closes it (a closed
    widget is never painted). qtbot holds only weak references, so a top-level screen whose
    last references form a cycle (a screen and a helper object that points back at it) would
    otherwise be freed by whichever garbage collection comes next, possibly mid-paint.
    """
    from kiosk.ui.theme import stylesheet

    kept: list[QWidget] = []

    def shown(widget: QWidget, size: tuple[int, int] = (1280, 800)) -> QWidget:
        widget.setStyleSheet(stylesheet())
        kept.append(widget)
        return on_screen(qtbot, widget, size, exposed=True)

    yield shown
    for widget in kept:
        widget.close()
    kept.clear()
