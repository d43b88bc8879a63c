"""``FleetRuntime``: the fleet parts of one kiosk, built from settings and fed by the session."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer, qVersion
from PySide6.QtWidgets import QWidget

from kiosk.fleet.activity import SessionActivity
from kiosk.fleet.api_observer import ApiObservations, ObservedTransport
from kiosk.fleet.out_of_service import OutOfService
from kiosk.fleet.sd_notify import SdNotifier, watchdog_interval_s
from kiosk.fleet.session_lock import SessionLock
from kiosk.fleet.settings import FleetOptions, MetricsOptions
from kiosk.fleet.watchdog import Watchdog
from kiosk.session.types import Stage

log = logging.getLogger("kiosk.fleet")

STATUS_WELCOME = "Welcome"
STATUS_SESSION = "Patient session"
STATUS_OUT = "Out of service: {reasons}"


class FleetRuntime(QObject):
    """Watchdog, out-of-service rule, session lock, metrics and health for one kiosk.

    ``attach(session)`` connects it; everything observes the session through its public
    signals and ``stage``/``busy`` (``SessionActivity``); nothing here sees patient data.
    ``transport`` (None unless metrics are on) goes into the patient's API client so the
    metrics see each try's outcome.
    ``prometheus_client`` is imported and the HTTP endpoint started only when a ``[metrics]``
    outlet is on. At Welcome the clinic is asked every ``probe_interval_s`` whether it is
    still there (``clinic.load()``, which also refreshes its name), so an outage
    between patients is noticed and its end too. GUI thread only.
    """

    def __init__(
        self,
        fleet: FleetOptions,
        metrics: MetricsOptions,
        version: str,
        sandbox: bool,
        environ: Mapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        environ = os.environ if environ is None else environ
        self.options = fleet
        self.metrics_options = metrics
        self.session: Any = None
        self.clinic: Any = None
        self.activity: SessionActivity | None = None
        self.api = ApiObservations()
        self.transport: ObservedTransport | None = None
        self.service = OutOfService(
            fleet.offline_out_of_service_s,
            fleet.webengine_crash_limit,
            fleet.webengine_crash_window_s,
            fleet.webengine_out_of_service_s,
            parent=self,
        )
        self.watchdog: Watchdog | None = None
        if fleet.watchdog:
            interval = fleet.watchdog_interval_s or watchdog_interval_s(
                environ, os.getpid(), os.getppid()
            )
            self.watchdog = Watchdog(SdNotifier(environ), interval, self)
        self.lock = SessionLock(fleet.session_lock_path) if fleet.session_lock_path else None
        self.metrics: Any = None
        self.health: Any = None
        self._textfile: Any = None
        self._http: Any = None
        if metrics.enabled:
            self._build_metrics(version, sandbox)
        self._probe = QTimer(self)
        self._probe.timeout.connect(self.on_probe_timeout)
        self._set_probe_interval(fleet.probe_interval_s)

    def _build_metrics(self, version: str, sandbox: bool) -> None:
        import PySide6

        from kiosk.fleet.health_server import HealthState
        from kiosk.fleet.metrics import BuildInfo, KioskMetrics

        self.transport = ObservedTransport(self.api)
        build = BuildInfo(version, qVersion(), PySide6.__version__, sandbox)
        self.metrics = KioskMetrics(build, self.api)
        self.health = HealthState(version, self.api)

    def attach(self, session: Any, clinic: Any) -> SessionActivity:
        """Follow ``session`` and the Welcome screen's ``clinic`` loader (``ClinicLoader``:
        ``load()``, ``loaded``, ``connectivity_changed``). Both are built after this object:
        the patient's API client needs ``transport``."""
        self.session = s = session
        self.clinic = clinic
        self.activity = activity = SessionActivity(session, self)
        if self.metrics is not None:
            self.metrics.observe(session, activity)
            clinic.connectivity_changed.connect(self.metrics.on_connectivity_changed)
        for source in (s, clinic):
            source.connectivity_changed.connect(self.service.on_connectivity_changed)
            if self.health is not None:
                source.connectivity_changed.connect(self.on_connectivity_changed)
        clinic.loaded.connect(self.on_clinic_loaded)
        s.stage_changed.connect(self.on_stage_changed)
        self.activity.active_changed.connect(self.on_active_changed)
        self.service.changed.connect(self.on_service_changed)
        return activity

    # -- lifecycle ------------------------------------------------------------------------

    def start(self, welcome: QWidget) -> None:
        """Once the window is up: READY when ``welcome`` shows, metrics outlets, the probe."""
        if self.watchdog is not None:
            self.watchdog.ready_when_visible(welcome, self._status())
        m = self.metrics_options
        if self.metrics is not None and m.textfile_dir is not None:
            from kiosk.fleet.metrics import TextfileWriter

            self._textfile = TextfileWriter(
                self.metrics.registry, m.textfile_dir, m.textfile_interval_s, self
            )
            self._textfile.start()
        if self.metrics is not None and m.http:
            from kiosk.fleet.health_server import HealthServer

            self._http = HealthServer(
                self.metrics.registry, self.health, m.bind, m.port, m.token_text
            )
            try:
                self._http.start()
            except OSError as exc:
                log.error("fleet.metrics_http_failed error=%s", exc.strerror or type(exc).__name__)
                self._http = None
        self._probe.start()

    def stop(self) -> None:
        """The kiosk is quitting: STOPPING to systemd, lock released, outlets closed."""
        self._probe.stop()
        self.service.stop()
        if self.watchdog is not None:
            self.watchdog.stopping()
        if self.lock is not None:
            self.lock.release()
        if self._textfile is not None:
            self._textfile.stop()
            self._textfile.write()
        if self._http is not None:
            self._http.stop()
            self._http = None

    @property
    def http_address(self) -> tuple[str, int] | None:
        return self._http.address if self._http is not None else None

    def apply(self, fleet: FleetOptions) -> None:
        """Reloaded ``[fleet]`` settings (at Welcome, so the session lock is not held)."""
        self.options = fleet
        svc = self.service
        svc.offline_after_s = fleet.offline_out_of_service_s
        svc.crash_limit = fleet.webengine_crash_limit
        svc.crash_window_s = fleet.webengine_crash_window_s
        svc.crash_out_s = fleet.webengine_out_of_service_s
        self._set_probe_interval(fleet.probe_interval_s)
        if self.lock is not None:
            self.lock.release()
        self.lock = SessionLock(fleet.session_lock_path) if fleet.session_lock_path else None

    # -- slots ----------------------------------------------------------------------------

    def on_webengine_crashed(self) -> None:
        if self.metrics is not None:
            self.metrics.on_webengine_crashed()
        self.service.on_webengine_crashed()

    def on_clinic_loaded(self, _account: object) -> None:
        """The clinic answered: reachable, whatever the loader saw before."""
        self.service.on_connectivity_changed(True)
        if self.metrics is not None:
            self.metrics.on_connectivity_changed(True)
        self.on_connectivity_changed(True)

    def on_connectivity_changed(self, online: bool) -> None:
        if self.health is not None:
            self.health.update(clinic_reachable=online)

    def on_stage_changed(self, *_payload: object) -> None:
        if self.health is not None:
            self.health.update(stage=self.session.stage.value)

    def on_active_changed(self, active: bool) -> None:
        if self.lock is not None:
            self.lock.set_held(active)
        if self.health is not None:
            self.health.update(session_active=active)
        self._update_status()

    def on_service_changed(self, _out: bool) -> None:
        reasons = self.service.reasons
        if self.metrics is not None:
            self.metrics.on_out_of_service_changed(reasons)
        if self.health is not None:
            self.health.update(out_of_service=reasons)
        self._update_status()

    def on_probe_timeout(self) -> None:
        if (
            self.activity is not None
            and not self.activity.active
            and self.session.stage is Stage.WELCOME
        ):
            self.clinic.load()

    # -- helpers --------------------------------------------------------------------------

    def _set_probe_interval(self, seconds: float) -> None:
        self._probe.setInterval(max(1, round(seconds * 1000)))

    def _status(self) -> str:
        if self.activity is not None and self.activity.active:
            return STATUS_SESSION
        if self.service.out:
            names = sorted(r.replace("_", " ") for r in self.service.reasons)
            return STATUS_OUT.format(reasons=", ".join(names))
        return STATUS_WELCOME

    def _update_status(self) -> None:
        if self.watchdog is not None:
            self.watchdog.set_status(self._status())
