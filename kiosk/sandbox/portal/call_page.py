"""The sandbox portal's calling page: what a video visit looks like, for demos and tests.

The provider is an animated stand-in drawn on a canvas and sent as a ``MediaStream``
(``canvas.captureStream``), so the big tile behaves like a remote video; the small self-view is
the real ``getUserMedia``. Mute and camera toggle the tracks. A page framed by the kiosk
(``window.kiosk.framed``, set by the kiosk's injected script) hides its own "End call": the
kiosk's bar has "End visit". Media errors are sentences for a patient, with "Continue with audio
only" when the camera is what failed. When the visit ends (status 30 or 40, polled from the
sandbox) the page says so and closes itself (``window.close()``): the API doc defines no "ended"
URL, so that and the visit's status are all the kiosk reads. The real VSee portal is not like
this inside; the kiosk relies on none of it except that the page asks for the camera and
microphone.
"""

from __future__ import annotations

import json
from typing import Any

STYLE = """
html,body{margin:0;height:100%;background:#0f2224;color:#fff;overflow:hidden;
font:20px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif}
#waiting,#ended{position:absolute;inset:0;display:flex;flex-direction:column;
align-items:center;justify-content:center;text-align:center;padding:32px}
h1{font-size:32px;font-weight:600;margin:0 0 12px}
.pulse{width:18px;height:18px;border-radius:50%;background:#7cc6c9;display:inline-block;
animation:p 1.6s infinite}@keyframes p{50%{opacity:.3}}
#call{position:absolute;inset:0}
#provider{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;background:#16393c}
#who{position:absolute;left:24px;top:20px;padding:8px 16px;border-radius:10px;
background:rgba(0,0,0,.45);font-size:22px}
#self-view{position:absolute;right:24px;bottom:120px;width:24vw;max-width:320px;
min-width:160px;aspect-ratio:4/3;object-fit:cover;border-radius:14px;background:#000;
border:3px solid rgba(255,255,255,.8);transform:scaleX(-1)}
#self-off{position:absolute;right:24px;bottom:120px;width:24vw;max-width:320px;min-width:160px;
aspect-ratio:4/3;border-radius:14px;background:#263c3e;display:flex;align-items:center;
justify-content:center;font-size:18px}
#controls{position:absolute;left:0;right:0;bottom:20px;display:flex;gap:16px;
justify-content:center}
#controls button,#media-error button{min-height:64px;min-width:160px;padding:12px 24px;
border:0;border-radius:32px;font:inherit;background:rgba(255,255,255,.18);color:#fff}
#controls button[aria-pressed=true]{background:#f2f2f2;color:#10292b}
#controls button.danger{background:#b0413e}
#media-error{position:absolute;left:50%;top:50%;transform:translate(-50%,-50%);
max-width:640px;padding:28px 32px;border-radius:16px;background:#fff;color:#1d3133;
text-align:center}
#media-error button{background:#26787d;margin-top:12px}
[hidden]{display:none!important}
"""

BODY = """
<section id='waiting'><h1>You are in the waiting room</h1>
<p><span class='pulse'></span> A provider will be with you shortly. Please stay nearby.</p>
</section>
<section id='call' hidden>
<video id='provider' autoplay playsinline muted></video>
<div id='who'>Your provider</div>
<video id='self-view' autoplay muted playsinline></video>
<div id='self-off' hidden>Your camera is off</div>
<div id='media-error' role='alert' hidden><p id='media-text'></p>
<button id='audio-only' hidden>Continue with audio only</button></div>
<div id='controls'>
<button id='mute' aria-pressed='false'>Mute</button>
<button id='camera' aria-pressed='false'>Stop camera</button>
<button id='end' class='danger'>End call</button></div>
</section>
<section id='ended' hidden><h1>Your visit has ended</h1><p>Thank you.</p></section>
"""

#: A patient never reads a DOMException name: each maps to a sentence (camera asked or not).
MESSAGES = {
    "camera-missing": "We can't find a camera. A staff member can help.",
    "microphone-missing": "We can't find a microphone. A staff member can help.",
    "blocked": "The camera and microphone are switched off here. A staff member can help.",
    "busy": "The camera or microphone is not working right now. A staff member can help.",
}

SCRIPT = r"""
const visitId = __VISIT_ID__;
const served = __STATUS__;
const MESSAGES = __MESSAGES__;
const statusUrl = '/_sandbox/visit_status/' + visitId;
const $ = (id) => document.getElementById(id);
let stream = null, shown = null, providerName = 'Your provider', drawing = null;
window.sandboxCall = {state: 'waiting', media: 'none', error: ''};
function show(id){ for (const s of ['waiting','call','ended']) { $(s).hidden = (s !== id); }
  shown = id; window.sandboxCall.state = id; }
function framed(){ return !!(window.kiosk && window.kiosk.framed); }
function sentence(name, wantedVideo){
  if (['NotFoundError','OverconstrainedError','DevicesNotFoundError'].includes(name)) {
    return wantedVideo ? MESSAGES['camera-missing'] : MESSAGES['microphone-missing']; }
  if (['NotAllowedError','SecurityError','PermissionDeniedError'].includes(name)) {
    return MESSAGES.blocked; }
  return MESSAGES.busy;
}
function providerStream(){
  // The provider's stand-in: a canvas animated at 24 fps, sent as a MediaStream.
  const canvas = document.createElement('canvas'); canvas.width = 960; canvas.height = 540;
  const ctx = canvas.getContext('2d'); const t0 = performance.now();
  function draw(){
    const t = (performance.now() - t0) / 1000;
    const g = ctx.createLinearGradient(0, 0, 960, 540);
    g.addColorStop(0, '#1f5f63'); g.addColorStop(1, '#10292b');
    ctx.fillStyle = g; ctx.fillRect(0, 0, 960, 540);
    const r = 110 + 6 * Math.sin(t * 2.2);
    ctx.fillStyle = '#7cc6c9'; ctx.beginPath(); ctx.arc(480, 240, r, 0, Math.PI * 2); ctx.fill();
    ctx.fillStyle = '#10292b'; ctx.font = '600 92px system-ui, sans-serif';
    ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    const initials = providerName.replace(/^Dr\.?\s*/, '').split(/\s+/)
      .map(w => w[0] || '').join('').slice(0, 2).toUpperCase();
    ctx.fillText(initials || 'Dr', 480, 244);
    ctx.fillStyle = '#ffffff';
    for (let i = 0; i < 9; i++) {
      const h = 8 + 26 * Math.abs(Math.sin(t * 5 + i * 0.8));
      ctx.fillRect(390 + i * 22, 430 - h / 2, 12, h);
    }
  }
  draw(); drawing = setInterval(draw, 1000 / 24);
  return canvas.captureStream(24);
}
async function openMedia(video){
  $('media-error').hidden = true;
  try {
    stream = await navigator.mediaDevices.getUserMedia({video, audio: true});
    $('self-view').srcObject = stream;
    $('self-view').hidden = !video; $('self-off').hidden = !!video;
    $('camera').disabled = !video;
    window.sandboxCall.media = video ? 'audio+video' : 'audio';
  } catch (e) {
    window.sandboxCall.error = e.name || 'Error';
    $('media-text').textContent = sentence(e.name, video);
    $('audio-only').hidden = !(video && e.name !== 'NotAllowedError');
    $('media-error').hidden = false;
    $('self-view').hidden = true; $('self-off').hidden = false;
  }
}
function startCall(){
  show('call');
  $('end').hidden = framed();
  $('provider').srcObject = providerStream();
  openMedia(true);
}
function toggle(button, kind, onText, offText){
  if (!stream) { return; }
  const off = button.getAttribute('aria-pressed') !== 'true';
  stream.getTracks().filter(t => t.kind === kind).forEach(t => { t.enabled = !off; });
  button.setAttribute('aria-pressed', String(off));
  button.textContent = off ? offText : onText;
  if (kind === 'video') { $('self-view').hidden = off; $('self-off').hidden = !off; }
}
$('mute').onclick = () => toggle($('mute'), 'audio', 'Mute', 'Unmute');
$('camera').onclick = () => toggle($('camera'), 'video', 'Stop camera', 'Start camera');
$('audio-only').onclick = () => openMedia(false);
function finish(){
  if (stream) { stream.getTracks().forEach(t => t.stop()); }
  if (drawing) { clearInterval(drawing); }
  show('ended');
  // The doc defines no "ended" page: the call page says so in place and closes itself.
  setTimeout(() => { window.close(); }, 1500);
}
function apply(s){
  // True when the visit is over (no more polls).
  providerName = s.provider_name || 'Your provider';
  $('who').textContent = providerName;
  const status = Number(s.status);  // the API is loose about types: "25" is 25
  if (status === 25 && shown !== 'call') { startCall(); }
  if ((status === 30 || status === 40) && shown !== 'ended') { finish(); return true; }
  return false;
}
async function poll(){
  try {
    const r = await fetch(statusUrl, {credentials: 'same-origin'});
    if (r.ok && apply(await r.json())) { return; }
  } catch (e) { /* the next poll tries again */ }
  setTimeout(poll, __POLL_MS__);
}
$('end').onclick = async () => {
  await fetch(statusUrl + '/end', {method: 'POST', credentials: 'same-origin'});
  finish();
};
show('waiting');
// The status the page was served with: a provider already there starts the call at once.
if (!(served && apply(served))) { setTimeout(poll, served ? __POLL_MS__ : 0); }
"""


def call_page(visit_id: str, poll_ms: int, status: dict[str, Any] | None = None) -> str:
    """The page for ``visit_id``; ``status`` is ``/visit_status``'s answer when it was served."""
    script = (
        SCRIPT.replace("__VISIT_ID__", _script_json(visit_id))
        .replace("__STATUS__", _script_json(status))
        .replace("__MESSAGES__", json.dumps(MESSAGES))
        .replace("__POLL_MS__", str(int(poll_ms)))
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>Your visit</title><style>{STYLE}</style></head>"
        f"<body>{BODY}<script>{script}</script></body></html>"
    )


def _script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` (a provider named ``</script>`` cannot end it)."""
    return json.dumps(value).replace("<", "\\u003c")
