"""``fetch_file``: an account file by the ``path`` the server gave, with the user's token, and
never with that token to a host the kiosk was not configured with."""

from __future__ import annotations

import httpx
from api_support import BASE_URL, run, tokens

PNG = b"\x89PNG"


def fetch(make_client, path, file_id=None):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=PNG)

    async def scenario():
        async with make_client(handler) as client:
            client.set_tokens(tokens())
            return await client.fetch_file(path, file_id)

    assert run(scenario()) == PNG
    (request,) = seen
    return request


def test_the_docs_path_on_the_api_origin_is_fetched_as_given_with_the_token(make_client) -> None:
    path = f"{BASE_URL}files/56fcdfa6-c7cc"  # the doc's shape: no auth_code, no time
    request = fetch(make_client, path, "56fcdfa6-c7cc")
    assert str(request.url) == path
    assert request.headers["X-ApiToken"] == tokens().token.get_secret_value()


def test_a_signed_path_keeps_its_query(make_client) -> None:
    request = fetch(make_client, f"{BASE_URL}files/f1?auth_code=ac&time=5", "f1")
    assert dict(request.url.params) == {"auth_code": "ac", "time": "5"}


def test_a_path_on_another_host_is_asked_of_this_api_by_id(make_client) -> None:
    request = fetch(make_client, "https://api.vsee.me/api_v3/files/f9", "f9")
    assert str(request.url) == f"{BASE_URL}files/f9"
    assert request.url.host == httpx.URL(BASE_URL).host


def test_a_relative_path_is_relative_to_the_api(make_client) -> None:
    request = fetch(make_client, "files/f2", None)
    assert str(request.url) == f"{BASE_URL}files/f2"
