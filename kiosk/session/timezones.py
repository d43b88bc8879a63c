"""Which time zone the clinic's times are shown in: the clinic's own, the kiosk's last."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

log = logging.getLogger("kiosk.session")

#: When even the kiosk's own zone cannot be named.
LAST_RESORT = "UTC"
_LOCALTIME = Path("/etc/localtime")


def valid_zone(name: object) -> str | None:
    """``name`` when it is an IANA zone this machine knows, else None."""
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name.strip()


def kiosk_timezone(localtime: Path = _LOCALTIME, environ: dict[str, str] | None = None) -> str:
    """The kiosk machine's IANA zone: ``TZ``, else where ``/etc/localtime`` links, else UTC."""
    env = os.environ if environ is None else environ
    if zone := valid_zone(env.get("TZ", "").lstrip(":")):
        return zone
    try:
        target = str(localtime.resolve())
    except OSError:
        target = ""
    marker = "zoneinfo/"
    if marker in target and (zone := valid_zone(target.split(marker, 1)[1])):
        return zone
    return LAST_RESORT


def _get(obj: Any, *path: str) -> Any:
    for key in path:
        if obj is None:
            return None
        obj = obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)
    return obj


def clinic_timezone(room: Any, account: Any, visit: Any = None) -> str:
    """The first zone the doc's bodies carry, in order: the room's
    ``operation_settings.default_timezone`` (doc: ``POST /rooms`` answer), the account's
    (the doc shows none; read if a server sends one), the booked visit's host's ``timezone``
    (doc: ``POST /visits`` answer, ``hosts[].timezone``); the kiosk's own zone last."""
    candidates: Iterable[Any] = (
        _get(room, "operation_settings", "default_timezone"),
        _get(room, "timezone"),
        _get(account, "operation_settings", "default_timezone"),
        _get(account, "timezone"),
        *(_get(host, "timezone") for host in (_get(visit, "hosts") or [])),
    )
    for candidate in candidates:
        if zone := valid_zone(candidate):
            return zone
    zone = kiosk_timezone()
    log.debug("timezone.kiosk_fallback zone=%s", zone)
    return zone
