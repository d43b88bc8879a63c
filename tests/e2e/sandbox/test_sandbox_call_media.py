"""The sandbox's calling page in the kiosk's call screen, with Chromium's fake devices: it
looks like a visit (provider tile from a canvas stream, the real self-view playing), has no
End button of its own when framed, and the kiosk bar times the call."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from on_screen import on_screen

from kiosk.ui.call import CallView
from kiosk.ui.screens import CallScreen

PAGE_TIMEOUT_MS = 30000

_STATE_JS = """JSON.stringify((() => {
  const self = document.getElementById('self-view');
  const provider = document.getElementById('provider');
  if (!self) { return null; }
  return {state: window.sandboxCall.state, media: window.sandboxCall.media,
          error: window.sandboxCall.error, framed: !!(window.kiosk && window.kiosk.framed),
          endHidden: document.getElementById('end').hidden,
          selfWidth: self.videoWidth, selfTime: self.currentTime, selfPaused: self.paused,
          providerWidth: provider.videoWidth, providerTime: provider.currentTime,
          cameras: window.kiosk ? window.kiosk.cameraCount : -1};
})())"""


class PageState:
    def __init__(self, view: CallView) -> None:
        self.view = view
        self.value: dict | None = None

    def refresh(self) -> None:
        self.view.run_js(_STATE_JS, self._store)

    def _store(self, text: object) -> None:
        self.value = json.loads(text) if isinstance(text, str) and text else None

    def get(self, key: str) -> object:
        return (self.value or {}).get(key)


def wait_for(qtbot, state: PageState, predicate) -> None:
    def check() -> bool:
        state.refresh()
        return state.value is not None and bool(predicate(state))

    qtbot.waitUntil(check, timeout=PAGE_TIMEOUT_MS)


@pytest.fixture
def screen(qtbot, server):
    call = CallScreen(CallView(portal_origin=server.portal_base_url))
    on_screen(qtbot, call, (1280, 800))
    yield call
    call.stop_call()


def test_the_call_looks_like_a_visit_and_the_self_view_plays(qtbot, api, server, screen) -> None:
    token = api.token()
    visit = api.walkin(token)
    query = urlencode({"sso_token": token, "next": f"/visits/inbrowser_calling/{visit['id']}"})
    screen.set_clinic("VClinic")
    screen.start_call(f"{server.portal_base_url}auth?{query}")
    state = PageState(screen.call_view)
    wait_for(qtbot, state, lambda s: s.get("state") == "waiting")
    assert state.get("framed") is True

    api.root.post(f"_sandbox/provider/start/{visit['id']}").raise_for_status()
    wait_for(qtbot, state, lambda s: (s.get("selfWidth") or 0) > 0)
    first = float(state.get("selfTime") or 0)
    wait_for(qtbot, state, lambda s: float(s.get("selfTime") or 0) > first + 0.2)

    assert state.get("media") == "audio+video"
    assert state.get("error") == ""
    assert state.get("selfPaused") is False
    assert (state.get("providerWidth") or 0) > 0, "the provider tile is a playing stream"
    assert state.get("endHidden") is True, "the kiosk's bar has the only End"
    assert screen.clinic_label.text() == "VClinic"
    assert screen.elapsed_label.text().startswith("0:")
    wait_for(qtbot, state, lambda s: s.get("cameras") == 1)


_NO_CAMERA_JS = """(() => {
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = (c) => c && c.video
    ? Promise.reject(new DOMException('Requested device not found', 'NotFoundError'))
    : gum(c);
  return true;
})()"""

_ERROR_JS = """JSON.stringify({text: document.getElementById('media-text').textContent,
  shown: !document.getElementById('media-error').hidden,
  audioOnly: !document.getElementById('audio-only').hidden,
  media: window.sandboxCall.media})"""


def test_no_camera_is_a_patient_sentence_with_audio_only(qtbot, api, server, screen) -> None:
    token = api.token()
    visit = api.walkin(token)
    query = urlencode({"sso_token": token, "next": f"/visits/inbrowser_calling/{visit['id']}"})
    screen.start_call(f"{server.portal_base_url}auth?{query}")
    state = PageState(screen.call_view)
    wait_for(qtbot, state, lambda s: s.get("state") == "waiting")
    done = []
    screen.call_view.run_js(_NO_CAMERA_JS, done.append)
    qtbot.waitUntil(lambda: done == [True], timeout=PAGE_TIMEOUT_MS)

    api.root.post(f"_sandbox/provider/start/{visit['id']}").raise_for_status()
    wait_for(qtbot, state, lambda s: s.get("error") == "NotFoundError")
    values: list = []
    screen.call_view.run_js(_ERROR_JS, values.append)
    qtbot.waitUntil(lambda: bool(values), timeout=PAGE_TIMEOUT_MS)
    shown = json.loads(values[0])

    assert shown["text"] == "We can't find a camera. A staff member can help."
    assert "NotFoundError" not in shown["text"]
    assert shown["shown"] and shown["audioOnly"]

    screen.call_view.run_js("document.getElementById('audio-only').click()", lambda _v: None)
    wait_for(qtbot, state, lambda s: s.get("media") == "audio")
