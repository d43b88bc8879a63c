"""Document sections: consent, terms of service, and the sign-up "accept the terms" box."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_invalid, set_role
from kiosk.ui.widgets.boxes import framed
from kiosk.ui.wizard.fields.choices import toggle_face
from kiosk.ui.wizard.load_panel import LoadPanel
from kiosk.ui.wizard.registry import section_widget
from kiosk.ui.wizard.sections.base import SectionWidget
from kiosk.wizard import ConsentGiven, Submission, TermsAccepted

CONSENT_CODE = "consent"
TERMS_CODE = "terms_of_use"
EMPTY_DOCUMENT = QT_TRANSLATE_NOOP(
    "DocumentSection", "This document is empty. Please ask at the front desk."
)
LOADING_TERMS = QT_TRANSLATE_NOOP("DocumentSection", "Loading the terms…")
# Links the session puts in a document to open another account document inside the kiosk
# (``kiosk.session.documents.TERMS_LINK``); any other link is not followed.
DOCUMENT_LINK = "kiosk-document:"
_HTML = re.compile(r"<\s*[a-zA-Z][^>]*>")


def document_view(
    text: str, parent: QWidget, open_document: Callable[[str], None] | None = None
) -> QWidget:
    """A card with the document: HTML rendered as rich text, anything else as plain text.

    Links never open a browser (a kiosk has none). A ``kiosk-document:<code>`` link calls
    ``open_document(code)`` so the section can show that document inline; others do nothing.
    The step body scrolls it.
    """
    card, layout = framed(parent, "card", (28, 24))
    label = QLabel(card)
    label.setWordWrap(True)
    rich = bool(_HTML.search(text))
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    if rich and open_document is not None and DOCUMENT_LINK in text:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        label.linkActivated.connect(
            lambda link: (
                open_document(link[len(DOCUMENT_LINK) :])
                if link.startswith(DOCUMENT_LINK)
                else None
            )
        )
    else:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    set_text(label, text.strip() or EMPTY_DOCUMENT)
    label.setProperty("wizard", "document")
    layout.addWidget(label)
    return card


class DocumentSection(SectionWidget):
    """Loads ``document_code`` through the services and shows it."""

    document_code = CONSENT_CODE

    def build(self) -> None:
        code = self.document_code
        self.linked: dict[str, LoadPanel] = {}
        self.panel = LoadPanel(
            lambda: self.services.load_document(code),
            lambda text: document_view(str(text), self, self.open_linked_document),
            QT_TRANSLATE_NOOP("DocumentSection", "Loading the document…"),
            self,
        )
        self.body.addWidget(self.panel)

    def open_linked_document(self, code: str) -> None:
        """A ``kiosk-document:`` link was tapped: show that document below (tap again: hide)."""
        panel = self.linked.get(code)
        if panel is not None:
            panel.setVisible(not panel.isVisible())
            return
        panel = LoadPanel(
            lambda: self.services.load_document(code),
            lambda text: document_view(str(text), self),
            LOADING_TERMS,
            self,
        )
        self.linked[code] = panel
        self.body.addWidget(panel)


@section_widget("consent_text")
class ConsentSection(DocumentSection):
    """The clinic's consent form; Next ("I Agree") submits `ConsentGiven`."""

    next_title_hint = "I Agree"

    def validate(self) -> list[QWidget]:
        # Agreeing to a document the patient could not see would be meaningless.
        return [self.panel] if self.panel.content is None else []

    def submissions(self) -> list[Submission]:
        return [ConsentGiven(self.document_code)]


@section_widget("terms_of_service_text")
class TermsTextSection(DocumentSection):
    """The account's terms of use, to read; nothing to submit."""

    document_code = TERMS_CODE


@section_widget("post_signup_tos_popup")
class TermsAgreeSection(SectionWidget):
    """Title, "View Terms" (shown inline, loaded on first tap) and a required "I Agree" toggle."""

    shows_title = False

    def build(self) -> None:
        raw: dict[str, Any] = self.section.raw
        intro = live(
            QLabel(self),
            self.section.title
            or QT_TRANSLATE_NOOP("DocumentSection", "Please read and accept the terms of service."),
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        terms_title = _title(raw.get("terms"), QT_TRANSLATE_NOOP("DocumentSection", "View Terms"))
        self.view_button = live(QPushButton(self), terms_title)
        set_role(self.view_button, "link")
        self.view_button.clicked.connect(self._on_view_clicked)
        self.body.addWidget(self.view_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.panel: LoadPanel | None = None
        self._agree_title = _title(raw.get("agree"), "I Agree")
        self.agree = QPushButton(self)
        self.agree.setCheckable(True)
        set_role(self.agree, "choice")
        self.agree.toggled.connect(self._on_agree_toggled)
        self.body.addWidget(self.agree)
        self.error = live(
            QLabel(self), QT_TRANSLATE_NOOP("DocumentSection", "Please tap “I Agree” to continue.")
        )
        set_role(self.error, "error")
        self.error.hide()
        self.body.addWidget(self.error)
        self.agree.setChecked(self.state.get("agreed") is True)
        self._on_agree_toggled(self.agree.isChecked())

    def _on_view_clicked(self) -> None:
        if self.panel is None:
            self.panel = LoadPanel(
                lambda: self.services.load_document(TERMS_CODE),
                lambda text: document_view(str(text), self),
                LOADING_TERMS,
                self,
            )
            self.body.insertWidget(self.body.indexOf(self.agree), self.panel)
        else:
            self.panel.setVisible(not self.panel.isVisible())

    def _on_agree_toggled(self, checked: bool) -> None:
        self.state["agreed"] = checked
        set_text(self.agree, toggle_face(checked, self._agree_title))
        if checked:
            self.error.hide()
            set_invalid(self.agree, False)

    def validate(self) -> list[QWidget]:
        ok = self.agree.isChecked()
        self.error.setVisible(not ok)
        set_invalid(self.agree, not ok)
        return [] if ok else [self.agree]

    def submissions(self) -> list[Submission]:
        return [TermsAccepted()]


def _title(entry: object, default: str) -> str:
    title = entry.get("title") if isinstance(entry, dict) else None
    return title if isinstance(title, str) and title.strip() else default
