"""The "Take a photo" page: the cart's chosen camera, live, and a snapshot as a JPEG data URL.

A kiosk-owned local page (set from a string, never fetched) in its own off-the-record profile.
``window.kioskSnap()`` returns the current frame as ``data:image/jpeg;base64,…`` (or "" before
the camera shows anything); ``window.kioskPhoto`` holds the state and a patient sentence when
the camera fails. Nothing is stored by the page: the kiosk writes the photo it is handed.
"""

from __future__ import annotations

import json

from kiosk.devices.model import CAMERA_MISSING, MEDIA_BLOCKED, MEDIA_BUSY
from kiosk.devices.scripts import DEVICES_JS

PHOTO_URL = "http://localhost/kiosk-photo"
JPEG_QUALITY = 0.9

STYLE = """
html,body{margin:0;height:100%;background:#1b2a33;overflow:hidden;
font:22px/1.4 system-ui,"Noto Sans","DejaVu Sans",sans-serif;color:#fff}
video{position:absolute;inset:0;width:100%;height:100%;object-fit:contain}
#message{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;
padding:32px;text-align:center}
[hidden]{display:none!important}
"""

SCRIPT = r"""
const T = __TEXTS__;
const state = window.kioskPhoto = {ready: false, error: '', message: '', camera: ''};
const video = document.getElementById('camera');
let stream = null;
async function start(){
  const D = window.kioskDevices;
  try {
    const cam = D.pick(await D.list(), 'videoinput', T.camera);
    state.camera = cam ? cam.label : '';
    const constraint = cam && cam.deviceId ? {deviceId: {ideal: cam.deviceId}} : true;
    stream = await D.gum({video: constraint, audio: false});
    video.srcObject = stream;
    video.onplaying = () => { state.ready = true; };
  } catch (e) {
    state.error = e.name || 'Error';
    state.message = ['NotFoundError', 'OverconstrainedError'].includes(e.name) ? T.missing
      : (['NotAllowedError', 'SecurityError'].includes(e.name) ? T.blocked : T.busy);
    const box = document.getElementById('message');
    box.textContent = state.message; box.hidden = false;
  }
}
window.kioskSnap = () => {
  if (!video.videoWidth) { return ''; }
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth; canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  return canvas.toDataURL('image/jpeg', T.quality);
};
window.kioskStopPhoto = () => { if (stream) stream.getTracks().forEach(t => t.stop()); };
start();
"""


def photo_page(camera: str = "") -> str:
    texts = {
        "camera": camera,
        "missing": CAMERA_MISSING,
        "blocked": MEDIA_BLOCKED,
        "busy": MEDIA_BUSY,
        "quality": JPEG_QUALITY,
    }
    script = SCRIPT.replace("__TEXTS__", json.dumps(texts).replace("</", "<\\/"))
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Take a photo</title><style>{STYLE}</style></head><body>"
        "<video id='camera' autoplay muted playsinline></video>"
        "<div id='message' role='alert' hidden></div>"
        f"<script>{DEVICES_JS}{script}</script></body></html>"
    )
