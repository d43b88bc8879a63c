"""``SessionWizardServices``: the wizard's ``WizardServices`` protocol over the API client."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.api.models import Emr, FileInfo, Pharmacy, Slot
from kiosk.session.documents import AccountDocuments
from kiosk.session.flow import visit_options
from kiosk.session.images import shrink_image
from kiosk.session.state import SessionState
from kiosk.session.timezones import clinic_timezone
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

    async def fetch_file(self, path: str | None, file_id: str | None = None) -> bytes: ...

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
        documents: AccountDocuments | None = None,
        camera: str = "",
    ) -> None:
        self._client = client
        self._camera = camera
        self._state = state
        self._max_upload_bytes = max_upload_bytes
        self.documents = documents or AccountDocuments(client, lambda: self._state().account)

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
        """The clinic's zone from the room/account bodies; the kiosk's own zone last."""
        state = self._state()
        return clinic_timezone(state.room, state.account)

    async def load_document(self, code: str) -> str:
        """The account document ``code`` as text/HTML; consent and terms always answer."""
        return await self.documents.load(code)

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
