"""The language button: Welcome offers "Español", every screen's top bar a compact button,
and a tap switches every text live — without a new session or new screens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.session.language import SessionLanguage
from kiosk.ui.i18n import LanguageSwitcher, set_text, tr_text
from kiosk.ui.screens.identify import IdentifyScreen
from kiosk.ui.screens.welcome import CHECK_IN, WelcomeScreen
from kiosk.ui.widgets.language_button import LanguageButton


@pytest.fixture
def language(qapp) -> SessionLanguage:
    return SessionLanguage("en", ("en", "es"))


@pytest.fixture
def switcher(language) -> LanguageSwitcher:
    return LanguageSwitcher(language)


def test_welcome_offers_spanish_in_spanish(qtbot, switcher) -> None:
    welcome = WelcomeScreen()
    qtbot.addWidget(welcome)
    assert welcome.language_button.text() == "Español"
    assert welcome.check_in_button.text() == "Check in" == CHECK_IN


def test_a_tap_turns_the_screen_spanish_and_offers_english_back(qtbot, switcher) -> None:
    welcome = WelcomeScreen()
    welcome.set_clinic("Sunrise Family Clinic")
    qtbot.addWidget(welcome)
    qtbot.mouseClick(welcome.language_button, Qt.MouseButton.LeftButton)
    assert switcher.code == "es"
    assert welcome.check_in_button.text() == "Registrarse"
    assert "Sunrise Family Clinic" in welcome.title.text()
    assert welcome.title.text() != "Welcome to Sunrise Family Clinic"
    assert welcome.language_button.text() == "English"
    qtbot.mouseClick(welcome.language_button, Qt.MouseButton.LeftButton)
    assert welcome.check_in_button.text() == "Check in"
    assert welcome.title.text() == "Welcome to Sunrise Family Clinic"


def test_every_screen_top_bar_has_the_compact_button(qtbot, switcher) -> None:
    screen = IdentifyScreen()
    qtbot.addWidget(screen)
    buttons = screen.header.findChildren(LanguageButton)
    assert len(buttons) == 1
    assert buttons[0].text() == "Español" and not buttons[0].isHidden()


def test_the_locale_follows_the_language(switcher, language) -> None:
    language.set("es")
    assert QLocale().name() == "es_US"
    language.set("en")
    assert QLocale().name() == "en_US"


def test_without_a_switcher_there_is_no_language_button(qtbot) -> None:
    assert LanguageSwitcher.active() is None
    button = LanguageButton()
    qtbot.addWidget(button)
    assert button.isHidden()


def test_a_live_text_set_some_other_way_since_is_left_alone(qtbot, switcher, language) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    set_text(label, CHECK_IN)
    label.setText("Dr. Lee")  # clinic data set directly afterwards
    language.set("es")
    assert label.text() == "Dr. Lee"


def test_clinic_text_is_never_translated(switcher, language) -> None:
    language.set("es")
    assert tr_text("Check in") == "Check in"  # a plain str is the clinic's own words
    assert tr_text(CHECK_IN) == "Registrarse"


def test_numbers_in_a_message_follow_the_locale(switcher, language) -> None:
    message = QT_TRANSLATE_NOOP("Nowhere", "{n} people").format(n=1234)
    assert tr_text(message) == "1,234 people"
