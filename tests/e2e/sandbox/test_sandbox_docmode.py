"""Doc mode: the sandbox's state in the API doc's own shapes, under the doc's prefix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sandbox_helpers import Api, api_on

from kiosk.sandbox.docmode import shape
from kiosk.sandbox.embedded import EmbeddedSandbox

EXAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "api_examples"


@pytest.fixture(scope="module")
def doc_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    db = tmp_path_factory.mktemp("docmode") / "sandbox.sqlite3"
    with EmbeddedSandbox(db, doc_examples=EXAMPLES) as sandbox:
        assert sandbox.address is not None
        assert sandbox.address.api_base_url.endswith("/vc/next/api_v3/")
        with api_on(sandbox.address) as api:
            yield api


def test_shape_takes_the_docs_types_and_extra_keys() -> None:
    example = {"id": "1525", "status": "10", "created": 1, "payment": {"amount": "00.00"}}
    assert shape(example, {"id": 7, "status": 25, "created": "9", "flag": True}) == {
        "id": "7",
        "status": "25",
        "created": 9,
        "flag": True,
        "payment": {"amount": "00.00"},
    }
    assert shape({"slots": [{"slot_available": "1", "group_id": "g"}]}, {"slots": [{}]}) == {
        "slots": [{"slot_available": "1", "group_id": "g"}]
    }


def test_a_walk_in_answers_as_the_doc_shows_it(doc_api: Api) -> None:
    sso = doc_api.sso()
    assert isinstance(sso["id"], str) and isinstance(sso["token"]["expiry"], int)
    token = sso["token"]["token"]
    intake = doc_api.post("intakes.json", token, data={"room_code": "ceproom1", "type": "1"})
    intake_id = intake.json()["data"]["id"]
    walkin = doc_api.post(
        "visits/add_walkin", token, data={"intake_id": intake_id, "room_code": "ceproom1"}
    ).json()["data"]
    assert walkin["status"] == "10" and walkin["type"] == "1"  # strings, as the doc's example
    assert walkin["_id"] and "payment" in walkin  # the doc's extra keys
    visit = doc_api.get(f"visits/{walkin['id']}", token).json()
    assert visit["data"]["status"] == 10  # GET /visits/:id: numbers, as the doc's example
    assert "call_logs" in visit["data"] and "hosts" in visit["data"]


def test_the_account_lists_its_files_with_the_docs_own_paths(doc_api: Api) -> None:
    account = doc_api.get("accounts/vclinic").json()["data"]
    consent = next(f for f in account["files"] if f["code"] == "consent")
    assert consent["path"] == f"https://api.vsee.me/api_v3/files/{consent['file_id']}"
    assert "$link" in account["waiting_room"]["consent"]
    # The kiosk asks this server for the file by id, with the patient's token.
    document = doc_api.get(f"files/{consent['file_id']}", doc_api.token())
    assert document.status_code == 200 and "<h1>" in document.text


def test_errors_carry_html_entities(doc_api: Api) -> None:
    token = doc_api.token()
    files = {"file": ("a.txt", b"x"), "meta.category": (None, "bad")}
    answer = doc_api.post("files", token, files=files)
    body = answer.json()
    assert answer.status_code == 400 and body["code"] == 400
    assert body["message"].startswith("&#x27;meta.category&#x27; must be one of")
