"""The built-in keyboard: layouts by field kind, typing by taps, Shift, accents, Hide, sizes."""

from __future__ import annotations

import pytest
from on_screen import on_screen
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.keyboard import (
    LAYOUTS,
    MIN_KEY_PX,
    KeyboardController,
    KeyboardPanel,
    LayoutName,
    layout_for_hints,
)
from kiosk.ui.keyboard.layouts import LAYOUT_FOR_HINT, Action

H = Qt.InputMethodHint


class Host(QWidget):
    """A window like the kiosk's: fields above, the keyboard panel below."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.email.setInputMethodHints(H.ImhEmailCharactersOnly)
        self.phone = QLineEdit(self)
        self.phone.setInputMethodHints(H.ImhDialableCharactersOnly)
        self.button = QPushButton("Next", self)
        for widget in (self.name, self.email, self.phone, self.button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.panel = KeyboardPanel(self)
        layout.addWidget(self.panel)
        self.control = KeyboardController(self, self.panel, slide_ms=0)


@pytest.fixture
def host(qtbot) -> Host:
    from kiosk.ui.theme import stylesheet

    widget = Host()
    widget.setStyleSheet(stylesheet())
    on_screen(qtbot, widget, (1024, 768), exposed=True)
    widget.activateWindow()
    widget.button.setFocus()
    widget.control.install()
    return widget


def tap(qtbot, host: Host, label: str) -> None:
    qtbot.mouseClick(host.panel.button(label), Qt.MouseButton.LeftButton)


def focus(qtbot, host: Host, field: QWidget) -> None:
    field.setFocus()
    qtbot.waitUntil(lambda: host.control.target is field)


@pytest.mark.parametrize(("hints", "layout"), LAYOUT_FOR_HINT)
def test_the_layout_follows_the_fields_input_hints(hints, layout) -> None:
    assert layout_for_hints(hints) is layout


def test_a_field_with_no_hint_gets_letters() -> None:
    assert layout_for_hints(H.ImhNone) is LayoutName.LETTERS


def test_every_layout_but_letters_and_accents_answers_one_hint() -> None:
    answered = [layout for _hint, layout in LAYOUT_FOR_HINT]
    assert len(answered) == len(set(answered))
    assert set(answered) == set(LAYOUTS) - {LayoutName.LETTERS, LayoutName.ACCENTS}


def test_the_strongest_hint_wins_when_a_field_has_several() -> None:
    # A phone field is digits-only too; a number field may also prefer numbers.
    assert layout_for_hints(H.ImhDialableCharactersOnly | H.ImhDigitsOnly) is LayoutName.PHONE
    assert layout_for_hints(H.ImhDigitsOnly | H.ImhPreferNumbers) is LayoutName.NUMBER


def test_email_has_at_and_dot_com_and_no_space_bar() -> None:
    faces = {key.label for row in LAYOUTS[LayoutName.EMAIL].rows for key in row}
    assert {"@", ".com", "."} <= faces
    assert not any(key.types == " " for row in LAYOUTS[LayoutName.EMAIL].rows for key in row)


def test_every_layout_has_a_hide_key_and_a_delete_key() -> None:
    for layout in LAYOUTS.values():
        actions = {key.action for row in layout.rows for key in row}
        assert {Action.HIDE, Action.BACKSPACE} <= actions, layout.name


def test_focusing_a_text_field_shows_the_keyboard_inside_the_window(qtbot, host: Host) -> None:
    assert not host.panel.isVisible()
    focus(qtbot, host, host.name)
    assert host.panel.isVisible() and not host.panel.isWindow()
    assert host.panel.window() is host
    assert host.panel.layout_name is LayoutName.LETTERS


def test_keys_are_at_least_56_px_and_never_take_the_focus(qtbot, host: Host) -> None:
    for field in (host.name, host.email, host.phone):
        focus(qtbot, host, field)
        for button in host.panel.buttons():
            assert button.height() >= MIN_KEY_PX and button.width() >= MIN_KEY_PX, button.text()
            assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_tapping_keys_types_into_the_focused_field_with_a_capital_first(qtbot, host) -> None:
    focus(qtbot, host, host.name)
    assert host.panel.shifted  # empty name field: the first letter is a capital
    for label in ("J", "o", "s", "e"):
        tap(qtbot, host, label)
    tap(qtbot, host, "⌫")
    assert host.name.text() == "Jos"
    assert host.focusWidget() is host.name


def test_accents_key_and_shift_type_accented_capitals(qtbot, host: Host) -> None:
    focus(qtbot, host, host.name)
    tap(qtbot, host, "àéñ")
    assert host.panel.layout_name is LayoutName.ACCENTS
    tap(qtbot, host, "Ñ")  # still shifted: the field is empty
    tap(qtbot, host, "ü")
    tap(qtbot, host, "é")
    assert host.name.text() == "Ñüé"


def test_a_long_press_offers_the_letters_accents(qtbot, host: Host) -> None:
    focus(qtbot, host, host.name)
    host.panel.set_shift(False)
    key = host.panel.button("n")
    qtbot.mousePress(key, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: host.panel.strip.isVisible())
    qtbot.mouseRelease(key, Qt.MouseButton.LeftButton)
    assert host.name.text() == ""  # the held key types nothing itself
    tap(qtbot, host, "ñ")
    assert host.name.text() == "ñ"
    assert not host.panel.strip.isVisible()


def test_email_field_gets_the_email_layout_and_dot_com_types_in_one_tap(qtbot, host) -> None:
    focus(qtbot, host, host.email)
    assert host.panel.layout_name is LayoutName.EMAIL
    assert not host.panel.shifted
    for label in ("a", "@", "b", ".com"):
        tap(qtbot, host, label)
    assert host.email.text() == "a@b.com"


def test_phone_field_gets_the_phone_pad(qtbot, host: Host) -> None:
    focus(qtbot, host, host.phone)
    assert host.panel.layout_name is LayoutName.PHONE
    for label in ("+", "1", "5", "5", "5"):
        tap(qtbot, host, label)
    assert host.phone.text() == "+1555"


def test_hide_key_puts_it_away_and_a_tap_on_the_field_brings_it_back(qtbot, host) -> None:
    focus(qtbot, host, host.name)
    tap(qtbot, host, "Hide")
    assert not host.panel.isVisible()
    assert host.focusWidget() is host.name
    qtbot.mouseClick(host.name, Qt.MouseButton.LeftButton)
    assert host.panel.isVisible()


def test_focus_on_a_button_hides_it_only_after_the_finger_lifts(qtbot, host: Host) -> None:
    focus(qtbot, host, host.name)
    qtbot.mousePress(host.button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    host.button.setFocus()
    qtbot.wait(80)
    assert QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
    assert host.panel.isVisible()  # the button has not moved under the finger
    with qtbot.waitSignal(host.button.clicked):
        qtbot.mouseRelease(host.button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: not host.panel.isVisible())


def test_enter_key_sends_return_to_the_field(qtbot, host: Host) -> None:
    focus(qtbot, host, host.name)
    with qtbot.waitSignal(host.name.returnPressed):
        tap(qtbot, host, "Enter")


def test_uninstalled_it_never_shows(qtbot, host: Host) -> None:
    host.control.uninstall()
    host.name.setFocus()
    qtbot.wait(20)
    assert not host.panel.isVisible()


def test_symbols_show_and_type_an_ampersand(qtbot, host: Host) -> None:
    focus(qtbot, host, host.name)
    tap(qtbot, host, "123")
    key = host.panel.button("&")
    assert key.text() == "&&"  # drawn as "&", not taken for a mnemonic marker
    tap(qtbot, host, "&")
    assert host.name.text() == "&"
