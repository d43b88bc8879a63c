"""File endpoints (streaming upload, list, download, rename, delete)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kiosk.api.core import ClientCore, segment
from kiosk.api.errors import UploadTooLargeError
from kiosk.api.models.files import FileInfo
from kiosk.api.timeouts import TimeoutArg
from kiosk.api.uploads import MultipartFileStream, ProgressCallback

log = logging.getLogger("kiosk.api")

#: ``meta.category`` values the doc lists.
FILE_CATEGORIES = ("intake_attachment", "user_consent", "user_avatar", "user_document")


class FilesApi(ClientCore):
    """``/files``: uploads stream from disk, so a large photo never sits in memory."""

    async def upload_file(
        self,
        path: Path | str,
        category: str,
        progress: ProgressCallback | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> FileInfo:
        """Upload a file as multipart ``file`` + ``meta.category``; ``progress(sent, total)``.

        Raises ``UploadTooLargeError`` before sending anything when the file is bigger than
        ``max_upload_bytes``, and ``OSError`` when it cannot be read. Not retried once bytes
        have been sent (an upload is not idempotent).
        """
        path = Path(path)
        size = os.stat(path).st_size
        if size > self.max_upload_bytes:
            limit_mb = self.max_upload_bytes / (1024 * 1024)
            raise UploadTooLargeError(
                f"The file is too large to send (the limit is {limit_mb:.0f} MB).", status=413
            )

        def body() -> MultipartFileStream:
            return MultipartFileStream(
                path,
                {"meta.category": category},
                chunk_size=self.upload_chunk_bytes,
                progress=progress,
            )

        log.info("api.upload_start bytes=%d category=%s", size, category)
        data = await self._call("POST", "files", "upload_file", upload=body, timeout=timeout)
        return self._model(FileInfo, data, "upload_file")

    async def list_files(
        self,
        target_id: str | None = None,
        target_type: str | None = None,
        category_type: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> list[FileInfo]:
        """Files of a target (``"user"`` or ``"visit"``), optionally of one category."""
        params = {
            "target_id": target_id,
            "target_type": target_type,
            "category_type": category_type,
        }
        data = await self._call("GET", "files", "list_files", params=params, timeout=timeout)
        return self._models(FileInfo, data, "list_files")

    async def download_file(
        self,
        file_id: str,
        auth_code: str,
        time: str | int,
        size: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> bytes:
        """A file's bytes; ``auth_code``/``time`` come from another answer (never logged).

        ``size`` (``"{W}x{H}"``) asks for a resized PNG of an image.
        """
        params = {"auth_code": auth_code, "time": time, "size": size}
        data = await self._call(
            "GET",
            f"files/{segment(file_id)}",
            "download_file",
            params=params,
            raw=True,
            timeout=timeout,
        )
        return bytes(data)

    async def rename_file(self, file_id: str, name: str, *, timeout: TimeoutArg = None) -> FileInfo:
        """Change a file's name (the only editable field)."""
        path = f"files/{segment(file_id)}"
        data = await self._call("POST", path, "rename_file", form={"name": name}, timeout=timeout)
        return self._model(FileInfo, data, "rename_file")

    async def delete_file(self, file_id: str, *, timeout: TimeoutArg = None) -> bool:
        """Delete a file."""
        path = f"files/{segment(file_id)}"
        return self._ok(await self._call("DELETE", path, "delete_file", timeout=timeout))
