"""HTML of the portal pages: one calm layout, values always escaped."""

from __future__ import annotations

import html
from typing import Any

from kiosk.sandbox.portal.call_page import call_page as call_page_html

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


def call_page(visit_id: str, poll_ms: int, status: dict[str, Any] | None = None) -> str:
    """The calling page (``call_page`` module: a video visit's look, for demos and tests)."""
    return call_page_html(visit_id, poll_ms, status)


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
