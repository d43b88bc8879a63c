"""``[fleet]`` and ``[metrics]``: the settings of a kiosk that runs unattended among many."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import Field, SecretStr, field_validator

from kiosk import constants
from kiosk.settings_fields import MAX_SECONDS, Section, seconds


class FleetOptions(Section):
    """Watchdog, out-of-service rules and the session lock file."""

    watchdog: bool = Field(
        True,
        description="Send READY and WATCHDOG to systemd when $NOTIFY_SOCKET is set (Type=notify).",
    )
    watchdog_interval_s: float | None = seconds(
        None, "Ping interval; default half of systemd's WatchdogSec ($WATCHDOG_USEC)."
    )
    offline_out_of_service_s: float = seconds(
        constants.FLEET_OFFLINE_OUT_OF_SERVICE_S,
        "Welcome says 'out of service' after the clinic was unreachable this long.",
    )
    webengine_crash_limit: int = Field(
        constants.FLEET_WEBENGINE_CRASH_LIMIT,
        ge=1,
        le=100,
        description="Web-engine crashes (within webengine_crash_window_s) that take it out.",
    )
    webengine_crash_window_s: float = Field(
        constants.FLEET_WEBENGINE_CRASH_WINDOW_S, gt=0, le=7 * 86400.0
    )
    webengine_out_of_service_s: float = seconds(
        constants.FLEET_WEBENGINE_OUT_OF_SERVICE_S,
        "How long the kiosk stays out of service after the web engine crashed.",
    )
    probe_interval_s: float = seconds(
        constants.FLEET_PROBE_INTERVAL_S,
        "At Welcome, how often the clinic is asked whether it is still there.",
    )
    session_lock_path: Path | None = Field(
        None,
        description="File created and flock()ed while a patient session is active (none: off).",
    )


class MetricsOptions(Section):
    """Prometheus metrics: node_exporter's textfile collector and a loopback HTTP endpoint."""

    textfile_dir: Path | None = Field(
        None, description="node_exporter --collector.textfile.directory; none: not written."
    )
    textfile_interval_s: float = Field(constants.METRICS_TEXTFILE_INTERVAL_S, gt=0, le=MAX_SECONDS)
    http: bool = Field(False, description="Serve /metrics and /healthz.")
    bind: str = Field("127.0.0.1", description="Address of the HTTP endpoint.")
    port: int = Field(constants.METRICS_HTTP_PORT, ge=0, le=65535)
    token: SecretStr | None = Field(
        None, description="Bearer token the endpoint asks for; required off loopback."
    )

    @field_validator("bind")
    @classmethod
    def _is_address(cls, value: str) -> str:
        try:
            ipaddress.ip_address(value)
        except ValueError:
            raise ValueError("must be an IP address such as 127.0.0.1") from None
        return value

    @property
    def loopback(self) -> bool:
        return ipaddress.ip_address(self.bind).is_loopback

    @property
    def token_text(self) -> str:
        return self.token.get_secret_value() if self.token is not None else ""

    @property
    def enabled(self) -> bool:
        """True when at least one outlet is on (otherwise no metrics are even collected)."""
        return self.http or self.textfile_dir is not None


def metrics_problem(options: MetricsOptions) -> str | None:
    """What is wrong with the endpoint's settings taken together (file and environment
    merged: the token may well come from the environment), or None."""
    if options.http and not options.loopback and not options.token_text:
        return f"bind {options.bind} is not loopback: set metrics.token as well"
    return None
