"""HTML of the portal pages: one calm layout, values always escaped."""

from __future__ import annotations

import html
import json
from typing import Any

_STYLE = """
body{margin:0;font:20px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f7f7;
color:#1d3133}
main{max-width:760px;margin:48px auto;padding:32px 40px;background:#fff;border-radius:16px;
box-shadow:0 2px 12px rgba(0,0,0,.06)}
h1{font-size:30px;font-weight:600;margin:0 0 16px;color:#1f5f63}
p.muted{color:#5b6e70}
button,.button{display:inline-block;min-height:56px;padding:12px 28px;border:0;border-radius:12px;
font-size:20px;background:#26787d;color:#fff;cursor:pointer;text-decoration:none}
button.danger{background:#b0413e}
table{width:100%;border-collapse:collapse}td,th{padding:10px;border-bottom:1px solid #e3eaea;
text-align:left}
video{width:100%;max-height:60vh;background:#0c1a1b;border-radius:12px}
.pulse{width:18px;height:18px;border-radius:50%;background:#26787d;display:inline-block;
animation:p 1.6s infinite}@keyframes p{50%{opacity:.3}}
"""


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def page(title: str, body: str, *, script: str = "") -> str:
    tail = f"<script>{script}</script>" if script else ""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head>"
        f"<body><main>{body}</main>{tail}</body></html>"
    )


def message(title: str, text: str) -> str:
    return page(title, f"<h1>{esc(title)}</h1><p>{esc(text)}</p>")


def clinic_home(first_name: str, visit_id: str | None, rooms: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<li>{esc(name)} <span class='muted'>({esc(code)})</span></li>" for code, name in rooms
    )
    current = (
        f"<p><a class='button' href='/visits/inbrowser_calling/{esc(visit_id)}'>"
        "Go to my visit</a></p>"
        if visit_id
        else "<p class='muted'>No visit right now.</p>"
    )
    return page(
        "VClinic",
        f"<h1>Welcome, {esc(first_name)}</h1>{current}<h2>Waiting rooms</h2><ul>{items}</ul>",
    )


CALL_SCRIPT = """
const visitId = %(visit_id)s;
const statusUrl = '/_sandbox/visit_status/' + visitId;
let stream = null, shown = null;
function show(id){ for (const s of ['waiting','call','ended']) {
  document.getElementById(s).hidden = (s !== id); } shown = id; }
async function startCall(){
  show('call');
  try {
    stream = await navigator.mediaDevices.getUserMedia({video: true, audio: true});
    document.getElementById('preview').srcObject = stream;
    document.getElementById('media').textContent = 'Camera and microphone are on.';
  } catch (e) {
    document.getElementById('media').textContent =
      'Camera or microphone not available (' + e.name + ').';
  }
}
function finish(){
  if (stream) { stream.getTracks().forEach(t => t.stop()); }
  show('ended');
  // The doc defines no "ended" page: the call page says so in place and closes itself.
  setTimeout(() => { window.close(); }, 1500);
}
async function poll(){
  try {
    const r = await fetch(statusUrl, {credentials: 'same-origin'});
    if (r.ok) {
      const s = await r.json();
      document.getElementById('who').textContent = s.provider_name || 'Your provider';
      if (s.status === 25 && shown !== 'call') { startCall(); }
      if ((s.status === 30 || s.status === 40) && shown !== 'ended') { finish(); return; }
    }
  } catch (e) { /* the next poll tries again */ }
  setTimeout(poll, %(poll_ms)d);
}
document.getElementById('end').onclick = async () => {
  await fetch(statusUrl + '/end', {method: 'POST', credentials: 'same-origin'});
  finish();
};
show('waiting'); poll();
"""


def call_page(visit_id: str, poll_ms: int) -> str:
    body = """
<section id='waiting'><h1>You are in the waiting room</h1>
<p><span class='pulse'></span> A provider will be with you shortly. Please stay nearby.</p>
</section>
<section id='call' hidden><h1>Your visit with <span id='who'>your provider</span></h1>
<video id='preview' autoplay muted playsinline></video><p id='media' class='muted'>
Asking for camera and microphone…</p><button id='end' class='danger'>End call</button></section>
<section id='ended' hidden><h1>Your visit has ended</h1><p>Thank you.</p></section>"""
    script = CALL_SCRIPT % {"visit_id": json.dumps(visit_id), "poll_ms": poll_ms}
    return page("Your visit", body, script=script)


def dashboard(provider_name: str, rows: list[dict[str, Any]], refresh_ms: int) -> str:
    lines = []
    for row in rows:
        action = "start" if row["status"] == 10 else "end"
        label = "Start visit" if action == "start" else "End visit"
        lines.append(
            f"<tr><td>{esc(row['patient'])}</td><td>{esc(row['room'])}</td>"
            f"<td>{esc(row['state'])}</td><td><button data-action='{action}' "
            f"data-visit='{esc(row['id'])}'>{label}</button></td></tr>"
        )
    table = (
        (
            "<table><tr><th>Patient</th><th>Room</th><th>State</th><th></th></tr>"
            + "".join(lines)
            + "</table>"
        )
        if lines
        else "<p class='muted'>Nobody is waiting.</p>"
    )
    script = """
document.querySelectorAll('button[data-action]').forEach(b => b.onclick = async () => {
  await fetch('/_sandbox/provider/' + b.dataset.action + '/' + b.dataset.visit, {method: 'POST'});
  location.reload();
});
setTimeout(() => location.reload(), REFRESH_MS);
""".replace("REFRESH_MS", str(refresh_ms))
    return page(
        "Provider dashboard",
        f"<h1>Waiting patients</h1><p class='muted'>Signed in as {esc(provider_name)}"
        f" (sandbox provider)</p>{table}",
        script=script,
    )


def appointment(when: str, provider: str, room: str, status: str) -> str:
    return page(
        "Your appointment",
        f"<h1>Your appointment</h1><p><strong>{esc(when)}</strong></p>"
        f"<p>With {esc(provider)} in {esc(room)}.</p><p class='muted'>{esc(status)}</p>",
    )
