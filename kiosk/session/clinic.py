"""``ClinicLoader``: the clinic's account for the Welcome screen, fetched until it arrives."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from kiosk.api.errors import ApiError, NetworkError
from kiosk.api.models import Account

log = logging.getLogger("kiosk.session")


class ClinicClient(Protocol):
    async def get_account(self, code: str = "-") -> Account: ...

    async def fetch_file(self, path: str | None, file_id: str | None = None) -> bytes: ...


class ClinicLoader(QObject):
    """Fetches ``GET /accounts/:code`` (clinic data, no patient data) so Welcome can greet
    with the clinic's name before anyone checks in. A kiosk may boot before the network is
    up: failures are retried with capped exponential backoff, forever, and network failures
    are reported as ``connectivity_changed(False)`` (the banner) until the account arrives.
    ``loaded(account)`` fires on success; ``account`` keeps it across patient sessions (each
    patient's start reuses it). Then the account's ``logo`` file is fetched by its ``path`` as
    given (``fetch_file``); ``logo_loaded(bytes)`` fires when it arrives, and when it cannot be
    had the kiosk's own mark simply stays (one try: a logo is not worth a retry loop). Lives as
    long as the kiosk (the app builds it, outside any patient session).
    """

    loaded = Signal(object)
    logo_loaded = Signal(bytes)
    connectivity_changed = Signal(bool)

    def __init__(
        self,
        client: ClinicClient,
        account_code: str,
        backoff_base_s: float,
        backoff_cap_s: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.account_code = account_code
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self.account: Account | None = None
        self.logo: bytes | None = None
        self._task: asyncio.Future[None] | None = None

    @property
    def loading(self) -> bool:
        return self._task is not None and not self._task.done()

    def load(self) -> None:
        """Start fetching (again); a fetch already running is left to finish."""
        if not self.loading:
            self._task = asyncio.ensure_future(self._load())

    def stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    def accept(self, account: Account) -> None:
        """A fresher account (a patient's session loaded it): keep it and tell the screens."""
        self.account = account
        self.loaded.emit(account)

    async def _load(self) -> None:
        failures = 0
        offline = False
        while True:
            try:
                account = await self.client.get_account(self.account_code)
            except ApiError as exc:
                failures += 1
                if isinstance(exc, NetworkError) and not offline:
                    offline = True
                    self.connectivity_changed.emit(False)
                delay = min(self.backoff_base_s * 2 ** (failures - 1), self.backoff_cap_s)
                log.info("clinic.unavailable error=%s retry_s=%.1f", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                continue
            if offline:
                self.connectivity_changed.emit(True)
            log.info("clinic.loaded")
            self.accept(account)
            await self._load_logo(account)
            return

    async def _load_logo(self, account: Account) -> None:
        entry = account.file("logo")
        if entry is None:
            return
        try:
            data = await self.client.fetch_file(entry.path, entry.file_id)
        except ApiError as exc:
            log.info("clinic.logo_unavailable error=%s", type(exc).__name__)
            return
        if data:
            self.logo = bytes(data)
            self.logo_loaded.emit(self.logo)
