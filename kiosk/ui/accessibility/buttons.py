"""The patient's accessibility toggles: "Aa" (large text) and audio guidance, as buttons.

Pure views. Each toggle is a checkable ``QPushButton`` tagged with the property
``a11y_choice`` (``"large_text"`` or ``"audio_guidance"``); ``AccessibilityPresenter`` finds
every tagged button in the window, turns its taps into the session's choices and keeps all of
them checked as the choices are.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.resources import icon_path
from kiosk.ui.i18n import live, set_text, tr_text

ICON_PX = 32
CHOICE_PROPERTY = "a11y_choice"
LARGE_TEXT = "large_text"
AUDIO_GUIDANCE = "audio_guidance"


_icons: dict[str, QIcon] = {}


def speaker_icon() -> QIcon:
    """Read once: every wizard step builds its own toggles, and an SVG costs a parse."""
    if "speaker" not in _icons:
        _icons["speaker"] = QIcon(str(icon_path("speaker")))
    return _icons["speaker"]


LARGE_TEXT_NAME = QT_TRANSLATE_NOOP("AccessibilityButtons", "Large text")
GUIDANCE_NAME = QT_TRANSLATE_NOOP("AccessibilityButtons", "Audio guidance")
#: The large-text toggle's face: a letter pair, translatable where "Aa" means nothing.
LARGE_TEXT_FACE = QT_TRANSLATE_NOOP("AccessibilityButtons", "Aa")


def large_text_name() -> str:
    return tr_text(LARGE_TEXT_NAME)


def guidance_name() -> str:
    return tr_text(GUIDANCE_NAME)


def _toggle(button: QPushButton, choice: str, name: str) -> QPushButton:
    button.setCheckable(True)
    button.setProperty(CHOICE_PROPERTY, choice)
    if name:
        set_text(button, name, "setAccessibleName")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def choice_of(button: QPushButton) -> str:
    """``"large_text"``, ``"audio_guidance"`` or ``""`` (not an accessibility toggle)."""
    value = button.property(CHOICE_PROPERTY)
    return value if isinstance(value, str) else ""


class AccessibilityButtons(QWidget):
    """ "Aa" and a speaker, right-aligned in a screen's top bar (``ScreenHeader``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccessibilityButtons")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.large_text_button = _toggle(
            live(QPushButton(self), LARGE_TEXT_FACE), LARGE_TEXT, LARGE_TEXT_NAME
        )
        self.guidance_button = _toggle(QPushButton(self), AUDIO_GUIDANCE, GUIDANCE_NAME)
        self.guidance_button.setIcon(speaker_icon())
        self.guidance_button.setIconSize(QSize(ICON_PX, ICON_PX))
        for button in (self.large_text_button, self.guidance_button):
            button.setProperty("a11y", "toggle")
            layout.addWidget(button)


def guidance_button(parent: QWidget | None = None) -> QPushButton:
    """Welcome's own, labelled "Audio guidance" toggle (the top bar's is an icon)."""
    button = _toggle(
        live(QPushButton(speaker_icon(), "", parent), GUIDANCE_NAME), AUDIO_GUIDANCE, ""
    )
    button.setIconSize(QSize(ICON_PX, ICON_PX))
    button.setProperty("a11y", "welcome-guidance")
    return button


__all__ = [
    "AUDIO_GUIDANCE",
    "LARGE_TEXT",
    "AccessibilityButtons",
    "choice_of",
    "guidance_button",
    "guidance_name",
    "large_text_name",
]
