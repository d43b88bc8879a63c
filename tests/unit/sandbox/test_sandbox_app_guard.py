"""An unexpected exception becomes a logged 500 envelope, never a stack trace."""

from __future__ import annotations

import logging

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from kiosk.sandbox.app import ApiGuard


async def broken(request):
    raise RuntimeError("boom with secret-detail")


@pytest.mark.anyio
async def test_unexpected_exception_is_a_500_envelope(caplog):
    app = Starlette(routes=[Route("/api_v3/x", broken)], middleware=[Middleware(ApiGuard)])
    transport = httpx.ASGITransport(app=app)
    with caplog.at_level(logging.ERROR, logger="kiosk.sandbox"):
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            response = await client.get("/api_v3/x.json")
    assert response.status_code == 500
    assert response.json() == {"code": 500, "message": "Internal server error."}
    assert "secret-detail" not in response.text
    assert any("sandbox.unhandled" in r.message for r in caplog.records)


@pytest.fixture
def anyio_backend():
    return "asyncio"
