"""The sandbox's calling page in the kiosk's call screen, with Chromium's fake devices: it
looks like a visit (provider tile from a canvas stream, the real self-view playing), has no
End button of its own when framed, and the kiosk bar times the call."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

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
    call.resize(1280, 800)
    qtbot.addWidget(call)
    call.show()
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
