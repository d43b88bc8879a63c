"""``fit_problems``: what keeps a window from fitting a screen — for tests and the gallery tool."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.ui.widgets.scroll import scroll_area_of


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    label = widget.objectName() or widget.accessibleName() or text
    return f"{type(widget).__name__}({label!r})" if label else type(widget).__name__


def fit_problems(window: QWidget, screen: QSize, actions: Iterable[QWidget] = ()) -> list[str]:
    """Every way ``window``, laid out for a ``screen``-sized area, fails to fit it.

    - the window or any visible widget in it needs more than the screen (minimum size);
    - the window ended up larger than the screen;
    - a visible button lies (partly) outside the window, unless it scrolls inside an area
      (then only its area must lie inside);
    - one of ``actions`` (a screen's Back/Next/Leave/End) is hidden, outside the window, or
      scrolled out of view (the action bar is pinned; Welcome's "Check in" must show unscrolled).
    """
    problems: list[str] = []
    bounds = QRect(0, 0, screen.width(), screen.height())
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() > screen.width() or need.height() > screen.height():
        problems.append(f"window needs {need.width()}x{need.height()}")
    if window.width() > screen.width() or window.height() > screen.height():
        problems.append(f"window is {window.width()}x{window.height()}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        area = scroll_area_of(widget)
        need = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        too_tall = area is None and need.height() > screen.height()  # scrolled ones may be
        if need.width() > screen.width() or too_tall:
            problems.append(f"{_name(widget)} needs {need.width()}x{need.height()}")
        pinned_button = isinstance(widget, QAbstractButton) and area is None
        if pinned_button and widget.window() is window:
            rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            if not bounds.contains(rect):
                problems.append(f"{_name(widget)} at {rect.getRect()} is off the screen")
    for action in actions:
        rect = QRect(action.mapTo(window, action.rect().topLeft()), action.size())
        area = scroll_area_of(action)
        if area is not None:
            port = area.viewport()
            rect = QRect(action.mapTo(port, action.rect().topLeft()), action.size())
            if not port.rect().contains(rect):
                problems.append(f"action {_name(action)} is scrolled out of view")
            rect = QRect(action.mapTo(window, action.rect().topLeft()), action.size())
        if not action.isVisible():
            problems.append(f"action {_name(action)} is hidden")
        elif not bounds.contains(rect):
            problems.append(f"action {_name(action)} at {rect.getRect()} is off the screen")
    return problems
