"""File endpoints (streaming upload, list, download, rename, delete)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from kiosk.api.core import ClientCore, segment
from kiosk.api.errors import NotFoundError, UploadTooLargeError
from kiosk.api.models.files import FileInfo
from kiosk.api.timeouts import TimeoutArg
from kiosk.api.uploads import MultipartFileStream, ProgressCallback
from kiosk.i18n.message import QT_TRANSLATE_NOOP

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
            too_large = QT_TRANSLATE_NOOP(
                "ApiErrors", "The file is too large to send (the limit is {limit} MB)."
            )
            raise UploadTooLargeError(too_large.format(limit=round(limit_mb)), status=413)

        def body() -> MultipartFileStream:
            return MultipartFileStream(
                path,
                {"meta.category": category},
                chunk_size=self.upload_chunk_bytes,
                progress=progress,
            )

        log.info("api.upload_start bytes=%d category=%s", size, category)
        return await self._model_call(
            FileInfo, "POST", "files", "upload_file", upload=body, timeout=timeout
        )

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
        return await self._models_call(
            FileInfo, "GET", "files", "list_files", params=params, timeout=timeout
        )

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

    async def fetch_file(
        self, path: str | None, file_id: str | None = None, *, timeout: TimeoutArg = None
    ) -> bytes:
        """A file by the ``path`` another answer gave (an account's ``files[].path``: the doc
        shows ``https://api.vsee.me/api_v3/files/<id>``, with no ``auth_code``), sent with
        the user's token.

        A path on this API's own origin (or relative to it) is fetched as given, its query
        (``auth_code``, ``time``) kept. A path on another host is not: the token never leaves
        for a host the kiosk was not configured with; ``files/<file_id>`` on this API is asked
        instead, with the path's query. ``NotFoundError`` when there is neither.
        """
        url = self._same_origin_url(path)
        params: dict[str, str] | None = None
        if url is None:
            if not file_id:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("ApiErrors", "That file could not be found."), status=404
                )
            url = f"files/{segment(file_id)}"
            params = dict(parse_qsl(urlsplit(path or "").query)) or None
        data = await self._call("GET", url, "fetch_file", params=params, raw=True, timeout=timeout)
        return bytes(data)

    def _same_origin_url(self, path: str | None) -> str | None:
        """``path`` as a URL this client may send its token to, else None."""
        if not path:
            return None
        parts, base = urlsplit(path), urlsplit(self.base_url)
        if not parts.scheme and not parts.netloc:  # relative: to the API base, or its host
            return f"{base.scheme}://{base.netloc}{path}" if path.startswith("/") else path
        same = (parts.scheme, parts.hostname, parts.port) == (
            base.scheme,
            base.hostname,
            base.port,
        )
        return path if same else None

    async def rename_file(self, file_id: str, name: str, *, timeout: TimeoutArg = None) -> FileInfo:
        """Change a file's name (the only editable field)."""
        path = f"files/{segment(file_id)}"
        return await self._model_call(
            FileInfo, "POST", path, "rename_file", form={"name": name}, timeout=timeout
        )

    async def delete_file(self, file_id: str, *, timeout: TimeoutArg = None) -> bool:
        """Delete a file."""
        path = f"files/{segment(file_id)}"
        return await self._ok_call("DELETE", path, "delete_file", timeout=timeout)
