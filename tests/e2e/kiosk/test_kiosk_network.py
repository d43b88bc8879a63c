"""The network drops while a patient waits: the banner shows, the kiosk comes back by itself
and the queue moves on screen again."""

from __future__ import annotations

import pytest
from kiosk_driver import Patient

from kiosk.ui.screens.queue_text import NEXT, position_text, wait_text
from kiosk.ui.screens.waiting_room import RECONNECTING

pytestmark = pytest.mark.e2e


def test_network_drop_in_the_waiting_room_shows_the_banner_and_recovers(start_kiosk):
    kiosk = start_kiosk(auto_provider=None)
    patient, server, window = kiosk.patient, kiosk.server, kiosk.app.window
    seen: list[object] = []
    kiosk.app.session.queue_updated.connect(seen.append)
    _, other_visit = server.walk_in_other_patient()
    me = Patient()

    patient.walk_in(me)
    visit_id = kiosk.app.session.state.visit_id

    # Second in line behind the other patient, as the server has it; the expected wait shown
    # is the one the kiosk got from the server's queue.
    assert [v["id"] for v in server.queue()] == [other_visit, visit_id]
    screen = window.waiting_room
    patient.wait(lambda: screen.position.text() == position_text(2))
    status = seen[-1]
    assert status.position == 2 and status.expected_wait_s and status.expected_wait_s > 0
    assert screen.wait.text() == wait_text(status.expected_wait_s)
    assert not window.connection_banner.isVisible()

    # Every API connection is dropped: the banner says so, the patient stays in line.
    server.set_faults(drop_rate=1.0)
    patient.wait(lambda: window.connection_banner.isVisible())
    assert window.current_screen is screen and not window.error_panel.isVisible()
    # Meanwhile the provider takes the patient ahead (the kiosk cannot see it yet).
    server.provider_starts(other_visit)
    assert screen.position.text() == position_text(2)

    # The network is back: the banner goes by itself and the queue updates again.
    server.set_faults(drop_rate=0.0)
    patient.wait(lambda: not window.connection_banner.isVisible())
    patient.wait(lambda: screen.position.text() == NEXT)
    assert seen[-1].position == 1
    assert server.visit(visit_id)["status"] == 10, "the visit must survive the outage"
    # The heartbeat is back too: the server counts the patient as waiting again.
    patient.wait(lambda: [v["id"] for v in server.queue()] == [visit_id])


def test_a_long_outage_in_the_waiting_room_says_the_place_is_kept(start_kiosk):
    """Polls answered by nobody for longer than the notice time: the waiting room says it is
    reconnecting and that the patient keeps their place; the line goes when answers return."""
    kiosk = start_kiosk(auto_provider=None, session={"reconnect_notice_s": 0.5})
    patient, server, window = kiosk.patient, kiosk.server, kiosk.app.window
    patient.walk_in(Patient())
    screen = window.waiting_room
    patient.wait(
        lambda: screen.position.text() == position_text(1) or screen.position.text() == NEXT
    )
    assert not screen.reconnecting.isVisible()

    server.set_faults(drop_rate=1.0)
    patient.wait(lambda: screen.reconnecting.isVisible())
    assert screen.reconnecting.text() == RECONNECTING
    assert window.current_screen is screen and not window.error_panel.isVisible()

    server.set_faults(drop_rate=0.0)
    patient.wait(lambda: not screen.reconnecting.isVisible())
    assert window.current_screen is screen
    assert server.visit(kiosk.app.session.state.visit_id)["status"] == 10
