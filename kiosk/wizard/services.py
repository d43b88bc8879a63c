"""The seam between section widgets and the server: a Protocol the session implements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from kiosk.api.models import Emr, FileInfo, Pharmacy, Slot
else:  # the api models are read duck-typed (see kiosk.wizard.records); no import at run time
    Emr = FileInfo = Pharmacy = Slot = Any


@dataclass(frozen=True)
class VisitOptions:
    """Which visit types the room allows right now."""

    walkin: bool = True
    appointment: bool = True


@runtime_checkable
class WizardServices(Protocol):
    """Everything a section widget may ask of the server.

    Async methods run on the Qt loop through qasync and raise ``kiosk.api.errors.ApiError``
    subclasses (with a patient-safe ``.message``) on failure; widgets show a Retry button then.
    """

    async def load_emr(self) -> Emr:
        """The patient's health record (conditions, surgeries, medications, allergies…)."""
        ...

    async def list_pharmacies(self) -> list[Pharmacy]:
        """Pharmacies to offer, nearest first."""
        ...

    async def load_availability(self, day: dt.date) -> list[Slot]:
        """Free slots starting on ``day`` in the room's time zone."""
        ...

    def room_timezone(self) -> str:
        """IANA name of the room's time zone, e.g. ``"America/Los_Angeles"``."""
        ...

    async def load_document(self, code: str) -> str:
        """An account document by code (``"consent"``, ``"terms_of_use"``) as text or HTML."""
        ...

    def visit_options(self) -> VisitOptions:
        """Whether walk-in and appointment visits are offered."""
        ...

    async def upload_image(self, path: Path, progress: Callable[[int, int], None]) -> FileInfo:
        """Upload one image as an intake attachment; ``progress(sent, total)`` in bytes."""
        ...

    def max_upload_bytes(self) -> int:
        """Largest file the server accepts, in bytes."""
        ...

    def capture_dir(self) -> Path:
        """Where "Take a photo" saves this patient's photos (inside the session's temp folder,
        so the wipe takes them)."""
        ...

    def camera_label(self) -> str:
        """Part of the label of the cart's camera for "Take a photo" ("" = system default)."""
        ...
