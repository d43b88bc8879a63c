"""StaffActions over a fake client: provider room setup (created and already-exists), rooms,
connection test, dashboard URL, logout at the end, errors as one sentence."""

from __future__ import annotations

import asyncio
import tomllib
from typing import Any

import pytest
from pydantic import SecretStr

from kiosk.api import PortalUrls, errors
from kiosk.api.models import Account, Room, ServerSettings, TokenState, User, UserType
from kiosk.staff.actions import (
    KioskInfo,
    ProviderRoomRequest,
    StaffActionError,
    StaffActions,
)

REQUEST = ProviderRoomRequest(
    code="prov-17",
    first_name="Ada",
    last_name="Byron",
    room_name="Dr Byron",
    slug="drbyron",
    domain="vclinic.example",
)


class FakeStaffClient:
    """Records calls; ``create_room`` can be told the room exists already."""

    def __init__(self, *, room_exists: bool = False, rooms: list[Room] | None = None) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.room_exists = room_exists
        self.rooms = rooms or [
            Room(code="ceproom1", name="Main", slug="main", domain="vclinic.example"),
            Room(code="k7f2q", name="Dr Byron", slug="drbyron", domain="vclinic.example"),
        ]
        self.token_state: TokenState | None = None
        self.fail_with: errors.ApiError | None = None

    async def sso(self, first_name, last_name, type=UserType.GUEST, code=None, **_: Any) -> User:
        self.calls.append(("sso", (int(type), code)))
        self.token_state = TokenState(token=SecretStr("66bcd0acff324e8a44992d9596b5d361"))
        return User(id="85741", type=int(type), code=code)

    async def create_room(self, name, domain, code=None, slug=None) -> Room:
        self.calls.append(("create_room", (name, domain, slug)))
        if self.fail_with is not None:
            raise self.fail_with
        if self.room_exists:
            raise errors.AlreadyExistsError(
                f'In domain "{domain}" slug "{slug}" already exists.', status=400, code=400
            )
        return Room(code="newrm", name=name, slug=slug, domain=domain)

    async def list_rooms(self) -> list[Room]:
        self.calls.append(("list_rooms", None))
        return self.rooms

    async def add_user_room(self, code, user_id="-", default=None) -> list[Room]:
        self.calls.append(("add_user_room", (code, user_id)))
        return [Room(code=code)]

    async def get_settings(self) -> ServerSettings:
        if self.fail_with is not None:
            raise self.fail_with
        return ServerSettings(visit={"time": {"max_wait_time": 86400}})

    async def get_account(self, code="-") -> Account:
        self.calls.append(("get_account", code))
        return Account(code=code, name="VSee Clinic", domain="vclinic.example")

    async def logout(self, tokens=None) -> bool:
        self.calls.append(("logout", None))
        self.token_state = None
        return True

    def clear_tokens(self) -> None:
        self.token_state = None

    async def aclose(self) -> None:
        self.calls.append(("aclose", None))


INFO = KioskInfo(
    api_base_url="http://api.test/api_v3/",
    portal_base_url="http://portal.test/",
    account_code="vclinic",
    room_code="ceproom1",
)


def make(client: FakeStaffClient, config_file=None, errors_lines=()) -> StaffActions:
    return StaffActions(
        client, INFO, PortalUrls("http://portal.test/"), config_file, lambda: list(errors_lines)
    )


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_provider_room_is_created_and_assigned():
    client = FakeStaffClient()
    result = run(make(client).setup_provider_room(REQUEST))
    assert result.created and result.room_code == "newrm" and result.provider_id == "85741"
    assert client.calls[0] == ("sso", (400, "prov-17"))
    assert ("add_user_room", ("newrm", "85741")) in client.calls


def test_existing_room_is_found_by_slug_and_assigned():
    client = FakeStaffClient(room_exists=True)
    result = run(make(client).setup_provider_room(REQUEST))
    assert not result.created and result.room_code == "k7f2q"
    assert ("add_user_room", ("k7f2q", "85741")) in client.calls


def test_existing_room_that_cannot_be_seen_is_a_clear_error():
    client = FakeStaffClient(room_exists=True, rooms=[Room(code="x", slug="other")])
    with pytest.raises(StaffActionError, match="already exists"):
        run(make(client).setup_provider_room(REQUEST))
    assert not any(name == "add_user_room" for name, _ in client.calls)


def test_other_create_errors_carry_the_server_message():
    client = FakeStaffClient()
    client.fail_with = errors.PermissionDeniedError("Needs an administrator.", status=403)
    with pytest.raises(StaffActionError, match="Needs an administrator"):
        run(make(client).setup_provider_room(REQUEST))


def test_missing_provider_fields_are_refused_before_any_call():
    client = FakeStaffClient()
    with pytest.raises(StaffActionError):
        run(make(client).provider_dashboard_url(" ", "Ada", "Byron"))
    assert client.calls == []


def test_dashboard_url_goes_through_sso_to_the_provider_dashboard():
    client = FakeStaffClient()
    url = run(make(client).provider_dashboard_url("prov-17", "Ada", "Byron"))
    assert url.startswith("http://portal.test/auth?sso_token=66bcd0acff324e8a44992d9596b5d361")
    assert "next=/providers/dashboard" in url


def test_end_logs_the_provider_out():
    client = FakeStaffClient()
    actions = make(client)
    run(actions.provider_dashboard_url("prov-17", "Ada", "Byron"))
    run(actions.end())
    assert client.calls[-1] == ("logout", None) and client.token_state is None


def test_end_without_a_token_calls_nothing():
    client = FakeStaffClient()
    run(make(client).end())
    assert client.calls == []


def test_rooms_are_listed_for_the_picker():
    rooms = run(make(FakeStaffClient()).list_rooms())
    assert [(r.code, r.name) for r in rooms] == [("ceproom1", "Main"), ("k7f2q", "Dr Byron")]


def test_chosen_room_is_saved_in_the_config_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('account_code = "vclinic"\n', encoding="utf-8")
    actions = make(FakeStaffClient(), config_file=path)
    actions.choose_room("k7f2q")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"account_code": "vclinic", "room_code": "k7f2q"}
    assert actions.info().room_code == "k7f2q"


def test_connection_test_reads_settings_and_account():
    client = FakeStaffClient()
    actions = make(client)
    report = run(actions.test_connection())
    assert report.account_name == "VSee Clinic" and report.max_wait_s == 86400
    assert ("get_account", "vclinic") in client.calls and actions.info().online is True


def test_unreachable_server_marks_the_kiosk_offline():
    client = FakeStaffClient()
    client.fail_with = errors.NetworkError("Connection refused")
    actions = make(client)
    with pytest.raises(StaffActionError, match="cannot be reached"):
        run(actions.test_connection())
    assert actions.info().online is False


def test_info_shows_no_secrets_and_the_recent_errors():
    actions = make(FakeStaffClient(), errors_lines=["ERROR kiosk.api: call failed"])
    info = actions.info()
    assert info.last_errors == ["ERROR kiosk.api: call failed"]
    assert "key" not in " ".join(vars(info)) and "pin" not in " ".join(vars(info))
