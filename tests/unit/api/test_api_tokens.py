"""Token lifecycle: stored on sign-in, refreshed before expiry or once after 401, logout."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs

import httpx
import pytest
from api_support import NOW, load_fixture, reply, run, tokens

from kiosk.api import errors

QUEUE = {"length": 1, "capacity": 10, "average_visit_time": 60, "before_me": 0}


def form(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(request.content.decode()).items()}


class Server:
    """Answers refreshes with ``tok-new-N`` and rejects tokens listed in ``rejected``."""

    def __init__(self, rejected: set[str] | None = None) -> None:
        self.rejected = rejected if rejected is not None else set()
        self.requests: list[tuple[str, str, str | None]] = []
        self.refreshes = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        token = request.headers.get("X-ApiToken")
        self.requests.append((request.method, request.url.path, token))
        if request.url.path.endswith("/tokens/refresh"):
            self.refreshes += 1
            if form(request).get("refresh_token") != "ref-1234":
                return httpx.Response(401, json={"code": 401, "message": "Invalid refresh token"})
            new = f"tok-new-{self.refreshes}"
            return reply({"user_id": "201", "token": new, "expiry": int(NOW + 7200)})
        if token in self.rejected:
            return httpx.Response(401, json={"code": 401, "message": "Token expired"})
        return reply(QUEUE)

    def calls(self, suffix: str) -> list[str | None]:
        return [tok for _, path, tok in self.requests if path.endswith(suffix)]


def test_sso_stores_token_expiry_and_refresh_token(make_client) -> None:
    body = load_fixture("users_sso_guest")

    async def scenario():
        async with make_client(lambda r: httpx.Response(200, json=body)) as client:
            await client.sso("John", "Smith")
            return client.token_state

    state = run(scenario())
    raw = body["data"]["token"]
    assert state.token.get_secret_value() == raw["token"]
    assert state.expiry == raw["expiry"]
    assert state.refresh_token.token.get_secret_value() == raw["refresh_token"]["token"]


def test_login_stores_tokens(make_client) -> None:
    body = load_fixture("users_login")

    async def scenario():
        async with make_client(lambda r: httpx.Response(200, json=body)) as client:
            await client.login(username="member-201", password="111111")
            return client.token_state

    assert run(scenario()).token.get_secret_value() == body["data"]["token"]


def test_token_is_refreshed_before_expiry(make_client, clock) -> None:
    server = Server()

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens(expiry=NOW + 30))  # inside the 60 s margin
            await client.get_queue("ceproom1")
            return client.token_state

    state = run(scenario())
    assert server.refreshes == 1
    assert server.calls("/queue") == ["tok-new-1"]
    assert state.expiry == int(NOW + 7200)
    assert state.refresh_token.token.get_secret_value() == "ref-1234"  # kept: none came back


def test_token_outside_the_margin_is_not_refreshed(make_client) -> None:
    server = Server()

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens(expiry=NOW + 3600))
            await client.get_queue("ceproom1")

    run(scenario())
    assert server.refreshes == 0
    assert server.calls("/queue") == ["tok-old-1234"]


def test_clock_moving_past_the_margin_triggers_refresh(make_client, clock) -> None:
    server = Server()

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens(expiry=NOW + 3600))
            await client.get_queue("ceproom1")
            clock.now = NOW + 3600 - 10
            await client.get_queue("ceproom1")

    run(scenario())
    assert server.calls("/queue") == ["tok-old-1234", "tok-new-1"]


def test_auth_failure_refreshes_once_and_retries_once(make_client) -> None:
    server = Server(rejected={"tok-old-1234"})

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens())
            return await client.get_queue("ceproom1")

    queue = run(scenario())
    assert queue.capacity == QUEUE["capacity"]
    assert server.refreshes == 1
    assert server.calls("/queue") == ["tok-old-1234", "tok-new-1"]


def test_second_auth_failure_is_raised_without_another_refresh(make_client) -> None:
    server = Server(rejected={"tok-old-1234", "tok-new-1", "tok-new-2"})

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens())
            await client.get_queue("ceproom1")

    with pytest.raises(errors.AuthExpiredError):
        run(scenario())
    assert server.refreshes == 1
    assert len(server.calls("/queue")) == 2


def test_refused_refresh_token_ends_the_session_locally(make_client) -> None:
    server = Server(rejected={"tok-old-1234"})

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens(refresh="ref-stale"))
            try:
                await client.get_queue("ceproom1")
            finally:
                assert client.token_state is None

    with pytest.raises(errors.AuthExpiredError):
        run(scenario())
    assert server.refreshes == 1


def test_auth_failure_without_a_token_is_not_refreshed(make_client) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert not request.url.path.endswith("/tokens/refresh")
        return httpx.Response(401, json={"code": 401, "message": "Wrong password"})

    async def scenario():
        async with make_client(handler) as client:
            await client.login(username="a", password="b")

    with pytest.raises(errors.AuthInvalidError):
        run(scenario())


def test_concurrent_calls_share_one_refresh(make_client) -> None:
    server = Server()

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens(expiry=NOW + 5))
            await asyncio.gather(*(client.get_queue("ceproom1") for _ in range(5)))

    run(scenario())
    assert server.refreshes == 1
    assert set(server.calls("/queue")) == {"tok-new-1"}


def test_concurrent_auth_failures_share_one_refresh(make_client) -> None:
    server = Server(rejected={"tok-old-1234"})

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens())
            await asyncio.gather(*(client.get_queue("ceproom1") for _ in range(4)))

    run(scenario())
    assert server.refreshes == 1


def test_logout_destroys_both_tokens_and_clears_them(make_client) -> None:
    seen: list[dict[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(form(request))
        return reply(True)

    async def scenario():
        async with make_client(handler) as client:
            client.set_tokens(tokens())
            result = await client.logout()
            return result, client.token_state

    result, state = run(scenario())
    assert result is True and state is None
    assert set(seen[0]["tokens"].split(",")) == {"tok-old-1234", "ref-1234"}


def test_logout_clears_tokens_even_when_the_server_fails(make_client) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down")

    async def scenario():
        async with make_client(handler) as client:
            client.set_tokens(tokens())
            result = await client.logout()
            return result, client.token_state

    assert run(scenario()) == (False, None)


def test_logout_of_an_expired_token_does_not_refresh_first(make_client) -> None:
    server = Server()

    async def scenario():
        async with make_client(server) as client:
            client.set_tokens(tokens(expiry=NOW - 10))
            await client.logout()

    run(scenario())
    assert server.refreshes == 0


def test_refresh_without_refresh_token_raises_auth_expired(make_client) -> None:
    async def scenario():
        async with make_client(Server()) as client:
            await client.refresh_tokens()

    with pytest.raises(errors.AuthExpiredError):
        run(scenario())


def test_token_state_repr_hides_tokens() -> None:
    state = tokens()
    assert "tok-old-1234" not in repr(state) and "ref-1234" not in repr(state)
    assert "tok-old-1234" not in str(state.model_dump())


def test_failed_early_refresh_falls_back_to_the_still_valid_token(make_client) -> None:
    requests: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/tokens/refresh"):
            raise httpx.ReadTimeout("slow")
        requests.append(request.headers.get("X-ApiToken"))
        return reply(QUEUE)

    async def scenario():
        async with make_client(handler) as client:
            client.set_tokens(tokens(expiry=NOW + 30))
            await client.get_queue("ceproom1")

    run(scenario())
    assert requests == ["tok-old-1234"]
