"""The request pipeline every endpoint method goes through: headers, tokens, retries, errors.

Requests go to the path without the ``.json`` suffix the doc's curl lines show; the server
answers both spellings the same way, and the bare path is what the parameter tables name.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Self, TypeVar
from urllib.parse import quote

import httpx
import pydantic
from pydantic import SecretStr

from kiosk import constants
from kiosk.api.bounded import DeadlineExceeded, Limits, Reply, ResponseTooLarge, send_bounded
from kiosk.api.errors import (
    ApiError,
    ApiTimeoutError,
    AuthError,
    AuthExpiredError,
    NetworkError,
    ValidationError,
    error_from_response,
    unexpected_response,
)
from kiosk.api.forms import form_fields
from kiosk.api.models.base import ApiModel, to_bool, to_list
from kiosk.api.models.users import LoginResult, TokenState
from kiosk.api.retry import RetryPolicy, parse_retry_after
from kiosk.api.timeouts import TimeoutArg, Timeouts
from kiosk.api.uploads import MultipartFileStream
from kiosk.i18n.message import QT_TRANSLATE_NOOP

log = logging.getLogger("kiosk.api")

M = TypeVar("M", bound=ApiModel)
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT"})


def segment(value: object) -> str:
    """One URL path segment, percent-encoded (ids and codes come from the server and users)."""
    return quote(str(value), safe="-_.~")


@dataclass(frozen=True)
class Call:
    """One endpoint call as the pipeline needs it.

    ``auth``: send ``X-ApiToken`` if a token is held, refresh it before expiry and once after
    an auth failure (``refresh=False`` skips both, as logout must). ``api_key``/``api_secret``
    add those headers (only where the doc asks). ``idempotent`` (default: GET/PUT) allows
    retries after network errors and 5xx/408/429. ``upload`` builds a fresh streaming body per
    try. ``raw`` returns the body bytes instead of the envelope's ``data``.
    """

    method: str
    path: str
    name: str
    params: dict[str, Any] | None = None
    form: dict[str, Any] | None = None
    json: Any = None
    auth: bool = True
    refresh: bool = True
    api_key: bool = False
    api_secret: bool = False
    idempotent: bool | None = None
    timeout: TimeoutArg = None
    upload: Callable[[], MultipartFileStream] | None = None
    raw: bool = False

    @property
    def may_retry(self) -> bool:
        return self.method in _IDEMPOTENT_METHODS if self.idempotent is None else self.idempotent


def _secret(value: SecretStr | str | None) -> SecretStr | None:
    if value is None or isinstance(value, SecretStr):
        return value
    return SecretStr(value)


class ClientCore:
    """Owns the ``httpx.AsyncClient``, the token state and the request pipeline.

    Not thread-safe: use one instance from one event loop (the Qt loop via qasync).
    ``clock`` (Unix seconds) decides token expiry and the retry budget; ``sleep`` waits
    between retries. Tests inject both so nothing really waits. ``limits`` bounds every
    answer's size and each try's total time (``kiosk.api.bounded``); those two run on the
    event loop's real clock.
    """

    def __init__(
        self,
        api_base_url: str,
        *,
        account_code: str | None = None,
        api_key: SecretStr | str | None = None,
        api_secret: SecretStr | str | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_upload_bytes: int = constants.MAX_UPLOAD_BYTES,
        upload_chunk_bytes: int = constants.UPLOAD_CHUNK_BYTES,
        refresh_margin_s: float = constants.TOKEN_REFRESH_MARGIN_S,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.base_url = api_base_url if api_base_url.endswith("/") else api_base_url + "/"
        self.account_code = account_code or None
        self.max_upload_bytes = max_upload_bytes
        self.upload_chunk_bytes = upload_chunk_bytes
        self.refresh_margin_s = refresh_margin_s
        self._api_key = _secret(api_key)
        self._api_secret = _secret(api_secret)
        self._timeouts = timeouts or Timeouts()
        self.limits = limits or Limits()
        self._retry = retry or RetryPolicy()
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._tokens: TokenState | None = None
        self._refresh_lock = asyncio.Lock()
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            transport=transport,
            timeout=self._timeouts.as_httpx(),
            headers={"Accept": "application/json"},
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, account={self.account_code!r})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool; the client cannot be used afterwards."""
        await self._http.aclose()

    # -- tokens ---------------------------------------------------------------------------

    @property
    def token_state(self) -> TokenState | None:
        """The current token, its expiry and refresh token, or None when signed out."""
        return self._tokens

    def set_tokens(self, token_state: TokenState | None) -> None:
        """Use these tokens from now on (e.g. restored by the session)."""
        self._tokens = token_state

    def clear_tokens(self) -> None:
        """Forget the tokens locally (the server is not told; ``logout`` does that)."""
        self._tokens = None

    def _secrets(self) -> tuple[str, ...]:
        values = list(self._tokens.secrets()) if self._tokens else []
        values += [s.get_secret_value() for s in (self._api_key, self._api_secret) if s]
        return tuple(values)

    async def refresh_tokens(self) -> TokenState:
        """Trade the refresh token for a new access token now (``POST /tokens/refresh``)."""
        async with self._refresh_lock:
            state = self._tokens
            if state is None or state.refresh_token is None:
                raise AuthExpiredError(
                    QT_TRANSLATE_NOOP("ApiErrors", "Your session has ended. Please start again."),
                    status=401,
                )
            return await self._refresh(state)

    async def _refresh(self, state: TokenState) -> TokenState:
        """Refresh under the lock; a refused refresh token ends the session locally."""
        assert state.refresh_token is not None
        call = Call(
            "POST",
            "tokens/refresh",
            "refresh_tokens",
            form={"refresh_token": state.refresh_token.token},
            auth=False,
        )
        try:
            data = await self._attempts(call)
        except (AuthError, ValidationError) as exc:
            log.info("api.token_refresh_refused status=%s", exc.status)
            self._tokens = None
            raise AuthExpiredError(exc.message, status=exc.status, code=exc.code) from None
        result = self._model(LoginResult, data, "refresh_tokens")
        fresh = result.token_state()
        if fresh.refresh_token is None:  # the doc's refresh answer carries no new refresh token
            fresh = fresh.model_copy(update={"refresh_token": state.refresh_token})
        self._tokens = fresh
        log.info("api.token_refreshed user=%s expiry=%s", fresh.user_id, fresh.expiry)
        return fresh

    async def _refresh_if_due(self) -> None:
        state = self._tokens
        now = self._clock()
        if state is None or not state.expires_within(self.refresh_margin_s, now):
            return
        if not state.can_refresh(now):
            return  # nothing to refresh with: let the server judge the old token
        async with self._refresh_lock:
            if self._tokens is not state:
                return  # another call refreshed while this one waited
            try:
                await self._refresh(state)
            except ApiError as exc:
                if isinstance(exc, AuthError) or state.expires_within(0, self._clock()):
                    raise
                log.warning("api.token_refresh_failed %s; using the current token", type(exc))

    # -- pipeline -------------------------------------------------------------------------

    async def _call(self, method: str, path: str, name: str, **options: Any) -> Any:
        """Run one endpoint call; returns the envelope's ``data`` (or bytes when ``raw``)."""
        return await self._request(Call(method, path, name, **options))

    async def _model_call(
        self, model: type[M], method: str, path: str, name: str, **options: Any
    ) -> M:
        """An endpoint call whose answer is one ``model``; ``name`` also labels parse errors."""
        return self._model(model, await self._call(method, path, name, **options), name)

    async def _models_call(
        self, model: type[M], method: str, path: str, name: str, **options: Any
    ) -> list[M]:
        """An endpoint call whose answer is a list of ``model``."""
        return self._models(model, await self._call(method, path, name, **options), name)

    async def _ok_call(self, method: str, path: str, name: str, **options: Any) -> bool:
        """An endpoint call whose answer is a success flag (see ``_ok``)."""
        return self._ok(await self._call(method, path, name, **options))

    async def _request(self, call: Call) -> Any:
        if call.auth and call.refresh:
            await self._refresh_if_due()
        stale = self._tokens if call.auth else None
        try:
            return await self._attempts(call)
        except AuthError:
            if stale is None or not call.refresh or not stale.can_refresh(self._clock()):
                raise
        async with self._refresh_lock:
            if self._tokens is stale:
                await self._refresh(stale)
            elif self._tokens is None:
                raise AuthExpiredError(
                    QT_TRANSLATE_NOOP("ApiErrors", "Your session has ended. Please start again."),
                    status=401,
                )
        log.info("api.retry_after_refresh call=%s", call.name)
        return await self._attempts(call)  # once: a second auth failure propagates

    async def _attempts(self, call: Call) -> Any:
        policy = self._retry
        started = self._clock()
        attempt = 0
        while True:
            attempt += 1
            token = self._tokens if call.auth else None
            connect_failed = False
            error: ApiError
            try:
                response = await self._send_once(call, token)
            except ResponseTooLarge as exc:
                # Not worth another try: the same server sends the same oversized answer.
                log.warning("api.response_too_large call=%s limit=%d", call.name, exc.limit)
                raise unexpected_response(0, f"{call.name}: {exc}") from None
            except DeadlineExceeded as exc:
                error = ApiTimeoutError(
                    QT_TRANSLATE_NOOP("ApiErrors", "The clinic server took too long to answer.")
                )
                error.add_note(str(exc))
                retryable = call.may_retry
            except httpx.TimeoutException as exc:
                error = ApiTimeoutError(
                    QT_TRANSLATE_NOOP("ApiErrors", "The clinic server took too long to answer.")
                )
                error.add_note(type(exc).__name__)
                connect_failed = isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout)
                retryable = call.may_retry or connect_failed
            except httpx.TransportError as exc:
                error = NetworkError(
                    QT_TRANSLATE_NOOP("ApiErrors", "The kiosk could not reach the clinic server.")
                )
                error.add_note(type(exc).__name__)
                connect_failed = isinstance(exc, httpx.ConnectError)
                retryable = call.may_retry or connect_failed
            else:
                log.debug("api.response call=%s status=%s", call.name, response.status_code)
                if response.is_success:
                    return self._unwrap(call, response, token is not None)
                error = error_from_response(
                    response.status_code,
                    response.content,
                    token_sent=token is not None,
                    retry_after=parse_retry_after(response, self._clock()),
                    secrets=self._secrets(),
                )
                retryable = call.may_retry and response.status_code in policy.statuses
            if not retryable or attempt >= policy.max_attempts:
                raise error
            delay = policy.delay_s(attempt, error.retry_after, self._rng)
            if delay is None or self._clock() - started + delay > policy.total_budget_s:
                raise error
            log.info(
                "api.retry call=%s attempt=%d error=%s delay=%.2fs",
                call.name,
                attempt,
                type(error).__name__,
                delay,
            )
            await self._sleep(delay)

    async def _send_once(self, call: Call, token: TokenState | None) -> Reply:
        headers: dict[str, str] = {}
        if self.account_code:
            headers["X-AccountCode"] = self.account_code
        if token is not None:
            headers["X-ApiToken"] = token.token.get_secret_value()
        if call.api_key and self._api_key is not None:
            headers["X-ApiKey"] = self._api_key.get_secret_value()
        if call.api_secret and self._api_secret is not None:
            headers["X-ApiSecret"] = self._api_secret.get_secret_value()
        params = form_fields(call.params) if call.params else None
        timeout = self._timeouts.resolve(call.timeout, upload=call.upload is not None)
        if call.upload is not None:
            stream = call.upload()
            headers.update(stream.headers)
            request = self._http.build_request(
                call.method, call.path, params=params, headers=headers, content=stream,
                timeout=timeout,
            )  # fmt: skip
        else:
            request = self._http.build_request(
                call.method,
                call.path,
                params=params,
                headers=headers,
                data=form_fields(call.form) if call.form else None,
                json=call.json,
                timeout=timeout,
            )
        limits = self.limits
        return await send_bounded(
            self._http,
            request,
            limit=limits.max_download_bytes if call.raw else limits.max_json_bytes,
            deadline_s=limits.upload_deadline_s if call.upload else limits.deadline_s,
        )

    def _unwrap(self, call: Call, response: Reply, token_sent: bool) -> Any:
        if call.raw:
            return response.content
        if not response.content.strip():
            return None
        try:
            body = response.json()
        except ValueError:
            raise unexpected_response(response.status_code, f"{call.name}: not JSON") from None
        if isinstance(body, dict) and "data" not in body:
            if "code" in body or "message" in body or "error" in body:
                raise error_from_response(
                    response.status_code,
                    response.content,
                    token_sent=token_sent,
                    secrets=self._secrets(),
                )
            return body
        return body.get("data") if isinstance(body, dict) else body

    # -- parsing --------------------------------------------------------------------------

    @staticmethod
    def _model(cls: type[M], data: Any, name: str) -> M:
        """``data`` as one model; a non-object or invalid answer is a ``ServerError``."""
        if isinstance(data, list) and not data:
            data = {}  # PHP encodes an empty object as []
        if not isinstance(data, dict):
            raise unexpected_response(200, f"{name}: expected an object")
        try:
            return cls.model_validate(data)
        except pydantic.ValidationError as exc:
            raise unexpected_response(200, f"{name}: {exc.error_count()} invalid fields") from None

    @classmethod
    def _models(cls, model: type[M], data: Any, name: str) -> list[M]:
        """``data`` as a list of models (PHP index-keyed objects too)."""
        return [cls._model(model, item, name) for item in to_list(data) if isinstance(item, dict)]

    @staticmethod
    def _ok(data: Any) -> bool:
        """Success flag of ``{"data": true}``-style answers; only an explicit false is False."""
        return to_bool(data) is not False if isinstance(data, bool | int | str) else True
