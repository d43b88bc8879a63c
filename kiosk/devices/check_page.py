"""The camera and microphone check's page: a kiosk-owned local page, shown in the call's own
off-the-record profile so what passes here works in the call (same engine, same permissions).

Self-view, a live microphone level meter, a test sound for the speaker, and a verdict in words
a patient reads. The state for the kiosk (and its log, which never gets images) is left in
``window.kioskCheck``: frames counted, peak level, the error name if any, and the verdict.
"""

from __future__ import annotations

import json

from kiosk.devices.model import CAMERA_MISSING, MEDIA_BLOCKED, MEDIA_BUSY, MICROPHONE_MISSING
from kiosk.devices.scripts import DEVICES_JS

#: The check's own origin (a secure context; the page is set from a string, never fetched).
CHECK_URL = "http://localhost/kiosk-check"
#: How long the check listens and watches before it gives a verdict.
VERDICT_AFTER_S = 3.0
#: A microphone whose loudest sample in that time is below this is called silent.
SILENT_BELOW = 0.002

LOOKS_GOOD = "Looks good. Your camera and microphone are ready for your visit."
CAMERA_DARK = "We can't see a picture from the camera. A staff member can help."
MIC_SILENT = "We can't hear the microphone. Try saying hello. A staff member can help."
CHECKING = "Checking your camera and microphone…"
SAY_HELLO = "Say hello: the bar moves when the microphone hears you."
PLAY_SOUND = "Play a test sound"
HEARD_IT = "I heard it"
NOT_HEARD = "I didn't hear it"
SPEAKER_SILENT = "The speaker may be off or too quiet. A staff member can help."

STYLE = """
html,body{margin:0;height:100%;background:#f4f7f8;color:#1b2a33;
font:22px/1.4 system-ui,"Noto Sans","DejaVu Sans",sans-serif}
main{box-sizing:border-box;height:100%;display:flex;flex-direction:column;align-items:center;
justify-content:center;gap:12px;padding:8px}
video{height:min(calc(100vh - 270px),69vw);aspect-ratio:4/3;object-fit:cover;
border-radius:16px;background:#1b2a33;transform:scaleX(-1)}
#meter{width:min(80vw,640px);height:28px;border-radius:14px;background:#dce3e7;overflow:hidden}
#level{height:100%;width:0;background:#0b6e6e;transition:width .08s linear}
.row{display:flex;gap:16px;flex-wrap:wrap;justify-content:center}
button{min-height:64px;min-width:200px;padding:12px 28px;border:2px solid #0b6e6e;
border-radius:14px;background:#fff;color:#064c4c;font:inherit}
button.primary{background:#0b6e6e;color:#fff}
#verdict{font-size:24px;font-weight:600;text-align:center;max-width:760px;min-height:68px}
#verdict.bad{color:#7a1a14}
p{margin:0;text-align:center;color:#55656f}
[hidden]{display:none!important}
"""

BODY = f"""
<main>
<video id='self-view' autoplay muted playsinline></video>
<div id='meter' role='meter' aria-label='Microphone level'><div id='level'></div></div>
<p id='hint'>{SAY_HELLO}</p>
<div class='row'><button id='sound'>{PLAY_SOUND}</button>
<button id='heard' hidden>{HEARD_IT}</button><button id='not-heard' hidden>{NOT_HEARD}</button>
</div>
<div id='verdict' role='status'>{CHECKING}</div>
</main>
"""

SCRIPT = r"""
const T = __TEXTS__;
const $ = (id) => document.getElementById(id);
const state = window.kioskCheck = {frames: 0, level: 0, peak: 0, error: '', heard: null,
  camera: '', microphone: '', verdict: '', done: false};
let stream = null, sink = '';
function sentence(name, video){
  if (['NotFoundError','OverconstrainedError'].includes(name)) {
    return video ? T.cameraMissing : T.micMissing; }
  if (['NotAllowedError','SecurityError'].includes(name)) { return T.blocked; }
  return T.busy;
}
function verdict(){
  let text = T.good, bad = true;
  if (state.error) { text = sentence(state.error, true); }
  else if (!state.frames) { text = T.dark; }
  else if (state.peak < T.silentBelow) { text = T.silent; }
  else if (state.heard === false) { text = T.speaker; }
  else { bad = false; }
  state.verdict = text; state.done = true;
  $('verdict').textContent = text; $('verdict').className = bad ? 'bad' : '';
}
async function count(track, onChunk){
  const reader = new MediaStreamTrackProcessor({track}).readable.getReader();
  while (true) {
    const {value, done} = await reader.read();
    if (done) { break; }
    onChunk(value); value.close();
  }
}
async function start(){
  const D = window.kioskDevices;
  try {
    const found = await D.list();
    const cam = D.pick(found, 'videoinput', T.wanted.camera);
    const mic = D.pick(found, 'audioinput', T.wanted.microphone);
    const out = D.pick(found, 'audiooutput', T.wanted.speaker);
    sink = out && T.wanted.speaker ? out.deviceId : '';
    state.camera = cam ? cam.label : ''; state.microphone = mic ? mic.label : '';
    const video = cam && cam.deviceId ? {deviceId: {ideal: cam.deviceId}} : true;
    const audio = mic && mic.deviceId ? {deviceId: {ideal: mic.deviceId}} : true;
    stream = await D.gum({video, audio});
  } catch (e) {
    state.error = e.name || 'Error'; verdict(); return;
  }
  $('self-view').srcObject = stream;
  const [v] = stream.getVideoTracks(), [a] = stream.getAudioTracks();
  if (v) { count(v.clone(), () => { state.frames += 1; }).catch(() => {}); }
  if (a) {
    count(a.clone(), (chunk) => {
      const samples = new Float32Array(chunk.numberOfFrames);
      chunk.copyTo(samples, {planeIndex: 0, format: 'f32-planar'});
      let peak = 0; for (const x of samples) { const m = Math.abs(x); if (m > peak) peak = m; }
      state.level = Math.max(peak, state.level * 0.85);
      state.peak = Math.max(state.peak, peak);
    }).catch(() => {});
  }
  setInterval(() => { $('level').style.width = Math.min(100, state.level * 140) + '%'; }, 80);
  setTimeout(verdict, T.verdictAfterMs);
}
$('sound').onclick = async () => {
  const ctx = new AudioContext();
  if (sink && ctx.setSinkId) { try { await ctx.setSinkId(sink); } catch (e) {} }
  const now = ctx.currentTime;
  for (const [i, f] of [523.25, 659.25, 783.99].entries()) {
    const o = ctx.createOscillator(), g = ctx.createGain();
    o.frequency.value = f; o.connect(g); g.connect(ctx.destination);
    g.gain.setValueAtTime(0.0001, now + i * 0.25);
    g.gain.exponentialRampToValueAtTime(0.4, now + i * 0.25 + 0.03);
    g.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.25 + 0.5);
    o.start(now + i * 0.25); o.stop(now + i * 0.25 + 0.55);
  }
  setTimeout(() => ctx.close(), 1500);
  $('heard').hidden = false; $('not-heard').hidden = false;
};
$('heard').onclick = () => { state.heard = true; if (state.done) verdict(); };
$('not-heard').onclick = () => { state.heard = false; if (state.done) verdict(); };
window.kioskStopCheck = () => { if (stream) stream.getTracks().forEach(t => t.stop()); };
start();
"""


def check_page(camera: str = "", microphone: str = "", speaker: str = "") -> str:
    """The page's HTML for the configured label parts (data, never code)."""
    texts = {
        "good": LOOKS_GOOD,
        "dark": CAMERA_DARK,
        "silent": MIC_SILENT,
        "speaker": SPEAKER_SILENT,
        "cameraMissing": CAMERA_MISSING,
        "micMissing": MICROPHONE_MISSING,
        "blocked": MEDIA_BLOCKED,
        "busy": MEDIA_BUSY,
        "silentBelow": SILENT_BELOW,
        "verdictAfterMs": int(VERDICT_AFTER_S * 1000),
        "wanted": {"camera": camera, "microphone": microphone, "speaker": speaker},
    }
    # "</" cannot end the script early: JSON escapes it here.
    script = SCRIPT.replace("__TEXTS__", json.dumps(texts).replace("</", "<\\/"))
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Camera and microphone check</title><style>{STYLE}</style></head>"
        f"<body>{BODY}<script>{DEVICES_JS}{script}</script></body></html>"
    )
