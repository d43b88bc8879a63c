"""``disconnect()``: take a slot off a signal without caring whether it was connected.

Teardown code (a call view closing, a presenter detaching) disconnects slots that may already
be gone; PySide raises ``RuntimeError`` or ``TypeError`` for those, which at teardown is no
error at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance


def disconnect(signal: SignalInstance, slot: Callable[..., object] | None = None) -> bool:
    """Disconnect ``slot`` (every slot when None); False if nothing was connected."""
    try:
        return bool(signal.disconnect() if slot is None else signal.disconnect(slot))
    except (RuntimeError, TypeError):
        return False
