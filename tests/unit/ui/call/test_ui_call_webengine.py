"""The real CallView in offscreen WebEngine: media permission by origin, blocked navigation,
call end detection and teardown. Pages come from loopback servers on two ports."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QUrl

from kiosk.ui.call import CallView


def _title(view: CallView) -> str:
    return view.page.title() if view.page is not None else ""


def test_portal_page_gets_the_camera(qtbot, view, portal):
    view.load(f"{portal}/media.html")
    qtbot.waitUntil(lambda: _title(view) in ("granted", "denied"), timeout=15000)
    assert _title(view) == "granted"


def test_foreign_origin_is_refused_the_camera(qtbot, foreign, portal):
    """A real page on another origin asks; the kiosk's handler denies. (Navigation rules are
    opened up in this subclass only, so the request can happen at all.)"""
    from PySide6.QtCore import QCoreApplication, QEvent

    from kiosk.ui.call.page import CallPage, new_profile

    class OpenPage(CallPage):
        def acceptNavigationRequest(self, *_args):
            return True

    profile = new_profile()
    page = OpenPage(profile, portal)
    try:
        page.load(QUrl(f"{foreign}/media.html"))
        qtbot.waitUntil(lambda: page.title() in ("granted", "denied"), timeout=15000)
        assert page.title() == "denied"
    finally:
        page.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        profile.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_navigation_to_another_origin_is_blocked(qtbot, view, portal, foreign):
    view.load(f"{portal}/visits/inbrowser_calling/42/")
    qtbot.waitUntil(lambda: view.page.url().path().endswith("/42/"), timeout=15000)
    assert not view.page.acceptNavigationRequest(
        QUrl(f"{foreign}/media.html"), view.page.NavigationType.NavigationTypeLinkClicked, True
    )
    with qtbot.waitSignal(view.page.loadFinished, timeout=15000):
        view.page.runJavaScript(f"location.href = '{foreign}/media.html'; 1")
        view.page.runJavaScript("setTimeout(() => location.reload(), 300); 1")
    assert view.page.url().toString().startswith(portal)


def test_popups_are_refused(view, portal):
    view.load(f"{portal}/media.html")
    assert view.page.createWindow(view.page.WebWindowType.WebBrowserTab) is None


def test_leaving_the_calling_page_does_not_end_the_call(qtbot, view, portal):
    view.load(f"{portal}/visits/inbrowser_calling/42/")
    qtbot.waitUntil(lambda: view.page.url().path().endswith("/42/"), timeout=15000)
    with qtbot.assertNotEmitted(view.call_left, wait=300):
        view.page.load(QUrl(f"{portal}/visits/inbrowser_calling/42/ended/"))
        qtbot.waitUntil(lambda: view.page.url().path().endswith("/ended/"), timeout=15000)


def test_the_page_closing_itself_emits_call_left_once(qtbot, view, portal):
    view.load(f"{portal}/visits/inbrowser_calling/42/")
    qtbot.waitUntil(lambda: view.page.url().path().endswith("/42/"), timeout=15000)
    with qtbot.waitSignal(view.call_left, timeout=15000):
        view.page.runJavaScript("window.close(); 1")
    with qtbot.assertNotEmitted(view.call_left, wait=300):
        view.page.runJavaScript("window.close(); 1")


def test_teardown_deletes_page_then_profile(view, portal):
    view.load(f"{portal}/media.html")
    page, profile = view.page, view._profile
    assert profile.isOffTheRecord() and profile.storageName() == ""
    view.teardown()
    assert not view.active
    assert not shiboken6.isValid(page) and not shiboken6.isValid(profile)


def test_a_prepared_view_is_not_a_call_and_is_used_by_the_call(qtbot, portal):
    view = CallView(portal_origin=portal)
    qtbot.addWidget(view)
    view.show()
    try:
        view.prepare()
        profile = view.profile
        assert profile is not None and not view.active

        view.load(f"{portal}/media.html")
        qtbot.waitUntil(lambda: _title(view) in ("granted", "denied"), timeout=15000)

        assert view.active and view.profile is profile
        assert _title(view) == "granted"
    finally:
        view.teardown()


def test_a_view_prepared_without_a_portal_still_opens_the_call(qtbot, view, portal):
    view.prepare()

    view.load(f"{portal}/media.html")
    qtbot.waitUntil(lambda: _title(view) in ("granted", "denied"), timeout=15000)

    assert _title(view) == "granted"
