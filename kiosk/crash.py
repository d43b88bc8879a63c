"""``CrashGuard``: every unhandled exception is logged and turned into one calm "starting over"."""

from __future__ import annotations

import asyncio
import logging
import secrets
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk import constants
from kiosk.qtimers import one_shot

log = logging.getLogger("kiosk.crash")

#: Letters only, no look-alikes: an incident id never looks like a phone number or a token
#: to the log redaction, and staff can read it out over the phone.
_ID_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def new_incident_id() -> str:
    """``ABCD-EFGH``: short, random, shown small on the reset screen and logged."""
    letters = "".join(secrets.choice(_ID_ALPHABET) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


class CrashGuard(QObject):
    """Catches what nothing else caught and asks the app to start over.

    ``install(loop)`` hooks ``sys.excepthook`` (which PySide6 and qasync's ``asyncSlot`` call
    for exceptions escaping slots and async slots), ``threading.excepthook`` and the asyncio
    loop's exception handler; ``uninstall()`` puts the previous ones back. Each crash is
    logged with its traceback under an incident id (the redaction filter on the handlers keeps
    patient data out) and reported as ``crashed(incident_id)``.

    Crash loops: after ``crashed`` the guard is *resetting* until the app calls
    ``reset_finished()`` (or ``stuck_s`` passes); crashes meanwhile — say, in the reset itself —
    are logged but not reported again, so a broken reset cannot recurse. Exceptions from other
    threads are reported on the GUI thread through a queued signal. Create on the GUI thread.
    """

    crashed = Signal(str)
    _report_from_thread = Signal(str)

    def __init__(
        self, stuck_s: float = constants.CRASH_RESET_STUCK_S, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._resetting = False
        self._main_thread = threading.main_thread()
        self._previous_sys: Callable[..., Any] | None = None
        self._previous_thread: Callable[..., Any] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous_loop_handler: Any = None
        self.incidents: list[str] = []
        self._stuck = one_shot(self, self.on_stuck_timeout)
        self._stuck.setInterval(round(stuck_s * 1000))
        self._report_from_thread.connect(self.on_report_from_thread)

    @property
    def resetting(self) -> bool:
        return self._resetting

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        """Hook the interpreter, threads and (if given) the asyncio loop; idempotent."""
        if self._previous_sys is None:
            self._previous_sys = sys.excepthook
            self._previous_thread = threading.excepthook
            sys.excepthook = self._on_sys_exception
            threading.excepthook = self._on_thread_exception
        if loop is not None and self._loop is None:
            self._loop = loop
            self._previous_loop_handler = loop.get_exception_handler()
            loop.set_exception_handler(self._on_loop_exception)

    def uninstall(self) -> None:
        """Restore the hooks that were there before ``install``."""
        if self._previous_sys is not None:
            sys.excepthook = self._previous_sys
            threading.excepthook = self._previous_thread  # type: ignore[assignment]
            self._previous_sys = self._previous_thread = None
        if self._loop is not None:
            if not self._loop.is_closed():
                self._loop.set_exception_handler(self._previous_loop_handler)
            self._loop = None
        self._stuck.stop()

    def reset_finished(self) -> None:
        """The app has started over (the session is wiped, Welcome shows): report again."""
        with self._lock:
            self._resetting = False
        self._stuck.stop()

    def report(self, exc_info: ExcInfo, where: str) -> str:
        """Log one crash and report it unless a reset is under way; returns the incident id."""
        incident = new_incident_id()
        with self._lock:
            during_reset = self._resetting
            self._resetting = True
        level = "crash.during_reset" if during_reset else "crash.unhandled"
        log.error(
            "%s incident=%s where=%s error=%s",
            level,
            incident,
            where,
            exc_info[0].__name__,
            exc_info=exc_info,
        )
        if not during_reset:
            self.incidents.append(incident)
            if threading.current_thread() is self._main_thread:
                self._announce(incident)
            else:
                self._report_from_thread.emit(incident)
        return incident

    # -- hooks ----------------------------------------------------------------------------

    def _on_sys_exception(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            if self._previous_sys is not None:
                self._previous_sys(exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb), "main")

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "unknown"
        self.report((args.exc_type, args.exc_value, args.exc_traceback), f"thread:{name}")

    def _on_loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if not isinstance(exc, BaseException):
            # Not an exception (e.g. "Unclosed client session"): asyncio's own wording, no data.
            log.warning("crash.loop_message %s", context.get("message", ""))
            return
        if isinstance(exc, asyncio.CancelledError):
            return
        self.report((type(exc), exc, exc.__traceback__), "asyncio")

    # -- slots ----------------------------------------------------------------------------

    def on_report_from_thread(self, incident: str) -> None:
        self._announce(incident)

    def on_stuck_timeout(self) -> None:
        log.warning("crash.reset_not_finished; reporting crashes again")
        self.reset_finished()

    def _announce(self, incident: str) -> None:
        self._stuck.start()
        self.crashed.emit(incident)


__all__ = ["CrashGuard", "new_incident_id"]
