"""The one place that turns a failed call into what the patient reads (``SessionError``)."""

from __future__ import annotations

from kiosk.api.errors import ApiError, AuthError, NetworkError, UploadTooLargeError
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.session.types import SessionError

#: Shown for network trouble, where the client has no server text to pass on.
NETWORK_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionErrors", "The kiosk cannot reach the clinic right now. Please try again in a moment."
)
#: Shown when something unexpected broke inside the kiosk; the session then starts over.
CRASH_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionErrors", "Sorry, something went wrong on this kiosk. Please start again."
)
#: Shown (on Welcome, after the wipe) when the call page's render process died mid-call.
CALL_CRASHED_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionErrors",
    "Sorry, the video call stopped unexpectedly. "
    "If you still need to see a provider, please check in again or see the front desk.",
)


class SessionStateError(Exception):
    """A command arrived in a stage where it cannot run; the message is patient-safe."""


def session_error(exc: BaseException, can_go_back: bool) -> SessionError:
    """The patient-facing form of ``exc``: server text when there is one, plain words else.

    Retry is offered unless retrying cannot help: an ended login (``AuthError``) or a file
    that is too large. The message never carries a traceback (only ``ApiError.message``,
    which the client has already redacted of tokens and keys).
    """
    if isinstance(exc, NetworkError):
        return SessionError(NETWORK_MESSAGE, can_retry=True, can_go_back=can_go_back)
    if isinstance(exc, AuthError | UploadTooLargeError):
        return SessionError(exc.message, can_retry=False, can_go_back=can_go_back)
    if isinstance(exc, ApiError):
        return SessionError(exc.message, can_retry=True, can_go_back=can_go_back)
    if isinstance(exc, SessionStateError):
        message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        return SessionError(message, can_retry=False, can_go_back=can_go_back)
    return SessionError(CRASH_MESSAGE, can_retry=False, can_go_back=False)
