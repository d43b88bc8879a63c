"""The call's injected device script in the real web view with Chromium's fake devices
(three microphones, three speakers): the configured microphone's ``deviceId`` goes into the
page's ``getUserMedia`` and the configured speaker is set on the page's media elements with
``setSinkId``. A spy script, run before the kiosk's, records what reaches the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from on_screen import on_screen
from page_js import page_state

from kiosk.config import DevicesOptions
from kiosk.ui.call import CallView

TIMEOUT_MS = 30000
#: Asks twice, like a portal: first before any grant (labels hidden), then once more.
PAGE = """<html><body><audio id='a' autoplay></audio><script>
(async () => {
  const first = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
  document.getElementById('a').srcObject = first;
  const second = await navigator.mediaDevices.getUserMedia({audio: true});
  window.result = {first: first.getAudioTracks()[0].label,
                   second: second.getAudioTracks()[0].label,
                   devices: (await navigator.mediaDevices.enumerateDevices())
                     .map(d => ({kind: d.kind, label: d.label, id: d.deviceId}))};
})().catch(e => { window.result = {error: e.name}; });
</script></body></html>"""
SPY = """
window.engineAsked = []; window.sinksSet = [];
const gum = MediaDevices.prototype.getUserMedia;
MediaDevices.prototype.getUserMedia = function (c) {
  window.engineAsked.push(JSON.parse(JSON.stringify(c))); return gum.call(this, c);
};
const sink = HTMLMediaElement.prototype.setSinkId;
HTMLMediaElement.prototype.setSinkId = function (id) {
  window.sinksSet.push(id); return sink.call(this, id);
};
"""
_STATE_JS = """JSON.stringify(window.result ? Object.assign({}, window.result, {
  asked: window.engineAsked, sinksSet: window.sinksSet,
  sinkId: document.getElementById('a').sinkId}) : null)"""


def _open(qtbot, portal: str, page_root: Path, devices: DevicesOptions) -> CallView:
    from PySide6.QtWebEngineCore import QWebEngineScript

    (page_root / "devices.html").write_text(PAGE, encoding="utf-8")
    view = CallView(portal_origin=portal, devices=devices)
    on_screen(qtbot, view, (640, 480))
    view.prepare()
    scripts = view.page.scripts()
    kiosk = scripts.toList()
    scripts.clear()
    spy = QWebEngineScript()
    spy.setName("test-spy")
    spy.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    spy.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    spy.setSourceCode(SPY)
    scripts.insert(spy)  # first: it sees what the kiosk's script hands the engine
    for script in kiosk:
        scripts.insert(script)
    view.load(f"{portal}/devices.html")
    return view


def _state(qtbot, view: CallView, ready) -> dict:
    return page_state(qtbot, view, _STATE_JS, TIMEOUT_MS, ready)


def _id_of(state: dict, kind: str, label: str) -> str:
    (device,) = [d for d in state["devices"] if d["kind"] == kind and d["label"] == label]
    return device["id"]


@pytest.fixture
def opened(qtbot, portal, page_root):
    views: list[CallView] = []

    def open_with(devices: DevicesOptions) -> CallView:
        views.append(_open(qtbot, portal, page_root, devices))
        return views[-1]

    yield open_with
    for view in views:
        view.teardown()


def test_the_configured_microphone_goes_into_get_user_media(qtbot, opened) -> None:
    view = opened(DevicesOptions(microphone="audio input 2"))

    state = _state(qtbot, view, lambda s: "first" in s or "error" in s)

    microphone = _id_of(state, "audioinput", "Fake Audio Input 2")
    assert state["first"] == "Fake Audio Input 2", "before any grant: swapped in after opening"
    assert state["second"] == "Fake Audio Input 2"
    assert state["asked"][-1] == {"audio": {"deviceId": {"exact": microphone}}}, (
        "once labels are visible the chosen deviceId is in the constraints the engine gets"
    )
    assert state["asked"][0] == {"audio": True, "video": True}, "no camera configured"


def test_the_configured_speaker_is_set_with_set_sink_id(qtbot, opened) -> None:
    view = opened(DevicesOptions(speaker="OUTPUT 1"))

    state = _state(qtbot, view, lambda s: bool(s.get("sinkId")) or "error" in s)

    speaker = _id_of(state, "audiooutput", "Fake Audio Output 1")
    assert state["sinkId"] == speaker
    assert speaker in state["sinksSet"]


def test_with_nothing_configured_the_engine_defaults_are_used(qtbot, opened) -> None:
    view = opened(DevicesOptions())

    _state(qtbot, view, lambda s: "first" in s or "error" in s)
    # What the script does 1 s after each opening, done now and awaited.
    choose = "window.kiosk.chooseSpeaker().then(() => { window.result.chose = true; })"
    view.run_js(choose, lambda _value: None)
    state = _state(qtbot, view, lambda s: s.get("chose") is True)

    assert state["first"] == state["second"] == "Fake Default Audio Input"
    assert state["asked"] == [{"audio": True, "video": True}, {"audio": True}]
    assert state["sinksSet"] == [] and state["sinkId"] == ""
