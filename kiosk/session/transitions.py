"""The session's async steps: load clinic, sign in, send answers, create the visit, follow it."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from kiosk.api.errors import ApiError
from kiosk.api.models import CloseReason, Slot, UserType, VisitStatus
from kiosk.session.errors import SessionStateError
from kiosk.session.flow import PostCallPlan, VisitPlan, visit_options
from kiosk.session.routing import INTAKE_TYPE, route_submissions, send_routed
from kiosk.session.stages import (
    Booked,
    Call,
    Goodbye,
    Identify,
    PostCall,
    RoomClosed,
    RoomPick,
    Waiting,
    Wizard,
)
from kiosk.session.types import BookingConfirmation, Stage
from kiosk.session.waiting import WaitingRoom
from kiosk.wizard import Submission, parse_states

if TYPE_CHECKING:
    from kiosk.session.session import PatientSession

log = logging.getLogger("kiosk.session")

MAX_WAIT_SETTING = "visit/time/max_wait_time"
NO_ROOM_MESSAGE = "This kiosk has no waiting room set up. Please ask the front desk for help."
NO_VISITS_MESSAGE = "This waiting room is not taking visits right now."
CLOSED_MESSAGE = "This waiting room is closed right now. Please check back later."
PICK_SLOT_MESSAGE = "Please choose a time for your appointment."
PROVIDER_CANCELLED_MESSAGE = (
    "The clinic has ended this visit. If you still need care, please ask the front desk."
)
MAX_WAIT_MESSAGE = (
    "We are sorry: the wait has become too long, so this visit was closed. "
    "Please ask the front desk for help, or start again later."
)


class VisitSteps:
    """The async half of ``PatientSession`` (a mixin: ``self`` is the session).

    Each method here runs inside one command (see ``CommandRunner``) or a timer slot; it
    raises ``ApiError``/``SessionStateError`` for the runner to turn into ``failed``.
    """

    _waiting: WaitingRoom | None = None

    async def _do_begin(self: PatientSession) -> None:
        state = self._state
        account = await self.client.get_account(self.config.account_code)
        state.account = account
        self.clinic.accept(account)
        state.definition = parse_states(account.states)
        if self.config.room_code:
            await self._load_room(self.config.room_code)
            return
        rooms = await self.client.list_rooms()
        if len(rooms) > 1:
            state.rooms = rooms
            self._set_stage(RoomPick(tuple(rooms)))
            return
        code = rooms[0].code if rooms else account.waiting_room.default_room_code
        if not code:
            raise SessionStateError(NO_ROOM_MESSAGE)
        await self._load_room(code)

    async def _load_room(self: PatientSession, code: str) -> None:
        state = self._state
        room = await self.client.get_room(code)
        state.room = room
        log.info("session.room %s closed=%s", room.code, room.operation_settings.is_closed)
        if room.operation_settings.is_closed:
            self._set_stage(RoomClosed(room.operation_settings.close_msg or CLOSED_MESSAGE))
            return
        plan = VisitPlan(state.definition, visit_options(room, state.definition))
        if not plan.offers_anything:
            self._set_stage(RoomClosed(NO_VISITS_MESSAGE))
            return
        self._plan = plan
        launch = state.staff_launch
        if launch is not None:
            await self._identify(
                launch.first_name, launch.last_name, UserType.MEMBER, code=launch.code
            )
            return
        self._set_stage(Identify())

    async def _identify(
        self: PatientSession,
        first_name: str,
        last_name: str,
        user_type: UserType,
        dob: str | None = None,
        code: str | None = None,
    ) -> None:
        state, plan = self._state, self._plan
        if plan is None or state.room_code is None:
            raise SessionStateError("Please choose a waiting room first.")
        if state.user is None:
            if self.client.token_state is not None:
                await self.client.logout()
            state.user = await self.client.sso(
                first_name, last_name, type=user_type, code=code, dob=dob
            )
            state.staff_launch = None
            log.info("session.signed_in user=%s type=%d", state.user.id, int(user_type))
        self._runner.checkpoint(self._start_intake)
        await self._start_intake()

    async def _start_intake(self: PatientSession) -> None:
        state, plan = self._state, self._plan
        assert plan is not None
        intake = await self.client.create_intake(
            room_code=state.room_code, type=INTAKE_TYPE[plan.kind or "walkin"]
        )
        state.intake_id = intake.id
        log.info("session.intake_created intake=%s", intake.id)
        self._runner.checkpoint(self._continue_plan)
        await self._continue_plan()

    async def _back_to_identify(self: PatientSession) -> None:
        await self.client.logout()
        self._state.user = None
        self._state.intake_id = None
        self._set_stage(Identify())

    async def _submit(self: PatientSession, submissions: list[Submission]) -> None:
        state = self._state
        current = self.current_step
        if current is None:
            raise SessionStateError("There is no question on screen to answer.")
        step = current[0]
        routed = route_submissions(submissions)
        log.info("session.submit step=%s routed=%r", step.key, routed)
        await send_routed(self.client, state.intake_id, routed)
        if routed.slot is not None and state.booked_visit_id is None:
            await self._book(routed.slot)
        state.answers.record_submission(step, submissions)
        if self.stage is Stage.POST_CALL:
            assert self._post_call is not None
            self._post_call.advance()
            if self._post_call.current is None:
                self._set_stage(Goodbye())
            else:
                self._show_step()
            return
        assert self._plan is not None
        if routed.visit_kind is not None and not self._plan.visit_created:
            self._plan.kind = routed.visit_kind
        self._plan.advance()
        self._runner.checkpoint(self._continue_plan)
        await self._continue_plan()

    async def _continue_plan(self: PatientSession) -> None:
        plan, state = self._plan, self._state
        assert plan is not None
        if plan.at_commit_point:
            if plan.kind == "appointment":
                if state.booked_visit_id is None:
                    plan.back()
                    self._show_step()
                    raise SessionStateError(PICK_SLOT_MESSAGE)
                plan.visit_created = True
            else:
                plan.kind = "walkin"
                await self._add_walkin()
        if plan.current is not None:
            self._show_step()
        elif plan.kind == "appointment":
            assert state.booking is not None
            self._set_stage(Booked(state.booking))
        else:
            self._enter_waiting_stage()

    async def _add_walkin(self: PatientSession) -> None:
        state, plan = self._state, self._plan
        assert plan is not None and state.intake_id is not None and state.room_code is not None
        visit = await self.client.add_walkin(state.intake_id, state.room_code)
        state.visit_id = state.open_visit_id = visit.id
        plan.visit_created = True
        log.info("visit %s walkin_created", visit.id)
        waiting = WaitingRoom(
            self.client, self.config, state, visit.id or "", state.room_code, self
        )
        waiting.queue_updated.connect(self.queue_updated)
        waiting.visit_status.connect(self.on_visit_status)
        waiting.max_wait_reached.connect(self.on_max_wait_reached)
        waiting.connectivity_changed.connect(self.connectivity_changed)
        self._waiting = waiting
        waiting.start_heartbeat()
        try:
            value = await self.client.get_setting(MAX_WAIT_SETTING)
            state.max_wait_s = float(value) if value not in (None, "") else None
        except (ApiError, TypeError, ValueError) as exc:
            log.info("session.max_wait_unknown error=%s", type(exc).__name__)

    async def _book(self: PatientSession, slot: Any) -> None:
        state = self._state
        if not isinstance(slot, Slot):
            slot = Slot.model_validate(slot)
        if slot.start is None or slot.end is None or state.intake_id is None:
            raise SessionStateError(PICK_SLOT_MESSAGE)
        assert state.room_code is not None
        visit = await self.client.create_appointment(
            slot.start, slot.end, state.room_code, state.intake_id
        )
        state.booked_visit_id = visit.id
        token = visit.one_time_link_token
        link = self.portal.appointment_link(visit.id or "", token) if token and visit.id else None
        provider = visit.provider.display_name if visit.provider is not None else ""
        state.booking = BookingConfirmation(
            start=visit.start or slot.start,
            end=visit.end or slot.end,
            timezone=self.services.room_timezone(),
            provider_name=provider or None,
            link=link,
        )
        log.info("visit %s booked", visit.id)

    def _enter_waiting_stage(self: PatientSession) -> None:
        self._set_stage(Waiting(self._waiting_subtitle()))
        if self._waiting is not None:
            self._waiting.start_waiting(self._state.max_wait_s)

    def _waiting_subtitle(self: PatientSession) -> str:
        state = self._state
        room_line = state.room.subtitle if state.room is not None else None
        account_line = state.account.waiting_room.subtitle if state.account is not None else None
        return (room_line or "").strip() or (account_line or "").strip()

    def _show_step(self: PatientSession) -> None:
        post_call = self.stage is Stage.POST_CALL
        plan = self._post_call if post_call else self._plan
        if plan is None or plan.current is None:
            return
        payload = PostCall if post_call else Wizard
        self._set_stage(payload(plan.current, plan.position, plan.total))

    def _can_go_back(self: PatientSession) -> bool:
        if self.stage is Stage.POST_CALL:
            return self._post_call is not None and self._post_call.can_go_back
        plan = self._plan
        return plan is not None and (plan.can_go_back or not plan.visit_created)

    # -- the visit, once it exists --------------------------------------------------------

    def on_visit_status(self: PatientSession, status: int, _visit: Any) -> None:
        state = self._state
        if status == VisitStatus.IN_PROGRESS and self.stage is Stage.WAITING:
            token = self.client.token_state
            if token is None or state.visit_id is None:
                return
            assert self._waiting is not None
            self._waiting.call_started()
            self._set_stage(Call(self.portal.inbrowser_calling(state.visit_id, token.token)))
        elif status == VisitStatus.COMPLETED and self.stage in (Stage.WAITING, Stage.CALL):
            self._visit_over()
            self._start_post_call()
        elif status == VisitStatus.CANCELLED and self.stage in (Stage.WAITING, Stage.CALL):
            self._visit_over()
            self.notice.emit(PROVIDER_CANCELLED_MESSAGE)
            self._set_stage(Goodbye())

    def on_max_wait_reached(self: PatientSession) -> None:
        if self.stage in (Stage.WAITING, Stage.WIZARD) and self._state.open_visit_id:
            self._runner.cancel()
            self._state.close_reason = CloseReason.MAX_WAITING_TIME_REACHED
            self._run("max_wait", "Closing your visit…", self._close_for_max_wait)

    async def _close_for_max_wait(self: PatientSession) -> None:
        if self._waiting is not None:
            self._waiting.stop()
        await self._close_open_visit(CloseReason.MAX_WAITING_TIME_REACHED, tolerate=True)
        self.notice.emit(MAX_WAIT_MESSAGE)
        self._set_stage(Goodbye())

    async def _close_call(self: PatientSession, reason: CloseReason) -> None:
        self._state.close_reason = reason
        if self._waiting is not None:
            self._waiting.stop()
        await self._close_open_visit(reason, tolerate=False)
        self._start_post_call()

    async def _close_open_visit(self: PatientSession, reason: CloseReason, tolerate: bool) -> None:
        """Close the walk-in now; on failure either raise (retry) or leave it to the wipe."""
        state = self._state
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

    def _visit_over(self: PatientSession) -> None:
        """The server closed the visit itself: nothing left to close, no timers to run."""
        self._state.open_visit_id = None
        if self._waiting is not None:
            self._waiting.stop()

    def _start_post_call(self: PatientSession) -> None:
        self._post_call = PostCallPlan(self._state.definition)
        if self._post_call.current is None:
            self._set_stage(Goodbye())
            return
        step = self._post_call.current
        self._set_stage(PostCall(step, self._post_call.position, self._post_call.total))
