"""Uploaded files, push endpoints and notifications."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import Field

from kiosk.api.models.base import ApiModel, Flag, Id, LooseInt, Stamped, Text, Timestamp


class FileTarget(ApiModel):
    """What a file belongs to: ``type`` is ``"user"`` or ``"visit"``."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "type")

    id: Id = None
    type: Text = None


class FileMeta(ApiModel):
    """``meta`` of a file: its category (``intake_attachment``, ``user_document``, …) and target."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("category",)

    category: Text = None
    target: FileTarget | None = None


class FileInfo(Stamped):
    """An uploaded file as ``/files`` and intake ``attachments`` describe it.

    ``fullpath`` carries a time-limited ``auth_code``: treat it like a credential (never log it).
    A bare id string parses as ``FileInfo(id=...)`` (intake attachment lists use both shapes).
    """

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "size", "ext")
    _id_shorthand: ClassVar[bool] = True

    id: Id = None
    name: Text = None
    size: LooseInt = Field(None, description="Bytes.")
    ext: Text = None
    path: Text = None
    fullpath: Text = None
    meta: FileMeta | None = None
    creator: dict[str, Any] | None = None
    creator_id: Id = None


class Endpoint(Stamped):
    """A push-notification endpoint; ``type`` 30 = APNs, 40 = GCM (10 appears for e-mail)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "type")

    id: Id = None
    key: Text = None
    user_id: Id = None
    type: LooseInt = None
    arn: Text = None


class Notification(ApiModel):
    """A user notification; ``time`` in Unix s, ``mtime`` in ms (the paging cursor)."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "type", "read")

    id: Id = None
    user_id: Id = None
    type: Text = None
    time: Timestamp = None
    mtime: LooseInt = None
    is_new: Flag = None
    read: Flag = None
    title: Text = None
    image: Text = None
    data: dict[str, Any] | list[Any] | None = None
