"""SSO, login, tokens (expiry, refresh, logout) and the account/key checks."""

from __future__ import annotations

import uuid

from sandbox_helpers import API_KEY, TOKEN_LIFETIME_S, envelope


def test_guest_sso_creates_a_new_user_each_time(api):
    first, second = api.sso(), api.sso()
    assert first["id"] != second["id"] and first["code"] != second["code"]
    assert isinstance(first["id"], str) and first["token"]["refresh_token"]["token"]


def test_member_sso_returns_the_same_user_for_the_same_code(api):
    code = uuid.uuid4().hex
    first = api.sso(type=200, code=code, first="Ann")
    again = api.sso(type=200, code=code, first="Ann")
    assert first["id"] == again["id"]
    assert first["token"]["token"] != again["token"]["token"]


def test_provider_sso_needs_a_code(api):
    response = api.http.post(
        "users/sso",
        data={"first_name": "Jo", "last_name": "Doc", "type": "400"},
        headers=api.headers(**{"X-ApiKey": API_KEY}),
    )
    assert "code" in envelope(response, 400)


def test_sso_without_api_key_is_refused(api):
    response = api.post("users/sso", data={"first_name": "A", "last_name": "B", "type": "600"})
    envelope(response, 401)


def test_unknown_account_code_is_refused(api):
    response = api.http.get("rooms", headers={"X-AccountCode": "nope"})
    envelope(response, 400)


def test_login_with_username_and_password(api):
    response = api.post("users/login", data={"username": "member-201", "password": "111111"})
    data = response.json()["data"]
    assert data["user_id"] == "201" and data["user_type"] == "200"
    assert data["user"]["username"] == "member-201"
    me = api.get("me", data["token"]).json()["data"]
    assert me["id"] == "201"


def test_login_with_wrong_password_is_401(api):
    response = api.post("users/login", data={"username": "member-201", "password": "nope"})
    envelope(response, 401)


def test_login_with_email_token_then_setting_a_password_activates(api):
    response = api.post("users/login", data={"email": "an+1@vsee.com", "email_token": "ztpand"})
    token = response.json()["data"]["token"]
    assert api.get("me", token).json()["data"]["active"] is False
    updated = api.post("me", token, data={"password": "secret-9"}).json()["data"]
    assert updated["active"] is True
    again = api.post("users/login", data={"username": updated["username"], "password": "secret-9"})
    assert again.status_code == 200


def test_me_update_keeps_changes(api):
    token = api.token()
    api.post("me", token, data={"dob": "1983-10-02", "gender": "female", "tos": "1"})
    me = api.get("me.json", token).json()["data"]
    assert (me["dob"], me["gender"], me["tos"]) == ("1983-10-02", 2, True)


def test_missing_token_is_401_and_unknown_token_is_401(api):
    envelope(api.get("me"), 401)
    envelope(api.get("me", "0" * 32), 401)


def test_expired_token_is_401_and_refresh_gives_a_working_token(api):
    user = api.sso()
    api.advance(TOKEN_LIFETIME_S + 5)
    assert "expired" in envelope(api.get("me", user["token"]["token"]), 401).lower()
    refresh = user["token"]["refresh_token"]["token"]
    fresh = api.post("tokens/refresh", data={"refresh_token": refresh}).json()["data"]
    assert fresh["user_id"] == user["id"] and fresh["expiry"] > fresh["created"]
    assert api.get("me", fresh["token"]).status_code == 200


def test_refresh_with_unknown_token_is_401(api):
    envelope(api.post("tokens/refresh", data={"refresh_token": "x" * 32}), 401)


def test_logout_without_tokens_ends_the_callers_sign_in(api):
    user = api.sso()
    token, refresh = user["token"]["token"], user["token"]["refresh_token"]["token"]
    assert api.post("users/logout", token).json() == {"data": True}
    envelope(api.get("me", token), 401)
    envelope(api.post("tokens/refresh", data={"refresh_token": refresh}), 401)


def test_logout_takes_tokens_as_comma_string_or_array(api):
    a, b, c = api.token(), api.token(), api.token()
    before = api.state()["logged_out_tokens"]
    api.post("users/logout", a, data={"tokens": f"{a},{b}"}).raise_for_status()
    api.post("users/logout", c, json={"tokens": [c]}).raise_for_status()
    assert api.state()["logged_out_tokens"] == before + 3
    for token in (a, b, c):
        envelope(api.get("me", token), 401)


def test_reset_password_and_activate_answer_true(api):
    assert api.post("users/reset_password", data={"email": "x@example.com"}).json()["data"]
    body = {"first_name": "New", "last_name": "Person", "email": "new.person@example.com"}
    assert api.post("users/activate", data=body).json()["data"] is True
    user = next(u for u in api.state()["users"] if u["email"] == "new.person@example.com")
    login = api.post(
        "users/login", data={"email": user["email"], "email_token": user["email_token"]}
    )
    assert login.status_code == 200
