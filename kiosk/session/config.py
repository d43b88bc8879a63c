"""``SessionConfig``: the few settings the session needs, as plain values tests can shorten."""

from __future__ import annotations

from dataclasses import dataclass, fields

from kiosk import constants
from kiosk.config import Settings


@dataclass(frozen=True)
class SessionConfig:
    """Room, intervals (seconds) and limits for one kiosk's patient sessions.

    Built from ``kiosk.config.Settings`` by ``from_settings``; tests construct it directly with
    intervals of a few milliseconds. ``room_code`` None means: ask the server which rooms
    exist and let the patient pick when there is more than one.
    """

    account_code: str = "vclinic"
    room_code: str | None = None
    heartbeat_s: float = constants.HEARTBEAT_S
    queue_poll_s: float = constants.QUEUE_POLL_S
    visit_status_poll_s: float = constants.VISIT_STATUS_POLL_S
    max_upload_bytes: int = constants.MAX_UPLOAD_BYTES
    known_patient_login: bool = False
    #: The language each patient starts in (``[kiosk] language``); the wipe returns to it.
    language: str = "en"
    idle_timeout_s: float = constants.IDLE_TIMEOUT_S
    idle_timeout_waiting_s: float = constants.IDLE_TIMEOUT_WAITING_S
    idle_countdown_s: float = constants.IDLE_COUNTDOWN_S
    idle_tick_s: float = constants.IDLE_TICK_S
    backoff_base_s: float = constants.RECONNECT_BACKOFF_BASE_S
    backoff_cap_s: float = constants.RECONNECT_BACKOFF_CAP_S
    wipe_step_timeout_s: float = constants.WIPE_STEP_TIMEOUT_S
    consent_statement: str = ""
    terms_statement: str = ""
    send_undocumented_intake_fields: bool = False
    reconnect_notice_s: float = constants.WAITING_RECONNECT_NOTICE_S
    #: Part of the label of the camera "Take a photo" uses ("" = the system default).
    camera: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> SessionConfig:
        """The session's view of the kiosk's validated settings: every ``[kiosk]`` key that
        has a field of the same name here (a new one needs no line in this function), plus
        the clinic, the room and the upload limit in bytes."""
        names = {item.name for item in fields(cls)}
        shared = {key: value for key, value in settings.kiosk if key in names}
        return cls(
            account_code=settings.account_code,
            room_code=settings.room_code or None,
            max_upload_bytes=int(settings.kiosk.max_upload_mb * 1024 * 1024),
            camera=settings.devices.camera,
            **shared,
        )

    @property
    def heartbeat_send_interval_s(self) -> float:
        """How often ``POST /users/alive`` goes out: below half the heartbeat, as the doc asks."""
        return self.heartbeat_s * constants.HEARTBEAT_SEND_FRACTION
