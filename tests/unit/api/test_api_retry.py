"""Retries: idempotent calls retry with bounded backoff; writes never retry blindly."""

from __future__ import annotations

import random

import httpx
import pytest
from api_support import reply, run, tokens

from kiosk.api import RetryPolicy, errors

QUEUE = {"length": 1, "capacity": 10, "average_visit_time": 60, "before_me": 0}


class Flaky:
    """Fails ``failures`` times (status or exception), then answers ``QUEUE``."""

    def __init__(self, failures: int, fail: int | Exception = 503, headers=None) -> None:
        self.failures = failures
        self.fail = fail
        self.headers = headers or {}
        self.count = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        if self.count <= self.failures:
            if isinstance(self.fail, Exception):
                raise self.fail
            return httpx.Response(self.fail, json={"code": self.fail, "message": "busy"},
                                  headers=self.headers)  # fmt: skip
        return reply(QUEUE)


def signed_in_call(make_client, server, call, **client_options):
    """``call(client)``'s answer, on a signed-in client whose server is ``server``."""

    async def scenario():
        async with make_client(server, **client_options) as client:
            client.set_tokens(tokens())
            return await call(client)

    return run(scenario())


def call_queue(make_client, server, **client_options):
    return signed_in_call(
        make_client, server, lambda client: client.get_queue("ceproom1"), **client_options
    )


@pytest.mark.parametrize(
    "fail", [503, 500, 502, 504, 408, 429, httpx.ReadTimeout("slow"), httpx.ReadError("reset")]
)
def test_get_is_retried_until_it_succeeds(make_client, sleeps, fail) -> None:
    server = Flaky(2, fail)
    assert call_queue(make_client, server).capacity == 10
    assert server.count == 3
    assert len(sleeps.delays) == 2


def test_get_gives_up_after_max_attempts(make_client, sleeps) -> None:
    server = Flaky(100)
    with pytest.raises(errors.ServerError):
        call_queue(make_client, server)
    assert server.count == 4
    assert len(sleeps.delays) == 3


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(make_client, sleeps, status) -> None:
    server = Flaky(100, status)
    with pytest.raises(errors.ApiError):
        call_queue(make_client, server, retry=RetryPolicy(max_attempts=5))
    assert server.count <= 2  # 401 may be retried once after a token refresh, never more
    assert sleeps.delays == []


def test_backoff_grows_and_is_capped(make_client, sleeps) -> None:
    policy = RetryPolicy(max_attempts=6, base_s=1.0, cap_s=4.0, total_budget_s=1000, jitter=0.0)
    with pytest.raises(errors.ServerError):
        call_queue(make_client, Flaky(100), retry=policy)
    assert sleeps.delays == [1.0, 2.0, 4.0, 4.0, 4.0]


def test_jitter_stays_within_the_jitter_share() -> None:
    policy = RetryPolicy(base_s=2.0, cap_s=100.0, jitter=0.5)
    rng = random.Random(1)
    delays = [policy.backoff_s(2, rng) for _ in range(200)]
    assert all(2.0 <= d <= 4.0 for d in delays)
    assert len(set(delays)) > 1


def test_retry_after_is_honoured(make_client, sleeps) -> None:
    server = Flaky(1, 429, headers={"Retry-After": "7"})
    call_queue(make_client, server)
    assert sleeps.delays[0] >= 7


def test_retry_after_longer_than_the_cap_is_not_waited_for(make_client, sleeps) -> None:
    server = Flaky(1, 503, headers={"Retry-After": "3600"})
    with pytest.raises(errors.ServerError) as caught:
        call_queue(make_client, server)
    assert server.count == 1 and sleeps.delays == []
    assert caught.value.retry_after == 3600


def test_total_time_budget_bounds_the_retries(make_client, sleeps) -> None:
    policy = RetryPolicy(max_attempts=50, base_s=4.0, cap_s=4.0, total_budget_s=10.0, jitter=0)
    server = Flaky(100)
    with pytest.raises(errors.ServerError):
        call_queue(make_client, server, retry=policy)
    assert sum(sleeps.delays) <= 10.0
    assert server.count == 3


@pytest.mark.parametrize(
    "fail", [503, 500, 429, httpx.ReadTimeout("slow"), httpx.ReadError("reset")]
)
def test_post_is_not_retried_blindly(make_client, sleeps, fail) -> None:
    server = Flaky(100, fail)

    with pytest.raises(errors.ApiError):
        signed_in_call(
            make_client, server, lambda client: client.add_walkin("intake-1", "ceproom1")
        )
    assert server.count == 1
    assert sleeps.delays == []


def test_post_is_retried_when_the_connection_was_never_made(make_client) -> None:
    server = Flaky(1, httpx.ConnectError("refused"))

    signed_in_call(make_client, server, lambda client: client.add_walkin("intake-1", "ceproom1"))
    assert server.count == 2


@pytest.mark.parametrize("fail", [503, httpx.ReadTimeout("slow"), httpx.ReadError("reset")])
def test_closing_a_visit_is_retried_like_a_get(make_client, fail) -> None:
    """Closing twice changes nothing; a visit left open keeps a patient in the queue."""
    server = Flaky(2, fail)

    signed_in_call(make_client, server, lambda client: client.close_visit("14", "patientexitroom"))
    assert server.count == 3


def test_heartbeat_post_is_retried_as_idempotent(make_client) -> None:
    server = Flaky(2, 503)
    server_reply = {"last_connected": 1, "heartbeat": 300}

    def handler(request: httpx.Request) -> httpx.Response:
        response = server(request)
        return reply(server_reply) if response.status_code == 200 else response

    assert signed_in_call(make_client, handler, lambda client: client.alive(300)).heartbeat == 300
    assert server.count == 3


def test_no_retry_policy_tries_once(make_client) -> None:
    server = Flaky(100)
    with pytest.raises(errors.ServerError):
        call_queue(make_client, server, retry=RetryPolicy.never())
    assert server.count == 1
