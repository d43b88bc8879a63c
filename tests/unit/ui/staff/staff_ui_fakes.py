"""A staff API client fake for the console tests: answers at once, records calls."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import SecretStr

from kiosk.api.models import Account, Room, ServerSettings, TokenState, User, UserType


class FakeStaffClient:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.token_state: TokenState | None = None
        #: ``list_rooms`` raises this, if set; waits for ``rooms_gate``, if set.
        self.rooms_error: Exception | None = None
        self.rooms_gate: asyncio.Event | None = None

    async def sso(self, first_name, last_name, type=UserType.GUEST, code=None, **_: Any) -> User:
        self.calls.append("sso")
        self.token_state = TokenState(token=SecretStr("66bcd0acff324e8a44992d9596b5d361"))
        return User(id="85741", type=int(type), code=code)

    async def create_room(self, name, domain, code=None, slug=None) -> Room:
        self.calls.append("create_room")
        return Room(code="newrm", name=name, slug=slug, domain=domain)

    async def add_user_room(self, code, user_id="-", default=None) -> list[Room]:
        self.calls.append("add_user_room")
        return [Room(code=code)]

    async def list_rooms(self) -> list[Room]:
        self.calls.append("list_rooms")
        if self.rooms_gate is not None:
            await self.rooms_gate.wait()
        if self.rooms_error is not None:
            raise self.rooms_error
        return [Room(code="ceproom1", name="Main"), Room(code="k7f2q", name="Dr Byron")]

    async def get_settings(self) -> ServerSettings:
        return ServerSettings()

    async def get_account(self, code="-") -> Account:
        return Account(code=code, name="VSee Clinic", domain="vclinic.example")

    async def logout(self, tokens=None) -> bool:
        self.calls.append("logout")
        self.token_state = None
        return True

    def clear_tokens(self) -> None:
        self.token_state = None

    async def aclose(self) -> None:
        self.calls.append("aclose")
