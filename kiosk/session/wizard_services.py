"""``SessionWizardServices``: the wizard's ``WizardServices`` protocol over the API client."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.api.errors import NotFoundError
from kiosk.api.models import Emr, FileInfo, Pharmacy, Slot
from kiosk.session.flow import visit_options
from kiosk.session.images import shrink_image
from kiosk.session.state import SessionState
from kiosk.wizard import VisitOptions

log = logging.getLogger("kiosk.session")

#: Used when the room names no time zone.
FALLBACK_TIMEZONE = "UTC"
#: ``meta.category`` of a photo the patient attaches to the intake.
ATTACHMENT_CATEGORY = "intake_attachment"
CAPTURES_FOLDER = "captures"


class ServicesClient(Protocol):
    async def get_emr(self, user_id: str = "-") -> Emr: ...

    async def list_pharmacies(self, user_id: str = "-") -> list[Pharmacy]: ...

    async def get_availability(
        self,
        *,
        room_code: str | None = None,
        start: int | None = None,
        end: int | None = None,
        intake_id: str | None = None,
    ) -> list[Slot]: ...

    async def download_file(self, file_id: str, auth_code: str, time: str | int) -> bytes: ...

    async def upload_file(
        self, path: Path | str, category: str, progress: Callable[[int, int], None] | None = None
    ) -> FileInfo: ...


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(FALLBACK_TIMEZONE)


def day_bounds(day: dt.date, timezone: str) -> tuple[int, int]:
    """Unix seconds of ``day``'s midnight and the next midnight in ``timezone``."""
    tz = _zone(timezone)
    start = dt.datetime.combine(day, dt.time(0), tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tz)
    return int(start.timestamp()), int(end.timestamp())


class SessionWizardServices:
    """Everything a section widget may ask of the server, for the current patient.

    ``state`` returns the session's current ``SessionState`` (a fresh one after each wipe), so
    one services object serves every patient of this kiosk. Methods raise ``ApiError``
    subclasses with patient-safe ``.message`` texts; widgets show them with "Try again".
    """

    def __init__(
        self,
        client: ServicesClient,
        state: Callable[[], SessionState],
        max_upload_bytes: int,
        camera: str = "",
    ) -> None:
        self._client = client
        self._camera = camera
        self._state = state
        self._max_upload_bytes = max_upload_bytes

    async def load_emr(self) -> Emr:
        return await self._client.get_emr()

    async def list_pharmacies(self) -> list[Pharmacy]:
        return await self._client.list_pharmacies()

    async def load_availability(self, day: dt.date) -> list[Slot]:
        """Free slots starting on ``day`` (room time zone) for this patient's intake."""
        state = self._state()
        start, end = day_bounds(day, self.room_timezone())
        slots = await self._client.get_availability(
            room_code=state.room_code, start=start, end=end, intake_id=state.intake_id
        )
        return [
            s for s in slots if s.is_available and s.start is not None and start <= s.start < end
        ]

    def room_timezone(self) -> str:
        room = self._state().room
        name = room.operation_settings.default_timezone if room is not None else None
        return name or FALLBACK_TIMEZONE

    async def load_document(self, code: str) -> str:
        """The account file with ``code``, fetched through its signed link, as text."""
        account = self._state().account
        entry = account.file(code) if account is not None else None
        query = parse_qs(urlsplit(entry.path or "").query) if entry is not None else {}
        if entry is None or not entry.file_id or "auth_code" not in query or "time" not in query:
            log.info("document.missing code=%s", code)
            raise NotFoundError("This document is not available on the kiosk.", status=404)
        data = await self._client.download_file(
            entry.file_id, query["auth_code"][0], query["time"][0]
        )
        return data.decode("utf-8", errors="replace")

    def visit_options(self) -> VisitOptions:
        state = self._state()
        if state.room is None:
            return VisitOptions(walkin=False, appointment=False)
        return visit_options(state.room, state.definition)

    def capture_dir(self) -> Path:
        """Where a camera widget saves this patient's photos (inside the session temp dir)."""
        folder = self._state().ensure_temp_dir() / CAPTURES_FOLDER
        folder.mkdir(exist_ok=True)
        return folder

    def camera_label(self) -> str:
        """Part of the label of the cart's camera for "Take a photo" ("" = system default)."""
        return self._camera

    def image_folders(self) -> list[Path]:
        """Only this session's captures: never a shared folder with other patients' photos."""
        return [self.capture_dir()]

    async def upload_image(self, path: Path, progress: Callable[[int, int], None]) -> FileInfo:
        """Upload one photo as an intake attachment, shrunk first when over the limit."""
        path = Path(path)
        if path.stat().st_size > self._max_upload_bytes:
            folder = self._state().ensure_temp_dir()
            path = await asyncio.to_thread(shrink_image, path, folder, self._max_upload_bytes)
        return await self._client.upload_file(path, ATTACHMENT_CATEGORY, progress)

    def max_upload_bytes(self) -> int:
        return self._max_upload_bytes
