"""Staff-launched known patients, and the patient values handed to the log redactor."""

from __future__ import annotations

from session_drive import start, wait_stage
from session_fakes import room

from kiosk.api.models import UserType
from kiosk.logging_setup import redactor
from kiosk.session import Stage
from kiosk.wizard import IntakeFields, VisitTypeChoice


def test_staff_launch_signs_in_with_sso_200_and_skips_the_identify_screen(qtbot, session, client):
    stages: list[Stage] = []
    session.stage_changed.connect(stages.append)
    session.start_known("patient-code-9", "Grace", "Hopper")
    wait_stage(qtbot, session, Stage.WIZARD)
    assert Stage.IDENTIFY not in stages
    sso = client.calls_of("sso")
    assert [(c["type"], c["code"]) for c in sso] == [(int(UserType.MEMBER), "patient-code-9")]
    assert session.state.staff_launch is None  # used once


def test_staff_launch_works_when_patients_may_not_sign_in_with_a_code(qtbot, session, client):
    assert not session.config.known_patient_login
    session.start_known("patient-code-9", "Grace", "Hopper")
    wait_stage(qtbot, session, Stage.WIZARD)
    assert client.calls_of("sso")


def test_staff_launch_with_several_rooms_asks_for_the_room_then_goes_to_the_intake(
    qtbot, session, client
):
    client.rooms = [room("ceproom1"), room("ceproom2")]
    session.start_known("patient-code-9", "Grace", "Hopper")
    wait_stage(qtbot, session, Stage.ROOM_PICK)
    session.choose_room("ceproom2")
    wait_stage(qtbot, session, Stage.WIZARD)
    assert client.calls_of("create_intake")[0]["room_code"] == "ceproom2"


def test_staff_launch_is_ignored_once_a_session_is_running(qtbot, session, client):
    start(qtbot, session)
    session.start_known("patient-code-9", "Grace", "Hopper")
    assert session.state.staff_launch is None
    assert len(client.calls_of("sso")) == 1


def test_what_the_patient_types_is_masked_in_logs_until_the_wipe(qtbot, session, client):
    start(qtbot, session)  # signs in as Ada Lovelace, born 1990-01-01
    session.submit_step([IntakeFields({"reason_for_visit": "Sprained wrist", "phone": "5550199"})])
    wait_stage(qtbot, session, Stage.WIZARD)
    line = "Ada Lovelace 1990-01-01 Sprained wrist 5550199"
    assert not any(word in redactor.redact(line) for word in ("Lovelace", "Sprained", "5550199"))
    session.end("start_over")
    wait_stage(qtbot, session, Stage.WELCOME)
    assert "Lovelace" in redactor.redact("Lovelace")


def test_the_clinic_s_own_words_are_not_masked(qtbot, session, client):
    start(qtbot, session)
    session.submit_step([VisitTypeChoice("walkin"), IntakeFields({"location": "CA"})])
    wait_stage(qtbot, session, Stage.WIZARD)
    assert redactor.redact("visit walkin created; call.view_closed") == (
        "visit walkin created; call.view_closed"
    )
    assert "CA" not in redactor.redact("location CA")
    session.end("start_over")
    wait_stage(qtbot, session, Stage.WELCOME)
