"""``KioskApp``: builds every part of the kiosk, connects them, and takes them down again."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.api import PortalUrls, VSeeClient
from kiosk.backend import Backend
from kiosk.config import KioskPaths, Settings, load_settings
from kiosk.crash import CrashGuard
from kiosk.fleet.reload import ConfigReloader, needs_restart, session_config_changes
from kiosk.fleet.runtime import FleetRuntime
from kiosk.logging_setup import recent_errors
from kiosk.session import PatientSession, SessionConfig, Stage
from kiosk.session.clinic import ClinicLoader
from kiosk.session.types import EndReason
from kiosk.staff.actions import KioskInfo, StaffActions
from kiosk.staff.auth import StaffAuthenticator
from kiosk.staff.lockout import PinLockout
from kiosk.ui.accessibility.kit import AccessibilityKit
from kiosk.ui.call import CallView
from kiosk.ui.i18n import LanguageSwitcher
from kiosk.ui.idle_presenter import IdlePresenter
from kiosk.ui.lockdown import KioskLockdown, apply_kiosk_window_mode
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.navigator import Overlay
from kiosk.ui.presenter import FlowPresenter
from kiosk.ui.screens.reset import ResetScreen
from kiosk.ui.staff.dashboard import DashboardScreen
from kiosk.ui.staff.mode import StaffMode

log = logging.getLogger("kiosk.app")

#: How long shutdown waits for the wipe (close visit, log out) before it gives up.
SHUTDOWN_WIPE_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class LaunchOptions:
    """How this run shows itself: ``windowed`` (development) and the window ``size``."""

    windowed: bool = False
    size: QSize | None = None


class KioskApp(QObject):
    """The composition root: one patient session, one window, staff mode, crash recovery.

    Data flows one way — screens → ``FlowPresenter`` → ``PatientSession`` → ``VSeeClient`` →
    server. Staff mode has its own ``VSeeClient`` so a provider token never meets a
    patient's. ``window`` is the ``KioskWindow`` to use if the caller showed it already (the
    launcher paints Welcome before this class is even imported). ``start()`` shows the window
    (fullscreen and locked down unless ``windowed``);
    ``quit_requested`` is set when staff exit or the window is closed; ``shutdown()`` wipes
    the open session (closing its visit, logging out) and stops everything it started.
    """

    def __init__(
        self,
        app: QApplication,
        settings: Settings,
        paths: KioskPaths,
        backend: Backend,
        launch: LaunchOptions,
        config_file: Path | None = None,
        session_config: SessionConfig | None = None,
        parent: QObject | None = None,
        window: KioskWindow | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.settings = settings
        self.paths = paths
        self.backend = backend
        self.launch = launch
        self.quit_requested = asyncio.Event()
        self.portal = PortalUrls(backend.portal_base_url)
        self.fleet = FleetRuntime(
            settings.fleet, settings.metrics, __version__, backend.uses_sandbox, parent=self
        )
        self.client = self._new_client(self.fleet.transport)
        config = session_config or SessionConfig.from_settings(settings)
        self.session = PatientSession(self.client, config, self.portal)
        self.clinic = ClinicLoader(
            self.client, config.account_code, config.backoff_base_s, config.backoff_cap_s, self
        )
        self.config_file = config_file
        self.reloader = ConfigReloader(
            lambda: load_settings(self.config_file),
            settings,
            self.fleet.attach(self.session, self.clinic),
        )
        origin = self.portal.base_url
        self.call_view = CallView(portal_origin=origin, devices=settings.devices)
        if window is None:  # the launcher builds and paints the window before the rest
            window = KioskWindow(sandbox=backend.uses_sandbox)
        window.set_call_view(self.call_view)
        self.window = window
        #: The patient's language on screen: translator, locale, live retranslation.
        self.languages = LanguageSwitcher(self.session.language, self)
        self.navigator = self.window.navigator
        self.presenter = FlowPresenter(self.session, self.clinic, self.window)
        self.accessibility = AccessibilityKit(
            self.session.accessibility,
            self.window,
            app,
            settings.kiosk.speech_engine,
            self.speech_language,
        )
        self.idle = IdlePresenter(
            self.session.idle, self.navigator, lambda: self.session.end(EndReason.START_OVER)
        )
        self.reset_screen = ResetScreen()
        self.crash_guard = CrashGuard()
        self.lockdown = KioskLockdown(hide_cursor=settings.kiosk.hide_cursor)
        self.staff_client = self._new_client()
        self.staff_actions = StaffActions(
            self.staff_client,
            KioskInfo(
                api_base_url=backend.api_base_url,
                portal_base_url=backend.portal_base_url,
                account_code=settings.account_code,
                room_code=settings.room_code,
                version=__version__,
                uses_sandbox=backend.uses_sandbox,
            ),
            self.portal,
            config_file or paths.config_file,
            recent_errors.lines,
            settings.devices,
        )
        staff = settings.staff
        self.staff = StaffMode(
            self.window,
            StaffAuthenticator(staff.pin_hash, PinLockout(staff.max_attempts, staff.lockout_s)),
            self.staff_actions,
            idle_timeout_s=staff.idle_timeout_s,
        )
        self.dashboard = DashboardScreen(CallView(portal_origin=origin))
        self._pending_launch: tuple[str, str, str] | None = None
        self._shut_down = False
        self._connect()

    def _new_client(self, transport: Any = None) -> VSeeClient:
        return VSeeClient(
            self.backend.api_base_url,
            account_code=self.settings.account_code,
            api_key=self.backend.api_key,
            api_secret=self.backend.api_secret,
            max_upload_bytes=int(self.settings.kiosk.max_upload_mb * 1024 * 1024),
            transport=transport,
        )

    def _connect(self) -> None:
        s = self.session
        s.connectivity_changed.connect(self.staff_actions.set_online)
        s.account_loaded.connect(self.clinic.accept)
        s.journey.known_account = lambda: self.clinic.account  # one GET /accounts/:code
        self.clinic.connectivity_changed.connect(self.staff_actions.set_online)
        s.ended.connect(self.on_session_ended)
        s.stage_changed.connect(self.accessibility.on_stage_changed)
        s.queue_updated.connect(self.accessibility.guide.on_queue_updated)
        s.ended.connect(self.accessibility.guide.on_session_ended)
        s.add_cleanup(self.clear_clipboard)
        self.crash_guard.crashed.connect(self.on_crashed)
        self.reset_screen.continue_requested.connect(self.on_reset_continue)
        self.staff.active_changed.connect(self.on_staff_active_changed)
        self.staff.launch_known_patient.connect(self.on_launch_known_patient)
        self.staff.open_provider_dashboard.connect(self.on_open_dashboard)
        self.staff.room_changed.connect(s.set_room)
        self.staff.console.devices_changed.connect(self.window.call.call_view.set_devices)
        self.staff.exit_requested.connect(self.request_quit)
        self.dashboard.closed.connect(self.on_dashboard_closed)
        self.window.closing.connect(self.request_quit)
        self.fleet.service.changed.connect(self.window.welcome.set_out_of_service)
        self.call_view.renderer_crashed.connect(self.on_call_renderer_crashed)
        self.reloader.reloaded.connect(self.on_settings_reloaded)

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        """Show the Welcome screen; install the crash guard, lockdown, idle and staff watchers."""
        loop = asyncio.get_event_loop()
        self.crash_guard.install(loop)
        # The watchers go on the kiosk window (its QWindow), not the application: see
        # kiosk/window_events.py. The staff console and the provider dashboard are screens
        # of this window, so it is the only one to watch.
        # Keys first: a filter installed later runs earlier, and the key navigator takes the
        # keys it handles (Tab, Enter…), which the idle clock must still count.
        self.accessibility.install()
        self.session.idle.install(self.window)
        self.staff.install()
        if not self.launch.windowed and self.settings.kiosk.fullscreen:
            self.lockdown.install(self.window)
        if self.settings.kiosk.keyboard == "builtin":
            self.window.keyboard_control.install()
        if not self.window.isVisible():  # shown already when the launcher painted it early
            apply_kiosk_window_mode(
                self.window, self.settings.kiosk, self.launch.windowed, self.launch.size
            )
        self.clinic.load()
        self.fleet.start(self.window.welcome)
        log.info(
            "app.started version=%s sandbox=%s room=%s",
            __version__,
            self.backend.uses_sandbox,
            self.session.config.room_code or "-",
        )

    async def shutdown(self) -> None:
        """Wipe the open session, log staff out, close clients and the sandbox. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        self.dashboard.close_dashboard()
        self.staff.close()
        self.clinic.stop()
        try:
            await asyncio.wait_for(
                self.session.end_and_wait(EndReason.SHUTDOWN), SHUTDOWN_WIPE_TIMEOUT_S
            )
        except TimeoutError:
            log.warning("app.shutdown_wipe_timeout")
        self.fleet.stop()
        self.presenter.close()
        self.staff.uninstall()
        self.window.keyboard_control.uninstall()
        self.session.idle.uninstall()
        self.accessibility.uninstall()
        self.lockdown.uninstall()
        self.crash_guard.uninstall()
        self.languages.detach()
        await self.staff_actions.aclose()
        await self.client.aclose()
        self.window.closing.disconnect(self.request_quit)
        self.window.close()
        self.backend.stop()
        log.info("app.stopped")

    def speech_language(self) -> str:
        """The voice's language: the patient's own (the language button; ``[kiosk] language``
        until they choose)."""
        return self.session.language.code

    def request_quit(self) -> None:
        log.info("app.quit_requested")
        self.quit_requested.set()

    def request_reload(self) -> None:
        """SIGHUP (``systemctl reload``): re-read the config at the next Welcome."""
        self.reloader.request()

    # -- slots ------------------------------------------------------------------------------

    def on_crashed(self, incident: str) -> None:
        """Something nothing else caught: calm screen, then the one wipe, then Welcome."""
        self.staff.close()
        self.dashboard.close_dashboard()
        self.window.busy.set_busy(False)
        self.window.error_panel.hide()
        self.reset_screen.show_incident(incident)
        self.navigator.show_overlay(Overlay.CRASH_RESET, self.reset_screen)
        self.session.end(EndReason.CRASH)

    def on_call_renderer_crashed(self) -> None:
        self.fleet.on_webengine_crashed()
        self.session.call_crashed()

    def on_settings_reloaded(self, settings: Settings, keys: frozenset[str]) -> None:
        """At Welcome: take over what can change live; restart (systemd brings the kiosk
        back with ``Restart=always``) when anything else changed."""
        self.settings = settings
        changes = session_config_changes(keys, settings)
        if changes:
            self.session.config = dataclasses.replace(self.session.config, **changes)
            k = settings.kiosk
            self.session.idle.set_timeouts(
                k.idle_timeout_s, k.idle_timeout_waiting_s, k.idle_countdown_s
            )
        self.fleet.apply(settings.fleet)
        restart = needs_restart(keys)
        if restart:
            log.warning("app.reload_needs_restart keys=%s", ",".join(sorted(restart)))
            self.request_quit()

    def on_reset_continue(self) -> None:
        # The next patient starts at Welcome, even if the wipe under the reset screen is still
        # running: the crashed patient's screen never comes back.
        if self.navigator.overlay(Overlay.CRASH_RESET) is not None:
            self.navigator.reset(self.window.welcome)
            self.navigator.hide_overlay(Overlay.CRASH_RESET)
        self.crash_guard.reset_finished()

    def on_session_ended(self, reason: str) -> None:
        # Welcome is under the overlays now; a crash's reset screen stays up until its own
        # button or timer, so the patient sees what happened.
        self.idle.dismiss()
        launch, self._pending_launch = self._pending_launch, None
        if launch is not None:
            # ``ended`` comes just before the session is back at Welcome: start on the next turn.
            QTimer.singleShot(0, lambda: self.session.start_known(*launch))

    def on_staff_active_changed(self, active: bool) -> None:
        if active:
            self.session.idle.pause()
            self.navigator.show_overlay(Overlay.STAFF, self.staff.widget)
            return
        self.dashboard.close_dashboard()
        self.navigator.hide_overlay(Overlay.STAFF)
        self.session.resume_idle()

    def on_launch_known_patient(self, code: str, first_name: str, last_name: str) -> None:
        """Staff start a known patient's session; a patient still on the kiosk is wiped first."""
        if self.session.stage is Stage.WELCOME and not self.session.busy:
            self.session.start_known(code, first_name, last_name)
        else:
            self._pending_launch = (code, first_name, last_name)
            self.session.end(EndReason.START_OVER)

    def on_open_dashboard(self, url: str) -> None:
        self.dashboard.open_dashboard(url)
        self.navigator.show_overlay(Overlay.STAFF, self.dashboard)

    def on_dashboard_closed(self) -> None:
        if self.navigator.overlay(Overlay.STAFF) is self.dashboard:
            self.navigator.show_overlay(Overlay.STAFF, self.staff.widget)

    @staticmethod
    def clear_clipboard() -> None:
        """Session cleanup: nothing a patient copied stays for the next one."""
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
