"""Clinic-wide endpoints: settings, accounts, rooms, room providers and the queue."""

from __future__ import annotations

from typing import Any

from kiosk.api.core import ClientCore, segment
from kiosk.api.models.account import Account, ServerSettings
from kiosk.api.models.rooms import Queue, Room
from kiosk.api.models.users import Provider
from kiosk.api.timeouts import TimeoutArg


class ClinicApi(ClientCore):
    """``/settings``, ``/accounts``, ``/rooms`` and ``/users/:id/rooms``."""

    async def get_settings(self, *, timeout: TimeoutArg = None) -> ServerSettings:
        """Server-wide settings (``visit.time.max_wait_time``)."""
        data = await self._call("GET", "settings", "get_settings", timeout=timeout)
        return self._model(ServerSettings, data, "get_settings")

    async def get_setting(self, path: str, *, timeout: TimeoutArg = None) -> Any:
        """One setting by slash path, e.g. ``"visit/time/max_wait_time"`` → ``86400``."""
        url = "settings/" + "/".join(segment(p) for p in path.strip("/").split("/"))
        return await self._call("GET", url, "get_setting", timeout=timeout)

    async def list_accounts(self, *, timeout: TimeoutArg = None) -> list[Account]:
        """Every account (public)."""
        data = await self._call("GET", "accounts", "list_accounts", timeout=timeout)
        return self._models(Account, data, "list_accounts")

    async def get_account(self, code: str = "-", *, timeout: TimeoutArg = None) -> Account:
        """An account with its ``states`` (intake flow), files and waiting-room texts."""
        path = f"accounts/{segment(code)}"
        data = await self._call("GET", path, "get_account", timeout=timeout)
        return self._model(Account, data, "get_account")

    async def list_rooms(self, *, timeout: TimeoutArg = None) -> list[Room]:
        """The account's rooms (public)."""
        data = await self._call("GET", "rooms", "list_rooms", timeout=timeout)
        return self._models(Room, data, "list_rooms")

    async def create_room(
        self,
        name: str,
        domain: str,
        code: str | None = None,
        slug: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> Room:
        """Create a room (admin token and ``X-ApiKey``); ``AlreadyExistsError`` if it exists."""
        form = {"name": name, "domain": domain, "code": code, "slug": slug}
        data = await self._call(
            "POST", "rooms", "create_room", form=form, api_key=True, timeout=timeout
        )
        return self._model(Room, data, "create_room")

    async def get_room(self, code: str, *, timeout: TimeoutArg = None) -> Room:
        """A room: visit kinds offered, opening state and time zone, consultations."""
        path = f"rooms/{segment(code)}"
        return self._model(
            Room, await self._call("GET", path, "get_room", timeout=timeout), "get_room"
        )

    async def list_room_providers(self, code: str, *, timeout: TimeoutArg = None) -> list[Provider]:
        """Providers of a room (``status`` true = online)."""
        path = f"rooms/{segment(code)}/providers"
        data = await self._call("GET", path, "list_room_providers", timeout=timeout)
        return self._models(Provider, data, "list_room_providers")

    async def get_room_provider(
        self, code: str, provider_id: str, *, timeout: TimeoutArg = None
    ) -> Provider:
        """One provider of a room, with bio fields."""
        path = f"rooms/{segment(code)}/providers/{segment(provider_id)}"
        data = await self._call("GET", path, "get_room_provider", timeout=timeout)
        return self._model(Provider, data, "get_room_provider")

    async def get_queue(self, code: str, *, timeout: TimeoutArg = None) -> Queue:
        """The room's queue as the signed-in patient sees it (polled; retried)."""
        path = f"rooms/{segment(code)}/queue"
        return self._model(
            Queue, await self._call("GET", path, "get_queue", timeout=timeout), "get_queue"
        )

    async def add_user_room(
        self,
        code: str,
        user_id: str = "-",
        default: bool | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> list[Room]:
        """Assign a room to a user; returns the user's rooms."""
        path = f"users/{segment(user_id)}/rooms"
        form = {"code": code, "default": default}
        data = await self._call("POST", path, "add_user_room", form=form, timeout=timeout)
        return self._models(Room, data, "add_user_room")
