"""Fixtures: a real sandbox server on loopback (temp DB) and small httpx helpers to drive it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from kiosk.sandbox.embedded import EmbeddedSandbox, SandboxAddress

ACCOUNT = "vclinic"
API_KEY = "vclinic_api_key"
API_SECRET = "vclinic_api_secret"
TOKEN_LIFETIME_S = 600


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxAddress]:
    """One server per test module (tests create their own patients); clock and faults are
    reset after each test by the fixtures that change them."""
    db = tmp_path_factory.mktemp("sandbox") / "sandbox.sqlite3"
    with EmbeddedSandbox(db, token_lifetime_s=TOKEN_LIFETIME_S) as sandbox:
        assert sandbox.address is not None
        yield sandbox.address


@dataclass
class Api:
    """An httpx client on the API plus the sandbox controls; ``as_user(token)`` headers."""

    http: httpx.Client
    root: httpx.Client

    def headers(self, token: str | None = None, **extra: str) -> dict[str, str]:
        headers = {"X-AccountCode": ACCOUNT, **extra}
        if token:
            headers["X-ApiToken"] = token
        return headers

    def sso(self, first: str = "Pat", last: str = "Guest", type: int = 600, **fields: Any) -> dict:
        data = {"first_name": first, "last_name": last, "type": str(type), **fields}
        response = self.http.post(
            "users/sso", data=data, headers=self.headers(**{"X-ApiKey": API_KEY})
        )
        assert response.status_code == 200, response.text
        return response.json()["data"]

    def token(self, **fields: Any) -> str:
        return self.sso(**fields)["token"]["token"]

    def post(self, path: str, token: str | None = None, **kwargs: Any) -> httpx.Response:
        return self.http.post(path, headers=self.headers(token), **kwargs)

    def get(self, path: str, token: str | None = None, **kwargs: Any) -> httpx.Response:
        return self.http.get(path, headers=self.headers(token), **kwargs)

    def request(self, method: str, path: str, token: str | None = None, **kwargs: Any):
        return self.http.request(method, path, headers=self.headers(token), **kwargs)

    def state(self) -> dict[str, Any]:
        return self.root.get("_sandbox/state").json()

    def advance(self, seconds: float) -> None:
        self.root.put("_sandbox/clock", json={"advance_s": seconds}).raise_for_status()

    def intake(self, token: str, **fields: Any) -> str:
        response = self.post("intakes", token, data={"room_code": "ceproom1", **fields})
        assert response.status_code == 200, response.text
        return response.json()["data"]["id"]

    def walkin(self, token: str, heartbeat: int = 300, room: str = "ceproom1") -> dict:
        intake_id = self.intake(token, room_code=room)
        self.post("users/alive", token, data={"heartbeat": str(heartbeat)}).raise_for_status()
        response = self.post(
            "visits/add_walkin", token, data={"intake_id": intake_id, "room_code": room}
        )
        assert response.status_code == 200, response.text
        return response.json()["data"]


@pytest.fixture(scope="module")
def api(server: SandboxAddress) -> Iterator[Api]:
    with (
        httpx.Client(base_url=server.api_base_url, timeout=10) as http,
        httpx.Client(base_url=server.portal_base_url, timeout=10) as root,
    ):
        yield Api(http, root)


@pytest.fixture(autouse=True)
def _reset_controls(request: pytest.FixtureRequest) -> Iterator[None]:
    """Put the clock and faults back after a test that used the ``api`` fixture."""
    yield
    if "api" in request.fixturenames:
        api: Api = request.getfixturevalue("api")
        api.root.put("_sandbox/clock", json={"offset_s": 0})
        api.root.put(
            "_sandbox/faults",
            json={"latency_s": 0, "error_rate": 0, "drop_rate": 0, "expired_token_rate": 0},
        )


def envelope(response: httpx.Response, status: int) -> str:
    """Assert the error envelope with this status; return its message."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == status and isinstance(body["message"], str) and body["message"]
    return body["message"]
