"""Users, session tokens, health record (EMR) and e-prescribing endpoints."""

from __future__ import annotations

import logging
from typing import Any

from kiosk.api.core import ClientCore, segment
from kiosk.api.errors import ApiError
from kiosk.api.models.emr import Emr, EmrSection, Pharmacy, Prescription
from kiosk.api.models.users import Heartbeat, LoginResult, User, UserType
from kiosk.api.timeouts import TimeoutArg

log = logging.getLogger("kiosk.api")


class UsersApi(ClientCore):
    """``/users``, ``/me``, ``/tokens`` and ``/users/:id/{emr,erx}``; ``user_id="-"`` = me."""

    async def sso(
        self,
        first_name: str,
        last_name: str,
        type: UserType = UserType.GUEST,
        code: str | None = None,
        dob: str | None = None,
        email: str | None = None,
        username: str | None = None,
        disable_emails: bool | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> User:
        """Sign a patient (or provider) in by SSO and keep the returned tokens.

        ``code`` is required for members (200) and providers (400): the integrator's stable id.
        Sends ``X-ApiKey``. The returned ``User.token`` is the stored ``TokenState``.
        """
        form = {
            "first_name": first_name,
            "last_name": last_name,
            "type": int(type),
            "code": code,
            "dob": dob,
            "email": email,
            "username": username,
            "disable_emails": disable_emails,
        }
        user = await self._model_call(
            User, "POST", "users/sso", "sso", form=form, auth=False, api_key=True, timeout=timeout
        )
        self.set_tokens(user.token)
        log.info("api.signed_in method=sso user=%s", user.id)
        return user

    async def login(
        self,
        *,
        username: str | None = None,
        password: str | None = None,
        email: str | None = None,
        email_token: str | None = None,
        timeout: TimeoutArg = None,
    ) -> LoginResult:
        """Log in with username and password, or (inactive user) e-mail and e-mail token."""
        if not ((username and password) or (email and email_token)):
            raise ValueError("login needs username and password, or email and email_token")
        form = {
            "username": username,
            "password": password,
            "email": email,
            "email_token": email_token,
        }
        result = await self._model_call(
            LoginResult, "POST", "users/login", "login", form=form, auth=False, timeout=timeout
        )
        self.set_tokens(result.token_state())
        log.info("api.signed_in method=login user=%s", result.user_id)
        return result

    async def get_me(
        self, user_photo_size: str | None = None, *, timeout: TimeoutArg = None
    ) -> User:
        """The signed-in user; ``user_photo_size`` is ``"{W}x{H}"``."""
        params = {"user_photo_size": user_photo_size}
        return await self._model_call(User, "GET", "me", "get_me", params=params, timeout=timeout)

    async def update_me(self, *, timeout: TimeoutArg = None, **fields: Any) -> User:
        """Update the profile: ``dob``, ``gender``, ``phone``, ``tos`` (1/0), ``password``…"""
        return await self._model_call(User, "POST", "me", "update_me", form=fields, timeout=timeout)

    async def logout(self, tokens: list[str] | None = None, *, timeout: TimeoutArg = None) -> bool:
        """Destroy tokens on the server (default: ours) and always forget them locally.

        Returns False, instead of raising, when the server could not be told: a kiosk ending a
        patient's session must go on either way.
        """
        state = self.token_state
        ours = set(state.secrets()) if state else set()
        if tokens is None:
            tokens = list(ours)
        if not tokens:
            self.clear_tokens()
            return True
        try:
            return await self._ok_call(
                "POST",
                "users/logout",
                "logout",
                form={"tokens": tokens},
                refresh=False,
                timeout=timeout,
            )
        except ApiError as exc:
            log.info("api.logout_failed error=%s status=%s", type(exc).__name__, exc.status)
            return False
        finally:
            if ours & set(tokens):
                self.clear_tokens()

    async def reset_password(self, email: str, *, timeout: TimeoutArg = None) -> bool:
        """Ask the server to e-mail a password reset link."""
        return await self._ok_call(
            "POST",
            "users/reset_password",
            "reset_password",
            form={"email": email},
            auth=False,
            timeout=timeout,
        )

    async def alive(self, heartbeat: int | None = None, *, timeout: TimeoutArg = None) -> Heartbeat:
        """Keep-alive while waiting: send at < 1/2 of ``heartbeat`` s. Retried (idempotent)."""
        return await self._model_call(
            Heartbeat,
            "POST",
            "users/alive",
            "alive",
            form={"heartbeat": heartbeat},
            idempotent=True,
            timeout=timeout,
        )

    async def activate(
        self,
        first_name: str,
        last_name: str,
        email: str,
        dob: str | None = None,
        ssn: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> bool:
        """Check eligibility and have an activation code e-mailed (``ssn``: last 4 digits)."""
        form = {
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "dob": dob,
            "ssn": ssn,
        }
        return await self._ok_call("POST", "users/activate", "activate", form=form, timeout=timeout)

    async def get_emr(self, user_id: str = "-", *, timeout: TimeoutArg = None) -> Emr:
        """The health record, by record name."""
        path = f"users/{segment(user_id)}/emr"
        return await self._model_call(Emr, "GET", path, "get_emr", timeout=timeout)

    async def update_emr(
        self,
        name: str,
        data: list[Any] | dict[str, Any],
        data_not_reported: bool = False,
        user_id: str = "-",
        *,
        timeout: TimeoutArg = None,
    ) -> EmrSection:
        """Replace one record (``conditions``, ``allergies``…); sent as JSON like the doc."""
        path = f"users/{segment(user_id)}/emr/{segment(name)}"
        body = {"data": data, "data_not_reported": data_not_reported}
        return await self._model_call(
            EmrSection, "POST", path, "update_emr", json=body, timeout=timeout
        )

    async def list_prescriptions(
        self, status: str = "Current", user_id: str = "-", *, timeout: TimeoutArg = None
    ) -> list[Prescription]:
        """The patient's prescriptions with this status."""
        path = f"users/{segment(user_id)}/erx/prescriptions"
        return await self._models_call(
            Prescription,
            "GET",
            path,
            "list_prescriptions",
            params={"status": status},
            timeout=timeout,
        )

    async def list_pharmacies(
        self, user_id: str = "-", *, timeout: TimeoutArg = None
    ) -> list[Pharmacy]:
        """Pharmacies on file (and nearby), ``is_default`` marks the chosen one."""
        path = f"users/{segment(user_id)}/erx/pharmacies"
        return await self._models_call(Pharmacy, "GET", path, "list_pharmacies", timeout=timeout)

    async def save_pharmacy(
        self, pharmacy: Pharmacy, user_id: str = "-", *, timeout: TimeoutArg = None
    ) -> bool:
        """Save the chosen pharmacy; sent as JSON with every key it came with."""
        path = f"users/{segment(user_id)}/erx/pharmacies"
        body = pharmacy.model_dump(mode="json", exclude_none=True, by_alias=True)
        return await self._ok_call("POST", path, "save_pharmacy", json=body, timeout=timeout)

    async def delete_pharmacy(
        self, code: str, user_id: str = "-", *, timeout: TimeoutArg = None
    ) -> bool:
        """Remove a pharmacy from the patient's profile."""
        path = f"users/{segment(user_id)}/erx/pharmacies/{segment(code)}"
        return await self._ok_call("DELETE", path, "delete_pharmacy", timeout=timeout)
