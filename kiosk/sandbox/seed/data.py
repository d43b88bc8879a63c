"""The demo clinic's people, rooms and directory entries (fixed ids, so seeding is repeatable)."""

from __future__ import annotations

from typing import Any

ACCOUNT_CODE = "vclinic"
API_KEY = "vclinic_api_key"
API_SECRET = "vclinic_api_secret"
DOMAIN = "vclinic.sandbox.local"
SETTINGS: dict[str, Any] = {"visit": {"time": {"max_wait_time": 86400}}}

#: Working hours of every seeded provider, every day, in the room's time zone.
SCHEDULE = {"start": "08:00", "end": "18:00", "weekdays": [0, 1, 2, 3, 4, 5, 6]}

CONSULT_15 = {
    "id": "5fb57ace-4808-4346-ad3c-3348925862c1",
    "description": "15-min Consultation",
    "duration": 15,
    "amount": 0,
    "group": False,
    "charge": False,
    "slots": 1,
    "visible_to_patient": True,
    "currency": "USD",
}
CONSULT_30 = {
    "id": "58244a53-0f28-4ff9-bdbc-7468ac1f0144",
    "description": "30 mins",
    "duration": 30,
    "amount": 30,
    "group": False,
    "charge": True,
    "slots": 1,
    "visible_to_patient": True,
    "currency": "USD",
}
CONSULT_45 = {
    "id": "615cec5b-14c8-4493-b9ce-365764457b11",
    "description": "45 min",
    "duration": 45,
    "amount": 40,
    "group": False,
    "charge": True,
    "slots": 1,
    "visible_to_patient": True,
    "currency": "USD",
}


def room_doc(
    name: str,
    *,
    walkin: bool,
    appointment: bool,
    consultations: list[dict[str, Any]],
    subtitle: str,
) -> dict[str, Any]:
    """A room document in the shape of the doc's ``POST /rooms`` answer."""
    return {
        "visits": {"walkin": {"enabled": walkin}, "appointment": {"enabled": appointment}},
        "auth": {"guest": {"type": 600, "log_in": {"enabled": True}}},
        "subtitle": subtitle,
        "name": name,
        "description": "",
        "active": True,
        "public_access_room": True,
        "specialties": [{"code": "general_care", "name": "Default", "duration": 15}],
        "payment": {"consultations": consultations, "currency": "USD"},
        "operation_settings": {
            "is_closed": False,
            "close_msg": "Service currently not available. Please check back later",
            "default_timezone": "America/Los_Angeles",
        },
    }


ROOMS: list[dict[str, Any]] = [
    {
        "id": 1001,
        "code": "ceproom1",
        "slug": "main",
        "doc": room_doc(
            "Main Clinic",
            walkin=True,
            appointment=True,
            consultations=[CONSULT_15, CONSULT_30, CONSULT_45],
            subtitle="If this is an emergency, please call 911.",
        ),
        "providers": [826, 827],
    },
    {
        "id": 1002,
        "code": "cepurgent",
        "slug": "urgent",
        "doc": room_doc(
            "Urgent Care",
            walkin=True,
            appointment=False,
            consultations=[CONSULT_15],
            subtitle="Urgent care: a provider will see you as soon as possible.",
        ),
        "providers": [828],
    },
]

PROVIDERS: list[dict[str, Any]] = [
    {
        "id": 826,
        "username": "provider-826",
        "email": "provider826@vclinic.sandbox.local",
        "profile": {
            "first_name": "John",
            "last_name": "Will",
            "title": "Dr.",
            "suffix": "M.D.",
            "phone": "334 2222211",
            "educational_training": "Family medicine residency",
            "professional_interests": "Preventive care",
            "personal_interests": "Hiking",
        },
    },
    {
        "id": 827,
        "username": "provider-827",
        "email": "provider827@vclinic.sandbox.local",
        "profile": {
            "first_name": "Maria",
            "last_name": "Lopez",
            "title": "Dr.",
            "suffix": "M.D.",
            "phone": "334 2222212",
            "educational_training": "Internal medicine",
            "professional_interests": "Chronic conditions",
            "personal_interests": "Music",
        },
    },
    {
        "id": 828,
        "username": "provider-828",
        "email": "provider828@vclinic.sandbox.local",
        "profile": {
            "first_name": "Sam",
            "last_name": "Chen",
            "title": "",
            "suffix": "N.P.",
            "phone": "334 2222213",
            "educational_training": "Emergency nursing",
            "professional_interests": "Urgent care",
            "personal_interests": "Cycling",
        },
    },
]
PROVIDER_PASSWORD = "111111"
#: States the seeded providers are licensed in (``location`` filters availability by it).
PROVIDER_STATES = ["CA"]

MEMBERS: list[dict[str, Any]] = [
    {
        "id": 201,
        "username": "member-201",
        "password": "111111",
        "email": "an+user1@vsee.com",
        "active": True,
        "profile": {
            "first_name": "Lemuel",
            "last_name": "Eveline",
            "dob": "1960-01-01",
            "gender": 2,
            "phone": "800-555-5555",
            "street_addr": "First str 12",
            "state": "CA",
            "city": "San Francisco",
            "zip": "01234",
            "pcp_name": "",
            "pcp_phone": "",
        },
    },
    {
        "id": 202,
        "username": "member-202",
        "password": None,
        "email": "an+1@vsee.com",
        "active": False,
        "email_token": "ztpand",
        "profile": {"first_name": "An", "last_name": "Nguyen", "dob": "1983-10-02"},
    },
]
ADMIN = {
    "id": 150,
    "username": "clinic-admin",
    "password": "admin-111111",
    "email": "admin@vclinic.sandbox.local",
    "profile": {"first_name": "Clinic", "last_name": "Admin"},
}

PHARMACIES: list[dict[str, Any]] = [
    {
        "name": "4700 Sunset Blvd",
        "address": "4700 Sunset Boulevard",
        "code": "0561539",
        "city": "Los Angeles",
        "state": "CA",
        "zip": "90027",
        "phone": "8663528725",
        "lat": 34.0976,
        "long": -118.2920,
    },
    {
        "name": "Sunset Community Pharmacy",
        "address": "1200 Sunset Blvd",
        "code": "0561540",
        "city": "Los Angeles",
        "state": "CA",
        "zip": "90026",
        "phone": "2135550101",
        "lat": 34.0771,
        "long": -118.2587,
    },
    {
        "name": "Mission Street Drugs",
        "address": "2300 Mission St",
        "code": "0561541",
        "city": "San Francisco",
        "state": "CA",
        "zip": "94110",
        "phone": "4155550102",
        "lat": 37.7609,
        "long": -122.4190,
    },
    {
        "name": "Bayview Health Pharmacy",
        "address": "4901 3rd St",
        "code": "0561542",
        "city": "San Francisco",
        "state": "CA",
        "zip": "94124",
        "phone": "4155550103",
        "lat": 37.7340,
        "long": -122.3900,
    },
    {
        "name": "Harbor Family Pharmacy",
        "address": "1010 University Avenue",
        "code": "5555008",
        "city": "San Diego",
        "state": "CA",
        "zip": "92103",
        "phone": "4017707046",
        "lat": 32.7480,
        "long": -117.1520,
    },
    {
        "name": "Freas Avenue Pharmacy",
        "address": "Freas Avenue, 1200",
        "code": "1001103",
        "city": "Berwick",
        "state": "PA",
        "zip": "18063",
        "phone": "5707525572",
        "lat": 41.0550,
        "long": -76.2330,
    },
]

PRESCRIPTIONS: list[dict[str, Any]] = [
    {
        "user_id": 201,
        "doc": {
            "ID": "101544",
            "DrugID": "69202",
            "NDC": "59390003613",
            "RxNormCode": "1000990",
            "Drug": "12 Hour Nasal 0.05% nasal spray",
            "Supply": False,
            "Compound": False,
            "Directions": "1 Milliliter(s) 1 to 2 times a day",
            "Qty": 5,
            "QtyQual": "Milliliter",
            "Refills": 0,
            "DaysSupply": 0,
            "SubstitutionAllowedFlag": 1,
            "Schedule": 0,
            "PharmacyNote": "",
            "InternalNote": "",
            "PrescriberId": "826",
            "LocationId": "vclinic",
            "PrescriptionDate": "2016-03-09T00:00:00",
            "SignDate": "0001-01-01T00:00:00",
            "Status": "Current",
            "PharmacyNcpdpId": "0561539",
            "RouteDetail": "e-Sent",
            "PartnerMedID": "",
            "PrescriberName": "Dr. John Will, M.D.",
        },
    },
]

PROMO_CODES = {"TENOFF": 10, "HALFOFF": 50, "FREEVISIT": 100}

#: Account files served through ``/files``: (code, stored file name, content type).
DOCUMENT_FILES = {
    "consent": ("consent.html", "text/html; charset=utf-8"),
    "terms_of_use": ("terms_of_use.txt", "text/plain; charset=utf-8"),
    "logo": ("logo.png", "image/png"),
}
