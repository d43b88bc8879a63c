"""``ConfigReloader``: `systemctl reload` (SIGHUP) re-reads the config at Welcome, not mid-visit."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.config import ConfigError, Settings
from kiosk.fleet.activity import SessionActivity

log = logging.getLogger("kiosk.fleet")

#: Keys a running kiosk takes over at Welcome; a change to any other key (endpoint, keys,
#: staff PIN, screen, metrics outlets…) restarts the kiosk at Welcome instead.
LIVE_KEYS = frozenset(
    {
        "room_code",
        "kiosk.heartbeat_s",
        "kiosk.queue_poll_s",
        "kiosk.visit_status_poll_s",
        "kiosk.idle_timeout_s",
        "kiosk.idle_timeout_waiting_s",
        "kiosk.idle_countdown_s",
        "fleet.offline_out_of_service_s",
        "fleet.webengine_crash_limit",
        "fleet.webengine_crash_window_s",
        "fleet.webengine_out_of_service_s",
        "fleet.probe_interval_s",
        "fleet.session_lock_path",
    }
)


def changed_keys(old: BaseModel, new: BaseModel, prefix: str = "") -> set[str]:
    """Dotted names of the settings that differ (names only: values may be secrets)."""
    keys: set[str] = set()
    for name in type(old).model_fields:
        a, b = getattr(old, name), getattr(new, name)
        if isinstance(a, BaseModel) and isinstance(b, BaseModel):
            keys |= changed_keys(a, b, f"{prefix}{name}.")
        elif a != b:
            keys.add(prefix + name)
    return keys


class ConfigReloader(QObject):
    """``request()`` (the SIGHUP handler calls it) marks a reload as due; it runs as soon as
    no patient session is active — at once when the kiosk stands at Welcome, otherwise when
    the visit's wipe has brought Welcome back. A config that fails to load is logged (file and
    key, never a value) and the running settings stay. ``reloaded(settings, changed_keys)``
    fires with the new settings; the app applies them. GUI thread only."""

    reloaded = Signal(object, object)

    def __init__(
        self,
        load: Callable[[], Settings],
        current: Settings,
        activity: SessionActivity,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self.current = current
        self.activity = activity
        self.pending = False
        activity.active_changed.connect(self.on_activity_changed)

    def request(self) -> None:
        log.info("fleet.reload_requested active=%s", self.activity.active)
        self.pending = True
        if not self.activity.active:
            QTimer.singleShot(0, self._apply_if_idle)

    def on_activity_changed(self, active: bool) -> None:
        if not active and self.pending:
            self._apply_if_idle()

    def _apply_if_idle(self) -> None:
        if not self.pending or self.activity.active:
            return
        self.pending = False
        try:
            settings = self._load()
        except ConfigError as exc:
            log.warning("fleet.reload_failed %s", exc)
            return
        keys = changed_keys(self.current, settings)
        self.current = settings
        log.info("fleet.reload_applied changed=%s", ",".join(sorted(keys)) or "-")
        self.reloaded.emit(settings, frozenset(keys))


def needs_restart(keys: Any) -> frozenset[str]:
    """The changed keys a running kiosk cannot take over."""
    return frozenset(k for k in keys if k not in LIVE_KEYS)


def session_config_changes(keys: Any, settings: Settings) -> dict[str, Any]:
    """``SessionConfig`` fields to replace for the changed live keys (``room_code`` and the
    ``kiosk.*`` intervals), as ``SessionConfig.from_settings`` would compute them."""
    from kiosk.session.config import SessionConfig

    fresh = SessionConfig.from_settings(settings)
    names = {
        k.removeprefix("kiosk.") for k in keys if k in LIVE_KEYS and not k.startswith("fleet.")
    }
    return {name: getattr(fresh, name) for name in sorted(names)}
