"""Every screen fits every supported screen size: nothing needs more room than the screen, and
each screen's action buttons are pinned on screen — with the on-screen keyboard up as well."""

from __future__ import annotations

import pytest
from fit_fakes import SIZES, FitRig
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from kiosk.constants import LARGE_TEXT_SCALE
from kiosk.ui.fit import fit_problems
from kiosk.ui.theme import TypeScale
from kiosk.ui.widgets import scroll_area_of


def labels_of(field: QWidget) -> list[QLabel]:
    """The visible labels naming ``field`` (their buddy), within its window."""
    return [
        label
        for label in field.window().findChildren(QLabel)
        if label.buddy() is field and label.isVisible() and label.text()
    ]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits_and_keeps_its_actions_on_screen(rig: FitRig, size) -> None:
    rig.resize(size)
    problems: list[str] = []
    walked: list[str] = []
    for name, show in rig.scenes():
        actions = show()
        rig.settle()
        walked.append(name)
        problems.extend(f"{name}: {p}" for p in fit_problems(rig.window, QSize(*size), actions))
    assert not problems, "\n".join(problems)
    assert len(walked) == len(set(walked))
    assert {"welcome", "identify", "room pick", "waiting room", "call", "booked"} <= set(walked)
    assert {"goodbye", "still there", "staff pin", "staff console: Status"} <= set(walked)
    assert sum(name.startswith("step ") for name in walked) == rig.step_count


#: Spanish runs about a quarter longer than English: the landscape kiosk and the tall portrait.
SPANISH_SIZES = [(1280, 800), (1080, 1920)]


@pytest.mark.parametrize("size", SPANISH_SIZES, ids=[f"{w}x{h}" for w, h in SPANISH_SIZES])
def test_every_screen_fits_in_spanish(rig: FitRig, size) -> None:
    from kiosk.session.language import SessionLanguage
    from kiosk.ui.i18n import LanguageSwitcher

    LanguageSwitcher(SessionLanguage("es", ("en", "es")))
    assert rig.window.welcome.check_in_button.text() == "Registrarse"
    rig.resize(size)
    problems: list[str] = []
    for name, show in [*rig.scenes(), *rig.overlay_scenes()]:
        actions = show()
        rig.settle()
        problems.extend(f"{name}: {p}" for p in fit_problems(rig.window, QSize(*size), actions))
        problems.extend(f"{name}: {p}" for p in clipped_buttons(rig.window))
    assert not problems, "\n".join(problems)


def clipped_buttons(window: QWidget) -> list[str]:
    """Visible buttons narrower than their text needs (longer words cut off at both ends).
    Keys of the on-screen keyboard size by the row, not by their label, and are left out."""
    from PySide6.QtWidgets import QPushButton

    from kiosk.ui.keyboard.panel import KeyButton

    return [
        f"button {button.text()!r} is {button.width()} px wide, needs {button.sizeHint().width()}"
        for button in window.findChildren(QPushButton)
        if button.isVisible()
        and not isinstance(button, KeyButton)
        and "\n" not in button.text()
        and button.text()
        and button.width() < button.minimumSizeHint().width()
    ]


LARGE_TEXT_SIZES = [(1280, 800), (1080, 1920)]


@pytest.mark.parametrize("size", LARGE_TEXT_SIZES, ids=[f"{w}x{h}" for w, h in LARGE_TEXT_SIZES])
def test_every_screen_fits_with_large_text(rig: FitRig, size) -> None:
    """The "Aa" button's 1.35× text, through the patient's choice and its presenter."""
    rig.large_text(True)
    rig.resize(size)
    problems: list[str] = []
    walked = 0
    for name, show in rig.scenes():
        actions = show()
        rig.settle()
        walked += 1
        problems.extend(f"{name}: {p}" for p in fit_problems(rig.window, QSize(*size), actions))
    assert not problems, "\n".join(problems)
    assert walked > 20
    lead = rig.window.welcome.lead  # a subheading-size line: 1.35 times larger
    assert lead.font().pixelSize() == round(TypeScale().font_subheading * LARGE_TEXT_SCALE)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_keyboard_never_covers_the_focused_field_and_actions_stay_on_screen(
    rig: FitRig, size
) -> None:
    rig.resize(size)
    rig.window.keyboard_control.install()
    problems: list[str] = []
    checked = 0
    labelled = 0
    steps_typed = set()
    for name, show, fields in rig.typing_scenes():
        actions = show()
        rig.settle()
        for field in fields():
            field.setFocus()
            rig.settle()
            assert rig.window.keyboard.isVisible(), f"{name}: no keyboard for {field}"
            keyboard = QRect(
                rig.window.keyboard.mapTo(rig.window, rig.window.keyboard.rect().topLeft()),
                rig.window.keyboard.size(),
            )
            box = QRect(field.mapTo(rig.window, field.rect().topLeft()), field.size())
            if box.intersects(keyboard) or box.bottom() > keyboard.top():
                problems.append(f"{name}: {field.accessibleName()} {box.getRect()} is covered")
            for label in labels_of(field):
                area = scroll_area_of(label)
                shown = QRect(label.mapTo(rig.window, label.rect().topLeft()), label.size())
                port = area.viewport() if area is not None else rig.window
                view = QRect(port.mapTo(rig.window, port.rect().topLeft()), port.size())
                if not view.contains(shown) or shown.intersects(keyboard):
                    problems.append(f"{name}: label {label.text()!r} of the focused field hidden")
                labelled += 1
            problems.extend(
                f"{name} (keyboard up): {p}"
                for p in fit_problems(rig.window, QSize(*size), actions)
            )
            checked += 1
            if name.startswith("step "):
                steps_typed.add(name)
    assert not problems, "\n".join(problems)
    assert checked >= 7
    assert labelled >= 5  # identify's names and date, the wizard's fields have buddy labels
    assert len(steps_typed) >= 3, steps_typed  # signup, profile, the intake's text box…


def test_the_window_never_asks_for_more_than_the_smallest_screen(rig: FitRig) -> None:
    smallest = QSize(min(w for w, _h in SIZES), min(h for _w, h in SIZES))
    rig.resize((smallest.width(), smallest.height()))
    for _name, show in rig.scenes():
        show()
        rig.settle()
        need = rig.window.minimumSizeHint()
        assert need.width() <= smallest.width() and need.height() <= smallest.height()


def test_a_line_edit_in_a_screen_does_not_widen_it(rig: FitRig) -> None:
    rig.resize((800, 1280))
    rig.scenes_by_name()["identify"]()
    rig.settle()
    edits = [e for e in rig.window.identify.findChildren(QLineEdit) if e.isVisible()]
    assert edits
    assert all(e.mapTo(rig.window, e.rect().topRight()).x() < 800 for e in edits)


@pytest.mark.parametrize("size", [(1024, 768), (1080, 1920)], ids=["1024x768", "1080x1920"])
def test_heading_body_and_buttons_share_one_left_edge_even_when_scrolling(rig: FitRig, size):
    from kiosk.ui.widgets import Screen

    rig.resize(size)
    seen_scrolling = False
    for name, show in rig.scenes():
        show()
        rig.settle()
        screen = rig.window.stack.currentWidget()
        if not isinstance(screen, Screen):
            continue
        seen_scrolling = seen_scrolling or screen.scroll_area.scrolls
        edges = {
            part: widget.mapTo(rig.window, widget.rect().topLeft()).x()
            for part, widget in (
                ("header", screen.header.parentWidget()),
                ("body", screen.body.parentWidget()),
                ("footer", screen.footer.parentWidget()),
            )
        }
        assert len(set(edges.values())) == 1, f"{name}: {edges}"
    assert seen_scrolling or size[1] > 1000  # the short screen has a scrolling screen to check
