"""``KeyboardController``: shows the keyboard for the focused text field and types into it."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QEvent,
    QObject,
    QPropertyAnimation,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from kiosk.ui.keyboard.layouts import LayoutName, auto_shift, layout_for_hints
from kiosk.ui.keyboard.panel import LARGE_KEY_PX, MIN_KEY_PX, KeyboardPanel
from kiosk.ui.widgets.scroll import reveal, scroll_area_of

log = logging.getLogger("kiosk.ui.keyboard")

#: The slide up/down (ms); 0 shows and hides at once (tests, benchmarks).
SLIDE_MS = 140
#: Qt's QWIDGETSIZE_MAX: no maximum height.
UNLIMITED = 16777215
#: How often a pending hide checks whether the finger is still down (ms).
HIDE_POLL_MS = 30
#: Windows at least this tall get ``LARGE_KEY_PX`` keys.
TALL_WINDOW_PX = 1000
#: Space kept between the focused field and the keyboard or the area's edge (px).
VISIBLE_MARGIN = 24


def is_text_input(widget: QWidget | None) -> bool:
    """True for a widget that takes typed text (and is not read-only)."""
    if widget is None or not widget.isEnabled():
        return False
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return not widget.isReadOnly()
    return False


class KeyboardController(QObject):
    """Follows the application's focus: a text field inside ``window`` gets ``panel`` with the
    layout its ``inputMethodHints()`` ask for (``layout_for_hints``); anything else, or the
    Hide key, puts it away. The panel lives in the window's layout below the screens, so the
    screens shrink above it; the focused field's block (label, box, error line) is then
    scrolled into view inside its screen, and is never under the keyboard.

    Hiding waits until no finger is down: the tap that moved the focus to a button must end
    on that button, not where the button was before the screens grew back. ``install()``
    starts following focus (the app does it when ``[kiosk] keyboard = "builtin"``);
    ``uninstall()`` stops and hides the panel.
    """

    def __init__(
        self,
        window: QWidget,
        panel: KeyboardPanel,
        slide_ms: int = SLIDE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.panel = panel
        self.slide_ms = slide_ms
        self._target: QWidget | None = None
        self._viewport: QWidget | None = None
        self._installed = False
        self._wanted = False
        self._animation = QPropertyAnimation(panel, b"maximumHeight", self)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.finished.connect(self.on_animation_finished)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(HIDE_POLL_MS)
        self._hide_timer.timeout.connect(self.on_hide_timer_timeout)
        panel.hide()
        panel.typed.connect(self.on_panel_typed)
        panel.backspace.connect(lambda: self._send_key(Qt.Key.Key_Backspace))
        panel.enter.connect(lambda: self._send_key(Qt.Key.Key_Return))
        panel.hide_requested.connect(self.on_panel_hide_requested)

    # -- state ------------------------------------------------------------------------------

    @property
    def installed(self) -> bool:
        return self._installed

    @property
    def target(self) -> QWidget | None:
        return self._target

    @property
    def shown(self) -> bool:
        """True while the keyboard is up (or sliding up)."""
        return self._wanted

    @property
    def sliding(self) -> bool:
        """True while the keyboard slides up or down (its keys are still moving)."""
        return self._animation.state() == QPropertyAnimation.State.Running

    @property
    def settling(self) -> bool:
        """True while the keyboard slides or a hide is pending: the screen may still move."""
        return self.sliding or self._hide_timer.isActive()

    def install(self) -> None:
        app = QApplication.instance()
        if self._installed or not isinstance(app, QApplication):
            return
        app.focusChanged.connect(self.on_app_focus_changed)
        self._installed = True
        self.on_app_focus_changed(None, app.focusWidget())

    def uninstall(self) -> None:
        app = QApplication.instance()
        if not self._installed or not isinstance(app, QApplication):
            return
        app.focusChanged.disconnect(self.on_app_focus_changed)
        self._installed = False
        self._attach(None)
        self.hide_now()

    # -- showing and hiding -----------------------------------------------------------------

    def show_for(self, widget: QWidget) -> None:
        """Bring the keyboard up for ``widget`` (it must hold the focus to receive keys)."""
        self._hide_timer.stop()
        self._attach(widget)
        hints = widget.inputMethodHints()
        self.panel.set_layout(layout_for_hints(hints))
        letters = self.panel.layout_name is LayoutName.LETTERS
        self.panel.set_shift(letters and auto_shift(hints) and not _text_of(widget))
        tall = self.window.height() >= TALL_WINDOW_PX
        self.panel.set_key_height(LARGE_KEY_PX if tall else MIN_KEY_PX)
        if self._wanted and self.panel.isVisible():
            self.keep_target_visible()
            return
        self._wanted = True
        full = self.panel.sizeHint().height()
        self._animation.stop()
        if self.slide_ms <= 0:
            self.panel.setMaximumHeight(UNLIMITED)
            self.panel.show()
            self.keep_target_visible()
            return
        self.panel.setMaximumHeight(0)
        self.panel.show()
        self._animation.setDuration(self.slide_ms)
        self._animation.setStartValue(0)
        self._animation.setEndValue(full)
        self._animation.start()

    def hide_soon(self) -> None:
        """Hide once no finger or mouse button is down (see the class docstring)."""
        self._hide_timer.start(0 if self.slide_ms <= 0 and not _pointer_down() else HIDE_POLL_MS)

    def hide_now(self) -> None:
        self._hide_timer.stop()
        if not self._wanted:
            return
        self._wanted = False
        self.panel.close_variants()
        self._animation.stop()
        if self.slide_ms <= 0 or not self.panel.isVisible():
            self.panel.hide()
            return
        self._animation.setDuration(self.slide_ms)
        self._animation.setStartValue(self.panel.height())
        self._animation.setEndValue(0)
        self._animation.start()

    def keep_target_visible(self) -> None:
        """Scroll the focused field's block (label, box, error) into view in its screen."""
        target = self._target
        if target is None or not target.isVisible():
            return
        area = scroll_area_of(target)
        if area is None:
            return
        # Lay the window out now (the panel just appeared), so the area has its new height.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        reveal(target, area, VISIBLE_MARGIN)

    # -- slots ------------------------------------------------------------------------------

    def on_app_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if now is not None and self.panel.isAncestorOf(now):
            return
        if now is not None and is_text_input(now) and self.window.isAncestorOf(now):
            self.show_for(now)
        else:
            self._attach(None)
            self.hide_soon()

    def on_hide_timer_timeout(self) -> None:
        if _pointer_down():
            self._hide_timer.start(HIDE_POLL_MS)
        elif self._target is None or not self._wanted:
            self.hide_now()

    def on_animation_finished(self) -> None:
        if self._wanted:
            # Free again: a layout with more rows (email) must get its full height.
            self.panel.setMaximumHeight(UNLIMITED)
            self.keep_target_visible()
        else:
            self.panel.hide()

    def on_panel_typed(self, text: str) -> None:
        target = self._target
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text)
            )

    def on_panel_hide_requested(self) -> None:
        """Hide key: the field keeps its focus; a tap on it brings the keyboard back."""
        self.hide_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the focused field: a tap on it after Hide brings the keyboard back. On its
        scroll area's viewport: a resize scrolls it back into view (on the next turn, when
        the area has its new scroll range)."""
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            if self._wanted:
                QTimer.singleShot(0, self.keep_target_visible)
            return False
        if (
            watched is self._target
            and event.type() == QEvent.Type.MouseButtonPress
            and not self._wanted
            and self._installed
        ):
            self.show_for(self._target)
        return False

    # -- internals --------------------------------------------------------------------------

    def _attach(self, widget: QWidget | None) -> None:
        if widget is self._target:
            return
        if self._target is not None and isValid(self._target):
            self._target.removeEventFilter(self)
            self._target.destroyed.disconnect(self.on_target_destroyed)
        if self._viewport is not None and isValid(self._viewport):
            self._viewport.removeEventFilter(self)
            self._viewport.destroyed.disconnect(self.on_viewport_destroyed)
        self._viewport = None
        self._target = widget
        if widget is not None:
            widget.installEventFilter(self)
            widget.destroyed.connect(self.on_target_destroyed)
            area = scroll_area_of(widget)
            if area is not None:
                # The area shrinks once the panel is in (or during its slide): scroll again.
                self._viewport = area.viewport()
                self._viewport.installEventFilter(self)
                self._viewport.destroyed.connect(self.on_viewport_destroyed)

    def on_viewport_destroyed(self) -> None:
        self._viewport = None

    def on_target_destroyed(self) -> None:
        self._target = None
        self.hide_soon()

    def _send_key(self, key: Qt.Key) -> None:
        target = self._target
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def _pointer_down() -> bool:
    return QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return widget.toPlainText()
    return ""
