"""``/billing``: settings, saved cards (Stripe-style test tokens) and invoices with promo codes."""

from __future__ import annotations

import datetime as dt
import secrets

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from kiosk.sandbox import auth
from kiosk.sandbox.errors import bad_request, not_found
from kiosk.sandbox.routes.base import ok, params, sandbox_of
from kiosk.sandbox.routes.visits import own_intake
from kiosk.sandbox.store import billing, clinic, users
from kiosk.sandbox.store import visits as visit_rows

#: Stripe's test tokens: token → (brand, last4, funding). ``tok_chargeDeclined`` is refused.
TEST_TOKENS = {
    "tok_visa": ("Visa", "4242", "credit"),
    "tok_visa_debit": ("Visa", "5556", "debit"),
    "tok_mastercard": ("MasterCard", "4444", "credit"),
    "tok_amex": ("American Express", "8431", "credit"),
    "tok_discover": ("Discover", "1117", "credit"),
}
DECLINED = {
    "tok_chargeDeclined": "Your card was declined.",
    "tok_chargeDeclinedExpiredCard": "Your card has expired.",
}
PUBLISHABLE_KEY = "pk_test_sandbox_vclinic"


async def billing_settings(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        auth.authenticate(sandbox, request, conn)
    return ok({"stripe": {"publishable_key": PUBLISHABLE_KEY}})


async def list_sources(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        return ok(billing.sources(conn, caller.id))


async def add_source(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    token = p.text("token", required=True)
    kind = p.text("type") or "card"
    if kind != "card":
        raise bad_request("Only 'card' payment sources are supported.")
    assert token is not None
    if token in DECLINED:
        raise bad_request(DECLINED[token])
    if token not in TEST_TOKENS:
        raise bad_request("No such token. Use a test token such as tok_visa.")
    brand, last4, funding = TEST_TOKENS[token]
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        now = sandbox.now()
        doc = {
            "id": f"card_{secrets.token_hex(12)}",
            "type": "card",
            "brand": brand,
            "country": "US",
            "exp_month": 12,
            "exp_year": dt.datetime.fromtimestamp(now, dt.UTC).year + 3,
            "funding": funding,
            "last4": last4,
            "name": users.full_name(caller.user),
        }
        billing.add_source(conn, caller.id, doc, now)
        return ok(billing.source(conn, caller.id, str(doc["id"])))


async def get_source(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        source = billing.source(conn, caller.id, request.path_params["source_id"])
        if source is None:
            raise not_found("Payment source")
        return ok(source)


async def update_source(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        source_id = request.path_params["source_id"]
        if billing.source(conn, caller.id, source_id) is None:
            raise not_found("Payment source")
        if p.flag("is_default") is not False:
            billing.set_default(conn, caller.id, source_id)
        return ok(billing.source(conn, caller.id, source_id))


async def delete_source(request: Request) -> Response:
    sandbox = sandbox_of(request)
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        source_id = request.path_params["source_id"]
        if billing.source(conn, caller.id, source_id) is None:
            raise not_found("Payment source")
        billing.delete_source(conn, caller.id, source_id)
    return ok([])


async def process_invoice(request: Request) -> Response:
    sandbox, p = sandbox_of(request), await params(request)
    intake_id = p.text("intake_id", required=True)
    promo_code = p.text("promo_code", max_len=64)
    create = p.flag("create_invoice")
    assert intake_id is not None
    with sandbox.store.tx() as conn:
        caller = auth.authenticate(sandbox, request, conn)
        assert caller is not None
        intake_row = own_intake(conn, caller, intake_id)
        intake = visit_rows.intake_doc(intake_row)
        consultation = intake.get("consultation")
        if not consultation and (room := clinic.room(conn, intake.get("room_code") or "")):
            consultation = next(iter(clinic.consultations(room)), None)
        if not consultation:
            raise bad_request("The intake has no consultation to charge for.")
        amount = float(consultation.get("amount") or 0)
        coupon: dict[str, object] | None = None
        now = sandbox.now()
        if promo_code:
            percent = billing.promo(conn, promo_code)
            if percent is None:
                raise bad_request("This promo code is not valid.")
            coupon = {
                "id": f"{promo_code.upper()}_{now}",
                "object": "coupon",
                "amount_off": None,
                "created": now,
                "currency": None,
                "duration": "once",
                "duration_in_months": None,
                "livemode": False,
                "max_redemptions": None,
                "metadata": [],
                "percent_off": percent,
                "redeem_by": None,
                "times_redeemed": 0,
                "valid": True,
            }
            amount = round(amount * (100 - percent) / 100, 2)
        answer = {
            "currency": consultation.get("currency", "USD"),
            "consultation": {
                k: consultation.get(k) for k in ("description", "amount", "duration", "id")
            },
            "coupon": coupon,
            "amount_due": int(amount) if float(amount).is_integer() else amount,
        }
        if create is not False:
            answer["id"] = billing.add_invoice(conn, caller.id, intake_row["id"], answer, now)
            intake["invoice_id"] = answer["id"]
            visit_rows.save_intake(conn, intake_row["id"], intake, now)
    return ok(answer)


routes = [
    Route("/billing/settings", billing_settings, methods=["GET"]),
    Route("/billing/sources", list_sources, methods=["GET"]),
    Route("/billing/sources", add_source, methods=["POST"]),
    Route("/billing/sources/{source_id}", get_source, methods=["GET"]),
    Route("/billing/sources/{source_id}", update_source, methods=["PUT", "POST"]),
    Route("/billing/sources/{source_id}", delete_source, methods=["DELETE"]),
    Route("/billing/invoices/process", process_invoice, methods=["POST"]),
]
