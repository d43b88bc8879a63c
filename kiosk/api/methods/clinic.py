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
        return await self._model_call(
            ServerSettings, "GET", "settings", "get_settings", timeout=timeout
        )

    async def get_setting(self, path: str, *, timeout: TimeoutArg = None) -> Any:
        """One setting by slash path, e.g. ``"visit/time/max_wait_time"`` → ``86400``."""
        url = "settings/" + "/".join(segment(p) for p in path.strip("/").split("/"))
        return await self._call("GET", url, "get_setting", timeout=timeout)

    async def list_accounts(self, *, timeout: TimeoutArg = None) -> list[Account]:
        """Every account (public)."""
        return await self._models_call(Account, "GET", "accounts", "list_accounts", timeout=timeout)

    async def get_account(self, code: str = "-", *, timeout: TimeoutArg = None) -> Account:
        """An account with its ``states`` (intake flow), files and waiting-room texts."""
        path = f"accounts/{segment(code)}"
        return await self._model_call(Account, "GET", path, "get_account", timeout=timeout)

    async def list_rooms(self, *, timeout: TimeoutArg = None) -> list[Room]:
        """The account's rooms (public)."""
        return await self._models_call(Room, "GET", "rooms", "list_rooms", timeout=timeout)

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
        return await self._model_call(
            Room, "POST", "rooms", "create_room", form=form, api_key=True, timeout=timeout
        )

    async def get_room(self, code: str, *, timeout: TimeoutArg = None) -> Room:
        """A room: visit kinds offered, opening state and time zone, consultations."""
        path = f"rooms/{segment(code)}"
        return await self._model_call(Room, "GET", path, "get_room", timeout=timeout)

    async def list_room_providers(self, code: str, *, timeout: TimeoutArg = None) -> list[Provider]:
        """Providers of a room (``status`` true = online)."""
        path = f"rooms/{segment(code)}/providers"
        return await self._models_call(
            Provider, "GET", path, "list_room_providers", timeout=timeout
        )

    async def get_room_provider(
        self, code: str, provider_id: str, *, timeout: TimeoutArg = None
    ) -> Provider:
        """One provider of a room, with bio fields."""
        path = f"rooms/{segment(code)}/providers/{segment(provider_id)}"
        return await self._model_call(Provider, "GET", path, "get_room_provider", timeout=timeout)

    async def get_queue(self, code: str, *, timeout: TimeoutArg = None) -> Queue:
        """The room's queue as the signed-in patient sees it (polled; retried)."""
        path = f"rooms/{segment(code)}/queue"
        return await self._model_call(Queue, "GET", path, "get_queue", timeout=timeout)

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
        return await self._models_call(
            Room, "POST", path, "add_user_room", form=form, timeout=timeout
        )
