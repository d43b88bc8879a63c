"""The fleet's view of a real visit: after a guest's whole walk-in (call, survey, goodbye) the
metrics count it and no label value, metric line or health field carries anything about the
patient; a renderer killed mid-call ends the call with a message and the normal wipe."""

from __future__ import annotations

import math
import os
import re
import signal
from pathlib import Path
from typing import Any

import httpx
import pytest
from kiosk_driver import Patient
from prometheus_client.parser import text_string_to_metric_families

from kiosk.fleet.api_observer import ERROR_KINDS
from kiosk.fleet.metrics import END_REASONS, STAGES, TEXTFILE_NAME
from kiosk.fleet.out_of_service import CLINIC_UNREACHABLE, WEBENGINE_CRASHES
from kiosk.fleet.settings import FleetOptions, MetricsOptions
from kiosk.sandbox.embedded import AutoProviderOptions
from kiosk.session.errors import CALL_CRASHED_MESSAGE

pytestmark = pytest.mark.e2e

#: Every label the kiosk's metrics may carry and the values it may take; None: free text
#: that is checked separately (versions, bucket bounds).
ALLOWED: dict[str, set[str] | None] = {
    "reason": set(END_REASONS) | {"other", CLINIC_UNREACHABLE, WEBENGINE_CRASHES},
    "stage": set(STAGES),
    "kind": set(ERROR_KINDS),
    "le": None,
    "version": None,
    "python": None,
    "qt": None,
    "pyside": None,
    "sandbox": {"true", "false"},
}
VERSION_CHARS = set("0123456789.abcdefghijklmnopqrstuvwxyz+-")

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def metrics_outlets(folder: Path) -> MetricsOptions:
    return MetricsOptions(textfile_dir=folder, textfile_interval_s=0.1, http=True, port=0)


def samples(text: str) -> Samples:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(found: Samples, name: str, **labels: str) -> float:
    return found[(name, tuple(sorted(labels.items())))]


def scrape(app: Any, path: str) -> str:
    host, port = app.fleet.http_address
    return httpx.get(f"http://{host}:{port}{path}", timeout=10).text


def test_a_whole_visit_is_counted_and_no_label_carries_patient_data(start_kiosk, tmp_path):
    kiosk = start_kiosk(metrics=metrics_outlets(tmp_path))
    app, patient, window = kiosk.app, kiosk.patient, kiosk.app.window
    me = Patient()
    visited: list[str] = []
    app.session.stage_changed.connect(lambda *_: visited.append(app.session.stage.value))
    patient.walk_in(me)
    state = app.session.state
    patient_values = {
        me.first_name, me.last_name, me.dob.isoformat(), me.phone, me.reason, me.condition,
        me.survey_comment, str(state.visit_id), str(state.intake_id), str(state.user.id),
        app.client.token_state.token.get_secret_value(),
    }  # fmt: skip
    patient.wait_for_screen(window.call)
    survey = patient.step_view()
    patient.fill_step(survey, me)
    patient.next(survey)
    patient.wait_for_screen(window.goodbye)
    patient.tap(window.goodbye.done_button)
    patient.wait_for_screen(window.welcome)
    patient.wait(lambda: not app.fleet.activity.active)

    textfile = tmp_path / TEXTFILE_NAME
    finished = 'kiosk_sessions_ended_total{reason="finished"} 1.0'
    patient.wait(lambda: textfile.exists() and finished in textfile.read_text())
    text, health = scrape(app, "/metrics"), scrape(app, "/healthz")
    for source in (text, health, textfile.read_text()):
        for secret in patient_values:
            # As a whole token: a numeric id may well occur inside a float's digits.
            pattern = rf"(?<![\w.]){re.escape(secret)}(?![\w.])"
            assert not re.search(pattern, source), (secret, source)

    # Every label value of every sample, checked against what that label may hold.
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            for label, label_value in sample.labels.items():
                assert label in ALLOWED, (sample.name, label)
                allowed = ALLOWED[label]
                if allowed is not None:
                    assert label_value in allowed, (sample.name, label, label_value)
                elif label == "le":
                    float(label_value)  # a bucket bound
                else:
                    assert set(label_value.lower()) <= VERSION_CHARS, (label, label_value)

    found = samples(text)
    assert value(found, "kiosk_sessions_started_total") == 1
    assert value(found, "kiosk_sessions_ended_total", reason="finished") == 1
    assert value(found, "kiosk_session_active") == 0
    # The waiting room is skipped when the provider gets ready while the patient is still in
    # the lounge (a patient's pace): every stage the session went through is timed, and a
    # whole visit goes through these at least.
    assert {"identify", "wizard", "call", "post_call", "goodbye"} <= set(visited), visited
    for stage in set(visited) - {"welcome"}:
        assert value(found, "kiosk_stage_duration_seconds_count", stage=stage) >= 1, stage
    assert not math.isnan(value(found, "kiosk_heartbeat_age_seconds"))  # heartbeats were sent
    assert value(found, "kiosk_clinic_reachable") == 1


def test_a_killed_renderer_mid_call_ends_the_call_with_a_message(start_kiosk, tmp_path):
    kiosk = start_kiosk(
        auto_provider=AutoProviderOptions(start_after_s=0.5, end_after_s=600, tick_s=0.05),
        metrics=metrics_outlets(tmp_path),
        fleet=FleetOptions(webengine_crash_limit=2),
    )
    app, patient, server, window = kiosk.app, kiosk.patient, kiosk.server, kiosk.app.window
    patient.walk_in(Patient())
    visit_id = app.session.state.visit_id
    patient.wait_for_screen(window.call)
    page = window.call.call_view.page
    patient.wait(lambda: f"/visits/inbrowser_calling/{visit_id}" in page.url().path())
    patient.wait(lambda: page.renderProcessPid() > 0)

    os.kill(page.renderProcessPid(), signal.SIGKILL)  # the renderer dies under the call

    patient.wait(lambda: window.current_screen is window.welcome and not app.session.busy)
    assert window.welcome.notice_text == CALL_CRASHED_MESSAGE
    assert not window.call.call_view.active
    assert server.visit(visit_id)["close_reason"] == "call_ended"
    assert not window.welcome.out_of_service  # one crash: still in service
    found = samples(scrape(app, "/metrics"))
    assert value(found, "kiosk_webengine_crashes_total") == 1
    assert value(found, "kiosk_sessions_ended_total", reason="crash") == 1
