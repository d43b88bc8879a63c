"""Payment endpoints: billing settings, payment sources (cards) and invoices."""

from __future__ import annotations

from kiosk.api.core import ClientCore, segment
from kiosk.api.models.billing import BillingSettings, Invoice, PaymentSource
from kiosk.api.timeouts import TimeoutArg


class BillingApi(ClientCore):
    """``/billing/*``. Card details never pass through here: only Stripe's card token does."""

    async def get_billing_settings(self, *, timeout: TimeoutArg = None) -> BillingSettings:
        """The clinic's payment settings (Stripe publishable key)."""
        return await self._model_call(
            BillingSettings, "GET", "billing/settings", "get_billing_settings", timeout=timeout
        )

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
        return await self._models_call(
            PaymentSource,
            "GET",
            "billing/sources",
            "list_payment_sources",
            params=params,
            timeout=timeout,
        )

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
        return await self._model_call(
            PaymentSource,
            "POST",
            "billing/sources",
            "add_payment_source",
            params=params,
            form=form,
            timeout=timeout,
        )

    async def get_payment_source(
        self, source_id: str, *, timeout: TimeoutArg = None
    ) -> PaymentSource:
        """One saved card."""
        path = f"billing/sources/{segment(source_id)}"
        return await self._model_call(
            PaymentSource, "GET", path, "get_payment_source", timeout=timeout
        )

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
        return await self._model_call(
            PaymentSource, "PUT", path, "set_default_payment_source", form=form, timeout=timeout
        )

    async def delete_payment_source(self, source_id: str, *, timeout: TimeoutArg = None) -> bool:
        """Remove a saved card."""
        path = f"billing/sources/{segment(source_id)}"
        return await self._ok_call("DELETE", path, "delete_payment_source", timeout=timeout)

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
        return await self._model_call(
            Invoice,
            "POST",
            "billing/invoices/process",
            "process_invoice",
            form=form,
            timeout=timeout,
        )
