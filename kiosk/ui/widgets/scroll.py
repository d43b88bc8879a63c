"""``ScrollColumn``: a full-width scroll area whose scroll bar floats in the right margin."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QScrollBar,
    QScroller,
    QWidget,
)

#: Width of the floating scroll bar and its gap from the window's right edge (px). The
#: content keeps a wider side margin than this, so the bar never covers it.
INDICATOR_PX = 12
INDICATOR_GAP = 14
#: A field's block (label, box, error) is its parent while that is at most this share of
#: the visible area; a taller parent is the form, and only the box itself is scrolled to.
FIELD_BLOCK_SHARE = 0.7
#: Space kept around a field scrolled into view (px).
REVEAL_MARGIN = 24


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    """The nearest scroll area that holds ``widget`` (None when it does not scroll)."""
    parent = widget.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if content is not None and content.isAncestorOf(widget):
            return parent  # type: ignore[return-value]
        parent = parent.parentWidget()
    return None


def field_block(target: QWidget, area: QScrollArea) -> QWidget:
    """The widget holding ``target`` and its label: its parent chain while that stays small."""
    limit = area.viewport().height() * FIELD_BLOCK_SHARE
    content = area.widget()
    block = target
    parent = target.parentWidget()
    while parent is not None and parent is not content and parent.height() <= limit:
        block = parent
        parent = parent.parentWidget()
    return block


def reveal(target: QWidget, area: QScrollArea, margin: int) -> None:
    """Scroll ``area`` so ``target`` and its label are in view (the box itself wins).

    The label is the one whose buddy is ``target`` (else the block around it, see
    ``field_block``). Not ``ensureWidgetVisible``: for a focused line edit that only brings
    its text cursor's rectangle into view, and the box's lower edge may stay under the keyboard.
    """
    content = area.widget()
    if content is None:
        return
    block = field_block(target, area)
    _scroll_to(area, _span(block, content), margin)
    label = next(
        (lb for lb in content.findChildren(QLabel) if lb.buddy() is target and lb.isVisible()),
        None,
    )
    if label is not None:
        both = _span(label, content).united(_span(target, content))
        # On a short area (a 768 px screen with the keyboard up) the margin gives way first.
        room = max(0, (area.viewport().height() - both.height()) // 2)
        _scroll_to(area, both, min(margin, room))
        if both.height() <= area.viewport().height():
            return
    _scroll_to(area, _span(target, content), margin)


def _span(widget: QWidget, content: QWidget) -> QRect:
    return QRect(widget.mapTo(content, QPoint(0, 0)), widget.size())


def _scroll_to(area: QScrollArea, rect: QRect, margin: int) -> None:
    top, bottom = rect.top(), rect.top() + rect.height()
    bar = area.verticalScrollBar()
    value = bar.value()
    visible = area.viewport().height()
    if bottom + margin > value + visible:
        value = bottom + margin - visible
    if top - margin < value:
        value = top - margin
    bar.setValue(max(bar.minimum(), min(value, bar.maximum())))


class ScrollColumn(QScrollArea):
    """Scrolls a screen's content inside its area, so a screen is never taller than the window.

    A normal scroll bar takes its width from the viewport when it appears, and a centred column
    then jumps sideways (headings, body and the pinned buttons below no longer share a left
    edge). Here the built-in bar is off, the viewport always has the full width, and a thin
    ``indicator`` bar mirroring it floats over the right margin. A finger flicks the content
    (``QScroller`` touch gesture); the minimum height is small whatever the content, which is
    what lets every screen fit 768 px tall screens and shrink above the on-screen keyboard.
    When the area shrinks (the keyboard came up), the focused field stays in view.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Focusable, so a tap on its empty part takes the focus off a text box (and the
        # on-screen keyboard goes); keys skip it (kiosk/ui/accessibility/reading_order.py).
        self.setAccessibleName(QCoreApplication.translate("ScrollColumn", "Page"))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.indicator = QScrollBar(Qt.Orientation.Vertical, self)
        self.indicator.setProperty("screens", "scroll-indicator")
        self.indicator.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.indicator.hide()
        inner = self.verticalScrollBar()
        inner.rangeChanged.connect(self.on_inner_range_changed)
        inner.valueChanged.connect(self.indicator.setValue)
        self.indicator.valueChanged.connect(inner.setValue)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)

    @property
    def scrolls(self) -> bool:
        """True when the content is taller than the area (the indicator shows)."""
        return self.verticalScrollBar().maximum() > 0

    def on_inner_range_changed(self, minimum: int, maximum: int) -> None:
        inner = self.verticalScrollBar()
        self.indicator.setRange(minimum, maximum)
        self.indicator.setPageStep(inner.pageStep())
        self.indicator.setSingleStep(inner.singleStep())
        self.indicator.setValue(inner.value())
        self.indicator.setVisible(maximum > minimum)
        self._place_indicator()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_indicator()
        focus = QApplication.focusWidget()
        shrank = event.size().height() < event.oldSize().height()
        content = self.widget()
        if shrank and focus is not None and content is not None and content.isAncestorOf(focus):
            reveal(focus, self, REVEAL_MARGIN)

    def _place_indicator(self) -> None:
        self.indicator.setGeometry(
            QRect(self.width() - INDICATOR_PX - INDICATOR_GAP, 4, INDICATOR_PX, self.height() - 8)
        )
        self.indicator.raise_()
