"""Availability (the doc's start/end/duration table, ``nearest``), booking, taken slots."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sandbox_helpers import API_KEY, API_SECRET, envelope

LA = ZoneInfo("America/Los_Angeles")
DAY = 86_400
FOUR_DAYS = 4 * DAY
CONSULT_15 = "5fb57ace-4808-4346-ad3c-3348925862c1"


def slots(api, token, **params):
    response = api.get("availability", token, params={"room_code": "ceproom1", **params})
    assert response.status_code == 200, response.text
    return response.json()["data"]["slots"]


def tomorrow_at(api, hour: int) -> int:
    now = dt.datetime.fromtimestamp(api.state()["now"], LA)
    day = (now + dt.timedelta(days=1)).date()
    return int(dt.datetime.combine(day, dt.time(hour), LA).timestamp())


def test_slots_lie_in_working_hours_in_the_room_time_zone(api):
    found = slots(api, api.token())
    assert found
    for slot in found:
        start = dt.datetime.fromtimestamp(slot["slot_start"], LA)
        end = dt.datetime.fromtimestamp(slot["slot_end"], LA)
        assert start.hour >= 8 and (end.hour, end.minute) <= (18, 0)
        assert slot["slot_end"] - slot["slot_start"] == 15 * 60
        assert slot["slot_available"] >= 1 and slot["providers"]


def test_row1_defaults_to_four_days_from_the_first_free_slot(api):
    found = slots(api, api.token())
    first = found[0]["slot_start"]
    assert found[-1]["slot_end"] <= first + FOUR_DAYS
    assert found[-1]["slot_end"] > first + FOUR_DAYS - DAY


@pytest.mark.parametrize(
    ("row", "params", "window"),
    [
        (2, {"start": 0}, (0, FOUR_DAYS)),
        (3, {"start": 0, "end": 3 * 3600}, (0, 3 * 3600)),
        (4, {"start": 0, "duration": 2 * 3600}, (0, 2 * 3600)),
        (5, {"end": FOUR_DAYS}, (0, FOUR_DAYS)),
        (6, {"end": 5 * 3600, "duration": 2 * 3600}, (3 * 3600, 5 * 3600)),
        (8, {"start": 0, "end": 3 * 3600, "duration": 60}, (0, 3 * 3600)),
    ],
)
def test_rows_with_start_or_end_search_the_documented_window(api, row, params, window):
    base = tomorrow_at(api, 9)
    shifted = {k: (v + base if k in ("start", "end") else v) for k, v in params.items()}
    found = slots(api, api.token(), **shifted)
    assert found, f"row {row}"
    assert min(s["slot_start"] for s in found) == base + window[0]
    assert max(s["slot_end"] for s in found) == base + window[1]


def test_row7_duration_alone_spans_from_the_first_free_slot(api):
    found = slots(api, api.token(), duration=3600)
    first = found[0]["slot_start"]
    assert max(s["slot_end"] for s in found) <= first + 3600


def test_nearest_moves_start_to_the_first_free_slot(api):
    evening = tomorrow_at(api, 19)
    found = slots(api, api.token(), start=evening, duration=3600, nearest=1)
    assert found and found[0]["slot_start"] == tomorrow_at(api, 8) + DAY


def test_consultation_id_sets_the_slot_length(api):
    found = slots(api, api.token(), consultation_id="58244a53-0f28-4ff9-bdbc-7468ac1f0144")
    assert found[0]["slot_end"] - found[0]["slot_start"] == 30 * 60


def test_public_availability_needs_key_and_secret(api):
    start = tomorrow_at(api, 9)
    params = {
        "room_code": "ceproom1",
        "start": start,
        "end": start + 3600,
        "consultation_id": CONSULT_15,
    }
    envelope(api.http.get("availability", params=params), 401)
    keys = {"X-ApiKey": API_KEY, "X-ApiSecret": API_SECRET}
    response = api.http.get("availability", params=params, headers=keys)
    assert len(response.json()["data"]["slots"]) == 4


def test_room_without_appointments_has_no_slots(api):
    response = api.get("availability", api.token(), params={"room_code": "cepurgent"})
    assert response.json()["data"]["slots"] == []


def book(api, token, start, end, **extra):
    intake_id = api.intake(token, type="2")
    body = {
        "slot_start": start,
        "slot_end": end,
        "room_code": "ceproom1",
        "intake_id": intake_id,
        "type": 2,
        **extra,
    }
    return api.post("visits", token, data=body)


def test_booking_a_slot_confirms_it_with_a_one_time_link_token(api):
    token = api.token()
    start = tomorrow_at(api, 10)
    visit = book(api, token, start, start + 900).json()["data"]
    assert visit["status"] == 20 and visit["type"] == 2 and visit["start"] == start
    assert visit["one_time_link_token"] and visit["provider"]["id"] == visit["provider_id"]
    detail = api.get(f"visits/{visit['id']}", token).json()["data"]
    assert detail["intake"]["id"] == visit["intake_id"] and detail["room_code"] == "ceproom1"


def test_a_taken_slot_is_refused(api):
    start = tomorrow_at(api, 11)
    assert book(api, api.token(), start, start + 900, provider_id="826").status_code == 200
    again = book(api, api.token(), start, start + 900, provider_id="826")
    assert "no longer available" in envelope(again, 400)


def test_slot_disappears_when_every_provider_is_booked(api):
    start = tomorrow_at(api, 12)
    for _ in range(2):
        book(api, api.token(), start, start + 900).raise_for_status()
    found = slots(api, api.token(), start=start, end=start + 1800)
    assert [s["slot_start"] for s in found] == [start + 900]
    envelope(book(api, api.token(), start, start + 900), 400)


def test_cancelling_an_appointment_frees_the_slot(api):
    token = api.token()
    start = tomorrow_at(api, 13)
    visit = book(api, token, start, start + 900, provider_id="827").json()["data"]
    api.post("visits/close", token, data={"id": visit["id"], "reason": "patientcancelappointment"})
    assert api.get(f"visits/{visit['id']}", token).json()["data"]["status"] == 40
    assert book(api, api.token(), start, start + 900, provider_id="827").status_code == 200


def test_booking_outside_working_hours_or_in_the_past_is_refused(api):
    envelope(book(api, api.token(), tomorrow_at(api, 20), tomorrow_at(api, 20) + 900), 400)
    envelope(book(api, api.token(), 1_000_000, 1_000_900), 400)
