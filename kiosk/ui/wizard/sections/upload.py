"""Image attachments: pick pictures from the kiosk's folders, upload with progress, remove."""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.constants import WIZARD_THUMBNAIL_PX
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.wizard.flow_layout import FlowLayout
from kiosk.ui.wizard.image_source import image_folders, list_images
from kiosk.ui.wizard.photo_capture import PhotoCapture
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.ui.wizard.upload_row import UploadRow
from kiosk.ui.wizard.visibility import set_shown
from kiosk.wizard import Attachments, Submission

log = logging.getLogger("kiosk.ui.wizard")

NO_IMAGES = QT_TRANSLATE_NOOP(
    "UploadSection", "There are no pictures on this kiosk yet. You can skip this and tap Next."
)
NO_IMAGES_CAMERA = QT_TRANSLATE_NOOP(
    "UploadSection", "Take a photo with the kiosk's camera, or skip this and tap Next."
)
TAKE_PHOTO = QT_TRANSLATE_NOOP("UploadSection", "Take a photo")
CAMERA_UNAVAILABLE = QT_TRANSLATE_NOOP("UploadSection", "The camera can't be used right now")
MSG_WAIT = QT_TRANSLATE_NOOP(
    "UploadSection", "Please wait until your pictures have finished sending."
)


@section_widget("file_upload")
class UploadSection(SectionWidget):
    """A thumbnail grid (tap = attach and upload at once) and a list of attached pictures.

    Uploads run as qasync tasks through ``services.upload_image``; Next waits for them. Only
    paths and file ids are kept (in `Answers`, in memory); no image data is copied.
    """

    def build(self) -> None:
        self.rows: list[UploadRow] = []
        self.tiles: dict[Path, QPushButton] = {}
        hint = live(QLabel(self), QT_TRANSLATE_NOOP("UploadSection", "Tap a picture to attach it."))
        set_role(hint, "hint")
        self.body.addWidget(hint)
        self.images = list_images(image_folders(self.services))
        grid_box = QWidget(self)
        grid = FlowLayout(grid_box, spacing=12)
        for path in self.images:
            tile = QPushButton(grid_box)
            tile.setProperty("wizard", "thumb")
            tile.setFixedSize(WIZARD_THUMBNAIL_PX + 16, WIZARD_THUMBNAIL_PX + 16)
            tile.setIconSize(QSize(WIZARD_THUMBNAIL_PX, WIZARD_THUMBNAIL_PX))
            tile.setAccessibleName(path.name)
            tile.setToolTip(path.name)
            tile.clicked.connect(lambda _=False, p=path: self.attach(p))
            grid.addWidget(tile)
            self.tiles[path] = tile
        can_capture = callable(getattr(self.services, "capture_dir", None))
        self.photo_button = live(QPushButton(self), TAKE_PHOTO)
        set_role(self.photo_button, "primary")
        set_shown(self.photo_button, can_capture)
        self.photo_button.clicked.connect(self.on_photo_clicked)
        self.body.addWidget(self.photo_button)
        self.capture: PhotoCapture | None = None
        if not self.images:
            empty = live(QLabel(self), NO_IMAGES_CAMERA if can_capture else NO_IMAGES)
            empty.setWordWrap(True)
            set_role(empty, "muted")
            self.body.addWidget(empty)
        self.body.addWidget(grid_box)
        self.grid_box = grid_box
        self.attached_box = QVBoxLayout()
        self.attached_box.setSpacing(10)
        self.body.addLayout(self.attached_box)
        self.message = live(QLabel(self), MSG_WAIT)
        set_role(self.message, "error")
        self.message.hide()
        self.body.addWidget(self.message)
        self._pending_thumbs = list(self.images)
        QTimer.singleShot(0, self._load_next_thumbnail)
        for entry in self.state.get("files", []):
            self._add_row(Path(entry["path"]), entry.get("file_id"))

    def _load_next_thumbnail(self) -> None:
        """Decode one thumbnail per event-loop turn so a full folder never freezes the screen."""
        if not shiboken6.isValid(self) or not self._pending_thumbs:
            return
        path = self._pending_thumbs.pop(0)
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(
                size.scaled(
                    WIZARD_THUMBNAIL_PX,
                    WIZARD_THUMBNAIL_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                )
            )
        image = reader.read()
        tile = self.tiles.get(path)
        if tile is not None:
            if image.isNull():
                set_text(tile, path.suffix.upper().lstrip(".") or "?")
            else:
                tile.setIcon(QIcon(QPixmap.fromImage(image)))
        QTimer.singleShot(0, self._load_next_thumbnail)

    def on_photo_clicked(self) -> None:
        """Open the camera in place of the picture grid."""
        if self.capture is None:
            self.capture = PhotoCapture(self)
            self.capture.photo_taken.connect(self.on_photo_taken)
            self.capture.cancelled.connect(self.on_photo_closed)
            self.body.insertWidget(self.body.indexOf(self.photo_button) + 1, self.capture)
        camera = self.services.camera_label()
        try:
            folder = Path(self.services.capture_dir())
        except OSError:
            log.warning("photo.capture_folder_unavailable")
            self.photo_button.setEnabled(False)
            set_text(self.photo_button, CAMERA_UNAVAILABLE)
            return
        self.photo_button.hide()
        self.grid_box.hide()
        self.capture.show()
        self.capture.start(str(camera or ""), folder)

    def on_photo_taken(self, path: Path) -> None:
        self.on_photo_closed()
        self.attach(path)

    def on_photo_closed(self) -> None:
        if self.capture is not None:
            self.capture.hide()
        self.grid_box.show()
        self.photo_button.show()

    def attach(self, path: Path) -> None:
        """Attach ``path`` (once) and start uploading it."""
        if any(row.path == path for row in self.rows):
            return
        row = self._add_row(path, None)
        row.start()

    def _add_row(self, path: Path, file_id: str | None) -> UploadRow:
        row = UploadRow(path, self.services, self, file_id=file_id)
        row.finished_upload.connect(self._sync_state)
        row.remove_requested.connect(lambda r=row: self.remove(r))
        self.attached_box.addWidget(row)
        self.rows.append(row)
        tile = self.tiles.get(path)
        if tile is not None:
            tile.setProperty("attached", "true")
            set_role(tile, "choice")
        return row

    def remove(self, row: UploadRow) -> None:
        """Drop an attachment (cancelling its upload if still running)."""
        row.cancel()
        self.rows.remove(row)
        self.attached_box.removeWidget(row)
        row.deleteLater()
        tile = self.tiles.get(row.path)
        if tile is not None:
            tile.setProperty("attached", "false")
            set_role(tile, "choice")
        self._sync_state()

    def _sync_state(self) -> None:
        self.state["files"] = [
            {"path": str(r.path), "file_id": r.file_id} for r in self.rows if r.file_id
        ]
        if not any(r.uploading for r in self.rows):
            self.message.hide()

    def file_ids(self) -> tuple[str, ...]:
        """Ids of the pictures that finished uploading, in the order attached."""
        return tuple(r.file_id for r in self.rows if r.file_id)

    def validate(self) -> list[QWidget]:
        busy = [r for r in self.rows if r.uploading]
        self.message.setVisible(bool(busy))
        return list(busy[:1])

    def submissions(self) -> list[Submission]:
        return [Attachments(self.file_ids())]
