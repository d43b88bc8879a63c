"""The sandbox's calling page starts from the status it was served with: a provider already in
the room starts the call at once, before any status poll (part of "Join now" → call drawn)."""

from __future__ import annotations

from pathlib import Path

from page_js import page_state

from kiosk.sandbox.portal.call_page import call_page
from kiosk.ui.call import CallView

#: Long enough that only the page's first poll could happen within a test.
POLL_MS = 600_000
TIMEOUT_MS = 20000
_STATE_JS = """JSON.stringify(window.sandboxCall ? {state: window.sandboxCall.state,
  who: document.getElementById('who').textContent} : null)"""
#: The page's status polls that have come back (resource timing entries, 404s included).
_POLLED_JS = """JSON.stringify(performance.getEntriesByType('resource')
  .filter(e => e.name.includes('/_sandbox/visit_status/')).length)"""


def _serve_page(root: Path, visit_id: str, status: dict | None) -> str:
    folder = root / "visits" / "inbrowser_calling" / visit_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(call_page(visit_id, POLL_MS, status), encoding="utf-8")
    return f"/visits/inbrowser_calling/{visit_id}/"


def _state(qtbot, view: CallView) -> dict:
    """The page's state once its script ran (the test server answers no status poll: 404)."""
    return page_state(qtbot, view, _STATE_JS, TIMEOUT_MS)


def test_a_page_served_with_the_provider_ready_starts_the_call_without_polling(
    qtbot, view, page_root, portal
) -> None:
    status = {"id": "71", "status": 25, "provider_name": "Dr. </script> Ng"}
    view.load(portal + _serve_page(page_root, "71", status))

    state = _state(qtbot, view)
    polls: list[object] = []
    view.run_js(_POLLED_JS, polls.append)
    qtbot.waitUntil(lambda: bool(polls), timeout=TIMEOUT_MS)

    assert state == {"state": "call", "who": "Dr. </script> Ng"}, "the name cannot end the script"
    assert polls == ["0"], "the call started before any status poll"


def test_a_page_served_without_a_status_waits_for_the_poll(qtbot, view, page_root, portal) -> None:
    view.load(portal + _serve_page(page_root, "72", None))

    polls: list[object] = []

    def polled() -> bool:
        view.run_js(_POLLED_JS, polls.append)
        return bool(polls) and polls[-1] not in (None, "0")

    qtbot.waitUntil(polled, timeout=TIMEOUT_MS)  # its first poll came back (a 404 here)
    state = _state(qtbot, view)

    assert state["state"] == "waiting"
