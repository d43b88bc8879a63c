"""``WindowEventFilter``: the one way the kiosk watches a patient's input (idle clock, staff
gesture, lockdown).

Why on the top-level ``QWindow`` and not on the application: Qt delivers real input — mouse,
touch, tablet, wheel, keys (to the focus window, so also keys typed into a web view), drag and
drop, keyboard context-menu requests, window-manager close requests — to the top-level window
(the widget's ``QWidgetWindow``) first, which then dispatches it to the child widgets. A filter
there sees everything a patient does. A Python filter on the *application* instead sees every
event sent to any object, and PySide then wraps each receiver in a Python object — including
WebEngine's internal QtQuick objects, some still under construction — and re-enters itself
through ``QObject::setProperty`` → ``notify`` → the filter: PySide6 6.11.3 and 6.12.0
segfault in ``PySide::getWrapperForQObject`` as soon as a call page loads.

What a window-level filter does not see: ``QInputMethodEvent`` (an input method commits text
straight to the focus object; the key presses of an on-screen keyboard in the kiosk are touches
on the window, so they still count) and shortcut matching (``QShortcutMap`` asks the focus
object with a ``ShortcutOverride`` before the window gets the key; the kiosk defines no
shortcuts). Subclasses that need the top-level widget's own events (lockdown: only the close
event the widget receives tells an application close from a window-manager one) set
``watch_owner``.

QtCore/QtGui only, so ``kiosk.session`` can use it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QWindow


@runtime_checkable
class HasWindowHandle(Protocol):
    """A top-level widget (``QWidget`` duck type: no widgets import here)."""

    def winId(self) -> int: ...

    def windowHandle(self) -> QWindow | None: ...


def window_handle(target: QWindow | HasWindowHandle) -> QWindow:
    """The ``QWindow`` input for ``target`` arrives at; created (``winId()``) if not yet shown."""
    if isinstance(target, QWindow):
        return target
    handle = target.windowHandle()
    if handle is None:
        target.winId()
        handle = target.windowHandle()
    if handle is None:
        raise ValueError(f"{type(target).__name__} has no top-level window")
    return handle


class WindowEventFilter(QObject):
    """Base for the watchers: ``install(*windows)`` adds this object as an event filter on each
    top-level window (a ``QWindow`` or a top-level widget, whose ``windowHandle()`` is used) not
    yet watched; ``uninstall()`` removes it from all of them. Both are idempotent. Subclasses
    implement ``eventFilter(watched, event)`` (return True to swallow) and may extend
    ``install``/``uninstall`` for their own state. A destroyed window is forgotten (Qt removes
    the filter with it). GUI thread only."""

    #: Also watch the top-level widget passed to ``install`` (not only its ``QWindow``).
    watch_owner = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watched: list[QObject] = []

    @property
    def installed(self) -> bool:
        return bool(self._alive())

    @property
    def windows(self) -> tuple[QWindow, ...]:
        """The top-level windows watched now."""
        return tuple(obj for obj in self._alive() if isinstance(obj, QWindow))

    def install(self, *windows: QWindow | HasWindowHandle) -> None:
        for target in windows:
            self._watch(window_handle(target))
            if self.watch_owner and isinstance(target, QObject) and not isinstance(target, QWindow):
                self._watch(target)

    def uninstall(self) -> None:
        watched, self._watched = self._alive(), []
        for obj in watched:
            obj.removeEventFilter(self)

    def _alive(self) -> list[QObject]:
        self._watched = [obj for obj in self._watched if shiboken6.isValid(obj)]
        return self._watched

    def _watch(self, obj: QObject) -> None:
        if any(kept is obj for kept in self._alive()):
            return
        obj.installEventFilter(self)
        self._watched.append(obj)
