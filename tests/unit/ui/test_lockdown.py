"""Kiosk lockdown: the ways out are swallowed for patients; window mode and orientation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kiosk.config import KioskOptions
from kiosk.ui.lockdown import KioskLockdown, apply_kiosk_window_mode, resolve_orientation

M = Qt.KeyboardModifier


class Recorder(QWidget):
    """Counts the events that reach it past the application's filters."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def event(self, event: QEvent) -> bool:
        self.seen.append(event.type())
        return super().event(event)


@pytest.fixture
def lockdown(qapp):
    guard = KioskLockdown()
    guard.install(qapp)
    yield guard
    guard.uninstall()


@pytest.fixture
def target(qtbot) -> Recorder:
    widget = Recorder()
    qtbot.addWidget(widget)
    return widget


def key(target: QWidget, modifiers: M, code: Qt.Key) -> None:
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, code, modifiers))


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
def test_way_out_keys_are_swallowed(lockdown, target, modifiers, code):
    key(target, modifiers, code)
    assert QEvent.Type.KeyPress not in target.seen


@pytest.mark.parametrize(
    ("modifiers", "code"),
    [(M.NoModifier, Qt.Key.Key_A), (M.ShiftModifier, Qt.Key.Key_A), (M.NoModifier, Qt.Key.Key_Tab)],
)
def test_typing_keys_pass(lockdown, target, modifiers, code):
    key(target, modifiers, code)
    assert QEvent.Type.KeyPress in target.seen


def test_typing_still_reaches_a_line_edit(lockdown, qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "Ada")
    assert field.text() == "Ada"


def test_context_menu_is_swallowed(lockdown, target):
    QApplication.sendEvent(
        target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(3, 3), QPoint(3, 3))
    )
    assert QEvent.Type.ContextMenu not in target.seen


@pytest.mark.parametrize("button", [Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton])
def test_right_and_middle_clicks_are_swallowed(lockdown, target, button):
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress, QPointF(3, 3), QPointF(3, 3), button, button, M.NoModifier
    )
    QApplication.sendEvent(target, press)
    assert QEvent.Type.MouseButtonPress not in target.seen


def test_left_clicks_pass(lockdown, target):
    left = Qt.MouseButton.LeftButton
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress, QPointF(3, 3), QPointF(3, 3), left, left, M.NoModifier
    )
    QApplication.sendEvent(target, press)
    assert QEvent.Type.MouseButtonPress in target.seen


def file_drop_data() -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile("/tmp/evil.pdf")])
    return data


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dragged_files_are_refused(lockdown, target):
    target.setAcceptDrops(True)
    data = file_drop_data()
    enter = QDragEnterEvent(
        QPoint(3, 3), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, M.NoModifier
    )
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        QPointF(3, 3), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, M.NoModifier
    )
    QApplication.sendEvent(target, drop)
    assert QEvent.Type.DragEnter not in target.seen and QEvent.Type.Drop not in target.seen
    assert not enter.isAccepted()


class WindowManagerClose:
    """A close request as the window manager sends it (Python cannot mark a real one
    spontaneous)."""

    def __init__(self) -> None:
        self.ignored = False

    def type(self) -> QEvent.Type:
        return QEvent.Type.Close

    def spontaneous(self) -> bool:
        return True

    def ignore(self) -> None:
        self.ignored = True


def test_window_manager_close_is_refused(lockdown, qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    request = WindowManagerClose()
    assert lockdown.eventFilter(window, request) and request.ignored  # type: ignore[arg-type]


def test_the_app_can_still_close_its_own_window(lockdown, qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    assert window.close() and not window.isVisible()


def test_uninstall_lets_everything_through(qapp, target):
    guard = KioskLockdown()
    guard.install(qapp)
    guard.uninstall()
    key(target, M.AltModifier, Qt.Key.Key_F4)
    assert QEvent.Type.KeyPress in target.seen


def test_hidden_cursor_is_restored_on_uninstall(qapp):
    guard = KioskLockdown(hide_cursor=True)
    guard.install(qapp)
    guard.install(qapp)
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
