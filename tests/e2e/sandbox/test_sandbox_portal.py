"""Portal pages: SSO sign-in and redirects, the call page and its status, appointment links,
the provider dashboard."""

from __future__ import annotations

import httpx
import pytest
from sandbox_helpers import envelope


@pytest.fixture
def browser(server):
    with httpx.Client(base_url=server.portal_base_url, timeout=10) as client:
        yield client


def sign_in(browser, token, next_path="/u/clinic"):
    return browser.get("/auth", params={"sso_token": token, "next": next_path})


def test_auth_sets_an_httponly_cookie_and_redirects_to_a_relative_next(api, browser):
    response = sign_in(browser, api.token(), "/u/clinic")
    assert response.status_code == 303 and response.headers["location"] == "/u/clinic"
    assert "httponly" in response.headers["set-cookie"].lower()
    assert "Welcome" in browser.get("/u/clinic").text


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil"])
def test_auth_never_redirects_off_site(api, browser, target):
    assert sign_in(browser, api.token(), target).headers["location"] == "/u/clinic"


def test_auth_with_a_bad_token_is_refused(browser):
    assert sign_in(browser, "0" * 32).status_code == 401


def test_call_page_waits_then_follows_the_visit_status(api, browser):
    token = api.token()
    visit = api.walkin(token)
    sign_in(browser, token)
    page = browser.get(f"/visits/inbrowser_calling/{visit['id']}").text
    assert "getUserMedia" in page and "<video" in page and "End call" in page
    assert "window.close()" in page and "/ended" not in page  # the doc has no "ended" URL
    status = browser.get(f"/_sandbox/visit_status/{visit['id']}").json()
    assert status["status"] == 10
    api.root.post(f"_sandbox/provider/start/{visit['id']}").raise_for_status()
    status = browser.get(f"/_sandbox/visit_status/{visit['id']}").json()
    assert status["status"] == 25 and status["provider_name"].startswith("Dr.")
    ended = browser.post(f"/_sandbox/visit_status/{visit['id']}/end").json()
    assert ended["status"] == 30
    assert api.state()["closed_reasons"][visit["id"]] == "patientendcall"


def test_call_page_of_another_patient_is_refused(api, browser):
    visit = api.walkin(api.token())
    sign_in(browser, api.token())
    assert browser.get(f"/visits/inbrowser_calling/{visit['id']}").status_code == 404
    assert browser.get(f"/_sandbox/visit_status/{visit['id']}").status_code == 404


def test_appointment_link_checks_the_one_time_token(api, browser):
    token = api.token()
    slot = api.get("availability", token, params={"room_code": "ceproom1"}).json()["data"]["slots"][
        -1
    ]
    intake_id = api.intake(token)
    visit = api.post("visits", token, data={"slot_start": slot["slot_start"],
                     "slot_end": slot["slot_end"], "room_code": "ceproom1",
                     "intake_id": intake_id}).json()["data"]  # fmt: skip
    good = browser.get(f"/members/appointment/{visit['id']}",
                       params={"token": visit["one_time_link_token"]})  # fmt: skip
    assert good.status_code == 200 and "Your appointment" in good.text
    bad = browser.get(f"/members/appointment/{visit['id']}", params={"token": "wrong"})
    assert bad.status_code == 403


def test_dashboard_lists_waiting_patients_and_its_buttons_start_them(api, browser):
    visit = api.walkin(api.token())
    page = browser.get("/providers/dashboard").text
    assert f"data-visit='{visit['id']}'" in page and "Start visit" in page
    assert browser.post(f"/_sandbox/provider/start/{visit['id']}").json()["status"] == 25
    assert browser.post(f"/_sandbox/provider/end/{visit['id']}").json()["status"] == 30


def test_dashboard_refuses_patients(api, browser):
    sign_in(browser, api.token())
    assert browser.get("/providers/dashboard").status_code == 403


def test_provider_actions_on_unknown_or_wrong_state_visits(api, browser):
    envelope(browser.post("/_sandbox/provider/start/999999"), 404)
    visit = api.walkin(api.token())
    envelope(browser.post(f"/_sandbox/provider/end/{visit['id']}"), 400)
