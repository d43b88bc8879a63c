"""``repair_qasync()``: qasync's own emits and disconnects through the repairing calls.

qasync's event loop emits a signal in ``call_soon_threadsafe`` (every executor job, e.g. each
DNS lookup, ends with one) and disconnects socket notifiers in ``_add_reader``/
``_remove_reader``/``_add_writer``/``_remove_writer``/``close`` (every HTTP connection). With
PySide6 6.12.0 on Python 3.11 each of those drops a reference to ``True`` (see
``kiosk.session.emitting``), so a kiosk polling the server all day would abort. The
replacements below do the same work as qasync 0.28's methods, through ``emit``/``disconnect``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.session.emitting import disconnect, emit


def _drop_notifier(notifiers: dict[Any, Any] | None, fd: Any) -> bool:
    notifier = notifiers.pop(fd, None) if notifiers is not None else None
    if notifier is None:
        return False
    notifier.setEnabled(False)
    disconnect(notifier.activated["int"])
    return True


def _adder(original: Callable[..., Any], attribute: str) -> Callable[..., Any]:
    def add(self: Any, fd: Any, callback: Any, *args: Any) -> Any:
        _drop_notifier(getattr(self, attribute), fd)
        return original(self, fd, callback, *args)

    return add


def _remover(attribute: str) -> Callable[..., Any]:
    def remove(self: Any, fd: Any) -> bool | None:
        if self.is_closed():
            return None
        return _drop_notifier(getattr(self, attribute), fd)

    return remove


def repair_qasync() -> None:
    """Patch qasync's loop class once (composition root or test fixture); later calls do
    nothing. Safe with a fixed PySide6: the repairing calls then add nothing."""
    import qasync

    loop_class: Any = qasync._QEventLoop  # the mixin that defines these methods
    if getattr(loop_class, "_kiosk_repaired", False):
        return
    original_close = loop_class.close

    def call_soon_threadsafe(self: Any, callback: Any, *args: Any, context: Any = None) -> None:
        emit(self._QEventLoop__call_soon_signal, callback, args)

    def close(self: Any) -> None:
        if not self.is_running() and not self.is_closed():
            signal = self._QEventLoop__call_soon_signal
            if signal is not None:
                disconnect(signal)
                self._QEventLoop__call_soon_signal = None
            for attribute in ("_read_notifiers", "_write_notifiers"):
                notifiers = getattr(self, attribute)
                for fd in list(notifiers or ()):
                    _drop_notifier(notifiers, fd)
        original_close(self)

    loop_class.call_soon_threadsafe = call_soon_threadsafe
    loop_class.close = close
    loop_class._add_reader = _adder(loop_class._add_reader, "_read_notifiers")
    loop_class._add_writer = _adder(loop_class._add_writer, "_write_notifiers")
    loop_class._remove_reader = _remover("_read_notifiers")
    loop_class._remove_writer = _remover("_write_notifiers")
    loop_class._kiosk_repaired = True
