"""``VSeeClient``: every endpoint of the VSee Clinic API v3 as a typed async method."""

from __future__ import annotations

from kiosk.api.methods.billing import BillingApi
from kiosk.api.methods.clinic import ClinicApi
from kiosk.api.methods.files import FilesApi
from kiosk.api.methods.notifications import NotificationsApi
from kiosk.api.methods.users import UsersApi
from kiosk.api.methods.visits import VisitsApi


class VSeeClient(UsersApi, VisitsApi, ClinicApi, BillingApi, FilesApi, NotificationsApi):
    """One client per kiosk, owning one ``httpx.AsyncClient``; close it with ``aclose()``.

    Construct with ``VSeeClient(api_base_url, account_code=..., api_key=..., api_secret=...,
    timeouts=Timeouts(...), retry=RetryPolicy(...), transport=None, max_upload_bytes=...)``
    (see ``ClientCore``). Every method raises ``kiosk.api.errors.ApiError`` subclasses and
    accepts ``timeout=`` (seconds or ``httpx.Timeout``) to override this call's timeout.
    ``kiosk.api.endpoints.ENDPOINTS`` says which method covers which documented endpoint.
    The repr shows the base URL and account only; tokens and keys never appear.
    """
