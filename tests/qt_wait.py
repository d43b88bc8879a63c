"""Waiting with the Qt event loop running, where no ``qtbot`` is at hand: child processes that
drive real web views (``tests/unit/ui/call/xcb_first_view.py``) and the screenshot tools."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


def pump(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds (pages load, frames arrive, timers fire)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(what: str, condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Pump until ``condition()`` holds; ``TimeoutError`` naming ``what`` after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        pump(100)
