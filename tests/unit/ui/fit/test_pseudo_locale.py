"""Every patient-visible word the kiosk writes itself goes through Qt's translation.

Under a pseudo-locale translator that brackets every text the Spanish catalogue knows
("⟦Check in⟧"), the fit tests' walk over every screen must show nothing else: each visible text,
once its bracketed parts, the clinic's own data (the seeded account's steps, questions and
options, the rig's clinic name, rooms, pharmacies, provider and notices), QLocale's day and
month names, numbers and times are taken out, has no letters left. A text that is not wrapped,
or wrapped but not extracted into the ``.ts``, shows unbracketed and fails the test.

Staff mode stays English (issue 13 allows it): its scenes are left out here, by name.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from fit_fakes import EMERGENCY, STATES_FILE, FitRig
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kiosk.i18n.catalog import NATIVE_NAMES, source_file
from kiosk.ui.i18n import retranslate_all

OPEN, CLOSE = "⟦", "⟧"
#: Staff mode may stay English (issue 13); these scenes are staff-only.
STAFF_SCENES = ("staff pin", "staff console")
RIG_DATA = (
    "Sunrise Family Clinic",
    "Colds, flu, injuries, and more",
    "Dr. Maria Lee",
    "https://clinic.example/vc/next/members/appointment/67258?token=f7gybzjd9o",
    "Asthma",
    "Main St",
    "Pharmacy",
    "Room",
    "The consent document.",
    "The terms_of_use document.",
    EMERGENCY,
)
_TAG = re.compile(r"<[^>]+>")
_BRACKETED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", re.DOTALL)
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?:\s*(?:AM|PM|a\.\s?m\.|p\.\s?m\.))?(?:\s+(?-i:[A-Z]{2,5})\b)?",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


def catalogue() -> set[tuple[str, str]]:
    root = ET.parse(source_file("es")).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


class PseudoTranslator(QTranslator):
    """Brackets every text the catalogue holds; anything else comes back untranslated."""

    def __init__(self, known: set[tuple[str, str]]) -> None:
        super().__init__()
        self.known = known

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if (context, source) in self.known:
            return f"{OPEN}{source}{CLOSE}"
        return None

    def isEmpty(self) -> bool:
        return False


def clinic_strings() -> list[str]:
    """Every string in the seeded account's states (titles, questions, options, consent)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                found.append(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(STATES_FILE.read_text(encoding="utf-8")))
    return found


def locale_words() -> list[str]:
    locale = QLocale()
    words = []
    for n in range(1, 13):
        for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            words.append(locale.monthName(n, kind))
    for n in range(1, 8):
        for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            words.append(locale.dayName(n, kind))
    return words


def visible_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget, widget.text()
        elif isinstance(widget, QLineEdit):
            yield widget, widget.placeholderText()
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            yield widget, widget.toPlainText()


def plain(text: str) -> str:
    """Markup, bold marks and runs of white space out: the clinic's text as a label shows it."""
    text = _TAG.sub(" ", text.replace("&nbsp;", " ")).replace("**", "")
    return _SPACES.sub(" ", text).strip()


def leftover(text: str, allowed: list[str], corpus: str = "") -> str:
    """What of ``text`` is neither translated, clinic data, a number nor a time."""
    rest = text
    while _BRACKETED.search(rest):  # innermost first: a translated sentence may hold another
        rest = _BRACKETED.sub("  ", rest)
    rest = plain(rest)
    for item in allowed:
        if item and item in rest:
            rest = rest.replace(item, " ")
    rest = _TIME.sub(" ", rest)
    for part in re.split(r"\s{2,}|[()/–—·]", rest):
        part = part.strip(" .,:;")
        if re.search(r"[^\W\d_]", part) and (not corpus or part not in corpus):
            return rest.strip()
    return ""


def is_key_cap(widget: QWidget) -> bool:
    """A key of the on-screen keyboard that types its own face (a letter) or switches the
    layout by a symbol ("ABC", "123", "àéñ"): glyphs, not words."""
    from kiosk.ui.keyboard.layouts import Action
    from kiosk.ui.keyboard.panel import KeyButton

    if not isinstance(widget, KeyButton):
        return False
    return widget.key.action is Action.LAYOUT or (
        widget.key.action is Action.TEXT and len(widget.key.label) <= 1
    )


@pytest.fixture
def pseudo(qapp) -> Iterator[PseudoTranslator]:
    translator = PseudoTranslator(catalogue())
    yield translator
    QCoreApplication.removeTranslator(translator)
    retranslate_all()


def install(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)
    retranslate_all()


def test_every_patient_screen_shows_only_translated_text_or_clinic_data(rig: FitRig, pseudo):
    """Every screen is built and shown in English first; then the language changes under it
    (as the language button does), so texts made once at construction are checked too."""
    rig.resize((1280, 800))
    for _name, show in [*rig.scenes(), *rig.overlay_scenes()]:
        show()
    rig.settle()
    install(pseudo)
    allowed = sorted(
        {*clinic_strings(), *RIG_DATA, *locale_words(), *NATIVE_NAMES.values()},
        key=len,
        reverse=True,
    )
    corpus = " ".join(plain(item) for item in [*clinic_strings(), *RIG_DATA])
    problems: list[str] = []
    walked = []
    for name, show in [*rig.scenes(), *rig.overlay_scenes()]:
        if name.startswith(STAFF_SCENES):
            continue
        show()
        if name.startswith("step "):
            # Sections that load (health record, pharmacies, slots, documents) show their
            # content, not only "Loading…": let the fake services answer.
            rig.qtbot.wait(50)
        rig.settle()
        walked.append(name)
        for widget, text in visible_texts(rig.window):
            if is_key_cap(widget):
                continue
            rest = leftover(text, allowed, corpus)
            if rest:
                problems.append(f"{name}: {type(widget).__name__} {text!r}")
    assert not problems, "\n".join(dict.fromkeys(problems))
    assert {"welcome", "identify", "waiting room", "booked", "goodbye", "still there"} <= set(
        walked
    )
    assert {"error panel", "keyboard", "lounge"} <= set(walked)


def test_the_pseudo_locale_catches_a_text_that_is_not_translated(qtbot, pseudo) -> None:
    install(pseudo)
    label = QLabel("Check in")  # a plain English literal: not through translation
    qtbot.addWidget(label)
    label.show()
    assert leftover(label.text(), []) == "Check in"
    QApplication.processEvents()
