"""Plain option records for the sandbox; cheap to import (the kiosk builds them at start-up)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

#: Seconds a fresh access token lives (the doc's examples: one day).
DEFAULT_TOKEN_LIFETIME_S = 86_400
#: Seconds a refresh token lives (the doc's examples: 30 days).
DEFAULT_REFRESH_LIFETIME_S = 30 * 86_400
#: Largest accepted upload in bytes (``POST /files``), like the kiosk's own limit.
DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: Seconds a file link (``auth_code`` + ``time``) stays valid.
DEFAULT_FILE_LINK_LIFETIME_S = 86_400
#: Seconds between the auto-provider's looks at the queue.
DEFAULT_AUTO_PROVIDER_TICK_S = 0.05


@dataclass(frozen=True)
class AutoProviderOptions:
    """A simulated provider: takes the next alive waiting patient ``start_after_s`` seconds after
    they joined the queue, and ends the call ``end_after_s`` seconds after starting it."""

    start_after_s: float = 20.0
    end_after_s: float = 60.0
    tick_s: float = DEFAULT_AUTO_PROVIDER_TICK_S


@dataclass(frozen=True)
class FaultOptions:
    """Fault injection for ``/api_v3/`` requests (never ``/_sandbox/``); all off by default.

    Rates are shares of requests in [0, 1]; ``latency_s`` is added to every API request.
    ``seed`` makes the random choices repeatable.
    """

    latency_s: float = 0.0
    error_rate: float = 0.0
    drop_rate: float = 0.0
    expired_token_rate: float = 0.0
    seed: int | None = None


@dataclass(frozen=True)
class SandboxConfig:
    """Everything one sandbox server needs. ``db_path`` None = the platformdirs data dir;
    ``":memory:"`` keeps the database in memory and files in a temporary folder."""

    db_path: Path | str | None = None
    files_dir: Path | None = None
    token_lifetime_s: int = DEFAULT_TOKEN_LIFETIME_S
    refresh_lifetime_s: int = DEFAULT_REFRESH_LIFETIME_S
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    file_link_lifetime_s: int = DEFAULT_FILE_LINK_LIFETIME_S
    auto_provider: AutoProviderOptions | None = None
    faults: FaultOptions = field(default_factory=FaultOptions)
    #: Doc mode (``kiosk.sandbox.docmode``): the folder of the doc's example answers; None = off.
    doc_examples: Path | None = None

    @property
    def api_path(self) -> str:
        """Where the API is served: the doc's ``vc/next/api_v3/`` in doc mode, else ``api_v3/``."""
        return "vc/next/api_v3/" if self.doc_examples is not None else "api_v3/"
