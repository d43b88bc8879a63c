"""Models coerce the loose API (ids, timestamps, flags, PHP empties) and keep unknown keys."""

from __future__ import annotations

import pytest

from kiosk.api import models


@pytest.mark.parametrize("raw", [10008, "10008", 10008.0])
def test_ids_become_strings(raw) -> None:
    assert models.User.model_validate({"id": raw}).id == "10008"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1458095488, 1458095488),
        ("1458095488", 1458095488),
        ({"sec": 1471465053, "usec": 966000}, 1471465053),
        ("2016-08-17T20:17:33Z", 1471465053),
        ("", None),
        (None, None),
        ("soon", None),
        ([], None),
    ],
)
def test_timestamps_coerce_to_unix_seconds_or_none(raw, expected) -> None:
    assert models.Visit.model_validate({"start": raw}).start == expected


def test_unknown_keys_are_kept() -> None:
    visit = models.Visit.model_validate({"id": 1, "brand_new_field": {"a": 1}})
    assert visit.get_extra("brand_new_field") == {"a": 1}
    assert visit.model_dump()["brand_new_field"] == {"a": 1}


def test_underscore_id_fills_a_missing_id() -> None:
    assert models.Room.model_validate({"_id": "171", "code": "b4vjj"}).id == "171"


@pytest.mark.parametrize(("raw", "expected"), [("10", 10), (20, 20), ("25", 25), (40, 40)])
def test_visit_status_is_the_enum(raw, expected) -> None:
    status = models.Visit.model_validate({"status": raw}).status
    assert isinstance(status, models.VisitStatus) and status == expected


def test_unknown_visit_status_stays_a_number() -> None:
    assert models.Visit.model_validate({"status": "35"}).status == 35


def test_php_empty_array_stands_for_an_empty_object() -> None:
    visit = models.Visit.model_validate({"payment": [], "intake": [], "provider": "x"})
    assert visit.payment is not None and visit.payment.amount is None


def test_missing_fields_default_to_none() -> None:
    visit = models.Visit.model_validate({})
    assert (visit.id, visit.status, visit.start, visit.intake) == (None, None, None, None)


@pytest.mark.parametrize(("raw", "expected"), [("1", True), (0, False), ("false", False)])
def test_flags_coerce(raw, expected) -> None:
    assert models.PaymentSource.model_validate({"is_default": raw}).is_default is expected


def test_slot_accepts_the_current_shape() -> None:
    slot = models.Slot.model_validate(
        {"slot_id": "4", "slot_start": 1497063600, "slot_end": "1497065400", "slot_available": "1"}
    )
    assert (slot.start, slot.end, slot.slot_id, slot.is_available) == (
        1497063600,
        1497065400,
        "4",
        True,
    )


def test_slot_accepts_the_announced_shape() -> None:
    slot = models.Slot.model_validate({"start": 1, "end": 2, "providers": ["123", 345]})
    assert (slot.start, slot.end, slot.providers) == (1, 2, ["123", "345"])


def test_parse_slots_reads_both_envelopes() -> None:
    current = {"slots": [{"slot_start": 5, "slot_end": 6}]}
    announced = [{"start": 5, "end": 6}]
    assert [s.start for s in models.parse_slots(current)] == [5]
    assert [s.start for s in models.parse_slots(announced)] == [5]
    assert models.parse_slots(None) == []


@pytest.mark.parametrize(
    "raw",
    [
        "a1,b2",
        ["a1", "b2"],
        [{"id": "a1"}, {"_id": "b2"}],
        {"0": {"id": "a1"}, "1": {"id": "b2"}},
    ],
)
def test_intake_attachments_accept_every_documented_format(raw) -> None:
    intake = models.Intake.model_validate({"attachments": raw})
    assert [a.id for a in intake.attachments] == ["a1", "b2"]


def test_room_without_visit_settings_allows_both_kinds_and_is_open() -> None:
    room = models.Room.model_validate({"code": "room1"})
    assert room.visits.walkin.enabled and room.visits.appointment.enabled
    assert room.operation_settings.is_closed is False


def test_room_settings_are_read() -> None:
    room = models.Room.model_validate(
        {
            "visits": {"walkin": {"enabled": "0"}, "appointment": {"enabled": True}},
            "operation_settings": {"is_closed": "1", "close_msg": "Closed"},
        }
    )
    assert room.visits.walkin.enabled is False and room.visits.appointment.enabled is True
    assert room.operation_settings.is_closed is True


def test_reprs_carry_no_patient_data_or_tokens() -> None:
    user = models.User.model_validate(
        {
            "id": "1",
            "first_name": "Johnathan",
            "dob": "1990-01-01",
            "phone": "6505550100",
            "token": {"token": "sekrit-token", "refresh_token": {"token": "sekrit-refresh"}},
        }
    )
    visit = models.Visit.model_validate(
        {"id": "9", "member": {"first_name": "Johnathan"}, "one_time_link_token": "otl-secret"}
    )
    intake = models.Intake.model_validate({"id": "3", "reason_for_visit": "Chest pain"})
    text = " ".join(repr(m) + str(m) for m in (user, visit, intake))
    for private in ("Johnathan", "1990-01-01", "6505550100", "sekrit", "otl-secret", "Chest"):
        assert private not in text


def test_queue_expected_wait_uses_the_doc_formula() -> None:
    queue = models.Queue.model_validate({"average_visit_time": "600", "before_me": 2})
    assert queue.expected_wait_s == 1200
    assert models.Queue.model_validate({}).expected_wait_s is None


def test_emr_section_reads_unknown_record_from_extras() -> None:
    emr = models.Emr.model_validate({"immunizations": {"data": [{"name": "Flu"}]}})
    section = emr.section("immunizations")
    assert section is not None and section.data == [{"name": "Flu"}]


def test_odd_token_shape_in_a_user_becomes_none_instead_of_failing() -> None:
    user = models.User.model_validate({"id": "1", "token": "not-an-object"})
    assert user.id == "1" and user.token is None


@pytest.mark.parametrize(
    "raw", [float("inf"), float("-inf"), float("nan"), "inf", "-Infinity", "NaN"]
)
def test_infinite_or_nan_numbers_become_none_instead_of_failing_the_parse(raw) -> None:
    """Python's JSON reader accepts ``Infinity``/``NaN``; ``int()`` of them raises, which no
    caller expects from a model (a queue or a visit would fail to parse)."""
    queue = models.Queue.model_validate({"before_me": raw, "average_visit_time": raw})
    visit = models.Visit.model_validate({"start": raw})
    assert (queue.before_me, queue.expected_wait_s, visit.start) == (None, None, None)


def test_an_amount_past_the_float_range_is_none() -> None:
    assert models.Coupon.model_validate({"amount_off": 10**400}).amount_off is None
