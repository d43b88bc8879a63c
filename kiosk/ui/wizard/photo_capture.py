"""``PhotoCapture``: "Take a photo" with the cart's camera — preview, take, retake, use.

The camera shows in a local page (``kiosk.devices.photo_page``) in a fresh off-the-record
WebEngine profile made for this capture and deleted with it (page first). A photo stays in
memory until the patient taps "Use this photo"; only then is it written, as a JPEG in the
session's capture folder, which the session's wipe deletes.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.call.hide_events import hidden_for_good
from kiosk.ui.call.local_page import local_page_class
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role

log = logging.getLogger("kiosk.ui.wizard")

NOT_READY = QT_TRANSLATE_NOOP("PhotoCapture", "The camera is starting. Try again in a moment.")
PREVIEW_MIN_HEIGHT = 300
POLL_MS = 300
_DATA_URL = "data:image/jpeg;base64,"


def decode_snapshot(data_url: object) -> bytes:
    """The JPEG bytes of ``kioskSnap()``'s data URL; b"" for anything else."""
    if not isinstance(data_url, str) or not data_url.startswith(_DATA_URL):
        return b""
    try:
        data = base64.b64decode(data_url[len(_DATA_URL) :], validate=True)
    except (binascii.Error, ValueError):
        return b""
    return data if data[:2] == b"\xff\xd8" else b""


def _photo_page_class() -> type:
    from kiosk.devices.photo_page import PHOTO_URL

    return local_page_class(PHOTO_URL)


class PhotoCapture(QWidget):
    """``start(camera, folder)`` shows the camera; ``photo_taken(Path)`` after "Use this photo";
    ``cancelled`` after "Cancel". Either way the camera is released (``stop``)."""

    photo_taken = Signal(Path)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: Any = None
        self._page: Any = None
        self._web: Any = None
        self._folder: Path | None = None
        self._photo = b""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self._stage = QVBoxLayout()
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(PREVIEW_MIN_HEIGHT)
        self.preview.hide()
        self._stage.addWidget(self.preview)
        layout.addLayout(self._stage, 1)
        self.message = live(QLabel(self), "")
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.take_button = set_role(
            live(QPushButton(self), QT_TRANSLATE_NOOP("PhotoCapture", "Take photo")), "primary"
        )
        self.retake_button = live(QPushButton(self), QT_TRANSLATE_NOOP("PhotoCapture", "Retake"))
        self.use_button = set_role(
            live(QPushButton(self), QT_TRANSLATE_NOOP("PhotoCapture", "Use this photo")), "primary"
        )
        self.cancel_button = live(QPushButton(self), QT_TRANSLATE_NOOP("PhotoCapture", "Cancel"))
        for button in (self.cancel_button, self.retake_button, self.take_button, self.use_button):
            row.addWidget(button, 1)
        layout.addLayout(row)
        self.take_button.clicked.connect(self.on_take_clicked)
        self.retake_button.clicked.connect(self.on_retake_clicked)
        self.use_button.clicked.connect(self.on_use_clicked)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.on_poll_timeout)
        self._show_live()

    @property
    def active(self) -> bool:
        return self._page is not None

    @property
    def has_photo(self) -> bool:
        return bool(self._photo)

    def start(self, camera: str, folder: Path) -> None:
        from PySide6.QtWebEngineWidgets import QWebEngineView

        from kiosk.devices.photo_page import PHOTO_URL, photo_page
        from kiosk.ui.call.environment import configure_webengine_environment
        from kiosk.ui.call.page import new_profile
        from kiosk.ui.call.rendering import choose_scene_graph
        from kiosk.ui.lockdown import lock_web_view

        self.stop()
        configure_webengine_environment()
        choose_scene_graph()
        self._folder = folder
        self._photo = b""
        self._profile = new_profile()
        self._page = _photo_page_class()(self._profile)
        self._web = QWebEngineView(self)
        self._web.setPage(self._page)
        self._web.setMinimumHeight(PREVIEW_MIN_HEIGHT)
        lock_web_view(self._web)
        self._stage.insertWidget(0, self._web, 1)
        self._page.setHtml(photo_page(camera), QUrl(PHOTO_URL))
        self._show_live()
        self._poll.start()
        log.info("photo.camera_opened")

    def stop(self) -> None:
        """Release the camera: page, then view, then profile (GUIDE); safe to call twice."""
        self._poll.stop()
        page, web, profile = self._page, self._web, self._profile
        self._page = self._web = self._profile = None
        if page is not None:
            page.runJavaScript("window.kioskStopPhoto && window.kioskStopPhoto()", 0)
            page.deleteLater()
        if web is not None:
            self._stage.removeWidget(web)
            web.hide()
            web.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if profile is not None:
            profile.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def hideEvent(self, event: Any) -> None:
        """Hidden (another step, the session ended): the camera goes off with it."""
        if hidden_for_good(self):
            self.stop()
        super().hideEvent(event)

    # -- slots ----------------------------------------------------------------------------

    def on_poll_timeout(self) -> None:
        if self._page is not None:
            self._page.runJavaScript(
                "window.kioskPhoto ? window.kioskPhoto.message : ''", 0, self.on_page_message
            )

    def on_page_message(self, text: object) -> None:
        if isinstance(text, str) and text:
            self._poll.stop()
            set_text(self.message, text)
            self.message.show()
            self.take_button.setEnabled(False)

    def on_take_clicked(self) -> None:
        if self._page is not None:
            self._page.runJavaScript("window.kioskSnap ? window.kioskSnap() : ''", 0, self.on_snap)

    def on_snap(self, data_url: object) -> None:
        photo = decode_snapshot(data_url)
        if not photo:
            set_text(self.message, NOT_READY)
            self.message.show()
            return
        image = QImage.fromData(photo)
        if image.isNull():
            set_text(self.message, NOT_READY)
            self.message.show()
            return
        self._photo = photo
        self.message.hide()
        target = self.preview.size() if self.preview.width() > 10 else self.size()
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                target.width(),
                max(PREVIEW_MIN_HEIGHT, target.height()),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        if self._web is not None:
            self._web.hide()
        self.preview.show()
        self.take_button.hide()
        self.retake_button.show()
        self.use_button.show()
        log.info("photo.taken")

    def on_retake_clicked(self) -> None:
        self._photo = b""
        self.preview.clear()
        self._show_live()

    def on_use_clicked(self) -> None:
        if not self._photo or self._folder is None:
            return
        handle, name = tempfile.mkstemp(prefix="photo-", suffix=".jpg", dir=self._folder)
        with os.fdopen(handle, "wb") as out:
            out.write(self._photo)
        self._photo = b""
        self.stop()
        log.info("photo.used")
        self.photo_taken.emit(Path(name))

    def on_cancel_clicked(self) -> None:
        self._photo = b""
        self.stop()
        self.cancelled.emit()

    def _show_live(self) -> None:
        self.preview.hide()
        if self._web is not None:
            self._web.show()
        self.take_button.show()
        self.take_button.setEnabled(True)
        self.retake_button.hide()
        self.use_button.hide()
