"""sd_notify over a fake $NOTIFY_SOCKET: READY with the main PID, WATCHDOG from the GUI loop,
no pings while that loop is blocked, STOPPING at the end."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from fake_notify import FakeNotifySocket
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from kiosk.fleet.sd_notify import SdNotifier, socket_address, watchdog_interval_s
from kiosk.fleet.watchdog import Watchdog

INTERVAL_S = 0.05
BLOCK_S = 0.6


@pytest.fixture(params=["path", "abstract"])
def notify_socket(request, tmp_path) -> Iterator[FakeNotifySocket]:
    if request.param == "path":
        address = str(tmp_path / "notify.sock")
    else:
        address = f"@kiosk-test-{os.getpid()}-{time.monotonic_ns()}"
    fake = FakeNotifySocket(address)
    yield fake
    fake.close()


def test_socket_address_forms() -> None:
    assert socket_address("/run/systemd/notify") == "/run/systemd/notify"
    assert socket_address("@abstract/name") == "\0abstract/name"
    assert socket_address("") is None
    assert socket_address("@") is None
    assert socket_address("relative/path") is None


def test_watchdog_interval_is_half_of_systemds() -> None:
    assert watchdog_interval_s({"WATCHDOG_USEC": "30000000"}, 10, 1) == 15.0
    assert watchdog_interval_s({}, 10, 1) is None
    assert watchdog_interval_s({"WATCHDOG_USEC": "0"}, 10, 1) is None
    # Meant for this process, or for cage (the parent) on whose behalf the kiosk pings.
    assert watchdog_interval_s({"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "10"}, 10, 1) == 1.0
    assert watchdog_interval_s({"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1"}, 10, 1) == 1.0
    assert watchdog_interval_s({"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "77"}, 10, 1) is None


def test_without_notify_socket_nothing_is_sent() -> None:
    notifier = SdNotifier({})
    assert not notifier.enabled
    assert notifier.notify(ready=1) is False


def test_a_vanished_socket_is_logged_not_raised(tmp_path, caplog) -> None:
    notifier = SdNotifier({"NOTIFY_SOCKET": str(tmp_path / "gone.sock")})
    assert notifier.notify(watchdog=1) is False
    assert notifier.notify(watchdog=1) is False
    assert caplog.text.count("fleet.notify_failed") == 1


def test_ready_when_the_widget_shows_then_periodic_pings(qtbot, notify_socket) -> None:
    notifier = SdNotifier({"NOTIFY_SOCKET": notify_socket.address})
    dog = Watchdog(notifier, INTERVAL_S)
    welcome = QWidget()
    qtbot.addWidget(welcome)
    dog.ready_when_visible(welcome, "Welcome")
    qtbot.wait(150)
    assert notify_socket.snapshot() == []  # not shown yet: not ready
    welcome.show()
    qtbot.waitUntil(lambda: len(notify_socket.with_key("WATCHDOG")) >= 5, timeout=5000)
    first = notify_socket.snapshot()[0].fields
    assert first == {"READY": "1", "MAINPID": str(os.getpid()), "STATUS": "Welcome"}
    dog.set_status("Patient session")
    qtbot.waitUntil(
        lambda: notify_socket.with_key("STATUS")[-1].fields == {"STATUS": "Patient session"},
        timeout=2000,
    )
    dog.stopping()
    qtbot.waitUntil(lambda: notify_socket.with_key("STOPPING") != [], timeout=2000)
    count = len(notify_socket.with_key("WATCHDOG"))
    qtbot.wait(int(INTERVAL_S * 1000 * 4))
    assert len(notify_socket.with_key("WATCHDOG")) == count


def test_a_blocked_gui_loop_sends_no_pings(qtbot, notify_socket) -> None:
    """The pings come from the Qt loop: while a slot blocks it, none arrives; after, they
    resume. (A ping thread would have kept a frozen kiosk alive.)"""
    dog = Watchdog(SdNotifier({"NOTIFY_SOCKET": notify_socket.address}), INTERVAL_S)
    dog.ready("Welcome")
    qtbot.waitUntil(lambda: len(notify_socket.with_key("WATCHDOG")) >= 3, timeout=5000)
    window: list[float] = []

    def block() -> None:
        window.append(time.monotonic())
        time.sleep(BLOCK_S)  # the frozen GUI loop
        window.append(time.monotonic())

    QTimer.singleShot(0, block)
    qtbot.waitUntil(lambda: len(window) == 2, timeout=5000)
    start, end = window
    qtbot.waitUntil(
        lambda: any(m.at > end for m in notify_socket.with_key("WATCHDOG")), timeout=5000
    )
    pings = [m.at for m in notify_socket.with_key("WATCHDOG")]
    # A datagram sent just before the block may land a moment after it began.
    during = [t for t in pings if start + 0.1 < t <= end]
    assert during == []
    assert any(t < start for t in pings) and any(t > end for t in pings)
    dog.stopping()
