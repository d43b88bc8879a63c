"""Push endpoint registration and notification endpoints (mostly for mobile apps)."""

from __future__ import annotations

from kiosk.api.core import ClientCore, segment
from kiosk.api.models.base import to_int
from kiosk.api.models.files import Endpoint, Notification
from kiosk.api.timeouts import TimeoutArg


class NotificationsApi(ClientCore):
    """``/endpoints`` and ``/notifications``."""

    async def register_endpoint(
        self,
        key: str,
        type: int,
        *,
        timeout: TimeoutArg = None,
    ) -> Endpoint:
        """Register a device token (``type`` 30 APNs, 40 GCM)."""
        form = {"key": key, "type": type}
        return await self._model_call(
            Endpoint, "POST", "endpoints", "register_endpoint", form=form, timeout=timeout
        )

    async def list_endpoints(
        self,
        type: int | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> list[Endpoint]:
        """The user's endpoints, optionally of one type."""
        return await self._models_call(
            Endpoint, "GET", "endpoints", "list_endpoints", params={"type": type}, timeout=timeout
        )

    async def get_endpoint(self, endpoint_id: str, *, timeout: TimeoutArg = None) -> Endpoint:
        """One endpoint."""
        path = f"endpoints/{segment(endpoint_id)}"
        return await self._model_call(Endpoint, "GET", path, "get_endpoint", timeout=timeout)

    async def delete_endpoint(self, endpoint_id: str, *, timeout: TimeoutArg = None) -> bool:
        """Remove an endpoint."""
        path = f"endpoints/{segment(endpoint_id)}"
        return await self._ok_call("DELETE", path, "delete_endpoint", timeout=timeout)

    async def list_notifications(
        self, size: int | None = None, last: int | None = None, *, timeout: TimeoutArg = None
    ) -> list[Notification]:
        """Newest notifications; page with ``last`` = the oldest ``mtime`` (ms) seen."""
        params = {"size": size, "last": last}
        return await self._models_call(
            Notification,
            "GET",
            "notifications",
            "list_notifications",
            params=params,
            timeout=timeout,
        )

    async def mark_notification_read(
        self, notification_id: str, *, timeout: TimeoutArg = None
    ) -> Notification:
        """Mark one notification as read."""
        path = f"notifications/{segment(notification_id)}"
        return await self._model_call(
            Notification, "PUT", path, "mark_notification_read", timeout=timeout
        )

    async def get_notification_badge(self, *, timeout: TimeoutArg = None) -> int:
        """The unread badge number."""
        data = await self._call(
            "GET", "notifications/badge", "get_notification_badge", timeout=timeout
        )
        return to_int(data) or 0

    async def reset_notification_badge(self, *, timeout: TimeoutArg = None) -> bool:
        """Reset the badge to zero."""
        return await self._ok_call(
            "POST", "notifications/badge", "reset_notification_badge", timeout=timeout
        )
