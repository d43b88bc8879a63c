"""What goes on the wire: headers per call, bare paths, form and JSON bodies, timeouts."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import httpx
import pytest
from api_support import API_KEY, API_SECRET, BASE_URL, reply, run, tokens

from kiosk.api import Timeouts, VSeeClient, models


class Recorder:
    def __init__(self, data=None) -> None:
        self.data = {} if data is None else data
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return reply(self.data)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.last.content.decode()).items()}


def call(make_client, recorder, action, signed_in=True):
    async def scenario():
        async with make_client(recorder) as client:
            if signed_in:
                client.set_tokens(tokens())
            return await action(client)

    return run(scenario())


def test_every_request_names_the_account(make_client) -> None:
    recorder = Recorder()
    call(make_client, recorder, lambda c: c.get_room("ceproom1"), signed_in=False)
    assert recorder.last.headers["X-AccountCode"] == "vclinic"


def test_token_is_sent_when_signed_in(make_client) -> None:
    recorder = Recorder()
    call(make_client, recorder, lambda c: c.get_me())
    assert recorder.last.headers["X-ApiToken"] == "tok-old-1234"


def test_paths_are_sent_without_json_suffix(make_client) -> None:
    recorder = Recorder()
    call(make_client, recorder, lambda c: c.get_settings())
    assert recorder.last.url.path == "/vc/next/api_v3/settings"


def test_user_id_defaults_to_dash(make_client) -> None:
    recorder = Recorder()
    call(make_client, recorder, lambda c: c.get_emr())
    assert recorder.last.url.path.endswith("/users/-/emr")


def test_path_ids_are_percent_encoded(make_client) -> None:
    recorder = Recorder()
    call(make_client, recorder, lambda c: c.get_visit("a/b?c"))
    assert recorder.last.url.raw_path.decode().endswith("/visits/a%2Fb%3Fc")


@pytest.mark.parametrize(
    "action",
    [
        lambda c: c.get_me(),
        lambda c: c.get_queue("ceproom1"),
        lambda c: c.add_walkin("i", "r"),
        lambda c: c.get_availability("ceproom1"),
        lambda c: c.login(username="u", password="p"),
    ],
)
def test_key_and_secret_are_not_sent_where_the_doc_does_not_ask(make_client, action) -> None:
    recorder = Recorder({"token": "t"})
    call(make_client, recorder, action)
    assert "X-ApiKey" not in recorder.last.headers
    assert "X-ApiSecret" not in recorder.last.headers


def test_sso_sends_the_key_but_not_the_secret_or_a_token(make_client) -> None:
    recorder = Recorder({"id": "1", "token": {"token": "t"}})
    call(make_client, recorder, lambda c: c.sso("John", "Smith", dob="1990-01-01"))
    headers = recorder.last.headers
    assert headers["X-ApiKey"] == API_KEY
    assert "X-ApiSecret" not in headers and "X-ApiToken" not in headers
    assert recorder.form() == {
        "first_name": "John",
        "last_name": "Smith",
        "type": "600",
        "dob": "1990-01-01",
    }


def test_public_availability_sends_key_and_secret_without_token(make_client) -> None:
    recorder = Recorder({"slots": []})
    call(make_client, recorder, lambda c: c.get_availability("r1", 10, 20, public=True))
    headers = recorder.last.headers
    assert (headers["X-ApiKey"], headers["X-ApiSecret"]) == (API_KEY, API_SECRET)
    assert "X-ApiToken" not in headers
    assert dict(recorder.last.url.params) == {"room_code": "r1", "start": "10", "end": "20"}


def test_create_room_sends_the_key_and_the_token(make_client) -> None:
    recorder = Recorder({"code": "jstq9"})
    call(make_client, recorder, lambda c: c.create_room("UAT2", "d.example", slug="uat2"))
    assert recorder.last.headers["X-ApiKey"] == API_KEY
    assert recorder.last.headers["X-ApiToken"] == "tok-old-1234"


def test_intake_attachments_and_consultation_are_form_encoded(make_client) -> None:
    recorder = Recorder({"id": "i1"})
    consultation = models.Consultation(id="c1", duration=15, amount=0)
    attachments = [models.FileInfo(id="f1"), "f2"]
    call(
        make_client,
        recorder,
        lambda c: c.create_intake(
            room_code="r1", attachments=attachments, consultation=consultation, phone=None
        ),
    )
    assert recorder.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert recorder.form() == {
        "room_code": "r1",
        "attachments": "f1,f2",
        "consultation[id]": "c1",
        "consultation[duration]": "15",
        "consultation[amount]": "0.0",
    }


def test_emr_update_is_sent_as_json(make_client) -> None:
    recorder = Recorder({"data": []})
    items = [{"condition": "Asthma"}]
    call(make_client, recorder, lambda c: c.update_emr("conditions", items))
    assert recorder.last.headers["content-type"] == "application/json"
    assert json.loads(recorder.last.content) == {"data": items, "data_not_reported": False}


def test_close_visit_sends_id_and_reason(make_client) -> None:
    recorder = Recorder({"id": "14"})
    result = call(
        make_client, recorder, lambda c: c.close_visit("14", models.CloseReason.CALL_ENDED)
    )
    assert result == "14"
    assert recorder.form() == {"id": "14", "reason": "call_ended"}


def test_appointment_is_type_two(make_client) -> None:
    recorder = Recorder({"id": "7"})
    call(make_client, recorder, lambda c: c.create_appointment(1, 2, "r1", "i1"))
    assert recorder.form() == {
        "slot_start": "1",
        "slot_end": "2",
        "room_code": "r1",
        "intake_id": "i1",
        "type": "2",
    }


def test_current_visit_none_when_there_is_none(make_client) -> None:
    assert call(make_client, Recorder(None), lambda c: c.get_current_visit()) is None
    assert call(make_client, Recorder([]), lambda c: c.get_current_visit()) is None


def test_download_returns_the_bytes(make_client) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert dict(request.url.params) == {"auth_code": "ac", "time": "5", "size": "320x240"}
        return httpx.Response(200, content=b"\x89PNG")

    result = call(make_client, handler, lambda c: c.download_file("f1", "ac", 5, "320x240"))
    assert result == b"\x89PNG"


def test_client_timeouts_apply_and_a_call_can_override_them(make_client) -> None:
    recorder = Recorder()

    async def scenario():
        timeouts = Timeouts(connect=1.0, read=2.0, write=3.0, pool=4.0)
        async with make_client(recorder, timeouts=timeouts) as client:
            await client.get_room("r1")
            await client.get_room("r1", timeout=0.5)

    run(scenario())
    first, second = (r.extensions["timeout"] for r in recorder.requests)
    assert first == {"connect": 1.0, "read": 2.0, "write": 3.0, "pool": 4.0}
    assert second == {"connect": 0.5, "read": 0.5, "write": 0.5, "pool": 0.5}


def test_repr_shows_base_url_and_account_only() -> None:
    client = VSeeClient(BASE_URL, account_code="vclinic", api_key=API_KEY, api_secret=API_SECRET)
    client.set_tokens(tokens())
    text = repr(client)
    assert BASE_URL in text and "vclinic" in text
    for secret in (API_KEY, API_SECRET, "tok-old-1234", "ref-1234"):
        assert secret not in text
    run(client.aclose())


def test_client_imports_no_qt() -> None:
    import subprocess
    import sys

    code = "import sys, kiosk.api; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
