"""What screen readers get: an error as its field's description, said once as it appears;
a choice's checked state; names for fields whose label sits a layout up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from kiosk.ui.accessibility.names import (
    accessible_name,
    announcer,
    describe_error,
    name_from_label,
)


@pytest.fixture
def heard() -> Iterator[list[tuple[str, bool]]]:
    """What the announcer says during the test."""
    said: list[tuple[str, bool]] = []

    def on_said(text: str, assertive: bool) -> None:
        said.append((text, assertive))

    announcer().said.connect(on_said)
    yield said
    announcer().said.disconnect(on_said)


def test_an_error_becomes_the_description_and_is_announced_once(qtbot, heard) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    describe_error(field, "Please fill this in.")
    describe_error(field, "Please fill this in.")  # still showing: not said again
    assert field.accessibleDescription() == "Please fill this in."
    assert heard == [("Please fill this in.", True)]
    describe_error(field, None)
    assert field.accessibleDescription() == ""


def test_identify_announces_its_field_errors(qtbot, heard) -> None:
    from kiosk.ui.screens.identify import IdentifyScreen

    screen = IdentifyScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.on_continue_clicked()  # nothing typed
    first = screen.first.edit
    assert first.accessibleDescription()
    assert (first.accessibleDescription(), True) in heard


def test_a_choice_reports_its_checked_state(qtbot) -> None:
    button = QPushButton("Yes")
    button.setCheckable(True)
    qtbot.addWidget(button)
    face = QAccessible.queryAccessibleInterface(button)
    assert face.state().checkable and not face.state().checked
    button.setChecked(True)
    assert face.state().checked
    assert accessible_name(button) == "Yes"


def test_a_field_is_named_after_a_label_a_layout_up_but_a_button_keeps_its_text(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("Pass&word  (optional)", holder)
    box = QWidget(holder)
    edit = QLineEdit(box)
    name_from_label(edit, label)
    assert accessible_name(edit) == "Password (optional)"
    button = QPushButton("Show", box)
    name_from_label(button, label)
    assert accessible_name(button) == "Show"
