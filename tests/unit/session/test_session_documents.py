"""Consent and terms never dead-end: the account file by its path as given, else the account's
``waiting_room.consent`` text, else the configured statement (issue 11)."""

from __future__ import annotations

import asyncio

import pytest
from session_fakes import FakeClient, server_error

from kiosk.api.errors import NetworkError, NotFoundError
from kiosk.api.models import Account
from kiosk.session.documents import (
    DEFAULT_CONSENT_STATEMENT,
    DEFAULT_TERMS_STATEMENT,
    TERMS_LINK,
    AccountDocuments,
)

DOC_CONSENT = (
    "I consent and reviewed and agreed to <a href='$link' target='_blank'>the terms of use "
    "and privacy policy</a>"
)


def account(files: list[dict] | None = None, consent: str | None = DOC_CONSENT) -> Account:
    return Account.model_validate(
        {"code": "vclinic", "files": files or [], "waiting_room": {"consent": consent}}
    )


def doc_files() -> list[dict]:
    """The doc's ``files`` entries: a ``path`` on api.vsee.me and no ``auth_code``."""
    return [
        {"file_id": f, "code": c, "path": f"https://api.vsee.me/api_v3/files/{f}"}
        for f, c in (("f-logo", "logo"), ("f-consent", "consent"), ("f-terms", "terms_of_use"))
    ]


def load(documents: AccountDocuments, code: str) -> str:
    return asyncio.run(documents.load(code))


def test_the_consent_file_is_fetched_by_its_path_as_given() -> None:
    client = FakeClient()
    text = load(AccountDocuments(client, lambda: account(doc_files())), "consent")
    assert text == "<p>I agree</p>"
    assert client.calls == [
        (
            "fetch_file",
            {"path": "https://api.vsee.me/api_v3/files/f-consent", "file_id": "f-consent"},
        )
    ]


@pytest.mark.parametrize(
    "failure",
    [server_error(), NotFoundError("gone", status=404), NetworkError("down")],
    ids=["5xx", "404", "offline"],
)
def test_a_consent_file_that_fails_falls_back_to_the_waiting_room_text(failure) -> None:
    client = FakeClient()
    client.always_fail["fetch_file"] = failure
    text = load(AccountDocuments(client, lambda: account(doc_files())), "consent")
    assert "I consent and reviewed and agreed" in text
    assert f"href='{TERMS_LINK}'" in text and "$link" not in text


def test_without_file_or_text_the_configured_statement_is_shown() -> None:
    client = FakeClient()
    documents = AccountDocuments(client, lambda: account(consent=None), "We may treat you.")
    assert load(documents, "consent") == "We may treat you."
    assert load(AccountDocuments(client, lambda: None), "consent") == DEFAULT_CONSENT_STATEMENT
    assert client.calls == []


def test_terms_fall_back_to_the_configured_statement() -> None:
    client = FakeClient()
    client.always_fail["fetch_file"] = server_error()
    documents = AccountDocuments(client, lambda: account(doc_files()))
    assert load(documents, "terms_of_use") == DEFAULT_TERMS_STATEMENT
    assert load(AccountDocuments(client, lambda: account(), "", "Ask us."), "terms_of_use") == (
        "Ask us."
    )


def test_other_documents_still_report_their_failure() -> None:
    client = FakeClient()
    client.always_fail["fetch_file"] = server_error()
    with pytest.raises(type(server_error())):
        load(AccountDocuments(client, lambda: account(doc_files())), "logo")
