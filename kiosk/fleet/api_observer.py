"""``ObservedTransport``: sees each HTTP try of the patient's API client, for metrics and health."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

#: Error kinds (the ``kind`` label of ``kiosk_api_errors_total``): a closed set, never a path,
#: an id or a server message.
ERROR_KINDS = (
    "network",
    "timeout",
    "auth",
    "permission",
    "not_found",
    "validation",
    "conflict",
    "rate_limit",
    "server",
    "client",
)
_BY_STATUS = {
    400: "validation",
    401: "auth",
    403: "permission",
    404: "not_found",
    408: "timeout",
    409: "conflict",
    422: "validation",
    429: "rate_limit",
}
HEARTBEAT_PATH_END = "users/alive"


def error_kind(status: int) -> str | None:
    """The kind of an HTTP status, or None for a success (or redirect)."""
    if status < 400:
        return None
    if status >= 500:
        return "server"
    return _BY_STATUS.get(status, "client")


class ApiObservations:
    """What the transport saw, as plain monotonic timestamps and a callback per error kind.

    Written on the GUI thread (httpx runs on the qasync loop), read by the metrics and the
    health endpoint (possibly from its own thread: single float reads, no lock needed).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last_success: float | None = None
        self.last_heartbeat: float | None = None
        self.on_error: Callable[[str], None] = lambda _kind: None

    def age(self, stamp: float | None) -> float | None:
        return None if stamp is None else max(0.0, self.clock() - stamp)


class ObservedTransport(httpx.AsyncBaseTransport):
    """Wraps the client's real transport; looks at the outcome of each try (status, or the
    network error) and the path's end only to spot a heartbeat. Never reads a body, a header
    or a full URL (ids and tokens live there)."""

    def __init__(
        self, observations: ApiObservations, inner: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.observations = observations
        self.inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        seen = self.observations
        try:
            response = await self.inner.handle_async_request(request)
        except httpx.TimeoutException:
            seen.on_error("timeout")
            raise
        except httpx.TransportError:
            seen.on_error("network")
            raise
        kind = error_kind(response.status_code)
        if kind is not None:
            seen.on_error(kind)
        else:
            now = seen.clock()
            seen.last_success = now
            if request.url.path.rstrip("/").endswith(HEARTBEAT_PATH_END):
                seen.last_heartbeat = now
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()
