"""``SessionClient``: the API calls a patient session makes (``VSeeClient`` has them all)."""

from __future__ import annotations

from typing import Any, Protocol

from kiosk.api.models import Account, Intake, Room, TokenState, User, UserType, Visit
from kiosk.session.routing import RoutingClient
from kiosk.session.waiting import WaitingClient
from kiosk.session.wipe import WipeClient
from kiosk.session.wizard_services import ServicesClient


class SessionClient(
    RoutingClient,
    WipeClient,
    ServicesClient,
    WaitingClient,
    Protocol,
):
    """Structural: ``kiosk.api.VSeeClient`` satisfies it without naming it, tests pass fakes.

    The parts (``RoutingClient``, ``WipeClient``, ...) are what each collaborator needs; this
    adds sign-in, the clinic's account and rooms, the intake and the visit itself.
    """

    @property
    def token_state(self) -> TokenState | None: ...

    async def get_account(self, code: str = "-") -> Account: ...

    async def list_rooms(self) -> list[Room]: ...

    async def get_room(self, code: str) -> Room: ...

    async def sso(
        self, first: str, last: str, /, *, type: UserType, code: str | None, dob: str | None
    ) -> User: ...

    async def create_intake(self, **fields: Any) -> Intake: ...

    async def add_walkin(self, intake_id: str, room_code: str) -> Visit: ...

    async def get_setting(self, path: str) -> Any: ...

    async def create_appointment(
        self, slot_start: int, slot_end: int, room_code: str, intake_id: str
    ) -> Visit: ...
