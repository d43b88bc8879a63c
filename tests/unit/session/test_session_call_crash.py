"""The call page's renderer died mid-call: the session tells the patient, closes the visit as
``call_ended`` and wipes itself like any other ending (reason ``crash``)."""

from __future__ import annotations

from session_drive import start, to_call, wait_stage

from kiosk.api.models import CloseReason
from kiosk.session import Stage
from kiosk.session.errors import CALL_CRASHED_MESSAGE
from kiosk.session.types import EndReason


def test_a_renderer_crash_ends_the_call_with_a_message_and_the_wipe(qtbot, session, client):
    to_call(qtbot, session, client)
    notices: list[str] = []
    ended: list[str] = []
    session.notice.connect(notices.append)
    session.ended.connect(ended.append)

    session.call_crashed()

    wait_stage(qtbot, session, Stage.WELCOME)
    assert notices == [CALL_CRASHED_MESSAGE]
    assert ended == [EndReason.CRASH]
    assert client.calls_of("close_visit") == [
        {"visit_id": "v-100", "reason": CloseReason.CALL_ENDED}
    ]
    assert "logout" in client.names()
    assert session.state.visit_id is None


def test_outside_a_call_a_renderer_crash_changes_nothing(qtbot, session, client):
    start(qtbot, session)
    stage = session.stage
    with qtbot.assertNotEmitted(session.ended, wait=100):
        session.call_crashed()
    assert session.stage is stage
