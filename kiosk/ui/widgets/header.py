"""``ScreenHeader``: the clinic's mark and name at the top of the patient screens."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.resources import icon_path
from kiosk.ui.accessibility.buttons import AccessibilityButtons
from kiosk.ui.widgets.language_button import LanguageButton

LOGO_PX = 44


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` (an empty icon if the file is missing)."""
    return QIcon(str(icon_path(name)))


class ScreenHeader(QWidget):
    """Clinic mark + name, left-aligned in the content column; empty name hides the text."""

    def __init__(self, clinic_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        self.logo = QLabel(self)
        self.logo.setPixmap(icon("clinic").pixmap(QSize(LOGO_PX, LOGO_PX)))
        self.logo.setFixedSize(LOGO_PX, LOGO_PX)
        self.name = QLabel(self)
        self.name.setProperty("screens", "clinic-name")
        layout.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.name, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(LanguageButton(False, self), 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(AccessibilityButtons(self), 0, Qt.AlignmentFlag.AlignRight)
        self.set_clinic(clinic_name)

    def set_clinic(self, name: str) -> None:
        self.name.setText(name)
        self.name.setVisible(bool(name))

    def set_logo(self, data: bytes) -> bool:
        """The clinic's own logo (image bytes) in place of the kiosk's mark; False (and the
        mark kept) when the bytes are not an image Qt can read."""
        pixmap = QPixmap()
        if not data or not pixmap.loadFromData(data):
            return False
        self.logo.setPixmap(
            pixmap.scaled(
                LOGO_PX,
                LOGO_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        return True
