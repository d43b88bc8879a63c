"""``KeyNavigator``: the whole kiosk from a keyboard or a USB keypad, and the long press on
Welcome that starts audio guidance.

A ``WindowEventFilter`` on the kiosk's window (never an application-wide filter: see
``kiosk/window_events.py``): keys reach it before the focused widget.

- Tab / Shift+Tab, the arrows on a button (a keypad without Num Lock sends arrows): the next
  or previous control, in reading order; the choices of one question are one stop, and the
  arrows move (and choose) within them, as with radio buttons;
- Enter, keypad Enter, Space: press the focused button;
- F1, keypad `*`: say the last thing again (turns audio guidance on if it is off);
- `+` / `-` (the keypad's, or any outside a text box), the volume keys: louder / softer;
- Escape: stop speaking; Page Up / Page Down: scroll the screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kiosk import constants
from kiosk.session.accessibility import AccessibilityChoices
from kiosk.ui.accessibility.reading_order import reading_order, scroll_area_for, scroll_into_view
from kiosk.window_events import WindowEventFilter

log = logging.getLogger("kiosk.ui")

Key = Qt.Key
_NEXT = {Key.Key_Down, Key.Key_Right}
_PREVIOUS = {Key.Key_Up, Key.Key_Left}
_ACTIVATE = {Key.Key_Return, Key.Key_Enter}
_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
_PRESS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_MOVE = (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate)
_RELEASE = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
#: A finger may wander this far (px) during the long press.
LONG_PRESS_SLOP_PX = 24


def _keypad(event: QKeyEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.KeypadModifier)


class KeyNavigator(WindowEventFilter):
    """Keys and the Welcome long press → focus moves, presses and the choices' volume.

    ``scope()`` is the widget whose controls Tab goes through now (the error panel while it
    covers the screen, else the screen on show); ``on_welcome()`` says whether Welcome shows.
    The first navigation key sets ``choices.keyboard_used`` (the focus ring appears).
    ``repeat_requested`` and ``stop_requested`` are for audio guidance. GUI thread only.
    """

    repeat_requested = Signal()
    stop_requested = Signal()

    def __init__(
        self,
        choices: AccessibilityChoices,
        scope: Callable[[], QWidget],
        on_welcome: Callable[[], bool],
        long_press_ms: int = constants.LONG_PRESS_GUIDANCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = choices
        self.scope = scope
        self.on_welcome = on_welcome
        self._press_at: QPoint | None = None
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(long_press_ms)
        self._hold.timeout.connect(self.on_long_press)

    # -- events -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self.on_key(event)
        if kind in _PRESS or kind in _MOVE or kind in _RELEASE:
            self._track_press(kind, event)
        return False

    def on_key(self, event: QKeyEvent) -> bool:
        """True when the key was the kiosk's to handle (the focused widget never sees it)."""
        key = Key(event.key())
        focus = QApplication.focusWidget()
        typing = isinstance(focus, _TEXT_INPUTS)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Key.Key_Tab, Key.Key_Backtab):
            return self.move_focus(-1 if key == Key.Key_Backtab or shift else 1)
        if key == Key.Key_F1 or (key == Key.Key_Asterisk and (_keypad(event) or not typing)):
            self.repeat_requested.emit()
            return True
        if key == Key.Key_Escape:
            self.stop_requested.emit()
            return False
        if key in (Key.Key_VolumeUp, Key.Key_VolumeDown):
            self.choices.change_volume(1 if key == Key.Key_VolumeUp else -1)
            return True
        if key in (Key.Key_Plus, Key.Key_Minus) and (_keypad(event) or not typing):
            self.choices.change_volume(1 if key == Key.Key_Plus else -1)
            return True
        if key in (Key.Key_PageUp, Key.Key_PageDown):
            return self.scroll_page(focus, -1 if key == Key.Key_PageUp else 1)
        # Buttons of one group (one answer's choices, the days, the stars) are one Tab stop;
        # Qt's own arrows move, and choose, within the group, like radio buttons.
        grouped = isinstance(focus, QAbstractButton) and (
            focus.group() is not None or focus.autoExclusive()
        )
        arrows_are_ours = focus is None or (isinstance(focus, QAbstractButton) and not grouped)
        if (key in _NEXT or key in _PREVIOUS) and arrows_are_ours:
            return self.move_focus(1 if key in _NEXT else -1)
        if key in _ACTIVATE and isinstance(focus, QAbstractButton) and focus.isEnabled():
            self.choices.set_keyboard_used(True)
            focus.click()  # at once, as Space does: the next key sees its effect
            return True
        if key in _ACTIVATE and isinstance(focus, QAbstractItemView):
            return False  # a list takes Enter as its own "choose this row"
        return False

    # -- actions ----------------------------------------------------------------------------

    def move_focus(self, step: int) -> bool:
        """Focus the next (``step`` 1) or previous (-1) control in reading order, wrapping."""
        self.choices.set_keyboard_used(True)
        stops = reading_order(self.scope())
        if not stops:
            return True
        focus = QApplication.focusWidget()
        index = next((i for i, w in enumerate(stops) if w is focus), None)
        if index is None:
            target = stops[0] if step > 0 else stops[-1]
        else:
            target = stops[(index + step) % len(stops)]
        reason = Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason
        scroll_into_view(target)
        target.setFocus(reason)
        return True

    def scroll_page(self, focus: QWidget | None, direction: int) -> bool:
        area = scroll_area_for(focus, self.scope())
        if area is None:
            return False
        bar = area.verticalScrollBar()
        bar.setValue(bar.value() + direction * bar.pageStep())
        return True

    # -- the long press on Welcome ----------------------------------------------------------

    def _track_press(self, kind: QEvent.Type, event: QEvent) -> None:
        point = _point(event)
        if kind in _PRESS:
            corner = constants.STAFF_GESTURE_CORNER_PX
            in_staff_corner = point is not None and QRect(0, 0, corner, corner).contains(point)
            if point is not None and self.on_welcome() and not in_staff_corner:
                self._press_at = point
                self._hold.start()
            else:
                self._hold.stop()
        elif kind in _MOVE and self._hold.isActive():
            moved = point is None or self._press_at is None
            if not moved and point is not None and self._press_at is not None:
                moved = (point - self._press_at).manhattanLength() > LONG_PRESS_SLOP_PX
            if moved:
                self._hold.stop()
        elif kind in _RELEASE:
            self._hold.stop()

    @property
    def holding(self) -> bool:
        return self._hold.isActive()

    def on_long_press(self) -> None:
        """Held on Welcome: audio guidance on. A button under the finger lets go without
        being pressed (the patient asked for guidance, not to check in)."""
        for button in self.scope().findChildren(QAbstractButton):
            if button.isDown():
                button.setDown(False)
        log.info("a11y.long_press")
        self.choices.set_audio_guidance(True)

    def uninstall(self) -> None:
        super().uninstall()
        self._hold.stop()


def _point(event: QEvent) -> QPoint | None:
    """Where a one-finger touch or a mouse event is, in its window's coordinates."""
    if isinstance(event, QTouchEvent):
        points = event.points()
        return points[0].position().toPoint() if len(points) == 1 else None
    if isinstance(event, QMouseEvent):
        return event.position().toPoint()
    return None


__all__ = ["KeyNavigator"]
