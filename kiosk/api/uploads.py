"""A multipart/form-data body that streams a file from disk in chunks, with progress."""

from __future__ import annotations

import mimetypes
import os
import secrets
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path

from kiosk import constants

#: ``progress(sent_bytes, total_bytes)`` for the file's bytes; called on the event loop.
ProgressCallback = Callable[[int, int], None]


def _quote(value: str) -> str:
    """A form-data name or filename with quotes and line breaks escaped (HTML5 rules)."""
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


class MultipartFileStream:
    """The body of ``POST /files``: text fields, then one file part read ``chunk_size`` at a time.

    The file is never read whole: memory use stays at one chunk however big the file. The
    length is known up front (``content_length``), so the request carries a Content-Length
    and needs no chunked encoding. Iterating again starts over (a retried request re-reads).
    Raises ``OSError`` if the file cannot be read or shrinks while it is sent.
    """

    def __init__(
        self,
        path: Path,
        fields: Mapping[str, str],
        *,
        file_field: str = "file",
        chunk_size: int = constants.UPLOAD_CHUNK_BYTES,
        progress: ProgressCallback | None = None,
        boundary: str | None = None,
    ) -> None:
        if chunk_size <= 0:
            raise ValueError("chunk_size must be positive")
        self.path = Path(path)
        self.file_size = os.stat(self.path).st_size
        self.chunk_size = chunk_size
        self._progress = progress
        self.boundary = boundary or secrets.token_hex(16)
        content_type = mimetypes.guess_type(self.path.name)[0] or "application/octet-stream"
        head = b"".join(
            f'--{self.boundary}\r\nContent-Disposition: form-data; name="{_quote(name)}"'
            f"\r\n\r\n{value}\r\n".encode()
            for name, value in fields.items()
        )
        head += (
            f'--{self.boundary}\r\nContent-Disposition: form-data; name="{_quote(file_field)}";'
            f' filename="{_quote(self.path.name)}"\r\nContent-Type: {content_type}\r\n\r\n'
        ).encode()
        self._head = head
        self._tail = f"\r\n--{self.boundary}--\r\n".encode()

    @property
    def content_length(self) -> int:
        """Bytes of the whole body."""
        return len(self._head) + self.file_size + len(self._tail)

    @property
    def headers(self) -> dict[str, str]:
        """Content-Type (with the boundary) and Content-Length for the request."""
        return {
            "Content-Type": f"multipart/form-data; boundary={self.boundary}",
            "Content-Length": str(self.content_length),
        }

    def _report(self, sent: int) -> None:
        if self._progress is not None:
            self._progress(sent, self.file_size)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._head
        sent = 0
        self._report(sent)
        with open(self.path, "rb") as handle:
            while sent < self.file_size:
                chunk = handle.read(min(self.chunk_size, self.file_size - sent))
                if not chunk:
                    raise OSError(f"{self.path.name} shrank while it was being uploaded")
                sent += len(chunk)
                yield chunk
                self._report(sent)
        yield self._tail
