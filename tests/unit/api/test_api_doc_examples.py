"""Every example response of the API doc parses through its client method into its model."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_support import FIXTURES, load_fixture, run, tokens

from kiosk.api import VSeeClient, errors, models
from kiosk.api.endpoints import ENDPOINTS

Check = Callable[[Any, Any], None]
Case = tuple[str, Callable[[VSeeClient, Path], Any], Check]


def same_id(result: Any, raw: Any) -> None:
    assert result.id == str(raw["id"])


def same_ids(result: Any, raw: Any) -> None:
    assert [item.id for item in result] == [str(item["id"]) for item in raw]


def is_true(result: Any, raw: Any) -> None:
    assert result is True


def check_sso(result: models.User, raw: Any) -> None:
    same_id(result, raw)
    assert isinstance(result.token, models.TokenState)
    assert result.token.token.get_secret_value() == raw["token"]["token"]
    assert result.token.refresh_token is not None
    assert result.token.refresh_token.expiry == raw["token"]["refresh_token"]["expiry"]


def check_login(result: models.LoginResult, raw: Any) -> None:
    assert result.token.get_secret_value() == raw["token"]
    assert result.user_type == int(raw["user_type"])
    assert result.user is not None and result.user.id == raw["user"]["id"]


def check_emr(result: models.Emr, raw: Any) -> None:
    assert result.allergies is not None and result.allergies.data == raw["allergies"]["data"]
    assert result.conditions is not None
    assert result.conditions.modified == raw["conditions"]["modified"]


def check_prescriptions(result: list[models.Prescription], raw: Any) -> None:
    assert [(p.id, p.drug) for p in result] == [(r["ID"], r["Drug"]) for r in raw]


def check_pharmacies(result: list[models.Pharmacy], raw: Any) -> None:
    assert [(p.code, p.is_default, p.long) for p in result] == [
        (r["code"], r["is_default"], r["long"]) for r in raw
    ]


def check_intake(result: models.Intake, raw: Any) -> None:
    same_id(result, raw)
    assert [a.id for a in result.attachments] == [a["_id"] for a in raw["attachments"]]
    assert result.attachments[0].modified == raw["attachments"][0]["modified"]["sec"]


def check_visit(result: models.Visit, raw: Any) -> None:
    same_id(result, raw)
    assert result.status == models.VisitStatus(int(raw["status"]))
    assert isinstance(result.status, models.VisitStatus)
    assert result.start == int(raw["start"])


def check_booked(result: models.Visit, raw: Any) -> None:
    check_visit(result, raw)
    assert result.one_time_link_token is not None
    assert result.one_time_link_token.get_secret_value() == raw["one_time_link_token"]
    assert result.intake is not None and result.intake.consultation is not None
    assert result.intake.consultation.id == raw["intake"]["consultation"]["id"]


def check_slots(result: list[models.Slot], raw: Any) -> None:
    items = raw["slots"] if isinstance(raw, dict) else raw
    assert [(s.start, s.end) for s in result] == [
        (i.get("slot_start", i.get("start")), i.get("slot_end", i.get("end"))) for i in items
    ]


def check_account(result: models.Account, raw: Any) -> None:
    same_id(result, raw)
    assert result.states == raw["states"]
    assert result.waiting_room.default_room_code == raw["waiting_room"]["default_room_code"]
    consent = result.file("consent")
    assert consent is not None and consent.file_id == raw["files"][1]["file_id"]


def check_room(result: models.Room, raw: Any) -> None:
    assert result.code == raw["code"]
    visits = raw.get("visits")
    if visits:
        assert result.visits.walkin.enabled is visits["walkin"]["enabled"]
        assert result.visits.appointment.enabled is visits["appointment"]["enabled"]
    settings = raw.get("operation_settings")
    if settings:
        assert result.operation_settings.is_closed is settings["is_closed"]
        assert result.operation_settings.default_timezone == settings["default_timezone"]
    consultations = raw["payment"]["consultations"]
    assert [c.duration for c in result.payment.consultations] == [
        c["duration"] for c in consultations
    ]


def check_queue(result: models.Queue, raw: Any) -> None:
    assert result.before_me == raw["before_me"]
    assert result.expected_wait_s == raw["average_visit_time"] * raw["before_me"]


def check_user_rooms(result: list[models.Room], raw: Any) -> None:
    assert [r.id for r in result] == [r["_id"] for r in raw]
    assert result[0].created == raw[0]["created"]["sec"]


def check_source(result: models.PaymentSource, raw: Any) -> None:
    assert (result.id, result.last4, result.is_default) == (
        raw["id"],
        raw["last4"],
        raw["is_default"],
    )


def check_invoice(result: models.Invoice, raw: Any) -> None:
    assert result.amount_due == raw["amount_due"]
    assert result.coupon is not None and result.coupon.percent_off == raw["coupon"]["percent_off"]
    assert result.consultation is not None and result.consultation.id == raw["consultation"]["id"]


def check_notification(result: models.Notification, raw: Any) -> None:
    same_id(result, raw)
    assert result.time == int(raw["time"]) and result.read is raw["read"]


def check_file(result: models.FileInfo, raw: Any) -> None:
    same_id(result, raw)
    assert result.meta is not None and result.meta.category == raw["meta"]["category"]


def upload(client: VSeeClient, tmp: Path) -> Any:
    path = tmp / "p878984.jpg"
    path.write_bytes(b"\xff\xd8" + b"x" * 100)
    return client.upload_file(path, "user_document")


PHARMACY = models.Pharmacy.model_validate(load_fixture("erx_pharmacy_save_request"))

CASES: dict[str, tuple[str, Callable[[VSeeClient, Path], Any], Check]] = {
    "settings_get": (
        "get_settings",
        lambda c, t: c.get_settings(),
        lambda r, raw: r.max_wait_time_s == raw["visit"]["time"]["max_wait_time"] or pytest.fail(),
    ),
    "settings_path_get": (
        "get_setting",
        lambda c, t: c.get_setting("visit/time/max_wait_time"),
        lambda r, raw: r == raw or pytest.fail(),
    ),
    "users_sso_guest": (
        "sso",
        lambda c, t: c.sso("John", "Smith", dob="1990-01-01"),
        check_sso,
    ),
    "users_sso_patient": (
        "sso",
        lambda c, t: c.sso("John", "Smith", models.UserType.MEMBER, code="ca97"),
        check_sso,
    ),
    "users_sso_provider": (
        "sso",
        lambda c, t: c.sso("John", "Provider", models.UserType.PROVIDER, code="cd97"),
        check_sso,
    ),
    "users_login": (
        "login",
        lambda c, t: c.login(username="member-201", password="111111"),
        check_login,
    ),
    "me_get": ("get_me", lambda c, t: c.get_me(user_photo_size="320x240"), same_id),
    "me_update": ("update_me", lambda c, t: c.update_me(dob="1983-10-02"), same_id),
    "users_logout": ("logout", lambda c, t: c.logout(), is_true),
    "tokens_refresh": (
        "refresh_tokens",
        lambda c, t: c.refresh_tokens(),
        lambda r, raw: r.token.get_secret_value() == raw["token"] or pytest.fail(),
    ),
    "users_reset_password": ("reset_password", lambda c, t: c.reset_password("a@b.c"), is_true),
    "users_alive": (
        "alive",
        lambda c, t: c.alive(),
        lambda r, raw: (
            (r.heartbeat, r.last_connected) == (raw["heartbeat"], raw["last_connected"])
            or pytest.fail()
        ),
    ),
    "users_activate": ("activate", lambda c, t: c.activate("An", "Nguyen", "a@b.c"), is_true),
    "users_emr_get": ("get_emr", lambda c, t: c.get_emr(), check_emr),
    "users_emr_update": (
        "update_emr",
        lambda c, t: c.update_emr("social_history", {"marital_status": "Single"}),
        lambda r, raw: r.data == raw["data"] or pytest.fail(),
    ),
    "erx_prescriptions_list": (
        "list_prescriptions",
        lambda c, t: c.list_prescriptions(),
        check_prescriptions,
    ),
    "erx_pharmacies_list": ("list_pharmacies", lambda c, t: c.list_pharmacies(), check_pharmacies),
    "erx_pharmacy_save": ("save_pharmacy", lambda c, t: c.save_pharmacy(PHARMACY), is_true),
    "erx_pharmacy_delete": ("delete_pharmacy", lambda c, t: c.delete_pharmacy("12834"), is_true),
    "intakes_create": (
        "create_intake",
        lambda c, t: c.create_intake(room_code="ceproom1", type=1),
        same_id,
    ),
    "intakes_update": (
        "update_intake",
        lambda c, t: c.update_intake("57a0705e", location="CA"),
        same_id,
    ),
    "intakes_get": ("get_intake", lambda c, t: c.get_intake("57a0705e"), check_intake),
    "visits_add_walkin": (
        "add_walkin",
        lambda c, t: c.add_walkin("57a0705e", "ceproom1"),
        check_visit,
    ),
    "visits_close": (
        "close_visit",
        lambda c, t: c.close_visit("14", models.CloseReason.PATIENT_EXIT_ROOM),
        lambda r, raw: r == raw["id"] or pytest.fail(),
    ),
    "availability_get": ("get_availability", lambda c, t: c.get_availability(), check_slots),
    "availability_get_public": (
        "get_availability",
        lambda c, t: c.get_availability("234yn", 1497063600, 1497065400, public=True),
        check_slots,
    ),
    "availability_get_announced": (
        "get_availability",
        lambda c, t: c.get_availability("ceproom1"),
        check_slots,
    ),
    "visits_create": (
        "create_appointment",
        lambda c, t: c.create_appointment(1470669300, 1470670200, "ceproom1", "57a0705e"),
        check_booked,
    ),
    "visits_list": ("list_visits", lambda c, t: c.list_visits(), same_ids),
    "visits_get": ("get_visit", lambda c, t: c.get_visit("7727"), check_booked),
    "visits_current": ("get_current_visit", lambda c, t: c.get_current_visit(), check_visit),
    "billing_settings": (
        "get_billing_settings",
        lambda c, t: c.get_billing_settings(),
        lambda r, raw: (
            r.stripe.publishable_key == raw["stripe"]["publishable_key"] or pytest.fail()
        ),
    ),
    "billing_sources_add": (
        "add_payment_source",
        lambda c, t: c.add_payment_source("tok_visa", room_code="abc"),
        check_source,
    ),
    "billing_sources_delete": (
        "delete_payment_source",
        lambda c, t: c.delete_payment_source("card_1"),
        is_true,
    ),
    "billing_sources_list": (
        "list_payment_sources",
        lambda c, t: c.list_payment_sources(room_code="abc"),
        same_ids,
    ),
    "billing_sources_get": (
        "get_payment_source",
        lambda c, t: c.get_payment_source("card_1"),
        check_source,
    ),
    "billing_sources_update": (
        "set_default_payment_source",
        lambda c, t: c.set_default_payment_source("card_1", room_code="abc"),
        check_source,
    ),
    "billing_invoices_process": (
        "process_invoice",
        lambda c, t: c.process_invoice("57a0705e", promo_code="TEN"),
        check_invoice,
    ),
    "accounts_list": (
        "list_accounts",
        lambda c, t: c.list_accounts(),
        lambda r, raw: [a.code for a in r] == [a["code"] for a in raw] or pytest.fail(),
    ),
    "accounts_get": ("get_account", lambda c, t: c.get_account("vclinic"), check_account),
    "rooms_list": (
        "list_rooms",
        lambda c, t: c.list_rooms(),
        lambda r, raw: [x.code for x in r] == [x["code"] for x in raw] or pytest.fail(),
    ),
    "rooms_create": (
        "create_room",
        lambda c, t: c.create_room("provider00102 room", "vclinic.vsee.me", slug="p"),
        check_room,
    ),
    "rooms_create_admin": (
        "create_room",
        lambda c, t: c.create_room("UAT2", "template.vseepreview.com", slug="uat2"),
        check_room,
    ),
    "rooms_get": ("get_room", lambda c, t: c.get_room("room1"), check_room),
    "rooms_providers_list": (
        "list_room_providers",
        lambda c, t: c.list_room_providers("ceproom1"),
        same_ids,
    ),
    "rooms_provider_get": (
        "get_room_provider",
        lambda c, t: c.get_room_provider("ceproom1", "826"),
        same_id,
    ),
    "rooms_queue": ("get_queue", lambda c, t: c.get_queue("ceproom1"), check_queue),
    "users_rooms_add": (
        "add_user_room",
        lambda c, t: c.add_user_room("b4vjj", user_id="85741"),
        check_user_rooms,
    ),
    "endpoints_create": ("register_endpoint", lambda c, t: c.register_endpoint("1", 30), same_id),
    "endpoints_list": ("list_endpoints", lambda c, t: c.list_endpoints(), same_ids),
    "endpoints_get": ("get_endpoint", lambda c, t: c.get_endpoint("551c5f64"), same_id),
    "endpoints_delete": ("delete_endpoint", lambda c, t: c.delete_endpoint("551c5f64"), is_true),
    "notifications_list": ("list_notifications", lambda c, t: c.list_notifications(), same_ids),
    "notifications_read": (
        "mark_notification_read",
        lambda c, t: c.mark_notification_read("570f3f04"),
        check_notification,
    ),
    "notifications_badge": (
        "get_notification_badge",
        lambda c, t: c.get_notification_badge(),
        lambda r, raw: r == raw or pytest.fail(),
    ),
    "notifications_badge_reset": (
        "reset_notification_badge",
        lambda c, t: c.reset_notification_badge(),
        is_true,
    ),
    "files_upload": ("upload_file", upload, check_file),
    "files_rename": (
        "rename_file",
        lambda c, t: c.rename_file("5e1598e7", "test2.jpg"),
        check_file,
    ),
    "files_delete": ("delete_file", lambda c, t: c.delete_file("57aa6ede"), is_true),
    "files_list": ("list_files", lambda c, t: c.list_files("350936", "user"), same_ids),
}

#: Fixtures that are not a success response of one call; each has its own test below.
SPECIAL = {"erx_pharmacy_save_request", "rooms_create_exists_error"}


def _path_pattern(template: str) -> re.Pattern[str]:
    def part(p: str) -> str:
        if p == ":path":
            return ".+"  # a settings path spans segments
        return "[^/]+" if p.startswith(":") else re.escape(p)

    parts = [part(p) for p in template.split("/")]
    return re.compile("/vc/next/api_v3" + "/".join(parts) + "$")


def test_every_fixture_file_has_a_case() -> None:
    names = {p.stem for p in FIXTURES.glob("*.json")}
    assert names == set(CASES) | SPECIAL


@pytest.mark.parametrize("name", sorted(CASES))
def test_doc_example_parses_through_its_method(name: str, make_client, tmp_path: Path) -> None:
    method_name, call, check = CASES[name]
    body = load_fixture(name)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=body)

    async def scenario() -> Any:
        async with make_client(handler) as client:
            client.set_tokens(tokens())
            return await call(client, tmp_path)

    result = run(scenario())
    check(result, body["data"])
    documented = {(m, p) for m, p, n in ENDPOINTS if n == method_name}
    assert any(
        seen[-1].method == m and _path_pattern(p).match(seen[-1].url.path) for m, p in documented
    ), f"{seen[-1].method} {seen[-1].url.path} is not {documented}"


def test_pharmacy_request_example_round_trips_with_its_extra_record() -> None:
    raw = load_fixture("erx_pharmacy_save_request")
    pharmacy = models.Pharmacy.model_validate(raw)
    dumped = pharmacy.model_dump(mode="json", exclude_none=True, by_alias=True)
    assert {k: v for k, v in dumped.items() if k != "_note"} == {
        k: v for k, v in raw.items() if k != "_note"
    }


def test_room_exists_example_is_already_exists_with_decoded_quotes(make_client) -> None:
    body = load_fixture("rooms_create_exists_error")

    async def scenario() -> None:
        async with make_client(lambda r: httpx.Response(400, json=body)) as client:
            await client.create_room("UAT2", "template.vseepreview.com", slug="uat2")

    with pytest.raises(errors.AlreadyExistsError) as caught:
        run(scenario())
    assert caught.value.message == body["message"].replace("&quot;", '"')
    assert "&quot;" not in caught.value.message
