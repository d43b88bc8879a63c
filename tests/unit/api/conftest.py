"""Fixtures for the API client tests: a fake clock, recorded sleeps, a MockTransport client."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from api_support import API_KEY, API_SECRET, BASE_URL, NOW, Sleeps
from fake_clock import FakeClock

from kiosk.api import RetryPolicy, VSeeClient


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def sleeps(clock: FakeClock) -> Sleeps:
    return Sleeps(clock)


@pytest.fixture
def make_client(clock: FakeClock, sleeps: Sleeps) -> Callable[..., VSeeClient]:
    """``make_client(handler, **overrides)``: a client whose requests go to ``handler``."""

    def build(handler: Callable[[httpx.Request], Any], **overrides: Any) -> VSeeClient:
        options: dict[str, Any] = {
            "account_code": "vclinic",
            "api_key": API_KEY,
            "api_secret": API_SECRET,
            "transport": httpx.MockTransport(handler),
            "clock": clock,
            "sleep": sleeps,
            "rng": random.Random(7),
            "retry": RetryPolicy(max_attempts=4, base_s=0.5, cap_s=8.0, total_budget_s=30.0),
        }
        options.update(overrides)
        return VSeeClient(BASE_URL, **options)

    return build
