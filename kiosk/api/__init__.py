"""VSee Clinic API v3 client: httpx + pydantic, no Qt (see docs/architecture.md)."""

from kiosk.api import errors, models
from kiosk.api.bounded import Limits
from kiosk.api.client import VSeeClient
from kiosk.api.portal import PortalUrls
from kiosk.api.retry import RetryPolicy
from kiosk.api.timeouts import Timeouts

__all__ = ["Limits", "PortalUrls", "RetryPolicy", "Timeouts", "VSeeClient", "errors", "models"]
