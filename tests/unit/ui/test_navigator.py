"""Navigator: one screen history (replace, push/pop, reset) under overlays that stack by kind."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.ui.navigator import Navigator, Overlay


@pytest.fixture
def stack(qtbot) -> QStackedWidget:
    widget = QStackedWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def screens() -> dict[str, QWidget]:
    return {name: QWidget() for name in ("home", "a", "b", "staff", "idle", "reset", "lounge")}


@pytest.fixture
def nav(stack, screens) -> Navigator:
    return Navigator(stack, screens["home"])


def test_starts_on_home_and_shows_it(nav, stack, screens):
    assert nav.history == (screens["home"],)
    assert stack.currentWidget() is screens["home"]


def test_replace_swaps_the_top_screen_without_growing_the_history(nav, stack, screens):
    nav.replace(screens["a"])
    nav.replace(screens["b"])
    assert nav.history == (screens["b"],)
    assert stack.currentWidget() is screens["b"]


def test_push_then_pop_returns_to_the_screen_below(nav, stack, screens):
    nav.replace(screens["a"])
    nav.push(screens["b"])
    assert stack.currentWidget() is screens["b"]
    assert nav.pop()
    assert stack.currentWidget() is screens["a"]


def test_pop_at_the_bottom_does_nothing(nav, screens):
    assert not nav.pop()
    assert nav.screen is screens["home"]


def test_reset_starts_a_new_history(nav, screens):
    nav.push(screens["a"])
    nav.push(screens["b"])
    nav.reset(screens["home"])
    assert nav.history == (screens["home"],)


def test_an_overlay_covers_the_screen_and_hiding_it_shows_the_screen_again(nav, stack, screens):
    nav.replace(screens["a"])
    nav.show_overlay(Overlay.IDLE_COUNTDOWN, screens["idle"])
    assert stack.currentWidget() is screens["idle"]
    nav.hide_overlay(Overlay.IDLE_COUNTDOWN)
    assert stack.currentWidget() is screens["a"]


def test_the_flow_moves_on_under_an_overlay(nav, stack, screens):
    nav.show_overlay(Overlay.STAFF, screens["staff"])
    nav.replace(screens["b"])
    assert stack.currentWidget() is screens["staff"]
    nav.hide_overlay(Overlay.STAFF)
    assert stack.currentWidget() is screens["b"]


@pytest.mark.parametrize(
    "order",
    [
        (Overlay.LOUNGE_PROMPT, Overlay.IDLE_COUNTDOWN, Overlay.STAFF, Overlay.CRASH_RESET),
        (Overlay.CRASH_RESET, Overlay.STAFF, Overlay.IDLE_COUNTDOWN, Overlay.LOUNGE_PROMPT),
    ],
)
def test_overlays_stack_by_kind_whatever_order_they_come_in(nav, stack, screens, order):
    widgets = {
        Overlay.LOUNGE_PROMPT: screens["lounge"],
        Overlay.IDLE_COUNTDOWN: screens["idle"],
        Overlay.STAFF: screens["staff"],
        Overlay.CRASH_RESET: screens["reset"],
    }
    for kind in order:
        nav.show_overlay(kind, widgets[kind])
    assert stack.currentWidget() is screens["reset"]
    nav.hide_overlay(Overlay.CRASH_RESET)
    assert stack.currentWidget() is screens["staff"]
    nav.hide_overlay(Overlay.STAFF)
    assert stack.currentWidget() is screens["idle"]
    nav.hide_overlay(Overlay.IDLE_COUNTDOWN)
    assert stack.currentWidget() is screens["lounge"]
    nav.hide_overlay(Overlay.LOUNGE_PROMPT)
    assert stack.currentWidget() is screens["home"]


def test_showing_a_kind_again_swaps_its_widget(nav, stack, screens):
    nav.show_overlay(Overlay.STAFF, screens["staff"])
    nav.show_overlay(Overlay.STAFF, screens["b"])
    assert nav.overlay(Overlay.STAFF) is screens["b"]
    assert stack.currentWidget() is screens["b"]


def test_hiding_an_overlay_that_is_not_up_changes_nothing(nav, stack, screens):
    nav.replace(screens["a"])
    nav.hide_overlay(Overlay.CRASH_RESET)
    assert stack.currentWidget() is screens["a"] and nav.top_overlay is None
