"""``SdNotifier``: systemd's ``sd_notify`` protocol, written directly over ``$NOTIFY_SOCKET``.

The protocol is one datagram of ``KEY=VALUE`` lines to an AF_UNIX socket whose path is in
``$NOTIFY_SOCKET`` (a leading ``@`` names a Linux abstract socket). That is a dozen lines, so
no package: ``systemd-python`` needs libsystemd headers to build and ``sdnotify`` has not had
a release since 2017. See sd_notify(3) and systemd.service(5) (``Type=notify``).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

log = logging.getLogger("kiosk.fleet")

NOTIFY_SOCKET_ENV = "NOTIFY_SOCKET"
WATCHDOG_USEC_ENV = "WATCHDOG_USEC"
WATCHDOG_PID_ENV = "WATCHDOG_PID"


def socket_address(value: str) -> str | None:
    """``$NOTIFY_SOCKET`` as an address for ``socket.connect``: a path, or ``\\0name`` for
    ``@name`` (abstract namespace). None for what systemd never sets (empty, relative, or
    the ``vsock:`` form of systemd 253+, which the kiosk's containers do not use)."""
    if value.startswith("@") and len(value) > 1:
        return "\0" + value[1:]
    if value.startswith("/"):
        return value
    return None


def watchdog_interval_s(environ: Mapping[str, str], pid: int, parent_pid: int) -> float | None:
    """Half of systemd's ``WatchdogSec=`` (``$WATCHDOG_USEC``, µs), as sd_watchdog_enabled(3)
    advises; None when systemd asked for no watchdog or asked another process.

    ``$WATCHDOG_PID`` names the service's main process. Under cage that is cage, the kiosk's
    parent: the kiosk then pings on its behalf (the unit has ``NotifyAccess=all``, and READY
    hands the main PID to the kiosk), so the parent's PID counts as ours."""
    usec = environ.get(WATCHDOG_USEC_ENV, "")
    if not usec.isdigit() or int(usec) == 0:
        return None
    owner = environ.get(WATCHDOG_PID_ENV, "")
    if owner and (not owner.isdigit() or int(owner) not in (pid, parent_pid)):
        return None
    return int(usec) / 1_000_000 / 2


class SdNotifier:
    """Sends state lines to systemd. Does nothing when ``$NOTIFY_SOCKET`` is not set (run by
    hand, or a unit without ``Type=notify``). Never raises: a notification that cannot be
    sent is logged once and the kiosk carries on (systemd's watchdog then restarts it)."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        environ = os.environ if environ is None else environ
        raw = environ.get(NOTIFY_SOCKET_ENV, "")
        self.address = socket_address(raw)
        self._sock: socket.socket | None = None
        self._failed = False
        if raw and self.address is None:
            log.warning("fleet.notify_socket_unusable")

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def notify(self, **fields: str | int) -> bool:
        """Send ``KEY=VALUE`` lines (keys upper-cased: ``notify(ready=1, status="…")``)."""
        if self.address is None:
            return False
        message = "\n".join(f"{key.upper()}={value}" for key, value in fields.items())
        try:
            if self._sock is None:
                # Non-blocking: a full socket queue drops one ping rather than freezing the
                # GUI thread (systemd's watchdog then decides, as it should).
                kind = socket.SOCK_DGRAM | socket.SOCK_CLOEXEC | socket.SOCK_NONBLOCK
                self._sock = socket.socket(socket.AF_UNIX, kind)
            self._sock.sendto(message.encode("utf-8"), self.address)
        except OSError as exc:
            if not self._failed:
                log.warning("fleet.notify_failed error=%s", exc.strerror or type(exc).__name__)
            self._failed = True
            return False
        self._failed = False
        return True

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
