"""Text-only sections: the emergency warning and labels with `**bold**` markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live
from kiosk.ui.widgets.boxes import framed
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.wizard.markup import label_html

EMERGENCY_TITLE = QT_TRANSLATE_NOOP("NoticeSection", "If this is an emergency, call 911")
EMERGENCY_TEXT = QT_TRANSLATE_NOOP(
    "NoticeSection",
    "If this is an emergency, call 911 or go to the nearest emergency department now. "
    "Please tell the front desk right away if you feel worse while you wait.",
)


@section_widget("emergency_warning")
class EmergencySection(SectionWidget):
    """A calm red box: what to do in an emergency. The clinic's title replaces the text if set."""

    shows_title = False

    def build(self) -> None:
        box, layout = framed(self, "alert", (24, 20))
        heading = live(QLabel(box), EMERGENCY_TITLE)
        heading.setProperty("wizard", "alert-title")
        text = live(QLabel(box), self.section.title or EMERGENCY_TEXT)
        text.setTextFormat(Qt.TextFormat.PlainText)
        for label in (heading, text):
            label.setWordWrap(True)
            layout.addWidget(label)
        self.text_label = text
        self.body.addWidget(box)


@section_widget("label")
class LabelSection(SectionWidget):
    """The section title as a paragraph; ``**bold**`` is bold, all other text escaped."""

    shows_title = False

    def build(self) -> None:
        label = QLabel(label_html(self.section.title), self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setProperty("wizard", "lead")
        self.label = label
        self.body.addWidget(label)
