"""DashboardScreen with a real CallView in offscreen WebEngine: open, close, ``closed`` once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from static_site import serve_folder

from kiosk.ui.call import CallView
from kiosk.ui.staff.dashboard import DashboardScreen

PAGE_LOAD_MS = 15000


@pytest.fixture(scope="module")
def portal(tmp_path_factory, collector_off_for_module_server_thread) -> Iterator[str]:
    """A pretend portal on a free loopback port with a provider dashboard page."""
    root = tmp_path_factory.mktemp("portal")
    page = root / "providers" / "dashboard"
    page.mkdir(parents=True)
    (page / "index.html").write_text(
        "<html><head><title>dashboard</title></head><body>queue</body></html>", encoding="utf-8"
    )
    yield from serve_folder(root)


@pytest.fixture
def dashboard(qtbot, portal) -> Iterator[DashboardScreen]:
    """Not handed to qtbot: its view must be torn down (page before profile) before the
    widget is deleted, which qtbot would do first."""
    screen = DashboardScreen(CallView(portal_origin=portal + "/"))
    screen.resize(1280, 800)
    screen.show()
    yield screen
    screen.close_dashboard()
    screen.close()
    screen.deleteLater()


def open_and_load(qtbot, dashboard: DashboardScreen, portal: str) -> None:
    dashboard.open_dashboard(f"{portal}/providers/dashboard/")
    qtbot.waitUntil(
        lambda: dashboard.view.page is not None and dashboard.view.page.title() == "dashboard",
        timeout=PAGE_LOAD_MS,
    )


def test_a_new_dashboard_is_closed(dashboard):
    assert not dashboard.open
    assert dashboard.view.page is None


def test_opening_loads_the_dashboard_in_the_call_view(qtbot, dashboard, portal):
    open_and_load(qtbot, dashboard, portal)

    assert dashboard.open
    assert dashboard.view.parent() is dashboard
    assert dashboard.view.page.profile().isOffTheRecord()


def test_closing_tears_the_view_down_and_emits_closed(qtbot, dashboard, portal):
    open_and_load(qtbot, dashboard, portal)
    page = dashboard.view.page

    with qtbot.waitSignal(dashboard.closed, timeout=1000):
        dashboard.close_dashboard()

    assert not dashboard.open
    assert not shiboken6.isValid(page)


def test_closed_is_emitted_once_however_often_it_is_closed(qtbot, dashboard, portal):
    open_and_load(qtbot, dashboard, portal)
    closed: list[None] = []
    dashboard.closed.connect(lambda: closed.append(None))

    dashboard.close_dashboard()
    dashboard.close_dashboard()
    dashboard.close_button.click()

    assert closed == [None]


def test_the_close_button_closes_it(qtbot, dashboard, portal):
    open_and_load(qtbot, dashboard, portal)

    with qtbot.waitSignal(dashboard.closed, timeout=1000):
        qtbot.mouseClick(dashboard.close_button, Qt.MouseButton.LeftButton)

    assert not dashboard.open


def test_closing_a_dashboard_never_opened_emits_nothing(qtbot, dashboard):
    with qtbot.assertNotEmitted(dashboard.closed):
        dashboard.close_dashboard()


def test_reopening_replaces_the_page_and_closes_once(qtbot, dashboard, portal):
    open_and_load(qtbot, dashboard, portal)
    first = dashboard.view.page
    open_and_load(qtbot, dashboard, portal)
    closed: list[None] = []
    dashboard.closed.connect(lambda: closed.append(None))

    dashboard.close_dashboard()

    assert not shiboken6.isValid(first)
    assert closed == [None]
