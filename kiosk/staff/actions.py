"""``StaffActions``: what the staff console can do, over the staff's own API client."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.api import PortalUrls, errors
from kiosk.api.models import UserType
from kiosk.config import ConfigError, DevicesOptions
from kiosk.staff.config_file import set_config_value

log = logging.getLogger("kiosk.staff")


class StaffActionError(Exception):
    """A staff action failed; ``message`` is one sentence for the console (no secrets)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class KioskInfo:
    """The console's status page. Never holds the API key, secret, tokens or the PIN hash."""

    api_base_url: str
    portal_base_url: str | None
    account_code: str
    room_code: str | None
    version: str = __version__
    uses_sandbox: bool = False
    online: bool | None = None
    last_errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ConnectionReport:
    account_name: str | None
    account_domain: str | None
    max_wait_s: int | None


@dataclass(frozen=True)
class RoomChoice:
    code: str
    name: str
    slug: str | None
    domain: str | None


@dataclass(frozen=True)
class ProviderRoomRequest:
    """Use case #2: the provider (integrator ``code`` and name) and the room to give them."""

    code: str
    first_name: str
    last_name: str
    room_name: str
    slug: str
    domain: str


@dataclass(frozen=True)
class ProviderRoomResult:
    provider_id: str
    room_code: str
    created: bool


class StaffActions:
    """Staff work on the API, for the console (which never sees a client).

    ``client`` must be the staff's OWN ``VSeeClient`` (same base URL, account and key as the
    patient's, separate tokens), so a provider's token can never end up in a patient's
    session. ``end()`` logs out whatever provider token it holds; the app calls it when
    staff mode closes and ``aclose()`` at exit. ``config_file`` receives the chosen room.
    ``recent_errors`` returns the last (redacted) warning lines for the status page.
    Async methods run on the Qt loop (qasync); they raise ``StaffActionError`` only.
    """

    def __init__(
        self,
        client: Any,
        info: KioskInfo,
        portal: PortalUrls | None,
        config_file: Path | None,
        recent_errors: Callable[[], list[str]] = list,
        devices: DevicesOptions | None = None,
    ) -> None:
        self._client = client
        self._devices = devices or DevicesOptions()
        self._info = info
        self._portal = portal
        self._config_file = config_file
        self._recent_errors = recent_errors
        self._online: bool | None = None

    def __repr__(self) -> str:
        return f"StaffActions(account={self._info.account_code!r}, room={self._info.room_code!r})"

    # -- status ---------------------------------------------------------------------------

    def set_online(self, online: bool) -> None:
        """Follows the session's ``connectivity_changed``."""
        self._online = online

    def info(self) -> KioskInfo:
        return KioskInfo(
            api_base_url=self._info.api_base_url,
            portal_base_url=self._info.portal_base_url,
            account_code=self._info.account_code,
            room_code=self._info.room_code,
            version=self._info.version,
            uses_sandbox=self._info.uses_sandbox,
            online=self._online,
            last_errors=list(self._recent_errors()),
        )

    async def test_connection(self) -> ConnectionReport:
        """``GET /settings`` and ``GET /accounts/:code``: the server answers, the account exists."""
        settings = await self._api("read the server settings", self._client.get_settings())
        account = await self._api(
            "read the account", self._client.get_account(self._info.account_code)
        )
        self._online = True
        log.info("staff.connection_ok account=%s", self._info.account_code)
        return ConnectionReport(
            account_name=account.name,
            account_domain=account.domain,
            max_wait_s=settings.max_wait_time_s,
        )

    # -- rooms ----------------------------------------------------------------------------

    async def list_rooms(self) -> list[RoomChoice]:
        rooms = await self._api("list the rooms", self._client.list_rooms())
        return [
            RoomChoice(code=r.code, name=r.name or r.code, slug=r.slug, domain=r.domain)
            for r in rooms
            if r.code
        ]

    def choose_room(self, code: str) -> None:
        """Serve ``code`` from now on: saved as ``room_code`` in the config file."""
        if self._config_file is None:
            raise StaffActionError("This kiosk has no config file to save the room in.")
        try:
            set_config_value(self._config_file, "room_code", code)
        except ConfigError as exc:
            raise StaffActionError(str(exc)) from None
        self._info = dataclasses.replace(self._info, room_code=code)
        log.info("staff.room_chosen room=%s", code)

    @property
    def devices(self) -> DevicesOptions:
        """The cart's devices as configured now (label parts; empty = system default)."""
        return self._devices

    def choose_devices(self, devices: DevicesOptions) -> None:
        """Save the cart's camera, microphone and speaker as ``[devices]`` in the config file."""
        if self._config_file is None:
            raise StaffActionError("This kiosk has no config file to save the devices in.")
        try:
            for key in ("camera", "microphone", "speaker"):
                set_config_value(self._config_file, key, getattr(devices, key), section="devices")
        except ConfigError as exc:
            raise StaffActionError(str(exc)) from None
        self._devices = devices
        log.info(
            "staff.devices_chosen camera=%s microphone=%s speaker=%s",
            *(
                ("set" if getattr(devices, k) else "default")
                for k in ("camera", "microphone", "speaker")
            ),
        )

    async def setup_provider_room(self, request: ProviderRoomRequest) -> ProviderRoomResult:
        """The doc's provider use case #2: provider SSO (type 400), ``POST /rooms``, then
        ``POST /users/:id/rooms``. A 400 "already exists" finds the room in ``GET /rooms`` (by
        slug and domain) and assigns that one instead."""
        provider = await self._provider_sso(request.code, request.first_name, request.last_name)
        created = True
        try:
            room = await self._client.create_room(
                name=request.room_name, domain=request.domain, slug=request.slug
            )
        except errors.AlreadyExistsError:
            created = False
            room = await self._existing_room(request.slug, request.domain)
        except errors.ApiError as exc:
            raise StaffActionError(f"Could not create the room: {exc.message}") from None
        if not room.code:
            raise StaffActionError("The server did not say which room it created.")
        await self._api(
            "assign the room", self._client.add_user_room(room.code, user_id=provider.id)
        )
        log.info(
            "staff.provider_room provider=%s room=%s created=%s", provider.id, room.code, created
        )
        return ProviderRoomResult(str(provider.id), room.code, created)

    async def provider_dashboard_url(self, code: str, first_name: str, last_name: str) -> str:
        """Provider use case #1: SSO as the provider, then the dashboard through ``/auth``."""
        if self._portal is None:
            raise StaffActionError("No portal address is configured.")
        await self._provider_sso(code, first_name, last_name)
        state = self._client.token_state
        if state is None:
            raise StaffActionError("The server returned no provider token.")
        return self._portal.provider_dashboard(state.token)

    async def end(self) -> None:
        """Staff mode is over: log out the provider token, if any (never raises)."""
        if self._client.token_state is None:
            return
        try:
            await self._client.logout()
        except Exception as exc:  # the client's logout should not raise; this is a last guard
            log.warning("staff.logout_failed error=%s", type(exc).__name__)
            self._client.clear_tokens()

    async def aclose(self) -> None:
        await self.end()
        await self._client.aclose()

    # -- internals ------------------------------------------------------------------------

    async def _provider_sso(self, code: str, first_name: str, last_name: str) -> Any:
        if not (code.strip() and first_name.strip() and last_name.strip()):
            raise StaffActionError("Enter the provider's code, first name and last name.")
        await self.end()
        return await self._api(
            "sign the provider in",
            self._client.sso(first_name.strip(), last_name.strip(), UserType.PROVIDER, code=code),
        )

    async def _existing_room(self, slug: str, domain: str) -> Any:
        rooms = await self._api("list the rooms", self._client.list_rooms())
        for room in rooms:
            if room.slug == slug and (room.domain or domain) == domain:
                return room
        raise StaffActionError(
            f"A room '{slug}' already exists in {domain}, but this account cannot see it."
        )

    async def _api(self, what: str, call: Any) -> Any:
        try:
            return await call
        except errors.NetworkError:
            self._online = False
            raise StaffActionError(f"Could not {what}: the server cannot be reached.") from None
        except errors.ApiError as exc:
            raise StaffActionError(f"Could not {what}: {exc.message}") from None
