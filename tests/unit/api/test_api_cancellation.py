"""A call whose caller is cancelled (a poll stopped, the wipe's step timeout) still ends its
exchange, so the connection goes back to the pool whole (httpcore 1.0.9 leaks it otherwise)."""

from __future__ import annotations

import asyncio
import json

from api_support import NOW, Sleeps
from fake_clock import FakeClock

from kiosk.api import Limits, RetryPolicy, VSeeClient

BODY = json.dumps({"data": {"visit": {"max_wait_time": 900}}}).encode()
SLOW_S = 0.3


class KeepAliveServer:
    """Answers every request on a connection after ``SLOW_S`` (HTTP/1.1 keep-alive) and counts
    the connections it was given."""

    def __init__(self) -> None:
        self.connections = 0
        self.answered = 0
        self._server: asyncio.Server | None = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                await asyncio.sleep(SLOW_S)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(BODY)}\r\n\r\n".encode()
                    + BODY
                )
                await writer.drain()
                self.answered += 1
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def start(self) -> str:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}/api_v3/"

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()


def test_a_cancelled_call_leaves_its_connection_reusable() -> None:
    async def scenario() -> tuple[int, int]:
        server = KeepAliveServer()
        url = await server.start()
        clock = FakeClock(NOW)
        async with VSeeClient(
            url,
            account_code="vclinic",
            limits=Limits(deadline_s=5.0),
            retry=RetryPolicy.never(),
            clock=clock,
            sleep=Sleeps(clock),
        ) as api:
            first = asyncio.ensure_future(api.get_settings())
            await asyncio.sleep(SLOW_S / 3)  # the request is out, its answer not yet in
            first.cancel()
            await asyncio.gather(first, return_exceptions=True)
            assert first.cancelled()
            while server.answered < 1:  # the exchange ran on to its end
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.05)
            await api.get_settings()
        await server.stop()
        return server.connections, server.answered

    connections, answered = asyncio.run(scenario())

    assert answered == 2
    assert connections == 1, "the cancelled call's connection was not returned to the pool"
