"""Uploads stream the file in chunks with progress, and the size limit is checked first."""

from __future__ import annotations

import email.parser
import email.policy
from pathlib import Path

import httpx
import pytest
from api_support import reply, run, tokens

from kiosk.api import errors
from kiosk.api.uploads import MultipartFileStream

CHUNK = 1024
FILE_INFO = {"id": "5e15d150", "name": "photo.jpg", "size": 0, "meta": {"category": "x"}}


class CountingTransport(httpx.AsyncBaseTransport):
    """Consumes the request body chunk by chunk, as a real socket would, and records them."""

    def __init__(self) -> None:
        self.chunks: list[int] = []
        self.body = b""
        self.headers: httpx.Headers | None = None
        self.requests = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        self.headers = request.headers
        async for chunk in request.stream:
            self.chunks.append(len(chunk))
            self.body += chunk
        return reply(FILE_INFO)


def make_file(tmp_path: Path, size: int) -> Path:
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(i % 251 for i in range(size)))
    return path


def upload(make_client, transport, path: Path, progress=None, **options):
    async def scenario():
        async with make_client(None, transport=transport, upload_chunk_bytes=CHUNK, **options) as c:
            c.set_tokens(tokens())
            return await c.upload_file(path, "intake_attachment", progress)

    return run(scenario())


def test_file_bigger_than_a_chunk_is_sent_in_chunks(make_client, tmp_path) -> None:
    path = make_file(tmp_path, CHUNK * 5 + 17)
    transport = CountingTransport()
    upload(make_client, transport, path)
    file_chunks = transport.chunks[1:-1]  # head and tail frame the file's chunks
    assert len(file_chunks) == 6
    assert max(file_chunks) == CHUNK
    assert sum(file_chunks) == path.stat().st_size


def test_progress_reports_each_chunk_up_to_the_total(make_client, tmp_path) -> None:
    size = CHUNK * 3 + 5
    path = make_file(tmp_path, size)
    seen: list[tuple[int, int]] = []
    upload(make_client, CountingTransport(), path, lambda sent, total: seen.append((sent, total)))
    assert seen == [(0, size), (CHUNK, size), (2 * CHUNK, size), (3 * CHUNK, size), (size, size)]


def test_body_is_multipart_with_file_and_category(make_client, tmp_path) -> None:
    path = make_file(tmp_path, CHUNK * 2 + 3)
    transport = CountingTransport()
    info = upload(make_client, transport, path)
    assert info.id == FILE_INFO["id"]
    headers = transport.headers
    assert int(headers["content-length"]) == len(transport.body)
    assert "transfer-encoding" not in headers
    raw = f"Content-Type: {headers['content-type']}\r\n\r\n".encode() + transport.body
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    parts = {p.get_param("name", header="content-disposition"): p for p in message.iter_parts()}
    assert parts["meta.category"].get_content().strip() == "intake_attachment"
    assert parts["file"].get_filename() == "photo.jpg"
    assert parts["file"].get_payload(decode=True) == path.read_bytes()


def test_file_over_the_limit_is_refused_before_sending(make_client, tmp_path) -> None:
    path = make_file(tmp_path, 2049)
    transport = CountingTransport()
    with pytest.raises(errors.UploadTooLargeError):
        upload(make_client, transport, path, max_upload_bytes=2048)
    assert transport.requests == 0


def test_file_at_the_limit_is_sent(make_client, tmp_path) -> None:
    path = make_file(tmp_path, 2048)
    transport = CountingTransport()
    upload(make_client, transport, path, max_upload_bytes=2048)
    assert transport.requests == 1


def test_server_413_is_upload_too_large(make_client, tmp_path) -> None:
    path = make_file(tmp_path, 10)
    handler = httpx.MockTransport(lambda r: httpx.Response(413, text="<html>too big</html>"))
    with pytest.raises(errors.UploadTooLargeError):
        upload(make_client, handler, path)


def test_upload_is_not_retried_after_a_server_error(make_client, tmp_path) -> None:
    path = make_file(tmp_path, 10)
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(503)

    with pytest.raises(errors.ServerError):
        upload(make_client, httpx.MockTransport(handler), path)
    assert len(calls) == 1


def test_stream_reads_at_most_one_chunk_at_a_time(tmp_path, monkeypatch) -> None:
    path = make_file(tmp_path, CHUNK * 4)
    reads: list[int] = []
    real_open = open

    class SpyFile:
        def __init__(self, handle) -> None:
            self.handle = handle

        def read(self, n: int = -1) -> bytes:
            reads.append(n)
            return self.handle.read(n)

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

    monkeypatch.setattr("builtins.open", lambda *a, **k: SpyFile(real_open(*a, **k)))
    stream = MultipartFileStream(path, {"meta.category": "x"}, chunk_size=CHUNK)

    async def drain() -> int:
        return sum([len(chunk) async for chunk in stream])

    assert run(drain()) == stream.content_length
    assert reads and all(0 < n <= CHUNK for n in reads)


def test_file_that_shrinks_while_sending_raises(tmp_path) -> None:
    path = make_file(tmp_path, CHUNK * 2)
    stream = MultipartFileStream(path, {}, chunk_size=CHUNK)
    path.write_bytes(b"short")

    async def drain() -> None:
        async for _ in stream:
            pass

    with pytest.raises(OSError):
        run(drain())
