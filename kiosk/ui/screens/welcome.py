"""``WelcomeScreen``: the clinic's name, a calm line from the clinic, and one big "Check in"."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.accessibility.buttons import guidance_button
from kiosk.ui.i18n import set_text
from kiosk.ui.widgets import Screen, big_button, heading
from kiosk.ui.widgets.language_button import LanguageButton

WELCOME = QT_TRANSLATE_NOOP("WelcomeScreen", "Welcome")
WELCOME_TO = QT_TRANSLATE_NOOP("WelcomeScreen", "Welcome to {clinic}")
LEAD = QT_TRANSLATE_NOOP("WelcomeScreen", "Check in here to see a provider by video.")
CHECK_IN = QT_TRANSLATE_NOOP("WelcomeScreen", "Check in")


class Wording(NamedTuple):
    """Welcome's big title and the line under it."""

    title: str
    lead: str


#: What Welcome says instead of its invitation while the kiosk is out of service.
OUT_OF_SERVICE = Wording(
    title=QT_TRANSLATE_NOOP(
        "WelcomeScreen", "This kiosk is out of service — please see the front desk"
    ),
    lead=QT_TRANSLATE_NOOP("WelcomeScreen", "It will be back by itself as soon as it can."),
)


class WelcomeScreen(Screen):
    """The idle screen. ``check_in_requested`` starts a guest visit; ``patient_code_requested``
    starts one for a known patient (the link shows only when ``set_patient_code_enabled(True)``).
    The clinic's name and the waiting-room subtitle (e.g. the emergency line) come from
    ``set_clinic``/``set_subtitle``; both may be empty before the account was first loaded.
    ``set_out_of_service(True)`` turns it into a calm notice with no button (the clinic is
    unreachable or calls keep failing); ``False`` brings the invitation back."""

    check_in_requested = Signal()
    patient_code_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # No clinic mark on Welcome (the title names the clinic); its top bar keeps the toggles.
        self.header.logo.hide()
        body = self.body_widget
        self.title = heading(WELCOME, "title", body)
        self.title.setProperty("screens", "hero")
        self.lead = heading(LEAD, "muted", body)
        self.lead.setProperty("screens", "lead")
        self.subtitle = heading("", "notice", body)
        self.subtitle.setProperty("screens", "subtitle")
        self.subtitle.hide()
        self.check_in_button = big_button(CHECK_IN, "primary", body)
        self.check_in_button.setProperty("screens", "hero-button")
        self.code_button = big_button(
            QT_TRANSLATE_NOOP("WelcomeScreen", "I have a patient code"), "link", body
        )
        self.code_button.hide()
        #: "Español" (or "English"): the whole kiosk in the other language for this patient.
        self.language_button = LanguageButton(True, body)
        self.body.addWidget(self.title)
        self.body.addWidget(self.lead)
        self.body.addSpacing(24)
        self.body.addWidget(self.check_in_button)
        self.body.addWidget(self.code_button)
        self.body.addWidget(self.language_button)
        self.guidance_button = guidance_button(body)
        self.body.addWidget(self.guidance_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.footer.addWidget(self.subtitle)
        self.check_in_button.clicked.connect(self.check_in_requested)
        self.code_button.clicked.connect(self.patient_code_requested)
        self._clinic = ""
        self._code_enabled = False
        self.out_of_service = False

    def set_clinic(self, name: str) -> None:
        # Not in the header: the title says "Welcome to <clinic>".
        self._clinic = name
        self._refresh()

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
        self.subtitle.setVisible(bool(text.strip()))

    def set_patient_code_enabled(self, enabled: bool) -> None:
        self._code_enabled = enabled
        self._refresh()

    def set_out_of_service(self, out: bool) -> None:
        self.out_of_service = out
        self._refresh()

    def _refresh(self) -> None:
        out = self.out_of_service
        if out:
            wording = OUT_OF_SERVICE
        else:
            title = WELCOME_TO.format(clinic=self._clinic) if self._clinic else WELCOME
            wording = Wording(title, LEAD)
        set_text(self.title, wording.title)
        set_text(self.lead, wording.lead)
        self.check_in_button.setVisible(not out)
        self.code_button.setVisible(self._code_enabled and not out)


__all__ = ["WelcomeScreen"]
