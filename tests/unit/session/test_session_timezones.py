"""Booking times in the clinic's zone from the doc's room/account/visit bodies; kiosk's last."""

from __future__ import annotations

from pathlib import Path

from kiosk.api.models import Account, Room, Visit
from kiosk.session.timezones import clinic_timezone, kiosk_timezone


def test_the_rooms_operation_settings_zone_comes_first() -> None:
    room = Room.model_validate(
        {"code": "r", "operation_settings": {"default_timezone": "America/Chicago"}}
    )
    visit = Visit.model_validate({"id": "1", "hosts": [{"timezone": "Asia/Tokyo"}]})
    assert clinic_timezone(room, Account(), visit) == "America/Chicago"


def test_an_account_zone_then_the_booked_visits_host_zone() -> None:
    room = Room.model_validate(
        {"code": "r", "operation_settings": {"default_timezone": "Nowhere/X"}}
    )
    account = Account.model_validate({"code": "a", "timezone": "Europe/Berlin"})
    visit = Visit.model_validate({"id": "1", "hosts": [{"timezone": "America/Los_Angeles"}]})
    assert clinic_timezone(room, account, visit) == "Europe/Berlin"
    assert clinic_timezone(room, Account(), visit) == "America/Los_Angeles"


def test_the_kiosks_own_zone_is_the_last_resort(monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Australia/Perth")
    assert clinic_timezone(Room.model_validate({"code": "r"}), None) == "Australia/Perth"


def test_kiosk_zone_from_tz_or_the_localtime_link(tmp_path: Path) -> None:
    assert kiosk_timezone(tmp_path / "none", {"TZ": ":Europe/Paris"}) == "Europe/Paris"
    zoneinfo = tmp_path / "usr/share/zoneinfo/Asia"
    zoneinfo.mkdir(parents=True)
    (zoneinfo / "Tokyo").write_bytes(b"")
    link = tmp_path / "localtime"
    link.symlink_to(zoneinfo / "Tokyo")
    assert kiosk_timezone(link, {}) == "Asia/Tokyo"
    assert kiosk_timezone(tmp_path / "missing", {"TZ": "Not/AZone"}) == "UTC"
