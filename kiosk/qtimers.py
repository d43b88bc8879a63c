"""``one_shot()``: the single-shot ``QTimer`` that timeouts, deadlines and backoffs are built on.

The timer is a child of its owner, so it stops and goes away with it; starting it again before
it fires restarts the count.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def one_shot(owner: QObject, slot: Callable[[], None]) -> QTimer:
    """A single-shot timer owned by ``owner`` that calls ``slot`` when it fires."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(slot)
    return timer
