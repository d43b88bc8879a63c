"""Malformed requests get a clear 4xx envelope and leave the database as it was."""

from __future__ import annotations

import pytest
from sandbox_helpers import envelope

JSON = {"Content-Type": "application/json"}
SLOT = {"slot_start": "soon", "slot_end": "1", "room_code": "ceproom1"}
BAD_REQUESTS = [
    ("POST", "intakes", {"content": b"{not json", "headers": JSON}, 400),
    ("POST", "intakes", {"json": ["a", "list"]}, 400),
    ("POST", "intakes", {"data": {"type": "walk-in"}}, 400),
    ("POST", "intakes", {"data": {"room_code": "nope"}}, 404),
    ("POST", "intakes", {"json": {"attachments": [{"id": "no-such-file"}]}}, 400),
    ("POST", "intakes", {"json": {"consultation": "{broken"}}, 400),
    ("POST", "visits/add_walkin", {"data": {}}, 400),
    ("POST", "visits/add_walkin", {"data": {"intake_id": "unknown"}}, 404),
    ("POST", "visits/close", {"data": {}}, 400),
    ("POST", "visits/close", {"data": {"id": "999999"}}, 404),
    ("POST", "visits", {"data": SLOT}, 400),
    ("POST", "users/alive", {"data": {"heartbeat": "-5"}}, 400),
    ("POST", "me", {"data": {"dob": "31/12/1990"}}, 400),
    ("POST", "me", {"data": {"gender": "robot"}}, 400),
    ("POST", "users/-/emr/conditions", {"json": {"data": "text"}}, 400),
    ("POST", "billing/sources", {"data": {}}, 400),
    ("POST", "endpoints", {"data": {"key": "k", "type": "99"}}, 400),
    ("POST", "files", {"data": {"meta.category": "user_document"}}, 400),
    ("GET", "availability", {"params": {"room_code": "ceproom1", "start": "x"}}, 400),
    ("GET", "availability", {"params": {"room_code": "ceproom1", "start": 10, "end": 5}}, 400),
    ("POST", "intakes", {"content": b"a=1", "headers": {"Content-Type": "application/xml"}}, 400),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), BAD_REQUESTS)
def test_malformed_request_is_refused_and_changes_nothing(api, method, path, kwargs, status):
    token = api.token()
    before = api.state()
    headers = {**api.headers(token), **kwargs.pop("headers", {})}
    response = api.http.request(method, path, headers=headers, **kwargs)
    envelope(response, status)
    after = api.state()
    for key in ("users", "intakes", "visits", "files", "heartbeats", "emr", "billing_sources"):
        assert after[key] == before[key], key


def test_unknown_route_is_404_envelope(api):
    assert "No such endpoint" in envelope(api.get("no/such/thing"), 404)


def test_wrong_method_is_405_envelope(api):
    envelope(api.request("DELETE", "settings"), 405)


def test_json_suffix_and_plain_path_answer_the_same(api):
    assert api.get("rooms/ceproom1.json").json() == api.get("rooms/ceproom1").json()
