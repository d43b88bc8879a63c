"""Kiosk mode: a fullscreen frameless window and an event filter that closes the ways out."""

from __future__ import annotations

import logging
from typing import Any, Literal, Protocol

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QMouseEvent, QWindow
from PySide6.QtWidgets import QWidget

from kiosk import constants
from kiosk.window_events import HasWindowHandle, WindowEventFilter

log = logging.getLogger("kiosk.lockdown")

Orientation = Literal["landscape", "portrait"]


class WindowOptions(Protocol):
    """What placing the window reads: ``kiosk.config.KioskOptions``, or the launcher's early
    read of the same keys before the first paint (``kiosk.early_settings``)."""

    @property
    def fullscreen(self) -> bool: ...
    @property
    def screen(self) -> int: ...
    @property
    def orientation(self) -> Literal["auto", "landscape", "portrait"]: ...


_ALT = Qt.KeyboardModifier.AltModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_META = Qt.KeyboardModifier.MetaModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier

#: (modifiers, key) pairs that close, quit, switch, reload or navigate away. An extra Shift
#: still matches (Alt+Shift+Tab is Alt+Tab); the Meta/Super key is blocked with anything.
BLOCKED_KEYS: frozenset[tuple[Qt.KeyboardModifier, Qt.Key]] = frozenset(
    {
        (_ALT, Qt.Key.Key_F4),
        (Qt.KeyboardModifier.NoModifier, Qt.Key.Key_Escape),
        (_CTRL, Qt.Key.Key_Q),
        (_CTRL, Qt.Key.Key_W),
        (_ALT, Qt.Key.Key_Tab),
        (_ALT, Qt.Key.Key_Backtab),
        (_ALT, Qt.Key.Key_Space),
        (_ALT, Qt.Key.Key_Left),
        (_ALT, Qt.Key.Key_Right),
        (_CTRL, Qt.Key.Key_R),
        (Qt.KeyboardModifier.NoModifier, Qt.Key.Key_F5),
        (Qt.KeyboardModifier.NoModifier, Qt.Key.Key_F11),
        (Qt.KeyboardModifier.NoModifier, Qt.Key.Key_F12),
        (_CTRL | _SHIFT, Qt.Key.Key_I),
    }
)
_META_KEYS = frozenset({Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R})

_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
_DROP_EVENTS = (
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
)


def is_blocked_key(event: QKeyEvent) -> bool:
    """True for the keys a patient must not use to leave the kiosk."""
    key = event.key()
    modifiers = event.modifiers() & ~_KEYPAD
    if key in _META_KEYS or modifiers & _META:
        return True
    return (modifiers, key) in BLOCKED_KEYS or (modifiers & ~_SHIFT, key) in BLOCKED_KEYS


class KioskLockdown(WindowEventFilter):
    """Window event filter (``install(window)``) that swallows the usual ways out for patients.

    Swallowed: the keys in ``BLOCKED_KEYS`` (and anything with the Meta/Super key), window
    close requests from the window manager (``spontaneous`` close events; the app can still
    close its own windows), context menus (right-click, long-press), middle-click (X11
    selection paste: the last patient's text), and drag-and-drop into the app. With
    ``hide_cursor`` the mouse pointer is blank while installed. ``install(window)`` /
    ``uninstall()`` are idempotent and leave the application as they found it.

    Everything but the close request is caught on the window's ``QWindow``. A close reaches the
    ``QWindow`` as a spontaneous event whether the window manager or the app asks (since Qt 6
    ``QWidget.close()`` of a top-level goes through ``QWindow.close()`` and the platform);
    only the close event ``QWidgetWindow`` then sends the widget is spontaneous for the window
    manager alone. So the top-level widget is watched too (``watch_owner``).
    """

    watch_owner = True

    def __init__(self, hide_cursor: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hide_cursor = hide_cursor
        self._cursor_pushed = False
        self.swallowed = 0

    def install(self, *windows: QWindow | HasWindowHandle) -> None:
        was_installed = self.installed
        super().install(*windows)
        if was_installed or not self.installed:
            return
        if self.hide_cursor and not self._cursor_pushed:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_pushed = True
        log.info("lockdown.installed hide_cursor=%s", self.hide_cursor)

    def uninstall(self) -> None:
        was_installed = self.installed or self._cursor_pushed
        super().uninstall()
        if self._cursor_pushed:
            QGuiApplication.restoreOverrideCursor()
            self._cursor_pushed = False
        if was_installed:
            log.info("lockdown.uninstalled")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._blocks(watched, event):
            event.ignore()
            self.swallowed += 1
            return True
        return False

    def _blocks(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS:
            return isinstance(event, QKeyEvent) and is_blocked_key(event)
        if kind == QEvent.Type.ContextMenu or kind in _DROP_EVENTS:
            return True
        if kind == QEvent.Type.Close:
            return event.spontaneous() and isinstance(watched, QWidget) and watched.isWindow()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            assert isinstance(event, QMouseEvent)
            return event.button() in (Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton)
        return False


def resolve_orientation(options: WindowOptions, available: QSize) -> Orientation:
    """The configured orientation, or for ``"auto"`` the screen's shape."""
    if options.orientation != "auto":
        return options.orientation
    return _shape_of(available)


def _shape_of(available: QSize) -> Orientation:
    return "portrait" if available.height() > available.width() else "landscape"


def _target_screen(options: WindowOptions) -> Any:
    screens = QGuiApplication.screens()
    if options.screen < len(screens):
        return screens[options.screen]
    log.warning("lockdown.screen_missing index=%d count=%d", options.screen, len(screens))
    return QGuiApplication.primaryScreen()


def apply_kiosk_window_mode(
    window: QWidget, options: WindowOptions, windowed: bool, size: QSize | None = None
) -> Orientation:
    """Place and show ``window``: fullscreen and frameless on the configured screen, or (with
    ``windowed`` or ``fullscreen = false``) a normal window of ``size`` — by default
    1280×800 landscape or 1080×1920 portrait, scaled down to fit the screen.

    The resolved orientation is returned and set as the window's ``orientation`` property
    (``"landscape"``/``"portrait"``) for layouts and QSS. Rotating a physically rotated
    display is the operating system's job (see packaging/README.md); when the screen's shape
    contradicts the configured orientation, this logs a warning.
    """
    screen = _target_screen(options)
    geometry: QRect = screen.geometry() if screen is not None else QRect(0, 0, 1280, 800)
    fullscreen = options.fullscreen and not windowed
    if fullscreen:
        orientation = resolve_orientation(options, geometry.size())
        if orientation != _shape_of(geometry.size()):
            log.warning("lockdown.orientation_mismatch configured=%s", orientation)
        window.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        window.setGeometry(geometry)
        window.setProperty("orientation", orientation)
        window.showFullScreen()
    else:
        orientation = resolve_orientation(options, size or geometry.size())
        if size is None:
            width, height = (
                constants.WINDOWED_PORTRAIT_SIZE
                if orientation == "portrait"
                else constants.WINDOWED_LANDSCAPE_SIZE
            )
            size = QSize(width, height).scaled(geometry.size(), Qt.AspectRatioMode.KeepAspectRatio)
            size = size.boundedTo(QSize(width, height))
        window.setWindowFlags(Qt.WindowType.Window)
        window.resize(size)
        window.move(geometry.topLeft())
        window.setProperty("orientation", orientation)
        window.showNormal()
    window.activateWindow()
    log.info("lockdown.window fullscreen=%s orientation=%s", fullscreen, orientation)
    return orientation


def lock_web_view(view: QWidget) -> None:
    """No context menu (Back, Reload, Inspect…), no dropped files, no text selection in the
    call page. Takes a ``QWebEngineView``; WebEngine is imported only here, when one exists."""
    from PySide6.QtWebEngineCore import QWebEngineScript

    view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    view.setAcceptDrops(False)
    script = QWebEngineScript()
    script.setName("kiosk-lockdown")
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
    script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
    script.setRunsOnSubFrames(True)
    script.setSourceCode(LOCKDOWN_SCRIPT)
    view.page().scripts().insert(script)  # type: ignore[attr-defined]


#: No selection or dragging outside form fields; no browser context menu from the page.
LOCKDOWN_SCRIPT = """
(function () {
  var style = document.createElement('style');
  style.textContent = '*:not(input):not(textarea) { -webkit-user-select: none; user-select: none; '
    + '-webkit-user-drag: none; -webkit-touch-callout: none; }';
  (document.head || document.documentElement).appendChild(style);
  document.addEventListener('contextmenu', function (e) { e.preventDefault(); }, true);
  document.addEventListener('dragstart', function (e) { e.preventDefault(); }, true);
})();
"""

__all__ = [
    "BLOCKED_KEYS",
    "KioskLockdown",
    "WindowOptions",
    "apply_kiosk_window_mode",
    "is_blocked_key",
    "lock_web_view",
    "resolve_orientation",
]
