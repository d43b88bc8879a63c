"""Which clinic server the kiosk talks to: the configured VSee endpoint or the embedded sandbox."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from pydantic import SecretStr

from kiosk.config import Settings

log = logging.getLogger("kiosk.backend")

#: The sandbox's seeded clinic accepts these (see kiosk/sandbox/seed/data.py); they are not
#: secrets of any real clinic.
SANDBOX_API_KEY = "vclinic_api_key"
SANDBOX_API_SECRET = "vclinic_api_secret"


@dataclass
class Backend:
    """Where the API and portal are, with the credentials to use; ``sandbox`` is the embedded
    server when there is one (``stop()`` shuts it down). The repr shows no credentials."""

    api_base_url: str
    portal_base_url: str
    api_key: SecretStr | None
    api_secret: SecretStr | None
    sandbox: Any = field(default=None, repr=False)

    @classmethod
    def of_launched_sandbox(cls, sandbox: Any) -> Backend:
        """The backend of a sandbox whose address is known before it listens (a
        ``SandboxProcess``): launched here, not waited for (see ``wait_ready``)."""
        address = sandbox.launch()
        return cls._sandbox_backend(sandbox, address)

    @classmethod
    def of_sandbox(cls, sandbox: Any) -> Backend:
        """The backend for an ``EmbeddedSandbox`` (started here if it is not yet): its address
        and the seeded clinic's credentials."""
        return cls._sandbox_backend(sandbox, sandbox.start())

    @classmethod
    def _sandbox_backend(cls, sandbox: Any, address: Any) -> Backend:
        return cls(
            address.api_base_url,
            address.portal_base_url,
            SecretStr(SANDBOX_API_KEY),
            SecretStr(SANDBOX_API_SECRET),
            sandbox=sandbox,
        )

    @property
    def uses_sandbox(self) -> bool:
        return self.sandbox is not None

    async def wait_ready(self) -> None:
        """Until the sandbox child listens (raises ``SandboxStartError`` if it cannot start);
        at once for a configured endpoint or a sandbox that was started already."""
        wait = getattr(self.sandbox, "async_wait_ready", None)
        if wait is not None:
            await wait()

    def stop(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None


def start_backend(settings: Settings) -> Backend:
    """The configured endpoint as it is, or — when ``api_base_url`` is not set — the sandbox
    clinic launched as a child process on a free loopback port. Returns without waiting for
    the child: ``await backend.wait_ready()`` tells whether it came up. ``stop()`` ends it, and
    it ends by itself if the kiosk dies."""
    if not settings.uses_sandbox:
        assert settings.api_base_url is not None and settings.portal_base_url is not None
        log.info("backend.remote api=%s", settings.api_base_url)
        return Backend(
            settings.api_base_url,
            settings.portal_base_url,
            settings.api_key,
            settings.api_secret,
        )
    from kiosk.sandbox.options import AutoProviderOptions
    from kiosk.sandbox.process import SandboxProcess

    options = settings.sandbox
    auto = (
        AutoProviderOptions(options.auto_provider_start_s, options.auto_provider_end_s)
        if options.auto_provider
        else None
    )
    sandbox = SandboxProcess(db_path=options.db_path, auto_provider=auto)
    backend = Backend.of_launched_sandbox(sandbox)
    log.info("backend.sandbox api=%s pid=%s", backend.api_base_url, sandbox.pid)
    return backend
