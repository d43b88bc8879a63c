"""Users and their tokens: User, UserType, TokenState/RefreshToken, LoginResult, Heartbeat."""

from __future__ import annotations

from enum import IntEnum
from typing import Annotated, Any, ClassVar

from pydantic import BeforeValidator, Field, SecretStr

from kiosk.api.models.base import ApiModel, Flag, Id, LooseInt, OrNone, Text, Timestamp


class UserType(IntEnum):
    """The ``type`` sent to ``POST /users/sso``."""

    MEMBER = 200
    PROVIDER = 400
    GUEST = 600


def _secret(value: Any) -> Any:
    """Token texts arrive as strings or numbers; both become ``SecretStr``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


SecretText = Annotated[SecretStr, BeforeValidator(_secret)]


class RefreshToken(ApiModel):
    """The long-lived token that ``POST /tokens/refresh`` trades for a new access token."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("user_id", "expiry")

    user_id: Id = None
    token: SecretText
    expiry: Timestamp = None
    created: Timestamp = None


class TokenState(ApiModel):
    """An access token (``X-ApiToken``), its expiry (Unix s) and the refresh token, if any.

    Tokens are ``SecretStr``: they never appear in a repr, a log line or an error message.
    """

    _repr_fields: ClassVar[tuple[str, ...]] = ("user_id", "expiry")

    user_id: Id = None
    token: SecretText
    expiry: Timestamp = None
    created: Timestamp = None
    refresh_token: Annotated[RefreshToken | None, OrNone] = None

    def expires_within(self, seconds: float, now: float) -> bool:
        """True when the token expires less than ``seconds`` after ``now`` (False: no expiry)."""
        return self.expiry is not None and self.expiry - seconds <= now

    def can_refresh(self, now: float) -> bool:
        """True when a refresh token is present and not known to be expired."""
        refresh = self.refresh_token
        return refresh is not None and (refresh.expiry is None or refresh.expiry > now)

    def secrets(self) -> tuple[str, ...]:
        """The raw token texts, for redaction from error messages only."""
        values = [self.token.get_secret_value()]
        if self.refresh_token is not None:
            values.append(self.refresh_token.token.get_secret_value())
        return tuple(values)


class User(ApiModel):
    """A member, provider or guest as ``/me``, SSO and visits return it.

    Holds patient data: the repr shows only ``id`` and ``type``. ``token`` is set by SSO only.
    """

    _repr_fields: ClassVar[tuple[str, ...]] = ("id", "type")

    id: Id = None
    code: Text = None
    type: LooseInt = None
    subtype: Text = None
    first_name: Text = None
    last_name: Text = None
    full_name: Text = None
    name: Text = None
    username: Text = None
    vseeid: Text = None
    email: Text = None
    dob: Text = None
    gender: Text = None
    phone: Text = None
    photo: Text = None
    active: Flag = None
    tos: Flag = None
    title: Text = None
    suffix: Text = None
    nationality: Text = None
    timezone: Text = None
    street_addr: Text = None
    city: Text = None
    state: Text = None
    zip: Text = None
    pcp_name: Text = None
    pcp_phone: Text = None
    token: Annotated[TokenState | None, OrNone] = None

    @property
    def display_name(self) -> str:
        """``full_name``, or first and last name joined; empty when unknown."""
        if self.full_name:
            return self.full_name
        return " ".join(p for p in (self.first_name, self.last_name) if p) or (self.name or "")


class Provider(User):
    """A provider as the room endpoints list them (``status``: online; bio fields)."""

    status: Flag = None
    short_bio: Text = None
    educational_training: Text = None
    professional_interests: Text = None
    personal_interests: Text = None


class LoginResult(TokenState):
    """``POST /users/login`` and ``POST /tokens/refresh``: the token fields plus the user."""

    user_type: LooseInt = None
    user: User | None = None

    def token_state(self) -> TokenState:
        """Just the token part, as the client stores it."""
        return TokenState(
            user_id=self.user_id,
            token=self.token,
            expiry=self.expiry,
            created=self.created,
            refresh_token=self.refresh_token,
        )


class Heartbeat(ApiModel):
    """``POST /users/alive``: when the server last heard from us and the heartbeat (s) it uses."""

    _repr_fields: ClassVar[tuple[str, ...]] = ("last_connected", "heartbeat")

    last_connected: Timestamp = None
    heartbeat: LooseInt = Field(None, description="Seconds; send alive at < 1/2 of it.")
