"""Helpers for the sandbox end-to-end tests: an httpx-backed ``Api`` and envelope checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from kiosk.sandbox.embedded import SandboxAddress

ACCOUNT = "vclinic"
API_KEY = "vclinic_api_key"
API_SECRET = "vclinic_api_secret"
TOKEN_LIFETIME_S = 600


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


def envelope(response: httpx.Response, status: int) -> str:
    """Assert the error envelope with this status; return its message."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == status and isinstance(body["message"], str) and body["message"]
    return body["message"]


@contextmanager
def api_on(address: SandboxAddress) -> Iterator[Api]:
    """An ``Api`` on a running sandbox: clients on its API and on its portal root (controls)."""
    with (
        httpx.Client(base_url=address.api_base_url, timeout=10) as http,
        httpx.Client(base_url=address.portal_base_url, timeout=10) as root,
    ):
        yield Api(http, root)
