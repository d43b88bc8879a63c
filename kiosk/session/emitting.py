"""``emit()``/``disconnect()`` that repair PySide6 6.12.0's lost references to True/False.

``SignalInstance.emit()`` and ``.disconnect()`` in PySide6 6.12.0 return ``True``/``False``
without taking a reference for it. On Python 3.11 (where the bools are not immortal) every
call lowers that bool's reference count by one, and after a few thousand calls the
interpreter aborts with "Fatal Python error: bool_dealloc". Calling through these functions
gives the reference back, only when a probe at import time shows the bug is present, so a
fixed PySide6 needs no change.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _probe_slot() -> None:
    """Connected and disconnected by the import-time probe."""


def _drops_a_reference(call: Callable[[_Probe], object]) -> bool:
    """Call ``_PROBES`` times; if ``True`` lost a reference each time, give them back."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        call(probe)
    dropped = before - sys.getrefcount(True) >= _PROBES
    if dropped:
        for _ in range(_PROBES):
            _incref(True)
    return dropped


def _connect_disconnect(probe: _Probe) -> object:
    probe.ping.connect(_probe_slot)
    return probe.ping.disconnect(_probe_slot)


_REPAIR = _drops_a_reference(lambda probe: probe.ping.emit())
_REPAIR_DISCONNECT = _drops_a_reference(_connect_disconnect)


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, giving back the reference PySide6 6.12.0 drops."""
    result = signal.emit(*args)
    if _REPAIR and isinstance(result, bool):
        _incref(result)


def disconnect(signal: SignalInstance, slot: Callable[..., object] | None = None) -> bool:
    """``signal.disconnect(slot)`` (every slot when None), giving back the dropped reference;
    False if nothing was connected."""
    try:
        result = signal.disconnect() if slot is None else signal.disconnect(slot)
    except (RuntimeError, TypeError):
        return False
    if _REPAIR_DISCONNECT and isinstance(result, bool):
        _incref(result)
    return bool(result)
