"""``QrCodeWidget``: a QR code for a text, drawn square by square with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_matrix(text: str) -> list[list[bool]]:
    """The module matrix for ``text`` (True = dark), quiet zone included.

    Uses only ``qrcode``'s encoder (no image factory, so no Pillow); medium error correction
    survives a scratched or glare-hit screen. ``qrcode`` is imported here, on the first booking:
    its package pulls in Pillow (~100 ms of the kiosk's start-up otherwise).
    """
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(text)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


class QrCodeWidget(QWidget):
    """Shows ``text`` as a QR code that fills the largest square that fits.

    Modules are drawn at a whole number of pixels each so phone cameras see crisp edges. The
    text may carry a one-time token: it is kept for painting only, never logged or shown in a
    repr. An empty text draws nothing.
    """

    def __init__(self, text: str = "", edge: int = 280, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edge = edge
        self._matrix: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(edge * 2 // 3, edge * 2 // 3)
        self.set_text(text)

    def __repr__(self) -> str:
        return f"<QrCodeWidget modules={len(self._matrix)}>"

    def sizeHint(self) -> QSize:
        return QSize(self._edge, self._edge)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def set_text(self, text: str) -> None:
        self._matrix = qr_matrix(text) if text else []
        self.update()

    @property
    def matrix(self) -> list[list[bool]]:
        """The modules being drawn (a copy), for tests and printing."""
        return [list(row) for row in self._matrix]

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._matrix:
            return
        count = len(self._matrix)
        edge = min(self.width(), self.height())
        module = max(1, edge // count)
        size = module * count
        left = (self.width() - size) // 2
        top = (self.height() - size) // 2
        painter = QPainter(self)
        painter.fillRect(QRectF(left, top, size, size), QColor("#FFFFFF"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(left + x * module, top + y * module, module, module)
        painter.end()
