"""Fault injection, the auto-provider and the provider command line."""

from __future__ import annotations

import time

import httpx
import pytest
from sandbox_helpers import api_on, envelope

from kiosk.sandbox.cli import main as sandbox_cli
from kiosk.sandbox.embedded import AutoProviderOptions, EmbeddedSandbox

POLL_S = 0.02
WAIT_LIMIT_S = 5.0


def set_faults(api, **values):
    response = api.root.put("_sandbox/faults", json=values)
    assert response.status_code == 200, response.text
    return response.json()


def test_error_rate_one_answers_503_but_controls_still_work(api):
    set_faults(api, error_rate=1.0)
    envelope(api.get("settings"), 503)
    assert api.root.get("_sandbox/faults").json()["error_rate"] == 1.0


def test_drop_rate_one_closes_the_connection_without_an_answer(api):
    set_faults(api, drop_rate=1.0)
    with pytest.raises(httpx.TransportError):
        api.get("settings")


def test_expired_token_rate_one_makes_tokens_look_expired(api):
    token = api.token()
    set_faults(api, expired_token_rate=1.0)
    assert "expired" in envelope(api.get("me", token), 401).lower()


def test_latency_is_added_to_api_requests(api):
    set_faults(api, latency_s=0.2)
    started = time.perf_counter()
    api.get("settings").raise_for_status()
    assert time.perf_counter() - started >= 0.2


def test_expire_tokens_now_expires_current_tokens(api):
    token = api.token()
    set_faults(api, expire_tokens_now=True)
    envelope(api.get("me", token), 401)


@pytest.mark.parametrize("body", [{"error_rate": 2}, {"latency_s": "slow"}, {"nonsense": 1}])
def test_bad_fault_settings_are_400(api, body):
    envelope(api.root.put("_sandbox/faults", json=body), 400)


def wait_for(predicate, what):
    deadline = time.monotonic() + WAIT_LIMIT_S
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(POLL_S)


def test_auto_provider_starts_then_ends_the_next_alive_patient(tmp_path):
    options = AutoProviderOptions(start_after_s=0.05, end_after_s=0.1, tick_s=0.01)
    with (
        EmbeddedSandbox(tmp_path / "db.sqlite3", auto_provider=options) as sandbox,
        api_on(sandbox.address) as api,
    ):
        token = api.token()
        visit = api.walkin(token)

        def status():
            return api.get(f"visits/{visit['id']}", token).json()["data"]["status"]

        seen: set[int] = set()
        wait_for(lambda: seen.add(status()) or 30 in seen, "the call to end")
        assert 25 in seen or api.get(f"visits/{visit['id']}", token).json()["data"]["actual_start"]
        detail = api.get(f"visits/{visit['id']}", token).json()["data"]
        assert detail["provider"]["id"] in ("826", "827") and detail["actual_end"]
        assert api.state()["closed_reasons"][visit["id"]] == "call_ended"


def test_auto_provider_ignores_patients_without_a_fresh_heartbeat(tmp_path):
    # The provider takes a patient who has waited 3 s (sandbox clock, moved by hand): the
    # stale patient reaches 3 s only after their 5 s heartbeat has lapsed.
    options = AutoProviderOptions(start_after_s=3.0, end_after_s=10, tick_s=0.01)
    with (
        EmbeddedSandbox(tmp_path / "db.sqlite3", auto_provider=options) as sandbox,
        api_on(sandbox.address) as api,
    ):
        stale, fresh = api.token(), api.token()
        stale_visit = api.walkin(stale, heartbeat=5)
        api.advance(6)
        fresh_visit = api.walkin(fresh)
        api.advance(3)
        wait_for(lambda: api.get(f"visits/{fresh_visit['id']}", fresh).json()["data"]["status"]
                 == 25, "the fresh patient to be taken")  # fmt: skip
        assert api.get(f"visits/{stale_visit['id']}", stale).json()["data"]["status"] == 10


def test_provider_cli_lists_starts_and_ends(api, server, capsys):
    visit = api.walkin(api.token())
    url = server.portal_base_url
    assert sandbox_cli(["provider", "list", "--url", url]) == 0
    assert f"visit {visit['id']}" in capsys.readouterr().out
    assert sandbox_cli(["provider", "start", visit["id"], "--url", url]) == 0
    assert '"status": 25' in capsys.readouterr().out
    assert sandbox_cli(["provider", "end", visit["id"], "--url", url]) == 0
    assert sandbox_cli(["provider", "end", visit["id"], "--url", url]) == 1
    assert "Error 400" in capsys.readouterr().err
