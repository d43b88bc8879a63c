"""Screen readers: every control a patient can reach with Tab has a name and a role, on every
screen (the screen-fit walker's scenes), and Tab visits them in the order they are seen."""

from __future__ import annotations

import itertools

import window_input
from fit_fakes import FitRig
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from kiosk.ui.accessibility.names import accessible_name
from kiosk.ui.accessibility.reading_order import region_of
from kiosk.ui.wizard.load_panel import LoadPanel


def reachable(window: QWidget) -> list[QWidget]:
    """Widgets Tab can stop at on what the window shows now (one that hands its focus to a
    proxy — a tab widget to its tab bar — is not a stop of its own)."""
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and w.window() is window
    ]


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return f"{type(widget).__name__} in {type(parent).__name__ if parent else '-'}"


def test_every_focusable_widget_has_an_accessible_name_and_role(rig: FitRig) -> None:
    rig.resize((1280, 800))
    problems: list[str] = []
    checked = 0
    for name, show in rig.scenes():
        show()
        rig.settle()
        for widget in reachable(rig.window):
            face = QAccessible.queryAccessibleInterface(widget)
            if face is None or not face.isValid():
                problems.append(f"{name}: {describe(widget)} has no accessible interface")
                continue
            if not face.text(QAccessible.Text.Name).strip():
                problems.append(f"{name}: {describe(widget)} has no accessible name")
            container = isinstance(widget, QScrollArea)  # Qt's role for a scroll area: Client
            if face.role() == QAccessible.Role.NoRole or (
                face.role() == QAccessible.Role.Client and not container
            ):
                problems.append(f"{name}: {describe(widget)} has no role ({face.role()})")
            checked += 1
    assert not problems, "\n".join(sorted(set(problems)))
    assert checked > 100


def place(widget: QWidget, window: QWidget, inside: bool) -> QRect:
    """Where ``widget`` is: in its scroll area's content (``inside``), else on the window —
    for a scrolling widget, where its scroll area is."""
    region = region_of(widget, window)
    if region is not None and inside:
        content = region.widget()
        assert content is not None
        return QRect(widget.mapTo(content, QPoint(0, 0)), widget.size())
    shown = region or widget
    return QRect(shown.mapTo(window, QPoint(0, 0)), shown.size())


def read_before(window: QWidget, first: QWidget, second: QWidget) -> bool:
    """Whether a sighted reader meets ``first`` before ``second``: higher first, or on the
    same line further left; a scrolling column is read where it sits, whatever part shows."""
    inside = region_of(first, window) is region_of(second, window)
    a, b = place(first, window, inside), place(second, window, inside)
    same_line = b.center().y() <= a.bottom() and a.center().y() <= b.bottom()
    return a.left() < b.left() if same_line else a.top() < b.top()


def tab_reaches(widget: QWidget, seen: list[QWidget]) -> bool:
    """Tab stopped at ``widget``, or at a button of its group (the arrows go on from there)."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    if group is not None and group.exclusive():
        return any(button in seen for button in group.buttons())
    return widget in seen


def loaded(rig: FitRig) -> None:
    """Sections that fetch data (EMR, pharmacies, days) have shown it."""
    rig.qtbot.waitUntil(
        lambda: not any(p.loading for p in rig.window.findChildren(LoadPanel) if p.isVisible())
    )
    rig.settle()


def test_tab_goes_through_every_screen_in_reading_order(rig: FitRig) -> None:
    """Tab presses sent to the window (as a keyboard or keypad sends them) visit each
    patient screen's controls top to bottom, left to right, and come round to the first."""
    rig.resize((1280, 800))
    problems: list[str] = []
    visited = 0
    for name, show in rig.scenes():
        if name.startswith("staff") or name == "reset":
            continue
        show()
        rig.settle()
        loaded(rig)
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        seen: list[QWidget] = []
        for _ in range(100):
            window_input.key(rig.window, Qt.Key.Key_Tab)
            rig.settle()
            focus = QApplication.focusWidget()
            assert focus is not None, f"{name}: Tab focused nothing"
            if seen and focus is seen[0]:
                break  # round to the first again
            seen.append(focus)
        missed = [
            accessible_name(w)
            for w in reachable(rig.window)
            if not tab_reaches(w, seen) and not isinstance(w, QScrollArea)  # the page itself
        ]
        if missed:
            problems.append(f"{name}: neither Tab nor the arrows reach {missed}")
        for before, after in itertools.pairwise(seen):
            if not read_before(rig.window, before, after):
                problems.append(
                    f"{name}: Tab went from {accessible_name(before)!r} back to "
                    f"{accessible_name(after)!r}"
                )
        visited += 1
    assert not problems, "\n".join(problems)
    assert visited > 20
    assert rig.choices.keyboard_used  # the focus ring is drawn from the first Tab on
