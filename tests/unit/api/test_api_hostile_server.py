"""The client against a real loopback server that misbehaves: huge, endless, trickling and
garbage answers. Limits are configured small so every case ends in well under a second."""

from __future__ import annotations

import asyncio
import gzip
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from api_support import NOW, Sleeps
from fake_clock import FakeClock

from kiosk.api import RetryPolicy, VSeeClient, errors
from kiosk.api.bounded import Limits
from kiosk.api.timeouts import Timeouts

JSON_LIMIT = 64 * 1024
DOWNLOAD_LIMIT = 256 * 1024
DEADLINE_S = 0.6
#: Per-read timeouts far longer than the deadline: only the deadline can end a trickle.
SLOW_READS = Timeouts(connect=5.0, read=10.0, write=10.0, pool=5.0)

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


def head(status: int = 200, headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def answer(status: int, body: bytes, content_type: str = "application/json", **extra: str) -> bytes:
    headers = {"Content-Type": content_type, "Content-Length": str(len(body)), **extra}
    return head(status, headers) + body


async def read_request(reader: asyncio.StreamReader) -> None:
    await reader.readuntil(b"\r\n\r\n")


class HostileServer:
    """An asyncio server on the test's own loop (no thread): every connection runs ``handler``.
    ``connections`` counts them, ``sent`` adds up the body bytes the handlers wrote."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.connections = 0
        self.sent = 0
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[Any]] = set()

    async def __aenter__(self) -> str:
        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            self.connections += 1
            task = asyncio.current_task()
            assert task is not None
            self._handlers.add(task)
            try:
                await read_request(reader)
                await self.handler(reader, writer)
                await writer.drain()
            except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
                pass  # the client hung up, or the test is over: what these tests want
            finally:
                writer.close()
                self._handlers.discard(task)

        self._server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/api_v3/"

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._handlers):  # endless bodies and trickles never end by themselves
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)


def client(url: str, *, attempts: int = 1, **overrides: Any) -> VSeeClient:
    clock = FakeClock(NOW)
    options: dict[str, Any] = {
        "account_code": "vclinic",
        "timeouts": SLOW_READS,
        "limits": Limits(
            max_json_bytes=JSON_LIMIT, max_download_bytes=DOWNLOAD_LIMIT, deadline_s=DEADLINE_S
        ),
        "retry": RetryPolicy(max_attempts=attempts, base_s=0.01, cap_s=0.01, total_budget_s=60),
        "clock": clock,
        "sleep": Sleeps(clock),
    }
    options.update(overrides)
    return VSeeClient(url, **options)


def run_against(handler: Handler, call: Callable[[VSeeClient], Awaitable[Any]], **kw: Any) -> Any:
    """Run ``call`` on a client of a fresh server; returns (result or error, server, seconds)."""

    async def main() -> tuple[Any, HostileServer, float]:
        server = HostileServer(handler)
        async with server as url, client(url, **kw) as api:
            started = time.monotonic()
            try:
                outcome: Any = await call(api)
            except errors.ApiError as exc:
                outcome = exc
            return outcome, server, time.monotonic() - started

    return asyncio.run(main())


def settings(api: VSeeClient) -> Awaitable[Any]:
    return api.get_settings()


def download(api: VSeeClient) -> Awaitable[Any]:
    return api.download_file("7", auth_code="code", time=1)


# -- a well-behaved answer first, so the failures below mean something ----------------------


def test_an_answer_within_the_limits_is_read() -> None:
    async def ok(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(answer(200, json.dumps({"data": {"visit": {"max_wait_time": 900}}}).encode()))

    outcome, _server, _s = run_against(ok, settings)

    assert not isinstance(outcome, errors.ApiError)


# -- size --------------------------------------------------------------------------------------


def test_a_declared_huge_body_is_refused_before_it_is_read() -> None:
    async def huge(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(head(200, {"Content-Type": "application/json", "Content-Length": "300000000"}))
        for _ in range(100):  # a few MiB of it, if anyone reads
            w.write(b" " * 65536)
            await w.drain()

    outcome, _server, _s = run_against(huge, settings)

    assert isinstance(outcome, errors.ServerError)
    assert outcome.message == errors.GENERIC_MESSAGES["unexpected"]


def test_an_endless_chunked_body_is_cut_off_at_the_limit() -> None:
    async def endless(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(head(200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
        chunk = b"[" * 8192
        while True:
            w.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            await w.drain()

    outcome, _server, seconds = run_against(endless, settings)

    assert isinstance(outcome, errors.ServerError)
    assert "larger than 65536 bytes" in "".join(getattr(outcome, "__notes__", []))
    assert seconds < DEADLINE_S  # refused for its size, not for the time it took


def test_an_oversized_answer_is_not_asked_for_again() -> None:
    async def big(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(answer(200, b'{"data": "' + b"x" * JSON_LIMIT + b'"}'))

    outcome, server, _s = run_against(big, settings, attempts=3)

    assert isinstance(outcome, errors.ServerError)
    assert server.connections == 1


def test_a_small_compressed_body_that_expands_past_the_limit_is_refused() -> None:
    bomb = gzip.compress(b'{"data": "' + b"0" * (4 * JSON_LIMIT) + b'"}')
    assert len(bomb) < JSON_LIMIT / 10

    async def expands(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(answer(200, bomb, **{"Content-Encoding": "gzip"}))

    outcome, _server, _s = run_against(expands, settings)

    assert isinstance(outcome, errors.ServerError)


def test_downloads_have_their_own_larger_limit() -> None:
    file_bytes = b"\x89PNG" + b"p" * (2 * JSON_LIMIT)

    async def png(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(answer(200, file_bytes, content_type="image/png"))

    outcome, _server, _s = run_against(png, download)

    assert outcome == file_bytes


def test_a_download_past_its_limit_is_refused() -> None:
    async def too_big(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(answer(200, b"p" * (DOWNLOAD_LIMIT + 1), content_type="image/png"))

    outcome, _server, _s = run_against(too_big, download)

    assert isinstance(outcome, errors.ServerError)


# -- time --------------------------------------------------------------------------------------


async def trickle(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
    """Headers at once, then one body byte every 50 ms, forever: each read succeeds in time."""
    w.write(head(200, {"Content-Type": "application/json", "Content-Length": "1000"}))
    while True:
        w.write(b" ")
        await w.drain()
        await asyncio.sleep(0.05)


def test_a_body_trickling_one_byte_at_a_time_ends_at_the_deadline() -> None:
    outcome, _server, seconds = run_against(trickle, settings)

    assert isinstance(outcome, errors.ApiTimeoutError)
    assert DEADLINE_S <= seconds < DEADLINE_S + 1.0


def test_a_trickling_answer_is_retried_with_a_fresh_deadline() -> None:
    outcome, server, seconds = run_against(trickle, settings, attempts=2)

    assert isinstance(outcome, errors.ApiTimeoutError)
    assert server.connections == 2
    assert seconds >= 2 * DEADLINE_S


def test_a_header_sent_byte_by_byte_ends_at_the_deadline() -> None:
    async def slow_header(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"a" * 999:
            w.write(bytes([byte]))
            await w.drain()
            await asyncio.sleep(0.05)

    outcome, _server, seconds = run_against(slow_header, settings)

    assert isinstance(outcome, errors.ApiTimeoutError)
    assert seconds < DEADLINE_S + 1.0


def test_a_server_that_never_answers_ends_at_the_deadline() -> None:
    async def silent(reader: asyncio.StreamReader, _w: asyncio.StreamWriter) -> None:
        await reader.read()  # until the client gives up and closes

    outcome, _server, seconds = run_against(silent, settings)

    assert isinstance(outcome, errors.ApiTimeoutError)
    assert seconds < DEADLINE_S + 1.0


# -- content -----------------------------------------------------------------------------------


def test_garbage_instead_of_json_is_an_unreadable_answer() -> None:
    async def garbage(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(answer(200, b'{"data": {"visit": \x00\xff nope'))

    outcome, _server, _s = run_against(garbage, settings)

    assert isinstance(outcome, errors.ServerError)
    assert outcome.message == errors.GENERIC_MESSAGES["unexpected"]


@pytest.mark.parametrize(
    ("status", "error", "generic"),
    [
        (502, errors.ServerError, "server"),
        (503, errors.ServerError, "server"),
        (404, errors.NotFoundError, "not_found"),
        (403, errors.PermissionDeniedError, "permission"),
    ],
)
def test_an_html_error_page_becomes_the_usual_error_with_a_plain_message(
    status: int, error: type[errors.ApiError], generic: str
) -> None:
    page = b"<html><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>"

    async def html(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(answer(status, page, content_type="text/html"))

    outcome, _server, _s = run_against(html, settings)

    assert type(outcome) is error
    assert outcome.message == errors.GENERIC_MESSAGES[generic]
    assert outcome.status == status


def test_a_connection_closed_mid_body_is_a_network_error() -> None:
    async def cut(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        w.write(head(200, {"Content-Type": "application/json", "Content-Length": "500"}))
        w.write(b'{"data": ')

    outcome, _server, _s = run_against(cut, settings)

    assert isinstance(outcome, errors.NetworkError)
