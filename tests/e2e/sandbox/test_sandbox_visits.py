"""Intakes, walk-ins, the live queue, closing visits, reading visits back, and privacy."""

from __future__ import annotations

import json

import pytest
from sandbox_helpers import envelope

CONSULT_30 = "58244a53-0f28-4ff9-bdbc-7468ac1f0144"


def test_intake_is_created_updated_and_read_back(api):
    token = api.token()
    intake_id = api.intake(token, reason_for_visit="Cough", location="CA", phone="7123456789")
    api.post(f"intakes/{intake_id}", token, files={"reasonforvisit": (None, "Fever")})
    api.post(f"intakes/{intake_id}", token, json={"room": "cepurgent"})
    data = api.get(f"intakes/{intake_id}", token).json()["data"]
    assert (data["reason_for_visit"], data["room_code"], data["room"]) == (
        "Fever", "cepurgent", "cepurgent",
    )  # fmt: skip
    assert data["location"] == "CA" and data["id"] == intake_id


@pytest.mark.parametrize(
    "encode",
    [
        lambda c: {"json": {"consultation": c}},
        lambda c: {"data": {"consultation": json.dumps(c)}},
        lambda c: {"data": {f"consultation[{k}]": str(v) for k, v in c.items()}},
    ],
    ids=["json-object", "json-string", "bracket-fields"],
)
def test_consultation_is_read_in_every_encoding(api, encode):
    token = api.token()
    intake_id = api.intake(token)
    api.post(f"intakes/{intake_id}", token, **encode({"id": CONSULT_30})).raise_for_status()
    consultation = api.get(f"intakes/{intake_id}", token).json()["data"]["consultation"]
    assert consultation["id"] == CONSULT_30 and consultation["duration"] == 30


def _upload(api, token, name="a.txt"):
    response = api.post(
        "files",
        token,
        files={"file": (name, b"hello"), "meta.category": (None, "intake_attachment")},
    )
    return response.json()["data"]["id"]


@pytest.mark.parametrize("fmt", ["objects", "ids", "comma"])
def test_attachments_are_read_in_the_three_documented_formats(api, fmt):
    token = api.token()
    ids = [_upload(api, token), _upload(api, token)]
    value = {
        "objects": {"json": {"attachments": [{"id": i} for i in ids]}},
        "ids": {"json": {"attachments": ids}},
        "comma": {"data": {"attachments": ",".join(ids)}},
    }[fmt]
    intake_id = api.intake(token)
    api.post(f"intakes/{intake_id}", token, **value).raise_for_status()
    attachments = api.get(f"intakes/{intake_id}", token).json()["data"]["attachments"]
    assert [a["_id"] for a in attachments] == ids


def test_walkin_puts_a_pending_visit_in_the_queue(api):
    token = api.token()
    visit = api.walkin(token)
    assert visit["status"] == 10 and visit["type"] == 1 and visit["room_code"] == "ceproom1"
    assert visit["intake"]["visit_id"] == visit["id"] and visit["member"]["id"]
    queue = api.get("rooms/ceproom1/queue", token).json()["data"]
    assert queue["length"] >= 1 and queue["capacity"] == 100
    assert api.get("visits/current", token).json()["data"]["id"] == visit["id"]


def test_before_me_counts_alive_patients_ahead(api):
    room = "cepurgent"
    first, second = api.token(), api.token()
    api.walkin(first, room=room)
    api.walkin(second, room=room)
    mine = api.get(f"rooms/{room}/queue", second).json()["data"]
    anonymous = api.get(f"rooms/{room}/queue").json()["data"]
    assert mine["before_me"] == mine["length"] - 1 and anonymous["before_me"] == 0


def test_stale_heartbeat_drops_the_patient_out_of_the_queue(api):
    token = api.token()
    api.walkin(token, heartbeat=30, room="cepurgent")
    length = api.get("rooms/cepurgent/queue").json()["data"]["length"]
    api.advance(31)
    stale = api.get("rooms/cepurgent/queue").json()["data"]["length"]
    api.post("users/alive", token, data={"heartbeat": "30"})
    assert stale < length
    assert api.get("rooms/cepurgent/queue").json()["data"]["length"] == stale + 1


@pytest.mark.parametrize(
    ("reason", "status"),
    [("patientexitroom", 40), ("maxwaitingtime_reached", 40), ("patientendcall", 30)],
)
def test_close_sets_status_by_reason_and_stores_it(api, reason, status):
    token = api.token()
    visit = api.walkin(token)
    closed = api.post("visits/close", token, data={"id": visit["id"], "reason": reason})
    assert closed.json()["data"]["id"] == visit["id"]
    assert api.get(f"visits/{visit['id']}", token).json()["data"]["status"] == status
    assert api.state()["closed_reasons"][visit["id"]] == reason
    assert api.get("visits/current", token).json()["data"] is None


def test_close_with_unknown_reason_is_400(api):
    token = api.token()
    visit = api.walkin(token)
    envelope(api.post("visits/close", token, data={"id": visit["id"], "reason": "bored"}), 400)


def test_visits_list_shows_the_patients_visits(api):
    token = api.token()
    visit = api.walkin(token)
    listed = api.get("visits.json", token).json()["data"]
    assert [v["id"] for v in listed] == [visit["id"]]


def test_second_walkin_with_same_intake_returns_the_same_visit(api):
    token = api.token()
    intake_id = api.intake(token)
    body = {"intake_id": intake_id, "room_code": "ceproom1"}
    first = api.post("visits/add_walkin", token, data=body).json()["data"]
    again = api.post("visits/add_walkin", token, data=body).json()["data"]
    assert first["id"] == again["id"]


def test_patient_cannot_read_another_patients_intake_or_visit(api):
    owner, other = api.token(), api.token()
    visit = api.walkin(owner)
    envelope(api.get(f"intakes/{visit['intake_id']}", other), 403)
    envelope(api.post(f"intakes/{visit['intake_id']}", other, data={"phone": "1"}), 403)
    envelope(api.get(f"visits/{visit['id']}", other), 403)
    envelope(api.post("visits/close", other, data={"id": visit["id"]}), 403)


def test_unknown_ids_are_404(api):
    token = api.token()
    envelope(api.get("intakes/00000000-0000-0000-0000-000000000000", token), 404)
    envelope(api.get("visits/999999", token), 404)
    envelope(api.post("visits/add_walkin", token, data={"intake_id": "nope"}), 404)
    envelope(api.get("rooms/nope/queue"), 404)
