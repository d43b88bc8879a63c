"""Payment endpoints: billing settings, payment sources (cards) and invoices."""

from __future__ import annotations

from kiosk.api.core import ClientCore, segment
from kiosk.api.models.billing import BillingSettings, Invoice, PaymentSource
from kiosk.api.timeouts import TimeoutArg


class BillingApi(ClientCore):
    """``/billing/*``. Card details never pass through here: only Stripe's card token does."""

    async def get_billing_settings(self, *, timeout: TimeoutArg = None) -> BillingSettings:
        """The clinic's payment settings (Stripe publishable key)."""
        data = await self._call("GET", "billing/settings", "get_billing_settings", timeout=timeout)
        return self._model(BillingSettings, data, "get_billing_settings")

    async def list_payment_sources(
        self,
        room_code: str | None = None,
        provider_id: str | None = None,
        type: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> list[PaymentSource]:
        """The patient's saved cards."""
        params = {"room_code": room_code, "provider_id": provider_id, "type": type}
        data = await self._call(
            "GET", "billing/sources", "list_payment_sources", params=params, timeout=timeout
        )
        return self._models(PaymentSource, data, "list_payment_sources")

    async def add_payment_source(
        self,
        token: str,
        room_code: str | None = None,
        provider_id: str | None = None,
        type: str = "card",
        *,
        timeout: TimeoutArg = None,
    ) -> PaymentSource:
        """Save a card from the token Stripe returned for it."""
        params = {"room_code": room_code, "provider_id": provider_id}
        form = {"token": token, "type": type}
        data = await self._call(
            "POST",
            "billing/sources",
            "add_payment_source",
            params=params,
            form=form,
            timeout=timeout,
        )
        return self._model(PaymentSource, data, "add_payment_source")

    async def get_payment_source(
        self, source_id: str, *, timeout: TimeoutArg = None
    ) -> PaymentSource:
        """One saved card."""
        path = f"billing/sources/{segment(source_id)}"
        data = await self._call("GET", path, "get_payment_source", timeout=timeout)
        return self._model(PaymentSource, data, "get_payment_source")

    async def set_default_payment_source(
        self,
        source_id: str,
        room_code: str | None = None,
        provider_id: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> PaymentSource:
        """Make this card the default one."""
        path = f"billing/sources/{segment(source_id)}"
        form = {"is_default": 1, "room_code": room_code, "provider_id": provider_id}
        data = await self._call(
            "PUT", path, "set_default_payment_source", form=form, timeout=timeout
        )
        return self._model(PaymentSource, data, "set_default_payment_source")

    async def delete_payment_source(self, source_id: str, *, timeout: TimeoutArg = None) -> bool:
        """Remove a saved card."""
        path = f"billing/sources/{segment(source_id)}"
        data = await self._call("DELETE", path, "delete_payment_source", timeout=timeout)
        return self._ok(data)

    async def process_invoice(
        self,
        intake_id: str,
        promo_code: str | None = None,
        create_invoice: bool = True,
        *,
        timeout: TimeoutArg = None,
    ) -> Invoice:
        """Price the intake's consultation, applying ``promo_code``; creates the invoice."""
        form = {"intake_id": intake_id, "promo_code": promo_code, "create_invoice": create_invoice}
        data = await self._call(
            "POST", "billing/invoices/process", "process_invoice", form=form, timeout=timeout
        )
        return self._model(Invoice, data, "process_invoice")
