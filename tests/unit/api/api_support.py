"""Helpers for the API client tests: fixture files, a fake clock, recorded sleeps, tokens."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import httpx
from fake_clock import FakeClock

from kiosk.api.models import RefreshToken, TokenState

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "api_examples"
BASE_URL = "https://api.test/vc/next/api_v3/"
API_KEY = "key-AAAA1111"
API_SECRET = "secret-BBBB2222"
NOW = 1_700_000_000.0


def run(coro: Coroutine[Any, Any, Any]) -> Any:
    """Run one coroutine to completion (the api package needs no Qt loop)."""
    return asyncio.run(coro)


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def reply(data: Any = True, status: int = 200, headers: dict[str, str] | None = None):
    """A JSON response wrapping ``data`` in the API's envelope."""
    return httpx.Response(status, json={"data": data}, headers=headers)


class Sleeps:
    """Records retry delays and advances the fake clock by them, instantly."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        self.clock.now += delay


def tokens(
    token: str = "tok-old-1234", expiry: float = NOW + 3600, refresh: str = "ref-1234"
) -> TokenState:
    return TokenState(
        user_id="201",
        token=token,
        expiry=int(expiry),
        refresh_token=RefreshToken(user_id="201", token=refresh, expiry=int(NOW + 86400)),
    )
