"""EMR, pharmacies, prescriptions, billing, notifications, endpoints, settings and rooms."""

from __future__ import annotations

import uuid

from sandbox_helpers import API_KEY, envelope


def test_emr_section_is_saved_and_read_back(api):
    token = api.token()
    body = {"data": [{"condition": "Asthma"}], "data_not_reported": False}
    saved = api.post("users/-/emr/conditions", token, json=body).json()["data"]
    assert saved["data"] == body["data"]
    emr = api.get("users/-/emr", token).json()["data"]
    assert emr["conditions"]["data"] == [{"condition": "Asthma"}]
    assert emr["conditions"]["modified_by"]["id"]


def test_emr_form_body_with_json_string_and_not_reported(api):
    token = api.token()
    api.post("users/-/emr/allergies", token, data={"data_not_reported": "1"}).raise_for_status()
    assert api.get("users/-/emr", token).json()["data"]["allergies"]["data_not_reported"] is True


def test_emr_unknown_section_is_404_and_bad_data_400(api):
    token = api.token()
    envelope(api.post("users/-/emr/hobbies", token, json={"data": []}), 404)
    envelope(api.post("users/-/emr/conditions", token, json={"data": {"x": 1}}), 400)


def test_patient_cannot_read_another_patients_emr(api):
    other = api.sso()["id"]
    envelope(api.get(f"users/{other}/emr", api.token()), 403)


def test_pharmacy_search_save_default_and_delete(api):
    token = api.token()
    found = api.get("users/-/erx/pharmacies", token, params={"search": "san francisco"})
    names = [p["name"] for p in found.json()["data"]]
    assert names and all(p["city"] == "San Francisco" for p in found.json()["data"])
    chosen = found.json()["data"][0]
    assert api.post("users/-/erx/pharmacies", token, json=chosen).json()["data"] is True
    listed = api.get("users/-/erx/pharmacies", token).json()["data"]
    assert listed[0]["code"] == chosen["code"] and listed[0]["is_default"] is True
    api.request("DELETE", f"users/-/erx/pharmacies/{chosen['code']}", token).raise_for_status()
    envelope(api.request("DELETE", f"users/-/erx/pharmacies/{chosen['code']}", token), 404)


def test_prescriptions_of_the_seeded_member(api):
    login = api.post("users/login", data={"username": "member-201", "password": "111111"})
    token = login.json()["data"]["token"]
    current = api.get("users/-/erx/prescriptions", token).json()["data"]
    assert current and current[0]["Status"] == "Current"
    assert api.get("users/-/erx/prescriptions", api.token()).json()["data"] == []


def test_cards_from_stripe_test_tokens(api):
    token = api.token()
    visa = api.post("billing/sources", token, data={"token": "tok_visa", "type": "card"})
    master = api.post("billing/sources", token, data={"token": "tok_mastercard"})
    assert (visa.json()["data"]["brand"], visa.json()["data"]["last4"]) == ("Visa", "4242")
    assert visa.json()["data"]["is_default"] is True
    master_id = master.json()["data"]["id"]
    api.request("PUT", f"billing/sources/{master_id}", token, data={"is_default": "1"})
    listed = {s["brand"]: s["is_default"] for s in api.get("billing/sources", token).json()["data"]}
    assert listed == {"Visa": False, "MasterCard": True}
    assert api.request("DELETE", f"billing/sources/{master_id}", token).json() == {"data": []}
    envelope(api.get(f"billing/sources/{master_id}", token), 404)


def test_declined_card_is_400_with_stripes_message(api):
    response = api.post("billing/sources", api.token(), data={"token": "tok_chargeDeclined"})
    assert envelope(response, 400) == "Your card was declined."


def test_invoice_with_promo_code(api):
    token = api.token()
    intake_id = api.intake(token, **{"consultation[id]": "58244a53-0f28-4ff9-bdbc-7468ac1f0144"})
    body = {"intake_id": intake_id, "promo_code": "TENOFF", "create_invoice": "1"}
    invoice = api.post("billing/invoices/process", token, data=body).json()["data"]
    assert invoice["amount_due"] == 27 and invoice["coupon"]["percent_off"] == 10
    envelope(api.post("billing/invoices/process", token,
                      data={"intake_id": intake_id, "promo_code": "BOGUS"}), 400)  # fmt: skip
    assert api.get("billing/settings", token).json()["data"]["stripe"]["publishable_key"]


def test_notifications_and_badge_follow_visit_events(api):
    token = api.token()
    api.walkin(token)
    assert api.get("notifications/badge", token).json()["data"] == 1
    note = api.get("notifications", token).json()["data"][0]
    read = api.request("PUT", f"notifications/{note['id']}", token).json()["data"]
    assert read["read"] is True
    api.post("notifications/badge", token)
    assert api.get("notifications/badge", token).json()["data"] == 0


def test_push_endpoints_are_registered_listed_and_deleted(api):
    token = api.token()
    created = api.post("endpoints", token, data={"key": "device-1", "type": "30"}).json()["data"]
    assert api.get(f"endpoints/{created['id']}", token).json()["data"]["key"] == "device-1"
    assert [e["id"] for e in api.get("endpoints", token, params={"type": 30}).json()["data"]] == [
        created["id"]
    ]
    deleted = api.request("DELETE", f"endpoints/{created['id']}", token).json()["data"]
    assert deleted == {"id": created["id"]}
    envelope(api.get(f"endpoints/{created['id']}", api.token()), 404)


def test_settings_whole_and_by_path(api):
    assert api.get("settings.json").json()["data"]["visit"]["time"]["max_wait_time"] == 86400
    assert api.get("settings/visit/time/max_wait_time.json").json() == {"data": 86400}
    envelope(api.get("settings/visit/nope"), 404)


def test_accounts_and_rooms_are_public(api):
    assert api.get("accounts").json()["data"][0]["code"] == "vclinic"
    account = api.get("accounts/-").json()["data"]
    assert account["waiting_room"]["default_room_code"] == "ceproom1"
    assert "visits" in account["states"] and "signup" in account["states"]
    rooms = {r["code"]: r for r in api.get("rooms").json()["data"]}
    assert rooms["ceproom1"]["visits"]["appointment"]["enabled"] is True
    assert rooms["cepurgent"]["visits"]["appointment"]["enabled"] is False
    providers = api.get("rooms/ceproom1/providers").json()["data"]
    assert {p["id"] for p in providers} == {"826", "827"}
    assert api.get("rooms/ceproom1/providers/826").json()["data"]["title"] == "Dr."
    envelope(api.get("rooms/ceproom1/providers/828"), 404)


def provider_token(api):
    return api.sso(type=400, code=uuid.uuid4().hex, first="Pro", last="Vider")


def test_provider_creates_a_room_and_joins_it(api):
    provider = provider_token(api)
    token = provider["token"]["token"]
    slug = uuid.uuid4().hex[:8]
    room = api.post("rooms", token, data={"domain": "d.example", "slug": slug, "name": "R"})
    assert room.json()["data"]["provider_ids"] == [provider["id"]]
    again = api.post("rooms", token, data={"domain": "d.example", "slug": slug, "name": "R"})
    assert "&quot;" in envelope(again, 400)
    joined = api.post(f"users/{provider['id']}/rooms", token,
                      data={"code": "cepurgent", "default": "1"}).json()["data"]  # fmt: skip
    assert {r["code"]: r["default"] for r in joined}["cepurgent"] is True


def test_patient_cannot_create_rooms(api):
    envelope(api.post("rooms", api.token(), data={"domain": "d", "name": "n"}), 403)
    envelope(api.post("users/-/rooms", api.token(), data={"code": "ceproom1"}), 403)


def test_sso_key_header_name_is_case_insensitive(api):
    response = api.http.post("users/sso", data={"first_name": "a", "last_name": "b"},
                             headers={"x-apikey": API_KEY})  # fmt: skip
    assert response.status_code == 200
