"""Reading order: the controls of what the window shows, top to bottom and left to right.

Tab follows it (``KeyNavigator``), whatever order the screens built their widgets in. A screen
is read region by region — its scrolling column, then its pinned action bar — and within a
region line by line, so a control scrolled below the visible part of a long step still comes
before the Next button pinned under it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QWidget


def focus_stops(root: QWidget) -> list[QWidget]:
    """Widgets under ``root`` that Tab may stop at now: visible, enabled, taking Tab focus,
    not handing focus to a proxy (a tab widget's tab bar is the stop), and not a scroll area
    around controls (the page itself: Tab goes through what it holds, Page Up/Down scroll)."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not (isinstance(w, QScrollArea) and w.widget() is not None)
    ]


def region_of(widget: QWidget, root: QWidget) -> QScrollArea | None:
    """The outermost scroll area (below ``root``) that ``widget`` scrolls in, if any."""
    region = None
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            region = parent
        parent = parent.parentWidget()
    return region


def _lines(items: list[tuple[QRect, object]]) -> list[object]:
    """Top to bottom; items whose middles lie beside the first of a line, left to right."""
    ordered: list[object] = []
    rest = sorted(items, key=lambda item: (item[0].top(), item[0].left()))
    while rest:
        first = rest[0][0]
        line = [item for item in rest if item[0].center().y() <= first.bottom()]
        line_ids = {id(item) for item in line}
        rest = [item for item in rest if id(item) not in line_ids]
        ordered.extend(thing for _r, thing in sorted(line, key=lambda item: item[0].left()))
    return ordered


def _rect(widget: QWidget, within: QWidget) -> QRect:
    return QRect(widget.mapTo(within, QPoint(0, 0)), widget.size())


def reading_order(root: QWidget, widgets: list[QWidget] | None = None) -> list[QWidget]:
    """``widgets`` (default: ``focus_stops(root)``) in the order a sighted patient reads them.

    A scroll area counts as one block where it sits on screen; its own widgets are read, in
    the same way, where the block comes (by their place in its content, seen or scrolled)."""
    stops = focus_stops(root) if widgets is None else widgets
    loose: list[tuple[QRect, object]] = []
    blocks: dict[int, tuple[QScrollArea, list[tuple[QRect, object]]]] = {}
    for widget in stops:
        region = region_of(widget, root)
        if region is None:
            loose.append((_rect(widget, root), widget))
            continue
        content = region.widget()
        assert content is not None
        blocks.setdefault(id(region), (region, []))[1].append((_rect(widget, content), widget))
    for region, inner in blocks.values():
        loose.append((_rect(region, root), _lines(inner)))
    ordered: list[QWidget] = []
    for thing in _lines(loose):
        if isinstance(thing, list):
            ordered.extend(thing)
        else:
            assert isinstance(thing, QWidget)
            ordered.append(thing)
    return ordered


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every area holding ``widget`` so it shows (focus moved to it by a key)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(widget, 24, 48)
        parent = parent.parentWidget()


def scroll_area_for(widget: QWidget | None, root: QWidget) -> QAbstractScrollArea | None:
    """The area Page Up/Down scroll: the one holding ``widget``, else the biggest visible."""
    if widget is not None:
        region = region_of(widget, root)
        if region is not None:
            return region
    areas = [
        a
        for a in root.findChildren(QScrollArea)
        if a.isVisible() and a.widget() is not None and a.verticalScrollBar().maximum() > 0
    ]
    return max(areas, key=lambda a: a.height() * a.width(), default=None)


__all__ = ["focus_stops", "reading_order", "region_of", "scroll_area_for", "scroll_into_view"]
