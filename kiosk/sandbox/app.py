"""The ASGI app: API v3 under ``/api_v3/``, portal pages at the root, controls under
``/_sandbox/``; seeding, the auto-provider and error envelopes are wired here."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk.sandbox import controls, docmode, errors
from kiosk.sandbox.clock import SandboxClock
from kiosk.sandbox.context import Sandbox
from kiosk.sandbox.faults import FaultMiddleware
from kiosk.sandbox.options import SandboxConfig
from kiosk.sandbox.portal import pages
from kiosk.sandbox.provider_sim import AutoProvider
from kiosk.sandbox.routes import api_routes
from kiosk.sandbox.seed import seed

log = logging.getLogger("kiosk.sandbox")

API_PREFIX = "/api_v3"


class ApiGuard:
    """Outermost middleware: the doc's ``.json`` path suffix maps to the plain path, and an
    exception no handler caught becomes a logged 500 envelope instead of a stack trace."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path.startswith(API_PREFIX + "/") and path.endswith(".json"):
            scope = {**scope, "path": path[: -len(".json")], "raw_path": None}
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("sandbox.unhandled path=%s", path)
            if started:
                raise
            await errors.envelope(500, "Internal server error.")(scope, receive, send)


def create_app(
    config: SandboxConfig | None = None, *, clock: SandboxClock | None = None
) -> Starlette:
    """Open (and seed) the database now, so a bad path fails before the server starts."""
    config = config or SandboxConfig()
    sandbox = Sandbox.open(config, clock)
    seed(sandbox)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        auto = AutoProvider(sandbox, config.auto_provider) if config.auto_provider else None
        if auto is not None:
            auto.start()
        try:
            yield
        finally:
            if auto is not None:
                await auto.stop()
            sandbox.close()
            log.info("sandbox.closed")

    middleware = [Middleware(ApiGuard), Middleware(FaultMiddleware, state=sandbox.faults)]
    if config.doc_examples is not None:
        examples = docmode.load_examples(config.doc_examples)
        middleware.insert(0, Middleware(docmode.DocModeMiddleware, examples=examples))
    app = Starlette(
        routes=[
            Mount(API_PREFIX, routes=api_routes()),
            Mount("/_sandbox", routes=[*controls.routes, *pages.status_routes]),
            *pages.routes,
        ],
        middleware=middleware,
        exception_handlers={
            errors.ApiProblem: errors.on_api_problem,
            HTTPException: errors.on_http_exception,
        },
        lifespan=lifespan,
    )
    app.state.sandbox = sandbox
    return app
