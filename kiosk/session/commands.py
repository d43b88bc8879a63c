"""``CommandRunner``: runs one session command at a time as a qasync task, with busy and retry."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from kiosk.api.errors import ApiError
from kiosk.session.errors import SessionStateError, session_error
from kiosk.session.types import SessionError

log = logging.getLogger("kiosk.session")

Work = Callable[[], Awaitable[None]]
#: Turns an expected failure into what the screen shows; the bool is the command's ``can_go_back``.
Describe = Callable[[Exception, bool], SessionError]


@dataclass
class _Command:
    name: str
    busy_text: str
    work: Work
    can_go_back: bool


class CommandRunner(QObject):
    """Starts each command's async work on the running loop and returns at once.

    While it runs: ``busy_changed(True, text)``, then ``busy_changed(False, "")``. An
    ``expected`` failure (for the session: ``ApiError`` or ``SessionStateError``) becomes
    ``failed(describe(error, can_go_back))`` and the command is kept for ``retry()``; work may
    move that retry point forward with ``checkpoint`` once its first part has succeeded, so a
    retry never repeats a step that already took effect. Any other exception is a bug: it is
    logged by type only and handed to ``on_crash``. Only one command runs at a time; another
    one asked for meanwhile is refused (``run`` returns False, and it is logged). ``cancel()``
    stops the running one. The patient session and staff mode each have one; the UI only shows
    ``busy_changed`` and ``failed``.
    """

    busy_changed = Signal(bool, object)  # busy, what it is doing (a Message)
    failed = Signal(object)

    def __init__(
        self,
        on_crash: Callable[[BaseException], None],
        parent: QObject | None = None,
        expected: tuple[type[Exception], ...] = (ApiError, SessionStateError),
        describe: Describe = session_error,
    ) -> None:
        super().__init__(parent)
        self._on_crash = on_crash
        self._expected = expected
        self._describe = describe
        self._task: asyncio.Future[None] | None = None
        self._current: _Command | None = None
        self._retry: _Command | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def can_retry(self) -> bool:
        return self._retry is not None

    def run(self, name: str, busy_text: str, work: Work, can_go_back: bool = False) -> bool:
        """Start ``work``; False (and nothing happens) when another command is still running."""
        if self.busy:
            log.info(
                "command.refused name=%s busy_with=%s", name, self._current and self._current.name
            )
            return False
        self._retry = None
        self._current = _Command(name, busy_text, work, can_go_back)
        self._task = asyncio.ensure_future(self._run(self._current))
        return True

    def checkpoint(self, work: Work) -> None:
        """From now on, a retry of the running command runs ``work`` instead."""
        if self._current is not None:
            self._current.work = work

    def retry(self) -> bool:
        """Run the last failed command again; False when there is none or one is running."""
        command = self._retry
        if command is None or self.busy:
            return False
        return self.run(command.name, command.busy_text, command.work, command.can_go_back)

    def cancel(self) -> None:
        """Cancel the running command and forget any retry (the session is ending)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        self._current = None
        self._retry = None

    async def _run(self, command: _Command) -> None:
        log.info("command.start name=%s", command.name)
        self.busy_changed.emit(True, command.busy_text)
        error: Exception | None = None
        try:
            await command.work()
        except self._expected as exc:
            error = exc
        except asyncio.CancelledError:
            self.busy_changed.emit(False, "")
            raise
        except Exception as exc:
            log.error("command.crashed name=%s error=%s", command.name, type(exc).__name__)
            self.busy_changed.emit(False, "")
            self._current = None
            self._on_crash(exc)
            return
        self.busy_changed.emit(False, "")
        self._current = None
        if error is None:
            log.info("command.done name=%s", command.name)
            return
        status = getattr(error, "status", None)
        log.info(
            "command.failed name=%s error=%s status=%s", command.name, type(error).__name__, status
        )
        self._retry = command
        self.failed.emit(self._describe(error, command.can_go_back))
