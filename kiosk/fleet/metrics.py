"""``KioskMetrics``: the kiosk's Prometheus metrics, fed by the session's signals.

Imported only when a ``[metrics]`` outlet is on (``prometheus_client`` is not loaded
otherwise). No label ever carries patient data or an id: stage names, end reasons, error
kinds and out-of-service reasons come from closed sets; anything else becomes ``other``.
"""

from __future__ import annotations

import logging
import math
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    disable_created_metrics,
)
from prometheus_client.exposition import write_to_textfile
from PySide6.QtCore import QObject, QTimer

from kiosk.fleet.api_observer import ERROR_KINDS, ApiObservations
from kiosk.fleet.out_of_service import CLINIC_UNREACHABLE, WEBENGINE_CRASHES
from kiosk.session.types import EndReason, Stage

log = logging.getLogger("kiosk.fleet")

#: Seconds: from a quick identification to a long wait in the waiting room.
STAGE_BUCKETS = (1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200)
END_REASONS = frozenset(r.value for r in EndReason)
STAGES = frozenset(s.value for s in Stage)
TEXTFILE_NAME = "clinic_kiosk.prom"

# ``*_created`` timestamps double the series for nothing a kiosk alert needs.
disable_created_metrics()  # type: ignore[no-untyped-call]  # prometheus_client leaves it bare


@dataclass(frozen=True)
class BuildInfo:
    """What runs where: versions only (the ``kiosk_build_info`` labels)."""

    version: str
    qt: str
    pyside: str
    sandbox: bool

    def labels(self) -> dict[str, str]:
        return {
            "version": self.version,
            "python": platform.python_version(),
            "qt": self.qt,
            "pyside": self.pyside,
            "sandbox": "true" if self.sandbox else "false",
        }


def _age(value: float | None) -> float:
    return math.nan if value is None else value


class KioskMetrics:
    """Every metric of one kiosk in its own registry (no default process collectors mixed
    in). ``observe(session, activity)`` connects the session's signals; the ``on_*`` methods
    are called by the fleet runtime for what the session does not signal. GUI thread only
    for the updates; ``registry`` may be read from any thread (prometheus_client locks)."""

    def __init__(
        self,
        build: BuildInfo,
        api: ApiObservations,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.clock = clock
        self.started_at = clock()
        self.api = api
        r = self.registry = CollectorRegistry(auto_describe=True)
        self.sessions_started = Counter(
            "kiosk_sessions_started",
            "Patient sessions started (a patient tapped Start).",
            registry=r,
        )
        self.sessions_ended = Counter(
            "kiosk_sessions_ended",
            "Patient sessions ended, by reason (finished, idle, crash, start_over, …).",
            ["reason"],
            registry=r,
        )
        self.stage_seconds = Histogram(
            "kiosk_stage_duration_seconds",
            "Time patients spent in each stage of the visit.",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=r,
        )
        self.api_errors = Counter(
            "kiosk_api_errors", "Failed API tries, by kind.", ["kind"], registry=r
        )
        self.webengine_crashes = Counter(
            "kiosk_webengine_crashes", "Render-process crashes of the call page.", registry=r
        )
        self.clinic_reachable = Gauge(
            "kiosk_clinic_reachable",
            "1 while the clinic's API answers, 0 while it does not.",
            registry=r,
        )
        self.out_of_service = Gauge(
            "kiosk_out_of_service",
            "1 while Welcome says out of service, by reason.",
            ["reason"],
            registry=r,
        )
        self.session_active = Gauge(
            "kiosk_session_active", "1 while a patient session is active.", registry=r
        )
        Gauge(
            "kiosk_heartbeat_age_seconds",
            "Seconds since the last successful heartbeat (POST /users/alive); NaN before one.",
            registry=r,
        ).set_function(lambda: _age(api.age(api.last_heartbeat)))
        Gauge(
            "kiosk_api_last_success_age_seconds",
            "Seconds since the last successful API call; NaN before one.",
            registry=r,
        ).set_function(lambda: _age(api.age(api.last_success)))
        Gauge("kiosk_uptime_seconds", "Seconds since the kiosk started.", registry=r).set_function(
            lambda: self.clock() - self.started_at
        )
        Info("kiosk_build", "Kiosk version and what it runs on.", registry=r).info(build.labels())
        for kind in ERROR_KINDS:
            self.api_errors.labels(kind=kind)
        for reason in sorted(END_REASONS | {"other"}):
            self.sessions_ended.labels(reason=reason)
        for reason in (CLINIC_UNREACHABLE, WEBENGINE_CRASHES):
            self.out_of_service.labels(reason=reason).set(0)
        self.clinic_reachable.set(1)
        api.on_error = self.on_api_error
        self._stage: Stage = Stage.WELCOME
        self._stage_since = clock()

    def observe(self, session: Any, activity: Any) -> None:
        """Follow the session: stage changes (read from ``session.stage``), endings,
        connectivity; and the activity tracker for starts and the active gauge."""
        self._stage = session.stage
        self._session = session
        session.stage_changed.connect(self.on_stage_changed)
        session.ended.connect(self.on_session_ended)
        session.connectivity_changed.connect(self.on_connectivity_changed)
        activity.active_changed.connect(self.on_active_changed)

    # -- slots --------------------------------------------------------------------------

    def on_stage_changed(self, *_payload: object) -> None:
        stage = self._session.stage
        if stage is self._stage:
            return
        now = self.clock()
        if self._stage is not Stage.WELCOME:
            self.stage_seconds.labels(stage=self._stage.value).observe(now - self._stage_since)
        self._stage, self._stage_since = stage, now

    def on_session_ended(self, reason: object) -> None:
        text = str(reason)
        self.sessions_ended.labels(reason=text if text in END_REASONS else "other").inc()

    def on_active_changed(self, active: bool) -> None:
        self.session_active.set(1 if active else 0)
        if active:
            self.sessions_started.inc()

    def on_connectivity_changed(self, online: bool) -> None:
        self.clinic_reachable.set(1 if online else 0)

    def on_api_error(self, kind: str) -> None:
        self.api_errors.labels(kind=kind if kind in ERROR_KINDS else "client").inc()

    def on_webengine_crashed(self) -> None:
        self.webengine_crashes.inc()

    def on_out_of_service_changed(self, reasons: frozenset[str]) -> None:
        for reason in (CLINIC_UNREACHABLE, WEBENGINE_CRASHES):
            self.out_of_service.labels(reason=reason).set(1 if reason in reasons else 0)


class TextfileWriter(QObject):
    """Writes the registry for node_exporter's textfile collector every ``interval_s``:
    ``write_to_textfile`` writes a temp file beside it and renames it over the old one, so the
    collector never reads half a file. A failure (full disk, missing folder) is logged once per
    run of failures and retried on the next tick."""

    def __init__(
        self,
        registry: CollectorRegistry,
        directory: Path,
        interval_s: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry = registry
        self.path = directory / TEXTFILE_NAME
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(interval_s * 1000)))
        self._timer.timeout.connect(self.write)

    def start(self) -> None:
        self.write()
        self._timer.start()
        log.info("fleet.metrics_textfile path=%s", self.path)

    def stop(self) -> None:
        self._timer.stop()

    def write(self) -> None:
        try:
            write_to_textfile(str(self.path), self.registry)
        except OSError as exc:
            if not self._failing:
                log.warning(
                    "fleet.metrics_textfile_failed error=%s", exc.strerror or type(exc).__name__
                )
            self._failing = True
            return
        self._failing = False
