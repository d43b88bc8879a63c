"""Which server the kiosk talks to: a configured endpoint as is, or the embedded sandbox."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest
from pydantic import SecretStr

import kiosk.sandbox.embedded
import kiosk.sandbox.process
from kiosk.api import VSeeClient, errors
from kiosk.backend import SANDBOX_API_KEY, SANDBOX_API_SECRET, Backend, start_backend
from kiosk.config import SandboxOptions, Settings

API_KEY = "key-Zq81-not-for-your-eyes"
API_SECRET = "secret-Pw44-not-for-your-eyes"


def real_settings() -> Settings:
    return Settings(
        api_base_url="https://clinic.example/api_v3",
        portal_base_url="https://clinic.example",
        api_key=SecretStr(API_KEY),
        api_secret=SecretStr(API_SECRET),
    )


def listening(url: str) -> bool:
    parts = urlsplit(url)
    with socket.socket() as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((parts.hostname, parts.port)) == 0


@pytest.fixture
def no_sandbox(monkeypatch) -> None:
    """Fail the test if anything builds an embedded sandbox."""

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the sandbox was started for a configured endpoint")

    monkeypatch.setattr(kiosk.sandbox.process, "SandboxProcess", forbidden)


def test_a_configured_endpoint_is_used_as_is(no_sandbox) -> None:
    backend = start_backend(real_settings())

    assert backend.api_base_url == "https://clinic.example/api_v3/"
    assert backend.portal_base_url == "https://clinic.example/"
    assert backend.api_key is not None and backend.api_key.get_secret_value() == API_KEY
    assert backend.api_secret is not None and backend.api_secret.get_secret_value() == API_SECRET
    assert not backend.uses_sandbox


def test_a_configured_endpoint_shows_no_credentials_in_its_repr(no_sandbox) -> None:
    text = repr(start_backend(real_settings()))

    assert API_KEY not in text
    assert API_SECRET not in text
    assert "https://clinic.example/api_v3/" in text  # the repr is still useful


def test_stopping_a_configured_endpoint_does_nothing(no_sandbox) -> None:
    backend = start_backend(real_settings())

    backend.stop()
    backend.stop()

    assert backend.api_base_url == "https://clinic.example/api_v3/"


@pytest.fixture
def sandbox_backend(tmp_path):
    options = SandboxOptions(db_path=tmp_path / "sandbox.db", auto_provider=False)
    settings = Settings(sandbox=options)
    backend = start_backend(settings)
    asyncio.run(backend.wait_ready())
    yield backend
    backend.stop()


def test_with_nothing_configured_the_sandbox_starts_on_loopback(sandbox_backend, tmp_path) -> None:
    api = urlsplit(sandbox_backend.api_base_url)

    assert sandbox_backend.uses_sandbox
    assert api.scheme == "http"
    assert api.hostname == "127.0.0.1"
    assert api.path == "/api_v3/"
    assert sandbox_backend.portal_base_url == f"http://127.0.0.1:{api.port}/"
    assert listening(sandbox_backend.api_base_url)
    assert (tmp_path / "sandbox.db").exists()  # the configured database, not the data dir


def test_the_sandbox_runs_in_a_child_process_not_a_thread_of_this_one(sandbox_backend) -> None:
    child = sandbox_backend.sandbox.pid

    assert child is not None and child != os.getpid()
    assert Path(f"/proc/{child}/status").read_text().count(f"PPid:\t{os.getpid()}\n") == 1
    assert not [t for t in threading.enumerate() if t.name == "kiosk-sandbox"]


async def sign_in(backend: Backend, api_key: SecretStr | None) -> str:
    async with VSeeClient(
        backend.api_base_url,
        account_code="vclinic",
        api_key=api_key,
        api_secret=backend.api_secret,
    ) as client:
        user = await client.sso("Test", "Patient")
    return user.id


def test_the_sandbox_accepts_the_credentials_the_backend_hands_out(sandbox_backend) -> None:
    assert asyncio.run(sign_in(sandbox_backend, sandbox_backend.api_key))


def test_the_sandbox_refuses_other_credentials(sandbox_backend) -> None:
    """So that the test above means something."""
    with pytest.raises(errors.AuthError):
        asyncio.run(sign_in(sandbox_backend, SecretStr("not-the-sandbox-key")))


def test_the_sandbox_backend_repr_hides_its_credentials(sandbox_backend) -> None:
    text = repr(sandbox_backend)

    assert SANDBOX_API_KEY not in text
    assert SANDBOX_API_SECRET not in text


def test_stop_stops_the_sandbox(sandbox_backend) -> None:
    url = sandbox_backend.api_base_url
    assert listening(url)

    sandbox_backend.stop()

    assert not sandbox_backend.uses_sandbox
    assert not listening(url)
    sandbox_backend.stop()  # a second stop is harmless


class RecordingSandbox:
    """Stands in for ``SandboxProcess`` to see what the backend asks for."""

    made: ClassVar[list[RecordingSandbox]] = []

    def __init__(self, db_path: object = None, auto_provider: object = None) -> None:
        self.db_path = db_path
        self.auto_provider = auto_provider
        self.stopped = False
        RecordingSandbox.made.append(self)

    pid = 1

    def launch(self) -> kiosk.sandbox.embedded.SandboxAddress:
        return kiosk.sandbox.embedded.SandboxAddress(
            "http://127.0.0.1:9/api_v3/", "http://127.0.0.1:9/"
        )

    def stop(self) -> None:
        self.stopped = True


def test_the_auto_provider_options_reach_the_sandbox(monkeypatch, tmp_path) -> None:
    RecordingSandbox.made = []
    monkeypatch.setattr(kiosk.sandbox.process, "SandboxProcess", RecordingSandbox)
    options = SandboxOptions(
        db_path=tmp_path / "s.db", auto_provider_start_s=3.0, auto_provider_end_s=7.0
    )

    backend = start_backend(Settings(sandbox=options))
    backend.stop()

    (made,) = RecordingSandbox.made
    assert made.db_path == tmp_path / "s.db"
    assert made.auto_provider == kiosk.sandbox.embedded.AutoProviderOptions(3.0, 7.0)
    assert made.stopped


def test_auto_provider_off_starts_the_sandbox_without_one(monkeypatch) -> None:
    RecordingSandbox.made = []
    monkeypatch.setattr(kiosk.sandbox.process, "SandboxProcess", RecordingSandbox)

    start_backend(Settings(sandbox=SandboxOptions(auto_provider=False)))

    assert RecordingSandbox.made[0].auto_provider is None


def test_a_backend_built_by_hand_has_no_sandbox() -> None:
    backend = Backend("http://a/api_v3/", "http://a/", None, None)

    assert not backend.uses_sandbox
