"""Bounded responses: a size cap enforced while the body streams in, and a deadline for the
whole request, so a hostile or broken server can neither fill the kiosk's memory nor hold a
call open by trickling bytes (httpx's read timeout restarts with every byte it receives)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

import httpx

from kiosk import constants


@dataclass(frozen=True)
class Limits:
    """How much a response may be and how long one try may take, in bytes and seconds.

    ``max_json_bytes`` caps every ordinary answer (error pages included); ``max_download_bytes``
    caps ``raw`` calls (file downloads). ``deadline_s`` covers connect, send and the whole body
    of one try; ``upload_deadline_s`` replaces it for uploads. Retries each get a new deadline.
    """

    max_json_bytes: int = constants.MAX_JSON_RESPONSE_BYTES
    max_download_bytes: int = constants.MAX_DOWNLOAD_BYTES
    deadline_s: float = constants.REQUEST_DEADLINE_S
    upload_deadline_s: float = constants.UPLOAD_DEADLINE_S

    def __post_init__(self) -> None:
        for name in ("max_json_bytes", "max_download_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        for name in ("deadline_s", "upload_deadline_s"):
            value = getattr(self, name)
            if not 0 < value < float("inf"):
                raise ValueError(f"{name} must be a positive number of seconds")


class ResponseTooLarge(Exception):
    """The body passed the limit (declared in Content-Length or counted while reading)."""

    def __init__(self, limit: int, declared: int | None = None) -> None:
        super().__init__(f"response larger than {limit} bytes")
        self.limit = limit
        self.declared = declared


class DeadlineExceeded(Exception):
    """One try took longer than its whole-request deadline."""

    def __init__(self, deadline_s: float) -> None:
        super().__init__(f"no complete answer within {deadline_s:g} s")
        self.deadline_s = deadline_s


@dataclass(frozen=True)
class Reply:
    """A response whose body has been read in full (within the limit) and the stream closed."""

    status_code: int
    headers: httpx.Headers
    content: bytes

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    def json(self) -> Any:
        """The body parsed as JSON; raises ``ValueError`` on anything else."""
        return json.loads(self.content)


async def read_bounded(response: httpx.Response, limit: int) -> bytes:
    """The (decoded) body, refused as soon as it passes ``limit`` bytes.

    A Content-Length over the limit is refused before reading. Compressed bodies are counted
    after decoding, so a small compressed body cannot expand past the limit either (beyond one
    decoded network chunk held at a time).
    """
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise ResponseTooLarge(limit, int(declared))
    chunks: list[bytes] = []
    total = 0
    async for chunk in response.aiter_bytes():
        total += len(chunk)
        if total > limit:
            raise ResponseTooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def send_bounded(
    http: httpx.AsyncClient, request: httpx.Request, *, limit: int, deadline_s: float
) -> Reply:
    """Send ``request`` and read its whole answer within ``deadline_s`` and ``limit`` bytes.

    Raises ``DeadlineExceeded``, ``ResponseTooLarge`` or httpx's own transport errors; the
    connection is closed in every case (a half-read connection is not returned to the pool).

    A caller that is cancelled (a poll stopped, the wipe's step timeout) stops waiting, but the
    exchange itself runs on to its end or its deadline in its own task, so its connection goes
    back to the pool whole. Workaround: httpcore 1.0.9 (the latest) leaks pool connections
    cancelled mid-request (encode/httpcore#1093, #1115), which soaks showed as sockets in
    CLOSE_WAIT piling up session after session.
    """
    exchange = asyncio.ensure_future(_exchange(http, request, limit, deadline_s))
    try:
        return await asyncio.shield(exchange)
    except asyncio.CancelledError:
        exchange.add_done_callback(_forget_outcome)
        raise


def _forget_outcome(task: asyncio.Future[Reply]) -> None:
    """Nobody waits for this exchange any more: its result or error is dropped quietly."""
    if not task.cancelled():
        task.exception()


async def _exchange(
    http: httpx.AsyncClient, request: httpx.Request, limit: int, deadline_s: float
) -> Reply:
    try:
        async with asyncio.timeout(deadline_s):
            response = await http.send(request, stream=True)
            try:
                content = await read_bounded(response, limit)
            finally:
                await response.aclose()
    except TimeoutError:
        raise DeadlineExceeded(deadline_s) from None
    return Reply(response.status_code, response.headers, content)
