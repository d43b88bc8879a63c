"""``VisitCalls``: the server side of one patient's visit — sign-in, intake, answers, booking."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.api import PortalUrls
from kiosk.api.errors import ApiError
from kiosk.api.models import Account, CloseReason, Room, Slot, UserType
from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.session.client import SessionClient
from kiosk.session.errors import SessionStateError
from kiosk.session.routing import INTAKE_TYPE, RoutedStep, route_submissions, send_routed
from kiosk.session.state import SessionState, VisitKind
from kiosk.session.timezones import clinic_timezone
from kiosk.session.types import BookingConfirmation
from kiosk.wizard import Submission, parse_states

log = logging.getLogger("kiosk.session")

MAX_WAIT_SETTING = "visit/time/max_wait_time"
PICK_SLOT_MESSAGE = QT_TRANSLATE_NOOP(
    "SessionMessages", "Please choose a time for your appointment."
)


@dataclass(frozen=True, repr=False)
class SignIn:
    """Who signs in: a guest (name, date of birth) or a known patient (integrator ``code``).
    Holds patient data: the repr shows the user type only."""

    first_name: str
    last_name: str
    user_type: UserType
    dob: str | None = None
    code: str | None = None

    def __repr__(self) -> str:
        return f"<SignIn type={int(self.user_type)}>"


class VisitCalls:
    """Each method is one step of the visit on the server; it records what the server gave in
    the current ``SessionState`` (``state()``; a fresh one after each wipe) and raises
    ``ApiError`` / ``SessionStateError`` for the session's command runner. No stage logic:
    the session decides what comes next.
    """

    def __init__(
        self,
        client: SessionClient,
        portal: PortalUrls,
        state: Callable[[], SessionState],
        timezone: Callable[[], str],
        undocumented_fields: Callable[[], bool] = lambda: False,
    ) -> None:
        self.client = client
        self._portal = portal
        self._state = state
        self._timezone = timezone
        self._undocumented_fields = undocumented_fields

    async def load_account(self, account_code: str) -> Account:
        """The clinic's account and its wizard definition, fetched for this patient."""
        account = await self.client.get_account(account_code)
        self.use_account(account)
        return account

    def use_account(self, account: Account) -> None:
        """This patient's visit follows ``account`` (and its wizard definition)."""
        state = self._state()
        state.account = account
        state.definition = parse_states(account.states)

    async def list_rooms(self) -> list[Room]:
        """The account's rooms; more than one are kept in the state for the room pick."""
        rooms = await self.client.list_rooms()
        if len(rooms) > 1:
            self._state().rooms = rooms
        return rooms

    async def load_room(self, code: str) -> Room:
        room = await self.client.get_room(code)
        self._state().room = room
        log.info("session.room %s closed=%s", room.code, room.operation_settings.is_closed)
        return room

    async def sign_in(self, who: SignIn) -> None:
        """SSO as this patient, unless already signed in (a retry after the intake failed)."""
        state = self._state()
        if state.user is not None:
            return
        if self.client.token_state is not None:
            await self.client.logout()
        user = await self.client.sso(
            who.first_name, who.last_name, type=who.user_type, code=who.code, dob=who.dob
        )
        state.user = user
        state.staff_launch = None
        log.info("session.signed_in user=%s type=%d", user.id, int(who.user_type))

    async def sign_out(self) -> None:
        """Back before sign-in: the server forgets the token, the state the user and intake."""
        await self.client.logout()
        state = self._state()
        state.user = None
        state.intake_id = None

    async def create_intake(self, kind: VisitKind) -> None:
        state = self._state()
        intake = await self.client.create_intake(room_code=state.room_code, type=INTAKE_TYPE[kind])
        state.intake_id = intake.id
        log.info("session.intake_created intake=%s", intake.id)

    async def send_answers(self, step_key: str, submissions: list[Submission]) -> RoutedStep:
        """Send one step's answers where each belongs; book the slot if one was chosen."""
        state = self._state()
        routed = route_submissions(submissions, self._undocumented_fields())
        log.info("session.submit step=%s routed=%r", step_key, routed)
        await send_routed(self.client, state.intake_id, routed)
        if routed.slot is not None and state.booked_visit_id is None:
            await self._book(routed.slot)
        return routed

    async def add_walkin(self) -> str:
        """Create the walk-in visit (the wipe closes it) and learn the account's wait limit."""
        state = self._state()
        if state.intake_id is None or state.room_code is None:
            raise SessionStateError(
                QT_TRANSLATE_NOOP("SessionMessages", "Please choose a waiting room first.")
            )
        visit = await self.client.add_walkin(state.intake_id, state.room_code)
        visit_id = visit.id or ""
        state.visit_id = state.open_visit_id = visit_id
        log.info("visit %s walkin_created", visit_id)
        try:
            value = await self.client.get_setting(MAX_WAIT_SETTING)
            state.max_wait_s = float(value) if value not in (None, "") else None
        except (ApiError, TypeError, ValueError) as exc:
            log.info("session.max_wait_unknown error=%s", type(exc).__name__)
        return visit_id

    async def close_open_visit(self, reason: CloseReason, tolerate: bool) -> None:
        """Close the walk-in now; on failure either raise (retry) or leave it to the wipe."""
        state = self._state()
        visit_id = state.open_visit_id
        if visit_id is None:
            return
        try:
            await self.client.close_visit(visit_id, reason)
        except ApiError as exc:
            if not tolerate:
                raise
            log.warning("visit %s close_failed error=%s", visit_id, type(exc).__name__)
            return
        state.open_visit_id = None
        log.info("visit %s closed reason %s", visit_id, reason.value)

    def call_url(self) -> str | None:
        """The call page for this patient's visit (carries the login token: never log it)."""
        token, visit_id = self.client.token_state, self._state().visit_id
        if token is None or visit_id is None:
            return None
        return self._portal.inbrowser_calling(visit_id, token.token)

    async def _book(self, slot: Slot | object) -> None:
        state = self._state()
        if not isinstance(slot, Slot):
            slot = Slot.model_validate(slot)
        if slot.start is None or slot.end is None or state.intake_id is None:
            raise SessionStateError(PICK_SLOT_MESSAGE)
        if state.room_code is None:
            raise SessionStateError(
                QT_TRANSLATE_NOOP("SessionMessages", "Please choose a waiting room first.")
            )
        visit = await self.client.create_appointment(
            slot.start, slot.end, state.room_code, state.intake_id
        )
        state.booked_visit_id = visit.id
        token = visit.one_time_link_token
        link = self._portal.appointment_link(visit.id, token) if token and visit.id else None
        provider = visit.provider.display_name if visit.provider is not None else ""
        state.booking = BookingConfirmation(
            start=visit.start or slot.start,
            end=visit.end or slot.end,
            timezone=clinic_timezone(state.room, state.account, visit),
            provider_name=provider or None,
            link=link,
        )
        log.info("visit %s booked", visit.id)
