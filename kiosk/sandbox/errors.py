"""The API's error envelope ``{"code": N, "message": "..."}`` and the exception that carries it."""

from __future__ import annotations

import html

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

_STATUS_MESSAGES = {
    400: "Bad request.",
    401: "Authentication required.",
    403: "You are not allowed to do this.",
    404: "Not found.",
    405: "Method not allowed.",
    413: "The uploaded file is too large.",
    500: "Internal server error.",
    503: "Service temporarily unavailable.",
}


class ApiProblem(Exception):
    """Raised by handlers to answer with the envelope; ``message`` is shown to the caller, so it
    must never contain tokens, keys or patient data."""

    def __init__(self, status: int, message: str | None = None) -> None:
        self.status = status
        self.message = message or _STATUS_MESSAGES.get(status, "Error.")
        super().__init__(self.message)


def bad_request(message: str) -> ApiProblem:
    return ApiProblem(400, message)


def not_found(what: str) -> ApiProblem:
    return ApiProblem(404, f"{what} not found.")


def forbidden(message: str = "You are not allowed to do this.") -> ApiProblem:
    return ApiProblem(403, message)


def quoted(value: str) -> str:
    """Quote a value the way the real API does in messages (HTML entities)."""
    return html.escape(f'"{value}"', quote=True)


def envelope(status: int, message: str | None = None) -> JSONResponse:
    return JSONResponse(
        {"code": status, "message": message or _STATUS_MESSAGES.get(status, "Error.")},
        status_code=status,
    )


async def on_api_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiProblem)
    return envelope(exc.status, exc.message)


async def on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = _STATUS_MESSAGES.get(exc.status_code)
    if exc.status_code == 404:
        message = f"No such endpoint: {request.method} {request.url.path}"
    response = envelope(exc.status_code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response
