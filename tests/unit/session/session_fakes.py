"""A fake of the ``VSeeClient`` methods the session uses: records calls, returns api models."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import SecretStr

from kiosk.api.errors import ApiError
from kiosk.api.models import (
    Account,
    AccountFile,
    CloseReason,
    Emr,
    FileInfo,
    Heartbeat,
    Intake,
    Pharmacy,
    Queue,
    Room,
    Slot,
    TokenState,
    User,
    UserType,
    Visit,
)

PATIENT_TOKEN = "patient-token-0123456789"
ONE_TIME_TOKEN = "otl-token-42"


def step(group: str, code: str) -> dict[str, Any]:
    return {
        "name": f"{group} {code}",
        "code": code,
        "next": {"title": "Next"},
        "sections": [{"code": "label", "title": code}],
    }


def states(*groups: str, steps_per_group: int = 1) -> dict[str, Any]:
    """Account ``states`` with ``steps_per_group`` label steps in each ``visits.<group>``."""
    return {"visits": {g: [step(g, f"{g}{i}") for i in range(steps_per_group)] for g in groups}}


ALL_GROUPS = ("intake", "visit_type", "consent", "calendar", "post_intake", "post_call")


def room(
    code: str = "ceproom1",
    walkin: bool = True,
    appointment: bool = True,
    closed: bool = False,
    close_msg: str | None = None,
) -> Room:
    return Room.model_validate(
        {
            "code": code,
            "name": f"Room {code}",
            "visits": {"walkin": {"enabled": walkin}, "appointment": {"enabled": appointment}},
            "operation_settings": {
                "is_closed": closed,
                "close_msg": close_msg,
                "default_timezone": "America/Los_Angeles",
            },
        }
    )


class FakeClient:
    """Plain object with ``VSeeClient``'s method names. ``calls`` lists ``(name, kwargs)``;
    ``fail(name, exc)`` makes the next call of ``name`` raise; ``hang(name)`` makes every call
    of ``name`` wait forever (to test timeouts)."""

    def __init__(self, account_states: dict[str, Any] | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.failures: dict[str, list[BaseException]] = {}
        self.always_fail: dict[str, BaseException] = {}
        self.hanging: set[str] = set()
        self.token_state: TokenState | None = None
        self.account = Account.model_validate(
            {
                "code": "vclinic",
                "states": account_states if account_states is not None else states(*ALL_GROUPS),
                "files": [
                    {
                        "file_id": "f1",
                        "code": "consent",
                        "path": "https://api.vsee.me/api_v3/files/f1",
                    }
                ],
                "waiting_room": {"average_visit_time": 900, "default_room_code": "ceproom1"},
            }
        )
        self.rooms: list[Room] = [room()]
        self.visit_status = 10
        self.visit_provider: dict[str, Any] | None = {
            "id": "826",
            "first_name": "John",
            "last_name": "Will",
            "title": "Dr.",
        }
        self.queue = Queue(length=5, capacity=100, average_visit_time=600, before_me=2)
        self.max_wait: Any = 86400
        self.appointment_token: str | None = ONE_TIME_TOKEN

    # -- test controls ------------------------------------------------------------------

    def fail(self, name: str, exc: BaseException, times: int = 1) -> None:
        self.failures.setdefault(name, []).extend([exc] * times)

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]

    def calls_of(self, name: str) -> list[dict[str, Any]]:
        return [kw for n, kw in self.calls if n == name]

    async def _call(self, name: str, /, **kwargs: Any) -> None:
        self.calls.append((name, kwargs))
        if name in self.hanging:
            await asyncio.Event().wait()
        if name in self.always_fail:
            raise self.always_fail[name]
        queued = self.failures.get(name)
        if queued:
            raise queued.pop(0)

    def set_tokens(self, state: TokenState | None) -> None:
        self.token_state = state

    def clear_tokens(self) -> None:
        self.calls.append(("clear_tokens", {}))
        self.token_state = None

    # -- the client's methods ------------------------------------------------------------

    async def get_account(self, code: str = "-") -> Account:
        await self._call("get_account", code=code)
        return self.account

    async def list_rooms(self) -> list[Room]:
        await self._call("list_rooms")
        return list(self.rooms)

    async def get_room(self, code: str) -> Room:
        await self._call("get_room", code=code)
        return next(r for r in self.rooms if r.code == code)

    async def sso(
        self, first: str, last: str, /, *, type: UserType, code: str | None, dob: str | None
    ) -> User:
        await self._call("sso", type=int(type), code=code, dob=dob)
        tokens = TokenState(user_id="7", token=SecretStr(PATIENT_TOKEN))
        self.token_state = tokens
        return User(id="7", first_name=first, last_name=last, token=tokens)

    async def logout(self, tokens: list[str] | None = None) -> bool:
        await self._call("logout")
        self.token_state = None
        return True

    async def create_intake(self, **fields: Any) -> Intake:
        await self._call("create_intake", **fields)
        return Intake(id="intake-1")

    async def update_intake(self, intake_id: str, **fields: Any) -> Intake:
        await self._call("update_intake", intake_id=intake_id, **fields)
        return Intake(id=intake_id)

    async def update_emr(
        self, name: str, data: Any, data_not_reported: bool = False, user_id: str = "-"
    ) -> Any:
        await self._call("update_emr", name=name)

    async def save_pharmacy(self, pharmacy: Pharmacy, user_id: str = "-") -> bool:
        await self._call("save_pharmacy", pharmacy=pharmacy)
        return True

    async def update_me(self, **fields: Any) -> User:
        await self._call("update_me", **fields)
        return User(id="7")

    async def add_walkin(self, intake_id: str, room_code: str, **_: Any) -> Visit:
        await self._call("add_walkin", intake_id=intake_id, room_code=room_code)
        return Visit(id="v-100", status=10)

    async def get_setting(self, path: str) -> Any:
        await self._call("get_setting", path=path)
        return self.max_wait

    async def alive(self, heartbeat: int | None = None) -> Heartbeat:
        await self._call("alive", heartbeat=heartbeat)
        return Heartbeat(heartbeat=heartbeat)

    async def get_queue(self, code: str) -> Queue:
        await self._call("get_queue", code=code)
        return self.queue

    async def get_visit(self, visit_id: str) -> Visit:
        await self._call("get_visit", visit_id=visit_id)
        provider = self.visit_provider if self.visit_status in (20, 25) else None
        return Visit.model_validate(
            {"id": visit_id, "status": self.visit_status, "provider": provider}
        )

    async def close_visit(self, visit_id: str, reason: CloseReason) -> str:
        await self._call("close_visit", visit_id=visit_id, reason=CloseReason(reason))
        return visit_id

    async def get_availability(self, **params: Any) -> list[Slot]:
        await self._call("get_availability", **params)
        start = params.get("start") or 0
        return [Slot(start=start + 3600, end=start + 4500), Slot(start=start - 60, end=start)]

    async def create_appointment(
        self, slot_start: int, slot_end: int, room_code: str, intake_id: str, **_: Any
    ) -> Visit:
        await self._call(
            "create_appointment",
            slot_start=slot_start,
            slot_end=slot_end,
            room_code=room_code,
            intake_id=intake_id,
        )
        return Visit.model_validate(
            {
                "id": "appt-9",
                "status": 20,
                "start": slot_start,
                "end": slot_end,
                "one_time_link_token": self.appointment_token,
                "provider": {"id": "3", "first_name": "Ann", "last_name": "Lee"},
            }
        )

    async def get_emr(self, user_id: str = "-") -> Emr:
        await self._call("get_emr")
        return Emr()

    async def list_pharmacies(self, user_id: str = "-") -> list[Pharmacy]:
        await self._call("list_pharmacies")
        return []

    async def fetch_file(self, path: str | None, file_id: str | None = None) -> bytes:
        await self._call("fetch_file", path=path, file_id=file_id)
        return b"<p>I agree</p>"

    async def upload_file(self, path: Any, category: str, progress: Any = None) -> FileInfo:
        await self._call("upload_file", path=path, category=category)
        return FileInfo(id="file-1")


def server_error(message: str = "The clinic server is having a moment.") -> ApiError:
    from kiosk.api.errors import ServerError

    return ServerError(message, status=500)


__all__ = ["AccountFile", "FakeClient", "room", "server_error", "states"]
