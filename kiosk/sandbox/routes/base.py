"""What every route module needs: the request's sandbox, its parameters and the data envelope."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from kiosk.sandbox.context import Sandbox
from kiosk.sandbox.params import Params, read_params


def sandbox_of(request: Request) -> Sandbox:
    return request.app.state.sandbox


def ok(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse({"data": data}, status_code=status)


def api_base(request: Request) -> str:
    """``http://host:port/api_v3/`` as the client reached it (for links in answers)."""
    return f"{request.base_url}api_v3/"


async def params(request: Request) -> Params:
    return await read_params(
        request, max_body_bytes=sandbox_of(request).config.max_upload_bytes + 64 * 1024
    )
