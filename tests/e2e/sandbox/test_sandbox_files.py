"""Uploads on disk, signed links, image resizing, size limit and file privacy."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

from PIL import Image
from sandbox_helpers import envelope


def png_bytes(width=64, height=32) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 200, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(api, token, content=b"hello", name="note.txt", category="user_document"):
    return api.post(
        "files", token, files={"file": (name, content), "meta.category": (None, category)}
    )


def test_upload_returns_file_info_with_a_signed_fullpath(api):
    token = api.token()
    info = upload(api, token).json()["data"]
    assert (info["name"], info["size"], info["ext"]) == ("note.txt", 5, "txt")
    assert info["meta"]["category"] == "user_document" and info["creator"]["id"]
    query = parse_qs(urlsplit(info["fullpath"]).query)
    assert len(query["auth_code"][0]) == 40 and query["time"][0].isdigit()
    assert api.http.get(info["fullpath"]).content == b"hello"


def test_download_with_a_wrong_auth_code_is_403(api):
    info = upload(api, api.token()).json()["data"]
    time = parse_qs(urlsplit(info["fullpath"]).query)["time"][0]
    envelope(api.http.get(f"files/{info['id']}", params={"auth_code": "0" * 40, "time": time}), 403)


def test_link_expires_after_its_lifetime(api):
    info = upload(api, api.token()).json()["data"]
    api.advance(2 * 86_400)
    envelope(api.http.get(info["fullpath"]), 403)


def test_image_resize_returns_a_png_of_the_fitted_size(api):
    info = upload(api, api.token(), png_bytes(), "photo.png", "intake_attachment").json()["data"]
    response = api.http.get(info["fullpath"] + "&size=32x32")
    assert response.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (32, 16)


def test_oversized_upload_is_413_and_stores_nothing(api):
    token = api.token()
    before = api.state()["files"]
    response = upload(api, token, b"x" * (21 * 1024 * 1024), "big.bin")
    envelope(response, 413)
    assert api.state()["files"] == before


def test_unknown_category_is_400(api):
    envelope(upload(api, api.token(), category="selfie"), 400)


def test_list_rename_and_delete_own_files(api):
    token = api.token()
    info = upload(api, token).json()["data"]
    assert [f["id"] for f in api.get("files", token).json()["data"]] == [info["id"]]
    renamed = api.post(f"files/{info['id']}", token, data={"name": "renamed.txt"}).json()["data"]
    assert renamed["name"] == "renamed.txt"
    assert api.request("DELETE", f"files/{info['id']}", token).json()["data"] is True
    assert api.get("files", token).json()["data"] == []


def test_patient_cannot_list_rename_delete_or_fetch_another_patients_file(api):
    owner, other = api.token(), api.token()
    info = upload(api, owner).json()["data"]
    owner_id = info["creator"]["id"]
    envelope(api.get("files", other, params={"target_id": owner_id}), 403)
    envelope(api.post(f"files/{info['id']}", other, data={"name": "x.txt"}), 403)
    envelope(api.request("DELETE", f"files/{info['id']}", other), 403)
    envelope(api.get(f"files/{info['id']}", other), 403)
    assert api.get(f"files/{info['id']}", owner).content == b"hello"


def test_account_documents_are_listed_as_the_doc_shows_and_public_to_the_account(api):
    account = api.get("accounts/vclinic").json()["data"]
    paths = {f["code"]: f["path"] for f in account["files"]}
    for entry in account["files"]:  # the doc: {"file_id", "code", "path": ".../files/<id>"}
        assert entry["path"] == f"{api.http.base_url}files/{entry['file_id']}"
        assert "auth_code" not in entry["path"]
    # The clinic's public face: readable by naming the account (a kiosk shows the logo before
    # anyone signs in), with or without a token; not by naming another account.
    assert api.http.get(paths["logo"], headers={"X-AccountCode": "vclinic"}).status_code == 200
    envelope(api.http.get(paths["logo"], headers={"X-AccountCode": "other"}), 400)
    headers = {"X-ApiToken": api.token()}
    consent = api.http.get(paths["consent"], headers=headers)
    assert consent.headers["content-type"].startswith("text/html") and "<h1>" in consent.text
    assert "Terms" in api.http.get(paths["terms_of_use"], headers=headers).text
    logo = api.http.get(paths["logo"], headers=headers)
    assert logo.headers["content-type"] == "image/png"
