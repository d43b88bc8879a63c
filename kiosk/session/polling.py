"""``PollingTimer``: a QTimer that runs one async call at a time, backing off while offline."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from kiosk import constants
from kiosk.api.errors import ApiError, NetworkError, ServerError
from kiosk.qtimers import one_shot

log = logging.getLogger("kiosk.session")


def timer_ms(seconds: float) -> int:
    """Seconds as QTimer milliseconds, clamped to what a QTimer can count."""
    return max(0, round(min(seconds, constants.MAX_TIMER_S) * 1000))


class PollingTimer(QObject):
    """Runs ``poll()`` every ``interval_s`` seconds on the Qt loop (qasync), never two at once.

    A network or server failure does not stop it: it emits ``connectivity_changed(False)`` once,
    retries after a capped exponential backoff (never longer than the interval) and emits
    ``connectivity_changed(True)`` when a call succeeds again; ``succeeded`` follows every
    successful call. Other API errors are logged and
    polling goes on at the normal interval. ``stop()`` cancels a call in flight; after it the
    timer emits nothing. Create, start and stop on the GUI thread.
    """

    connectivity_changed = Signal(bool)
    succeeded = Signal()

    def __init__(
        self,
        name: str,
        interval_s: float,
        backoff_base_s: float = constants.RECONNECT_BACKOFF_BASE_S,
        backoff_cap_s: float = constants.RECONNECT_BACKOFF_CAP_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._interval_s = interval_s
        self._backoff_base_s = backoff_base_s
        self._backoff_cap_s = backoff_cap_s
        self._timer = one_shot(self, self.on_timer_timeout)
        self._task: asyncio.Future[None] | None = None
        self._active = False
        self._online = True
        self._failures = 0

    @property
    def interval_s(self) -> float:
        """Seconds between two successful calls."""
        return self._interval_s

    @property
    def is_active(self) -> bool:
        """True between ``start()`` and ``stop()``."""
        return self._active

    @property
    def is_online(self) -> bool:
        """False after a network failure until the next success."""
        return self._online

    def start(self, immediate: bool = True) -> None:
        """Begin polling: the first call now (``immediate``) or after one interval."""
        self._active = True
        self._failures = 0
        self._timer.start(0 if immediate else timer_ms(self._interval_s))

    def stop(self) -> None:
        """Stop for good (until ``start``): no further calls, the one in flight is cancelled."""
        self._active = False
        self._timer.stop()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    async def poll(self) -> None:
        """One call; subclasses override it and emit their own result signals."""
        raise NotImplementedError

    def backoff_s(self, failures: int) -> float:
        """Delay before retry ``failures`` (1-based): doubling, capped, at most the interval."""
        delay = self._backoff_base_s * 2.0 ** max(0, failures - 1)
        return min(delay, self._backoff_cap_s, self._interval_s)

    def on_timer_timeout(self) -> None:
        if self._active and (self._task is None or self._task.done()):
            self._task = asyncio.ensure_future(self._run_once())

    async def _run_once(self) -> None:
        delay = self._interval_s
        try:
            await self.poll()
        except (NetworkError, ServerError) as exc:
            self._failures += 1
            delay = self.backoff_s(self._failures)
            log.info(
                "%s.offline error=%s failures=%d", self.name, type(exc).__name__, self._failures
            )
            self._set_online(False)
        except ApiError as exc:
            log.warning("%s.failed error=%s status=%s", self.name, type(exc).__name__, exc.status)
        except Exception as exc:  # a bug in a handler must not end the patient's wait
            log.error("%s.crashed error=%s", self.name, type(exc).__name__)
        else:
            self._failures = 0
            self._set_online(True)
            self.succeeded.emit()
        if self._active:
            self._timer.start(timer_ms(delay))

    def _set_online(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            log.info("%s.connectivity online=%s", self.name, online)
            self.connectivity_changed.emit(online)
