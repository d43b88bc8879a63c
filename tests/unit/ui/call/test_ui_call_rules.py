"""The call view's pure rules: permissions, origins, navigation, URL watching, Chromium flags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from kiosk.ui.call import (
    CallUrlWatcher,
    configure_webengine_environment,
    decide_permission,
    is_allowed_navigation,
    origin_of,
)

PORTAL = "https://clinic.example"


@pytest.mark.parametrize(
    "kind", ["MediaAudioCapture", "MediaVideoCapture", "MediaAudioVideoCapture"]
)
def test_media_from_the_portal_origin_is_granted(kind):
    assert decide_permission(QUrl("https://clinic.example/visits/1"), kind, PORTAL)


@pytest.mark.parametrize(
    "origin",
    ["https://evil.example/", "http://clinic.example/", "https://clinic.example:8443/", ""],
)
def test_media_from_any_other_origin_is_refused(origin):
    assert not decide_permission(origin, "MediaAudioVideoCapture", PORTAL)


@pytest.mark.parametrize(
    "kind", ["Notifications", "Geolocation", "DesktopVideoCapture", "ClipboardReadWrite"]
)
def test_non_media_types_are_refused_even_from_the_portal(kind):
    assert not decide_permission("https://clinic.example/", kind, PORTAL)


def test_real_permission_enum_values_are_understood():
    from PySide6.QtWebEngineCore import QWebEnginePermission

    types = QWebEnginePermission.PermissionType
    assert decide_permission(PORTAL, types.MediaVideoCapture, PORTAL)
    assert not decide_permission(PORTAL, types.Notifications, PORTAL)


def test_unknown_portal_origin_refuses_everything():
    assert not decide_permission(PORTAL, "MediaAudioCapture", "")


def test_origin_of_drops_path_query_and_default_port():
    assert origin_of("https://Clinic.Example:443/vc/next/auth?sso_token=x") == PORTAL
    assert origin_of("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080"
    assert origin_of("data:text/html,hi") == ""


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://clinic.example/vc/next/visits/inbrowser_calling/7", True),
        ("about:blank", True),
        ("https://evil.example/", False),
        ("http://clinic.example/", False),
        ("data:text/html,<h1>hi</h1>", False),
        ("file:///etc/passwd", False),
    ],
)
def test_navigation_stays_on_the_portal_origin(url, allowed):
    assert is_allowed_navigation(url, PORTAL) is allowed


def test_watcher_notes_the_calling_page_but_not_the_sign_in_redirect():
    watcher = CallUrlWatcher()
    watcher.update("https://clinic.example/vc/next/auth?sso_token=x")
    assert not watcher.seen_call
    watcher.update("https://clinic.example/vc/next/visits/inbrowser_calling/7")
    assert watcher.seen_call


def test_no_url_ends_the_call_only_the_page_closing_itself_once():
    watcher = CallUrlWatcher()
    watcher.update("https://clinic.example/vc/next/visits/inbrowser_calling/7")
    watcher.update("https://clinic.example/vc/next/visits/inbrowser_calling/7/ended")
    watcher.update("https://clinic.example/vc/next/u/clinic")
    assert not watcher.left
    assert watcher.close_requested()
    assert not watcher.close_requested()


def test_flags_as_root_disable_the_sandbox_and_limit_renderers():
    env: dict[str, str] = {"QTWEBENGINE_CHROMIUM_FLAGS": "--foo"}
    configure_webengine_environment(env, euid=0)
    flags = env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert {"--foo", "--no-sandbox", "--renderer-process-limit=1"} <= set(flags)
    assert env["QTWEBENGINE_DISABLE_SANDBOX"] == "1"


def test_flags_as_a_normal_user_keep_the_sandbox():
    env: dict[str, str] = {}
    configure_webengine_environment(env, euid=1000)
    assert "--no-sandbox" not in env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in env


def test_flags_are_not_repeated():
    env: dict[str, str] = {}
    configure_webengine_environment(env, euid=0)
    assert configure_webengine_environment(env, euid=0) == []


def test_fake_media_is_added_only_when_asked():
    env: dict[str, str] = {}
    configure_webengine_environment(env, euid=1000)
    assert "--use-fake-device-for-media-stream" not in env["QTWEBENGINE_CHROMIUM_FLAGS"]
    configure_webengine_environment(env, euid=1000, fake_media=True)
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"].split() == [
        "--renderer-process-limit=1",
        "--enable-features=RunVideoCaptureServiceInBrowserProcess",
        "--disable-features=AudioServiceOutOfProcess",
        "--use-fake-device-for-media-stream",
    ]


def test_audio_and_video_capture_run_in_the_kiosk_process_merged_into_existing_features():
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--enable-features=Foo,Bar --disable-features=Baz"}
    configure_webengine_environment(env, euid=1000)
    flags = env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    enabled = [f for f in flags if f.startswith("--enable-features=")]
    disabled = [f for f in flags if f.startswith("--disable-features=")]
    # Chromium reads only the last of a repeated switch: one list each, the old names kept.
    assert enabled == ["--enable-features=Foo,Bar,RunVideoCaptureServiceInBrowserProcess"]
    assert disabled == ["--disable-features=Baz,AudioServiceOutOfProcess"]
    assert configure_webengine_environment(env, euid=1000) == []
