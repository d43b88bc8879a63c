"""``emit()``: signal emission that repairs PySide6 6.12.0's lost reference to ``True``.

``SignalInstance.emit()`` in PySide6 6.12.0 returns ``True`` without taking a reference for
it. On Python 3.11 (where ``True`` is not immortal) every emit therefore lowers ``True``'s
reference count by one, and after a few thousand emits the interpreter aborts with "Fatal
Python error: bool_dealloc". Emitting through this function gives the reference back, only
when a probe at import time shows the bug is present, so a fixed PySide6 needs no change.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= _PROBES


_REPAIR = _emit_drops_a_reference()
_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, giving back the reference PySide6 6.12.0 drops."""
    result = signal.emit(*args)
    if _REPAIR and isinstance(result, bool):
        _incref(result)
