"""ClinicLoader: the clinic's account for Welcome, retried with backoff until it arrives."""

from __future__ import annotations

from session_fakes import FakeClient

from kiosk.api.errors import NetworkError, ServerError
from kiosk.session.clinic import ClinicLoader


def loader(client: FakeClient) -> ClinicLoader:
    return ClinicLoader(client, "vclinic", backoff_base_s=0.01, backoff_cap_s=0.02)


def test_loads_the_account_once(qtbot, qloop, client):
    clinic = loader(client)
    with qtbot.waitSignal(clinic.loaded, timeout=2000) as loaded:
        clinic.load()
    assert loaded.args[0] is clinic.account
    assert clinic.account.code == client.account.code
    assert client.names().count("get_account") == 1


def test_starting_without_network_shows_offline_then_recovers(qtbot, qloop, client):
    client.failures["get_account"] = [NetworkError("down"), NetworkError("down")]
    clinic = loader(client)
    states: list[bool] = []
    clinic.connectivity_changed.connect(states.append)
    with qtbot.waitSignal(clinic.loaded, timeout=2000):
        clinic.load()
    assert states == [False, True]
    assert client.names().count("get_account") == 3


def test_server_errors_are_retried_without_claiming_the_network_is_down(qtbot, qloop, client):
    client.failures["get_account"] = [ServerError("busy")]
    clinic = loader(client)
    states: list[bool] = []
    clinic.connectivity_changed.connect(states.append)
    with qtbot.waitSignal(clinic.loaded, timeout=2000):
        clinic.load()
    assert states == []


def test_stop_cancels_a_retry_loop(qtbot, qloop, client):
    client.always_fail["get_account"] = NetworkError("down")
    clinic = loader(client)
    clinic.load()
    qtbot.waitUntil(lambda: client.names().count("get_account") >= 2, timeout=2000)
    clinic.stop()
    assert not clinic.loading
    count = client.names().count("get_account")
    with qtbot.assertNotEmitted(clinic.loaded, wait=100):
        pass
    assert client.names().count("get_account") == count


def test_a_patient_session_refreshes_the_clinic(qtbot, session, client):
    clinic = loader(client)
    session.account_loaded.connect(clinic.accept)
    with qtbot.waitSignal(clinic.loaded, timeout=2000):
        session.begin()
    assert clinic.account is session.state.account


def test_the_logo_is_fetched_by_its_path_after_the_account(qtbot, qloop, client):
    from kiosk.api.models import Account

    client.account = Account.model_validate(
        {
            "code": "vclinic",
            "files": [
                {
                    "file_id": "f-logo",
                    "code": "logo",
                    "path": "https://api.vsee.me/api_v3/files/f-logo",
                }
            ],
        }
    )
    clinic = loader(client)
    with qtbot.waitSignal(clinic.logo_loaded, timeout=2000) as logo:
        clinic.load()
    assert logo.args[0] == clinic.logo and clinic.logo
    assert client.calls_of("fetch_file") == [
        {"path": "https://api.vsee.me/api_v3/files/f-logo", "file_id": "f-logo"}
    ]


def test_a_logo_that_cannot_be_fetched_leaves_the_kiosks_mark(qtbot, qloop, client):
    client.always_fail["fetch_file"] = ServerError("busy")
    clinic = loader(client)
    with (
        qtbot.assertNotEmitted(clinic.logo_loaded, wait=100),
        qtbot.waitSignal(clinic.loaded, timeout=2000),
    ):
        clinic.load()
    assert clinic.logo is None
