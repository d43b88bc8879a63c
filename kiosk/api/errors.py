"""The API's error family, and the one function that maps a failed response onto it."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import Any

from kiosk.i18n.message import QT_TRANSLATE_NOOP

#: Shown when the server's own text cannot be used (no body, HTML error page, garbage).
GENERIC_MESSAGES: dict[str, str] = {
    "auth": QT_TRANSLATE_NOOP("ApiErrors", "Your session has ended. Please start again."),
    "permission": QT_TRANSLATE_NOOP("ApiErrors", "This action is not allowed."),
    "not_found": QT_TRANSLATE_NOOP("ApiErrors", "That item could not be found."),
    "validation": QT_TRANSLATE_NOOP("ApiErrors", "The clinic server did not accept the request."),
    "server": QT_TRANSLATE_NOOP(
        "ApiErrors", "The clinic's system is having a problem. Please try again in a moment."
    ),
    "too_large": QT_TRANSLATE_NOOP("ApiErrors", "The file is too large to send."),
    "unexpected": QT_TRANSLATE_NOOP(
        "ApiErrors", "The clinic server sent an answer the kiosk could not read."
    ),
}

#: Envelope texts (lower case) that mean "your token is no longer good" rather than "wrong login".
_EXPIRED_HINTS = ("expire", "invalid token", "token is invalid", "not logged in", "log in again")
_EXISTS_HINTS = ("already exist", "already been taken", "duplicate")
_REDACTED = "[redacted]"


class ApiError(Exception):
    """Base of every error the client raises.

    ``message`` is the server's text with HTML entities decoded (or a plain generic sentence;
    always the plain sentence for a 5xx, 408 or 429, whose text is not for patients),
    safe to show a patient: tokens, keys and secrets are redacted from it. ``status`` is the
    HTTP status (0 when no response arrived), ``code`` the envelope's code if it had one,
    ``retry_after`` the server's Retry-After in seconds if it sent one.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        code: int | str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, code={self.code!r})"


class AuthError(ApiError):
    """The request was not authenticated (HTTP 401 or the envelope's 401)."""


class AuthExpiredError(AuthError):
    """The token we sent is expired or revoked: refresh it or sign the patient in again."""


class AuthInvalidError(AuthError):
    """Credentials were wrong or missing (bad login, unknown API key)."""


class PermissionDeniedError(ApiError):
    """Authenticated, but not allowed (HTTP 403)."""


class NotFoundError(ApiError):
    """The resource does not exist (HTTP 404)."""


class ValidationError(ApiError):
    """The server rejected the input (HTTP 400/409/422 and other 4xx)."""


class AlreadyExistsError(ValidationError):
    """The thing to create exists already (HTTP 409, or 400 saying "already exists")."""


class ServerError(ApiError):
    """The server failed or is overloaded (5xx, 408, 429) or sent an unreadable answer."""


class NetworkError(ApiError):
    """No response arrived: DNS, refused connection, reset, TLS failure."""


class ApiTimeoutError(NetworkError):
    """A connect, read, write or pool timeout ran out."""


class UploadTooLargeError(ApiError):
    """The file is bigger than the client's limit (checked before sending) or the server's (413)."""


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every non-empty secret replaced, so a message can never carry a token."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, _REDACTED)
    return text


def _envelope(body: bytes | None) -> tuple[int | str | None, str | None]:
    """The ``code`` and ``message`` of a ``{"code": .., "message": ..}`` body, if it is one."""
    if not body:
        return None, None
    try:
        parsed: Any = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None, None
    if not isinstance(parsed, dict):
        return None, None
    code = parsed.get("code")
    if isinstance(code, str) and code.strip().isdigit():
        code = int(code)
    if not isinstance(code, int | str) or isinstance(code, bool):
        code = None
    message = parsed.get("message")
    if message is None and isinstance(parsed.get("error"), str):
        message = parsed["error"]
    if not isinstance(message, str) or not message.strip():
        message = None
    return code, message


def error_from_response(
    status: int,
    body: bytes | None,
    *,
    token_sent: bool = False,
    retry_after: float | None = None,
    secrets: Iterable[str] = (),
) -> ApiError:
    """Map an HTTP status and body (JSON envelope, HTML page or garbage) to one ``ApiError``.

    This is the only place that decides which class an error is. The envelope's ``code`` wins
    when the HTTP status itself says success (some servers answer 200 with an error body).
    ``token_sent`` tells a 401 for an expired session apart from a failed login.
    """
    code, raw_message = _envelope(body)
    effective = status
    if status < 400 and isinstance(code, int) and 400 <= code <= 599:
        effective = code
    elif status < 400:
        effective = 500  # a "success" that is no success: treat as the server's fault
    message = html.unescape(raw_message).strip() if raw_message else None
    if message is not None:
        message = redact(message, secrets)
    lowered = (message or "").lower()

    cls: type[ApiError]
    if effective == 401:
        expired = token_sent or any(h in lowered for h in _EXPIRED_HINTS)
        cls, generic = (AuthExpiredError if expired else AuthInvalidError), "auth"
    elif effective == 403:
        cls, generic = PermissionDeniedError, "permission"
    elif effective == 404:
        cls, generic = NotFoundError, "not_found"
    elif effective == 413:
        cls, generic = UploadTooLargeError, "too_large"
    elif effective == 409 or (effective == 400 and any(h in lowered for h in _EXISTS_HINTS)):
        cls, generic = AlreadyExistsError, "validation"
    elif effective in (408, 429) or effective >= 500:
        cls, generic = ServerError, "server"
    else:
        cls, generic = ValidationError, "validation"
    if cls is ServerError:
        # A 5xx's own text is for the clinic's engineers ("Injected fault: …", stack hints),
        # never for a patient, who reads one plain sentence (issue 11).
        message = None
    return cls(
        message or GENERIC_MESSAGES[generic],
        status=effective,
        code=code,
        retry_after=retry_after,
    )


def unexpected_response(status: int, detail: str) -> ServerError:
    """A 2xx answer the client could not read; ``detail`` names what was wrong (no content)."""
    error = ServerError(GENERIC_MESSAGES["unexpected"], status=status)
    error.add_note(detail)
    return error
