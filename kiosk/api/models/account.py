"""The clinic account (states, files, waiting-room texts) and the server's settings."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from kiosk.api.models.base import ApiModel, Flag, Id, LooseInt, Text, to_int


class AccountFile(ApiModel):
    """A document or image of the account by ``code`` (``logo``, ``consent``, ``terms_of_use``)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("file_id", "code")

    file_id: Id = None
    code: Text = None
    path: Text = None


class WaitingRoomSettings(ApiModel):
    """Texts and numbers for the waiting room; ``average_visit_time`` in seconds."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("default_room_code", "capacity")

    subtitle: Text = None
    consent: Text = None
    enter_text: Text = None
    need_schedule: Flag = None
    show_code: Flag = None
    average_visit_time: LooseInt = None
    capacity: LooseInt = None
    default_room_code: Id = None


class Account(ApiModel):
    """A clinic account. ``states`` is the raw intake/signup flow; ``kiosk.wizard`` parses it."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "code")

    id: Id = None
    code: Id = None
    name: Text = None
    domain: Text = None
    portal_title: Text = None
    privacy_id: Text = None
    states: dict[str, Any] = Field(default_factory=dict)
    files: list[AccountFile] = Field(default_factory=list)
    waiting_room: WaitingRoomSettings = Field(default_factory=WaitingRoomSettings)

    def file(self, code: str) -> AccountFile | None:
        """The account file with this ``code``, if the account has one."""
        return next((f for f in self.files if f.code == code), None)


class ServerSettings(ApiModel):
    """``GET /settings``: a free-form tree; the kiosk reads ``visit.time.max_wait_time``."""

    _repr_fields: ClassVar[tuple[str, ...]] = ()

    visit: dict[str, Any] = Field(default_factory=dict)

    @property
    def max_wait_time_s(self) -> int | None:
        """Longest a patient may wait in the room (seconds), if the server says."""
        time = self.visit.get("time")
        return to_int(time.get("max_wait_time")) if isinstance(time, dict) else None
