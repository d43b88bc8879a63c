"""The fleet parts wired into a real KioskApp on a real sandbox: the session lock follows
the patient exactly, Welcome goes out of service and comes back, a renderer crash ends the
call, and a reload (SIGHUP) waits for Welcome."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from kiosk_harness import FAST_SESSION, build_app, shut_down, start_app

from kiosk.app import KioskApp
from kiosk.backend import Backend
from kiosk.config import KioskOptions, Settings
from kiosk.fleet.settings import FleetOptions, MetricsOptions
from kiosk.sandbox.process import SandboxProcess
from kiosk.session import Stage
from kiosk.session.types import EndReason
from kiosk.ui.screens.welcome import CHECK_IN, OUT_OF_SERVICE

WAIT_MS = 20_000


@pytest.fixture
def start_kiosk(qloop, qtbot, tmp_path) -> Iterator[Callable[..., KioskApp]]:
    """``start_kiosk(fleet=..., metrics=..., config_file=...)``: a started, windowed KioskApp
    on a fresh sandbox (no simulated provider); shut down afterwards."""
    sandbox = SandboxProcess(db_path=tmp_path / "sandbox.sqlite3", auto_provider=None)
    apps: list[KioskApp] = []

    def start(
        fleet: FleetOptions | None = None,
        metrics: MetricsOptions | None = None,
        config_file: Path | None = None,
    ) -> KioskApp:
        settings = Settings(
            room_code="ceproom1",
            kiosk=KioskOptions(fullscreen=False),
            fleet=fleet or FleetOptions(),
            metrics=metrics or MetricsOptions(),
        )
        apps.append(build_app(settings, Backend.of_sandbox(sandbox), config_file=config_file))
        return start_app(qtbot, apps[-1])

    try:
        yield start
    finally:
        shut_down(qtbot, apps, [sandbox])


def faults(app: KioskApp, **values: float) -> None:
    httpx.put(app.backend.portal_base_url + "_sandbox/faults", json=values, timeout=5)


def to_identify(qtbot, app: KioskApp) -> None:
    app.session.begin()
    qtbot.waitUntil(
        lambda: app.session.stage is Stage.IDENTIFY and not app.session.busy, timeout=WAIT_MS
    )


def back_to_welcome(qtbot, app: KioskApp, reason: str = EndReason.START_OVER) -> None:
    app.session.end(reason)
    qtbot.waitUntil(
        lambda: app.session.stage is Stage.WELCOME and not app.session.busy, timeout=WAIT_MS
    )


# -- the session lock ---------------------------------------------------------------------


def test_the_lock_file_is_held_exactly_while_a_session_is_active(qtbot, start_kiosk, tmp_path):
    lock = tmp_path / "run" / "kiosk-session.lock"
    app = start_kiosk(fleet=FleetOptions(session_lock_path=lock))
    s = app.session
    seen: list[tuple[str, bool, bool, bool]] = []

    def record(*_args: object) -> None:
        active = s.stage is not Stage.WELCOME or s.busy
        seen.append((s.stage.value, s.busy, active, lock.exists()))

    for signal_ in (s.stage_changed, s.busy_changed, s.ended):
        signal_.connect(record)
    assert not lock.exists()

    to_identify(qtbot, app)
    s.identify_guest("Ada", "Lovelace", "1990-01-01")
    qtbot.waitUntil(lambda: s.stage is Stage.WIZARD and not s.busy, timeout=WAIT_MS)
    assert lock.read_text() == f"{os.getpid()}\n"
    assert "Ada" not in lock.read_text()
    back_to_welcome(qtbot, app)

    assert not lock.exists()
    assert len(seen) > 6
    assert all(exists == active for _, _, active, exists in seen), seen
    assert seen[0][:2] == ("welcome", True) and seen[0][3]  # from the tap on Start
    assert seen[-1] == ("welcome", False, False, False)  # gone once Welcome is back


# -- out of service -----------------------------------------------------------------------


def test_welcome_goes_out_of_service_while_the_clinic_is_unreachable_and_comes_back(
    qtbot, start_kiosk
):
    app = start_kiosk(fleet=FleetOptions(offline_out_of_service_s=0.3, probe_interval_s=0.2))
    welcome = app.window.welcome
    qtbot.waitUntil(lambda: app.clinic.account is not None, timeout=WAIT_MS)
    assert welcome.check_in_button.isVisible() and welcome.check_in_button.text() == CHECK_IN

    faults(app, drop_rate=1.0)
    qtbot.waitUntil(lambda: welcome.out_of_service, timeout=WAIT_MS)
    assert app.window.current_screen is welcome
    assert welcome.title.text() == OUT_OF_SERVICE.title
    assert not welcome.check_in_button.isVisible() and not welcome.code_button.isVisible()

    faults(app, drop_rate=0.0)  # the probe keeps asking in the background
    qtbot.waitUntil(lambda: not welcome.out_of_service, timeout=WAIT_MS)
    assert welcome.check_in_button.isVisible()
    assert welcome.title.text() != OUT_OF_SERVICE.title


def test_an_outage_during_a_visit_shows_out_of_service_only_on_welcome(qtbot, start_kiosk):
    app = start_kiosk(fleet=FleetOptions(offline_out_of_service_s=0.2, probe_interval_s=0.2))
    to_identify(qtbot, app)
    app.fleet.service.on_connectivity_changed(False)  # what the waiting room's polls report
    qtbot.waitUntil(lambda: app.fleet.service.out, timeout=WAIT_MS)
    assert app.window.current_screen is app.window.identify  # the patient is not thrown out
    back_to_welcome(qtbot, app)
    assert app.window.current_screen is app.window.welcome
    # Welcome's probe finds the clinic there again: back in service by itself.
    qtbot.waitUntil(lambda: not app.window.welcome.out_of_service, timeout=WAIT_MS)


def test_two_renderer_crashes_take_the_kiosk_out_of_service_for_a_while(qtbot, start_kiosk):
    app = start_kiosk(fleet=FleetOptions(webengine_out_of_service_s=0.5))
    welcome = app.window.welcome
    app.call_view.renderer_crashed.emit()
    assert not welcome.out_of_service
    app.call_view.renderer_crashed.emit()
    assert welcome.out_of_service and welcome.title.text() == OUT_OF_SERVICE.title
    qtbot.waitUntil(lambda: not welcome.out_of_service, timeout=WAIT_MS)


def test_the_call_screens_renderer_crash_reaches_the_session(qtbot, start_kiosk, monkeypatch):
    """Wiring only: the session's side is tests/unit/session/test_session_call_crash.py, the
    real renderer killed mid-call is tests/e2e/kiosk/test_kiosk_fleet.py."""
    app = start_kiosk()
    calls: list[str] = []
    monkeypatch.setattr(app.session, "call_crashed", lambda: calls.append("call_crashed"))
    app.call_view.renderer_crashed.emit()
    assert calls == ["call_crashed"]


# -- reload (SIGHUP) ------------------------------------------------------------------------


def write_config(path: Path, idle_timeout_s: float, probe_s: float = 30.0, extra: str = "") -> None:
    path.write_text(
        f'room_code = "ceproom1"\n{extra}\n'
        f"[kiosk]\nfullscreen = false\nidle_timeout_s = {idle_timeout_s}\n"
        f"[fleet]\nprobe_interval_s = {probe_s}\n"
    )


def test_a_reload_mid_visit_waits_for_welcome(qtbot, start_kiosk, tmp_path):
    config = tmp_path / "config.toml"
    write_config(config, 120.0)
    app = start_kiosk(config_file=config)
    to_identify(qtbot, app)

    write_config(config, 45.0, probe_s=7.0)
    app.request_reload()
    qtbot.wait(200)
    assert app.session.config.idle_timeout_s == 120.0  # never mid-visit
    assert app.fleet.options.probe_interval_s == 30.0
    assert app.reloader.pending

    back_to_welcome(qtbot, app)
    qtbot.waitUntil(lambda: app.session.config.idle_timeout_s == 45.0, timeout=WAIT_MS)
    assert app.fleet.options.probe_interval_s == 7.0
    assert app.session.config.queue_poll_s == FAST_SESSION.queue_poll_s  # untouched keys stay
    assert not app.reloader.pending and not app.quit_requested.is_set()


def test_a_reload_at_welcome_applies_at_once(qtbot, start_kiosk, tmp_path):
    config = tmp_path / "config.toml"
    write_config(config, 120.0)
    app = start_kiosk(config_file=config)
    write_config(config, 60.0)
    app.request_reload()
    qtbot.waitUntil(lambda: app.session.config.idle_timeout_s == 60.0, timeout=WAIT_MS)


def test_a_broken_config_on_reload_keeps_the_running_settings(qtbot, start_kiosk, tmp_path, caplog):
    config = tmp_path / "config.toml"
    write_config(config, 120.0)
    app = start_kiosk(config_file=config)
    config.write_text("[kiosk]\nidle_timeout_s = -5\n")
    app.request_reload()
    qtbot.waitUntil(lambda: "fleet.reload_failed" in caplog.text, timeout=WAIT_MS)
    assert "idle_timeout_s" in caplog.text
    assert app.session.config.idle_timeout_s == FAST_SESSION.idle_timeout_s
    assert not app.quit_requested.is_set()


def test_a_reload_that_changes_the_endpoint_restarts_at_welcome(qtbot, start_kiosk, tmp_path):
    config = tmp_path / "config.toml"
    write_config(config, 120.0)
    app = start_kiosk(config_file=config)
    to_identify(qtbot, app)
    write_config(config, 120.0, extra='account_code = "otherclinic"')
    app.request_reload()
    qtbot.wait(200)
    assert not app.quit_requested.is_set()
    back_to_welcome(qtbot, app)
    qtbot.waitUntil(app.quit_requested.is_set, timeout=WAIT_MS)


def test_sighup_reaches_the_reload_handler(qloop, qtbot):
    """The launcher maps SIGHUP to reload and SIGTERM/SIGINT to quit."""
    from kiosk.launcher import _on_signals

    calls: list[str] = []
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)}
    try:
        _on_signals(lambda: calls.append("quit"), lambda: calls.append("reload"))
        os.kill(os.getpid(), signal.SIGHUP)
        qtbot.waitUntil(lambda: calls == ["reload"], timeout=5000)
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: calls == ["reload", "quit"], timeout=5000)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
