"""API v3 routes, one module per area of the doc; ``api_routes()`` lists them all."""

from __future__ import annotations

from starlette.routing import BaseRoute


def api_routes() -> list[BaseRoute]:
    from kiosk.sandbox.routes import (
        appointments,
        billing,
        clinic,
        files,
        messaging,
        records,
        users,
        visits,
    )

    modules = (users, records, visits, appointments, billing, clinic, messaging, files)
    return [route for module in modules for route in module.routes]
