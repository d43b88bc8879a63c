"""One attached picture: name, progress bar, and Remove/Try again; owns its upload task."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QPushButton, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.load_panel import failure_text
from kiosk.wizard.records import file_id

log = logging.getLogger("kiosk.ui.wizard")


REMOVE_NAME = QT_TRANSLATE_NOOP("UploadRow", "Remove {name}")
CANNOT_OPEN = QT_TRANSLATE_NOOP("UploadRow", "This picture can no longer be opened.")
TOO_LARGE = QT_TRANSLATE_NOOP("UploadRow", "This picture is too large to send (limit {limit} MB).")


class UploadRow(QFrame):
    """Uploads ``path`` through ``services.upload_image`` when `start` is called.

    ``progress`` may be called from any thread by the services object, so it goes through a
    Qt signal (queued across threads) before touching the bar.
    """

    finished_upload = Signal()
    remove_requested = Signal()
    _progress = Signal(int, int)

    def __init__(
        self, path: Path, services: Any, parent: QWidget | None = None, file_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.services = services
        self.file_id = file_id
        self._task: asyncio.Future[Any] | None = None
        set_role(self, "card")
        grid = QGridLayout(self)
        grid.setContentsMargins(20, 10, 10, 10)
        self.name = live(QLabel(self), path.name)
        self.status = QLabel(self)
        set_role(self.status, "hint")
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.retry = live(QPushButton(self), QT_TRANSLATE_NOOP("UploadRow", "Try again"))
        self.retry.clicked.connect(self.start)
        self.retry.hide()
        self.remove = live(QPushButton(self), QT_TRANSLATE_NOOP("UploadRow", "Remove"))
        set_text(self.remove, REMOVE_NAME.format(name=path.name), "setAccessibleName")
        self.remove.clicked.connect(self.remove_requested)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.status, 1, 0)
        grid.addWidget(self.bar, 2, 0)
        grid.addWidget(self.retry, 0, 1, 3, 1)
        grid.addWidget(self.remove, 0, 2, 3, 1)
        grid.setColumnStretch(0, 1)
        self._progress.connect(self._on_progress)
        if file_id:
            self._show_done()

    @property
    def uploading(self) -> bool:
        """True while the upload task runs."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Check the size limit, then upload as a qasync task."""
        if self.uploading or self.file_id:
            return
        limit = self.services.max_upload_bytes()
        try:
            size = self.path.stat().st_size
        except OSError:
            self._show_failed(CANNOT_OPEN, retry=False)
            return
        if size > limit:
            megabytes = max(1, limit // (1024 * 1024))
            self._show_failed(TOO_LARGE.format(limit=megabytes), retry=False)
            return
        self.retry.hide()
        self.bar.show()
        self.bar.setRange(0, 0)
        set_text(self.status, QT_TRANSLATE_NOOP("UploadRow", "Sending…"))
        set_role(self.status, "hint")
        self._task = asyncio.ensure_future(self._upload())

    def cancel(self) -> None:
        """Stop a running upload (on Remove or when the screen goes away)."""
        if self.uploading and self._task is not None:
            self._task.cancel()

    async def _upload(self) -> None:
        try:
            info = await self.services.upload_image(self.path, self._progress.emit)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("attachment upload failed: %s", type(exc).__name__)
            if shiboken6.isValid(self):
                self._show_failed(failure_text(exc), retry=True)
                self.finished_upload.emit()
            return
        if not shiboken6.isValid(self):
            return
        self.file_id = file_id(info) or None
        log.info("attachment uploaded")
        self._show_done()
        self.finished_upload.emit()

    def _on_progress(self, sent: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(sent, total) / total))

    def _show_done(self) -> None:
        self.bar.hide()
        self.retry.hide()
        set_text(self.status, "✓ Attached")

    def _show_failed(self, message: str, retry: bool) -> None:
        self.bar.hide()
        set_text(self.status, message)
        set_role(self.status, "error")
        self.retry.setVisible(retry)
