"""Failed responses map to the typed error family with a clean, secret-free message."""

from __future__ import annotations

import json

import httpx
import pytest
from api_support import API_KEY, run, tokens

from kiosk.api import errors
from kiosk.api.errors import error_from_response


def envelope(code: int, message: str) -> bytes:
    return json.dumps({"code": code, "message": message}).encode()


@pytest.mark.parametrize(
    ("status", "body", "token_sent", "expected"),
    [
        (401, envelope(401, "Token expired"), True, errors.AuthExpiredError),
        (401, envelope(401, "Wrong username or password"), False, errors.AuthInvalidError),
        (401, envelope(401, "Your token has expired"), False, errors.AuthExpiredError),
        (403, envelope(403, "Forbidden"), True, errors.PermissionDeniedError),
        (404, envelope(404, "Visit not found"), True, errors.NotFoundError),
        (400, envelope(400, "room_code is required"), True, errors.ValidationError),
        (422, envelope(422, "dob is invalid"), True, errors.ValidationError),
        (409, envelope(409, "Conflict"), True, errors.AlreadyExistsError),
        (400, envelope(400, "Slug already exists."), True, errors.AlreadyExistsError),
        (413, b"<html>Request Entity Too Large</html>", True, errors.UploadTooLargeError),
        (500, envelope(500, "Internal error"), True, errors.ServerError),
        (502, b"<html><body>Bad gateway</body></html>", True, errors.ServerError),
        (429, b"", True, errors.ServerError),
        (408, b"", True, errors.ServerError),
        (200, envelope(401, "Token expired"), True, errors.AuthExpiredError),
        (200, envelope(404, "Not found"), True, errors.NotFoundError),
    ],
)
def test_status_and_envelope_map_to_error_class(status, body, token_sent, expected) -> None:
    error = error_from_response(status, body, token_sent=token_sent)
    assert type(error) is expected
    assert isinstance(error, errors.ApiError)


def test_envelope_code_wins_over_a_success_status() -> None:
    error = error_from_response(200, envelope(403, "Not your visit"))
    assert (error.status, error.code) == (403, 403)


def test_message_has_html_entities_decoded() -> None:
    error = error_from_response(400, envelope(400, "Slug &quot;uat2&quot; &amp; more &#39;x&#39;"))
    assert error.message == "Slug \"uat2\" & more 'x'"
    assert str(error) == error.message


@pytest.mark.parametrize(
    "body",
    [b"", b"<html>502 Bad Gateway</html>", b"\xff\xfe\x00garbage", b"[1, 2]", b'{"code": {}}'],
)
def test_unreadable_body_still_gives_a_clean_message(body: bytes) -> None:
    error = error_from_response(502, body)
    assert isinstance(error, errors.ServerError)
    assert error.message == errors.GENERIC_MESSAGES["server"]


def test_secrets_are_redacted_from_the_message() -> None:
    body = envelope(401, "Token tok-old-1234 is not valid for key key-AAAA1111")
    error = error_from_response(401, body, secrets=["tok-old-1234", "key-AAAA1111"])
    assert "tok-old-1234" not in error.message and "key-AAAA1111" not in error.message


def test_repr_shows_class_status_and_code_only() -> None:
    error = error_from_response(404, envelope(404, "Patient John Smith not found"))
    assert repr(error) == "NotFoundError(status=404, code=404)"


def test_hierarchy_matches_the_contract() -> None:
    assert issubclass(errors.AuthExpiredError, errors.AuthError)
    assert issubclass(errors.AuthInvalidError, errors.AuthError)
    assert issubclass(errors.AlreadyExistsError, errors.ValidationError)
    assert issubclass(errors.ApiTimeoutError, errors.NetworkError)
    for cls in (
        errors.AuthError,
        errors.PermissionDeniedError,
        errors.NotFoundError,
        errors.ValidationError,
        errors.ServerError,
        errors.NetworkError,
        errors.UploadTooLargeError,
    ):
        assert issubclass(cls, errors.ApiError)


def test_client_error_message_never_contains_the_token_or_key(make_client) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        echoed = f"bad token {request.headers['X-ApiToken']} for key {API_KEY}"
        return httpx.Response(403, json={"code": 403, "message": echoed})

    async def scenario() -> None:
        async with make_client(handler) as client:
            client.set_tokens(tokens())
            await client.get_me()

    with pytest.raises(errors.PermissionDeniedError) as caught:
        run(scenario())
    notes = getattr(caught.value, "__notes__", [])
    text = f"{caught.value} {caught.value!r} {notes}"
    assert "tok-old-1234" not in text and API_KEY not in text


def test_network_failure_is_a_network_error_without_the_url(make_client) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused to https://api.test/?auth_code=abc")

    async def scenario() -> None:
        async with make_client(handler) as client:
            await client.download_file("f1", auth_code="abc123secret", time=1)

    with pytest.raises(errors.NetworkError) as caught:
        run(scenario())
    assert "abc123secret" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__context__ is None


def test_timeout_is_an_api_timeout_error(make_client) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out")

    async def scenario() -> None:
        async with make_client(handler) as client:
            await client.get_queue("ceproom1")

    with pytest.raises(errors.ApiTimeoutError):
        run(scenario())


def test_success_status_with_non_json_body_is_a_server_error(make_client) -> None:
    async def scenario() -> None:
        async with make_client(lambda r: httpx.Response(200, text="<html>maintenance</html>")) as c:
            await c.get_room("ceproom1")

    with pytest.raises(errors.ServerError) as caught:
        run(scenario())
    assert caught.value.message == errors.GENERIC_MESSAGES["unexpected"]


def test_success_with_wrong_shape_is_a_server_error_not_a_crash(make_client) -> None:
    async def scenario() -> None:
        async with make_client(lambda r: httpx.Response(200, json={"data": "nonsense"})) as c:
            await c.get_visit("1")

    with pytest.raises(errors.ServerError):
        run(scenario())


@pytest.mark.parametrize("status", [500, 503, 429])
def test_server_failure_text_never_reaches_the_patient(status: int) -> None:
    error = error_from_response(status, envelope(status, "Injected fault: service unavailable."))
    assert isinstance(error, errors.ServerError)
    assert error.message == "The clinic's system is having a problem. Please try again in a moment."
