"""Kiosk lockdown: the ways out are swallowed for patients; window mode and orientation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from on_screen import on_screen
from PySide6.QtCore import QEvent, QMimeData, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from window_input import LEFT, click, handle, key, window_point

from kiosk.config import KioskOptions
from kiosk.ui.lockdown import KioskLockdown, apply_kiosk_window_mode, resolve_orientation

M = Qt.KeyboardModifier


class Recorder(QWidget):
    """A child of the kiosk window: counts the events that get past the window's filters
    (``seen``; ``keys`` the key codes pressed) and takes any drop offered."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.seen: list[QEvent.Type] = []
        self.keys: list[int] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)

    def event(self, event: QEvent) -> bool:
        self.seen.append(event.type())
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            self.keys.append(event.key())
        return super().event(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction()


@pytest.fixture
def window(qtbot) -> QWidget:
    """A shown top-level window whose only child, ``window.target``, has the focus."""
    top = QWidget()
    top.target = Recorder(top)  # type: ignore[attr-defined]
    top.field = QLineEdit(top)  # type: ignore[attr-defined]
    layout = QVBoxLayout(top)
    layout.addWidget(top.target, 1)  # type: ignore[attr-defined]
    layout.addWidget(top.field)  # type: ignore[attr-defined]
    on_screen(qtbot, top, (400, 300), exposed=True)
    top.target.setFocus()  # type: ignore[attr-defined]
    return top


@pytest.fixture(params=[True, False], ids=["locked", "unlocked"])
def locked(request, window) -> Iterator[bool]:
    """Each swallowing test also runs without the lockdown, to show the input got through."""
    guard = KioskLockdown()
    if request.param:
        guard.install(window)
    yield request.param
    guard.uninstall()


@pytest.fixture
def lockdown(window) -> Iterator[KioskLockdown]:
    guard = KioskLockdown()
    guard.install(window)
    yield guard
    guard.uninstall()


@pytest.fixture
def target(window) -> Recorder:
    return window.target  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("modifiers", "code"),
    [
        (M.AltModifier, Qt.Key.Key_F4),
        (M.NoModifier, Qt.Key.Key_Escape),
        (M.ControlModifier, Qt.Key.Key_Q),
        (M.ControlModifier, Qt.Key.Key_W),
        (M.AltModifier, Qt.Key.Key_Tab),
        (M.AltModifier | M.ShiftModifier, Qt.Key.Key_Backtab),
        (M.MetaModifier, Qt.Key.Key_D),
        (M.NoModifier, Qt.Key.Key_F5),
    ],
    ids=["alt-f4", "escape", "ctrl-q", "ctrl-w", "alt-tab", "alt-shift-tab", "super-d", "f5"],
)
def test_way_out_keys_are_swallowed(locked, target, modifiers, code):
    key(target, code, modifiers)
    assert (code in target.keys) is not locked


@pytest.mark.parametrize(
    ("modifiers", "code"),
    [(M.NoModifier, Qt.Key.Key_A), (M.ShiftModifier, Qt.Key.Key_A), (M.NoModifier, Qt.Key.Key_Tab)],
)
def test_typing_keys_pass(lockdown, target, modifiers, code):
    key(target, code, modifiers)
    assert code in target.keys


def test_typing_still_reaches_a_line_edit(lockdown, window):
    window.field.setFocus()
    for code in (Qt.Key.Key_A, Qt.Key.Key_D, Qt.Key.Key_A):
        key(window.field, code)
    assert window.field.text() == "ada"


def test_a_right_click_opens_no_context_menu(locked, target):
    click(target, button=Qt.MouseButton.RightButton)
    assert (QEvent.Type.ContextMenu in target.seen) is not locked


def test_a_context_menu_request_to_the_window_is_swallowed(locked, window, target):
    """What ``QGuiApplication`` sends the window for a platform's context-menu request."""
    at = window_point(target)
    request = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, window.mapToGlobal(at))
    QApplication.sendEvent(handle(window), request)
    assert (QEvent.Type.ContextMenu in target.seen) is not locked


@pytest.mark.parametrize("button", [Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton])
def test_right_and_middle_clicks_are_swallowed(locked, target, button):
    click(target, button=button)
    assert (QEvent.Type.MouseButtonPress in target.seen) is not locked


def test_left_clicks_pass(lockdown, target):
    click(target)
    assert QEvent.Type.MouseButtonPress in target.seen


def file_drop_data() -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile("/tmp/evil.pdf")])
    return data


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dragged_files_are_refused(locked, window, target):
    """Sent to the window as ``QGuiApplication`` does for a platform drag."""
    data = file_drop_data()
    at = window_point(target)
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, data, LEFT, M.NoModifier)
    QApplication.sendEvent(handle(window), enter)
    drop = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, data, LEFT, M.NoModifier)
    QApplication.sendEvent(handle(window), drop)
    assert (QEvent.Type.DragEnter in target.seen) is not locked
    assert (QEvent.Type.Drop in target.seen) is not locked
    if locked:
        assert not enter.isAccepted()


class WindowManagerClose:
    """A close request as the window manager sends it (Python cannot mark a real one
    spontaneous, and only the platform plugin can send one)."""

    def __init__(self) -> None:
        self.ignored = False

    def type(self) -> QEvent.Type:
        return QEvent.Type.Close

    def spontaneous(self) -> bool:
        return True

    def ignore(self) -> None:
        self.ignored = True


def test_window_manager_close_is_refused(lockdown, window):
    """The close event ``QWidgetWindow`` passes on to the widget is spontaneous only for the
    window manager; the lockdown watches the widget for it."""
    request = WindowManagerClose()
    assert lockdown.eventFilter(window, request) and request.ignored  # type: ignore[arg-type]
    assert window in lockdown._watched


def test_the_close_reaching_the_qwindow_is_left_alone(lockdown, window):
    """At the ``QWindow`` an app's own close is spontaneous too (it goes through the
    platform), so blocking there would stop the app closing its window."""
    request = WindowManagerClose()
    assert not lockdown.eventFilter(handle(window), request)  # type: ignore[arg-type]


def test_the_app_can_still_close_its_own_window(lockdown, window):
    assert window.close() and not window.isVisible()


def test_uninstall_lets_everything_through(window, target):
    guard = KioskLockdown()
    guard.install(window)
    guard.uninstall()
    key(target, Qt.Key.Key_F4, M.AltModifier)
    assert Qt.Key.Key_F4 in target.keys
    assert not guard.installed


def test_install_is_idempotent_and_watches_each_window_once(qtbot, window):
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    guard = KioskLockdown()
    guard.install(window)
    guard.install(window, other)
    assert guard.windows == (handle(window), handle(other))
    guard.uninstall()
    assert guard.windows == ()


def test_hidden_cursor_is_restored_on_uninstall(window):
    guard = KioskLockdown(hide_cursor=True)
    guard.install(window)
    guard.install(window)
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    guard.uninstall()
    guard.uninstall()
    assert QGuiApplication.overrideCursor() is None


def test_windowed_mode_uses_the_orientation_size(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    orientation = apply_kiosk_window_mode(
        window, KioskOptions(orientation="portrait"), windowed=True, size=QSize(540, 960)
    )
    assert orientation == "portrait" and window.property("orientation") == "portrait"
    assert window.size() == QSize(540, 960) and window.isVisible()
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint


def test_fullscreen_mode_is_frameless_and_fills_the_screen(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    apply_kiosk_window_mode(window, KioskOptions(orientation="landscape"), windowed=False)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowState() & Qt.WindowState.WindowFullScreen


def test_fullscreen_false_in_config_behaves_like_windowed(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    apply_kiosk_window_mode(window, KioskOptions(fullscreen=False), windowed=False)
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


@pytest.mark.parametrize(
    ("configured", "size", "expected"),
    [
        ("auto", QSize(1080, 1920), "portrait"),
        ("auto", QSize(1280, 800), "landscape"),
        ("portrait", QSize(1280, 800), "portrait"),
        ("landscape", QSize(1080, 1920), "landscape"),
    ],
)
def test_orientation_resolves_from_config_or_screen(configured, size, expected):
    assert resolve_orientation(KioskOptions(orientation=configured), size) == expected


def test_web_view_gets_no_context_menu_drops_or_selection(qtbot):
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from kiosk.ui.lockdown import lock_web_view

    view = QWebEngineView()
    qtbot.addWidget(view)
    lock_web_view(view)
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert not view.acceptDrops()
    assert view.page().scripts().find("kiosk-lockdown")
