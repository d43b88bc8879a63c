"""The call's injected device script in a real engine with two fake cameras (its own process:
Chromium reads the camera count once): the portal page gets the configured camera, "Switch
camera" replaces the video track in the page's stream and cycles back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

TIMEOUT_S = 120
ROOT = Path(__file__).resolve().parents[3]

SCRIPT = r"""
import functools, http.server, json, sys, threading
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

PAGE = '''<html><body><video id=v autoplay muted></video><script>
window.log = [];
navigator.mediaDevices.getUserMedia({video: true, audio: true}).then(s => {
  window.stream = s; document.getElementById('v').srcObject = s;
  window.log.push(s.getVideoTracks()[0].label);
});
</script></body></html>'''

root = Path(sys.argv[1])
(root / "index.html").write_text(PAGE)
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
handler.log_message = lambda *a: None
servers = [http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)]
for server in servers:
    threading.Thread(target=server.serve_forever, daemon=True).start()
portal = f"http://127.0.0.1:{servers[0].server_address[1]}"
app = QApplication([])
from kiosk.config import DevicesOptions
from kiosk.ui.call import CallView

def pump(ms):
    loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()

def js(view, code):
    box = []
    view.run_js(code, box.append)
    for _ in range(200):
        if box: return box[0]
        pump(25)

def until(view, code, ok):
    for _ in range(200):
        value = js(view, code)
        if ok(value): return value
        pump(50)
    raise SystemExit("timed out: " + code)

out = {}
view = CallView(portal_origin=portal, devices=DevicesOptions(camera="device_1"))
view.resize(640, 480); view.show()
view.load(portal + "/index.html")
label = lambda: "window.stream ? window.stream.getVideoTracks()[0].label : ''"
out["first"] = until(view, label(), bool)
out["framed"] = js(view, "!!(window.kiosk && window.kiosk.framed)")
out["cameras"] = until(view, "window.kiosk.cameraCount", lambda v: v == 2)
view.switch_camera()
out["switched"] = until(view, label(), lambda v: v and v != out["first"])
view.switch_camera()
out["back"] = until(view, label(), lambda v: v == out["first"])
view.teardown()
print(json.dumps(out))
"""


def test_the_chosen_camera_then_switch_camera_cycles_them(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["PYTHONPATH"] = str(ROOT)
    env["QT_QPA_PLATFORM"] = "offscreen"
    flags = [
        f
        for f in env.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
        if not f.startswith("--use-fake-device-for-media-stream")
    ]
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(
        [*flags, "--use-fake-device-for-media-stream=device-count=2"]
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])

    assert out["first"] == "fake_device_1", "[devices] camera picks the portal's camera"
    assert out["framed"] is True
    assert out["cameras"] == 2
    assert out["switched"] == "fake_device_0"
    assert out["back"] == "fake_device_1"
