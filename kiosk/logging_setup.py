"""Logging: a rotating file plus stderr, with a redaction filter on every handler."""

from __future__ import annotations

import collections
import logging
import logging.handlers
import os
import re
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import constants
from kiosk.paths import KioskPaths

if TYPE_CHECKING:  # pydantic loads after the first paint; the log is set up before it
    from pydantic import SecretStr

LOG_FILE_NAME = "kiosk.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "[redacted]"
#: Registered values shorter than this are ignored: masking "Al" or "12" would shred the log.
MIN_SECRET_LEN = 4
MIN_PATIENT_VALUE_LEN = 2

_KEY_VALUE = re.compile(
    r"(?i)\b((?:sso_|access_|refresh_|one_time_|auth_)?token|api_?key|api_?secret|secret"
    r"|password|x-api(?:token|key|secret))(\s*[=:]\s*)([^\s&'\",;)]+)"
)
_HEX_TOKEN = re.compile(r"(?i)(?<![0-9a-f])[0-9a-f]{32,}(?![0-9a-f])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ISO_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)")
_US_DATE = re.compile(r"(?<!\d)[01]?\d/[0-3]?\d/(?:19|20)\d\d(?!\d)")
#: Seven or more digits with spaces, dashes or brackets between them ("(555) 123-4567",
#: "+1 555 123 4567"). Dots are left out so addresses and versions stay readable.
_PHONE = re.compile(r"(?<![\w.])\+?(?:\d[\s()\-]{0,2}){6,}\d(?![\w])")


class Redactor:
    """Masks secrets and this patient's values in text; shared by every handler.

    Thread-safe: log records arrive from any thread (httpx, uvicorn, qasync executors). The
    session and the API client register values at run time; ``clear_patient_values()`` runs
    with the session wipe. Values are held in memory only, never written anywhere.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()
        self._patient: set[str] = set()
        self._compiled: re.Pattern[str] | None = None

    def add_secret(self, value: str | SecretStr | None) -> None:
        """An API key, secret or token: masked wherever it appears, for the process lifetime."""
        text = value if value is None or isinstance(value, str) else value.get_secret_value()
        if text and len(text.strip()) >= MIN_SECRET_LEN:
            with self._lock:
                self._secrets.add(text.strip())
                self._compiled = None

    def add_patient_values(self, values: Iterable[str | None]) -> None:
        """Names, codes, phone numbers… of the current patient; matched case-insensitively."""
        with self._lock:
            for value in values:
                if value and len(value.strip()) >= MIN_PATIENT_VALUE_LEN:
                    self._patient.add(value.strip())
            self._compiled = None

    def clear_patient_values(self) -> None:
        """Forget the patient's values (the secrets stay)."""
        with self._lock:
            self._patient.clear()
            self._compiled = None

    def _pattern(self) -> re.Pattern[str] | None:
        """Secrets match anywhere (a key glued into a URL is still a key); patient values match
        whole words only, so a two-letter answer such as "CA" leaves "call" and "cancel" alone
        and the log stays readable."""
        with self._lock:
            if self._compiled is None and (self._secrets or self._patient):
                # Longest first, so "Anne Marie" is masked whole before "Anne".
                parts = [re.escape(v) for v in sorted(self._secrets, key=len, reverse=True)]
                words = sorted(self._patient - self._secrets, key=len, reverse=True)
                if words:
                    alternatives = "|".join(re.escape(v) for v in words)
                    parts.append(rf"(?<!\w)(?:{alternatives})(?!\w)")
                self._compiled = re.compile("|".join(parts), re.IGNORECASE)
            return self._compiled

    def redact(self, text: str) -> str:
        """``text`` with registered values and secret-looking patterns masked."""
        pattern = self._pattern()
        if pattern is not None:
            text = pattern.sub(MASK, text)
        text = _KEY_VALUE.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
        text = _HEX_TOKEN.sub(MASK, text)
        text = _EMAIL.sub(MASK, text)
        text = _ISO_DATE.sub(MASK, text)
        text = _US_DATE.sub(MASK, text)
        return _PHONE.sub(MASK, text)


#: The one redactor of this process: ``from kiosk.logging_setup import redactor``.
redactor = Redactor()


class RedactionFilter(logging.Filter):
    """Rewrites each record in place so no handler sees the raw message, args or traceback.

    The message is formatted with its args first (so a token passed as ``%s`` is caught),
    the traceback is rendered and masked into ``exc_text``; ``args`` and ``exc_info`` are
    dropped afterwards, so later handlers cannot render the raw values again.
    """

    def __init__(self, target: Redactor | None = None) -> None:
        super().__init__()
        self.redactor = target or redactor
        self._formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # bad format args: keep what can be shown, masked
            message = f"{record.msg!s} {record.args!r}"
        record.msg = self.redactor.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redactor.redact(record.exc_text)
        record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redactor.redact(record.stack_info)
        return True


class RecentErrorsHandler(logging.Handler):
    """Keeps the last warnings and errors (already redacted) for the staff console."""

    def __init__(self, capacity: int = constants.LOG_RECENT_ERRORS) -> None:
        super().__init__(logging.WARNING)
        self._lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self._lines.append(self.format(record).splitlines()[0])

    def lines(self) -> list[str]:
        """Newest last; only the first line of each record (no tracebacks)."""
        return list(self._lines)


class HeldStderr(logging.handlers.MemoryHandler):
    """Holds the stderr lines of a start-up whose config is not validated yet (the launcher
    validates after the first paint): a bad config must end in its one line alone, as it
    did before any window. The log file gets every record at once.
    ``release_held_stderr`` shows or drops them."""

    def __init__(self, target: logging.Handler) -> None:
        super().__init__(sys.maxsize, logging.CRITICAL + 1, target, flushOnClose=False)

    def shouldFlush(self, record: logging.LogRecord) -> bool:
        return False


_installed: list[logging.Handler] = []
recent_errors = RecentErrorsHandler()


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.addFilter(RedactionFilter())
    root.addHandler(handler)
    _installed.append(handler)


def configure_logging(
    paths: KioskPaths,
    level: int | str = logging.INFO,
    secrets: Iterable[str | SecretStr] = (),
    hold_stderr: bool = False,
) -> Path:
    """Log to ``<log_dir>/kiosk.log`` (rotating) and stderr; returns the log file's path.

    Call once at start-up, before the API client exists; calling again replaces the handlers
    this function installed (others are left alone). ``secrets`` (API key and secret) are
    registered with the shared ``redactor``. The log directory is private to the kiosk user.
    With ``hold_stderr`` the stderr lines wait for ``release_held_stderr`` (``HeldStderr``).
    """
    for value in secrets:
        redactor.add_secret(value)
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(paths.log_dir, 0o700)
    log_file = paths.log_dir / LOG_FILE_NAME
    file_handler = logging.handlers.RotatingFileHandler(
        log_file,
        maxBytes=constants.LOG_FILE_MAX_BYTES,
        backupCount=constants.LOG_FILE_BACKUPS,
        encoding="utf-8",
    )
    stderr_handler: logging.Handler = logging.StreamHandler(sys.stderr)
    for handler in (file_handler, stderr_handler):
        handler.setFormatter(logging.Formatter(FORMAT))
    if hold_stderr:
        stderr_handler.addFilter(RedactionFilter())
        stderr_handler = HeldStderr(stderr_handler)
    for handler in (file_handler, stderr_handler):
        _add(root, handler)
    _add(root, recent_errors)
    root.setLevel(level)
    logging.captureWarnings(True)
    # httpx logs every request URL at INFO; URLs can carry tokens and ids we do not need.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return log_file


def release_held_stderr(show: bool) -> None:
    """End ``hold_stderr``: write the held lines to stderr (``show``) or drop them (a bad
    config: the launcher prints its one line); later records go straight to stderr."""
    root = logging.getLogger()
    for index, handler in enumerate(_installed):
        if isinstance(handler, HeldStderr) and handler.target is not None:
            if show:
                handler.flush()
            handler.acquire()
            try:
                handler.buffer.clear()
            finally:
                handler.release()
            root.removeHandler(handler)
            root.addHandler(handler.target)
            _installed[index] = handler.target
            handler.close()


def install_redaction(handler: logging.Handler) -> logging.Handler:
    """Add the shared redaction filter to a handler someone else creates (e.g. a test's)."""
    handler.addFilter(RedactionFilter())
    return handler


__all__ = [
    "HeldStderr",
    "RecentErrorsHandler",
    "RedactionFilter",
    "Redactor",
    "configure_logging",
    "install_redaction",
    "recent_errors",
    "redactor",
    "release_held_stderr",
]
