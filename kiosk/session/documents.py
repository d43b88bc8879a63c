"""``AccountDocuments``: the clinic's consent and terms texts, which never leave a patient stuck.

The doc's ``GET /accounts/:code`` lists the account's files as ``{"file_id", "code",
"path": "https://api.vsee.me/api_v3/files/<id>"}`` (no ``auth_code``) and carries
``waiting_room.consent`` ("I consent and reviewed and agreed to <a href='$link'>the terms of
use and privacy policy</a>"). A kiosk that could only show a signed file dead-ended at consent
on a real server (issue 11); here each document has a chain of sources and the last one always
answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from kiosk.api.errors import ApiError, NotFoundError
from kiosk.api.models import Account
from kiosk.i18n.message import QT_TRANSLATE_NOOP

log = logging.getLogger("kiosk.session")

CONSENT = "consent"
TERMS = "terms_of_use"
#: The link target the kiosk puts where ``waiting_room.consent`` says ``$link``: the section
#: widget shows the terms inline when it is tapped (a kiosk has no browser to open).
TERMS_LINK = "kiosk-document:terms_of_use"
#: Said when the clinic gives neither a consent file nor a consent text (configurable).
DEFAULT_CONSENT_STATEMENT = QT_TRANSLATE_NOOP(
    "Documents",
    "I agree to receive care from this clinic by video visit, and I understand that the "
    "clinic will keep a record of this visit.",
)
#: Said when the clinic's terms cannot be shown (configurable).
DEFAULT_TERMS_STATEMENT = QT_TRANSLATE_NOOP(
    "Documents",
    "The clinic's terms of use and privacy policy are available at the front desk. "
    "Please ask a member of staff if you would like a copy.",
)


class FileClient(Protocol):
    async def fetch_file(self, path: str | None, file_id: str | None = None) -> bytes: ...


class AccountDocuments:
    """Consent: the account's ``consent`` file (fetched by its ``path`` as given, with the
    patient's token) → ``waiting_room.consent`` (``$link`` → ``TERMS_LINK``) → the configured
    statement. Terms: the ``terms_of_use`` file → the configured statement. Any other code:
    its file, or ``ApiError`` (the widget offers Try again). Only ``ApiError``s fall through:
    a bug still surfaces.
    """

    def __init__(
        self,
        client: FileClient,
        account: Callable[[], Account | None],
        consent_statement: str = DEFAULT_CONSENT_STATEMENT,
        terms_statement: str = DEFAULT_TERMS_STATEMENT,
    ) -> None:
        self._client = client
        self._account = account
        self._consent_statement = consent_statement or DEFAULT_CONSENT_STATEMENT
        self._terms_statement = terms_statement or DEFAULT_TERMS_STATEMENT

    async def load(self, code: str) -> str:
        try:
            return await self._file(code)
        except ApiError as exc:
            if code not in (CONSENT, TERMS):
                raise
            log.info("document.file_unavailable code=%s error=%s", code, type(exc).__name__)
        if code == CONSENT:
            return self.consent_text()
        return self._terms_statement

    async def _file(self, code: str) -> str:
        account = self._account()
        entry = account.file(code) if account is not None else None
        if entry is None or not (entry.path or entry.file_id):
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Documents", "This document is not available on the kiosk."),
                status=404,
            )
        data = await self._client.fetch_file(entry.path, entry.file_id)
        text = data.decode("utf-8", errors="replace")
        if not text.strip():
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Documents", "This document is empty."), status=404
            )
        return text

    def consent_text(self) -> str:
        """``waiting_room.consent`` with its ``$link`` made a kiosk link, or the statement."""
        account = self._account()
        text = account.waiting_room.consent if account is not None else None
        if not text or not text.strip():
            return self._consent_statement
        return text.replace("$link", TERMS_LINK)
