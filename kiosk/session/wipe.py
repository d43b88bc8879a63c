"""``wipe_session``: the one end-of-session cleanup, idempotent and tolerant of every failure."""

from __future__ import annotations

import asyncio
import inspect
import logging
import shutil
from collections.abc import Sequence
from typing import Protocol

from kiosk import constants
from kiosk.api.models import CloseReason
from kiosk.session.hooks import SessionHooks
from kiosk.session.redaction import forget_patient_values
from kiosk.session.state import SessionState

log = logging.getLogger("kiosk.session")


class WipeClient(Protocol):
    """The client calls the wipe makes (``VSeeClient`` has them)."""

    async def close_visit(self, visit_id: str, reason: CloseReason) -> str: ...

    async def logout(self, tokens: list[str] | None = None) -> bool: ...

    def clear_tokens(self) -> None: ...


class PatientChoices(Protocol):
    """Something one patient chose for themselves (language, large text, audio guidance)."""

    def reset(self) -> None: ...


async def wipe_session(
    client: WipeClient,
    state: SessionState,
    hooks: SessionHooks,
    step_timeout_s: float = constants.WIPE_STEP_TIMEOUT_S,
    choices: Sequence[PatientChoices] = (),
) -> list[str]:
    """End one patient's session on this kiosk and on the server, whatever fails on the way.

    In order, each step in its own try and every call bounded by ``step_timeout_s`` seconds:
    stop the timers; close the open walk-in visit with ``state.close_reason`` (a booked
    appointment is kept: the patient still has it); log out (destroys the tokens on the
    server; the client forgets them even if that fails); run the UI's cleanup hooks; drop
    every answer and cached object and the log redactor's copy of them; put the patient's
    own ``choices`` (language, large text, audio guidance) back to the defaults; delete the
    session's temp folder. A second call for the same state does nothing. Returns the names of the
    steps that failed (for logs and tests).
    """
    if state.wiped:
        return []
    state.wiped = True
    failed: list[str] = []

    for timer in list(state.timers):
        try:
            timer.stop()
        except Exception:
            failed.append("stop_timer")

    visit_id = state.open_visit_id
    if visit_id is not None:
        try:
            await asyncio.wait_for(client.close_visit(visit_id, state.close_reason), step_timeout_s)
            log.info("visit %s closed reason %s", visit_id, state.close_reason.value)
        except Exception as exc:
            log.warning("visit %s close_failed error=%s", visit_id, type(exc).__name__)
            failed.append("close_visit")

    try:
        await asyncio.wait_for(client.logout(), step_timeout_s)
    except Exception as exc:
        log.warning("session.logout_failed error=%s", type(exc).__name__)
        failed.append("logout")
    finally:
        try:
            client.clear_tokens()
        except Exception:
            failed.append("clear_tokens")

    for cleanup in hooks.cleanups:
        try:
            result = cleanup()
            if inspect.isawaitable(result):
                await asyncio.wait_for(result, step_timeout_s)
        except Exception as exc:
            log.warning("session.cleanup_failed error=%s", type(exc).__name__)
            failed.append("cleanup_hook")

    try:
        state.forget()
    except Exception:
        failed.append("forget")
    forget_patient_values()
    for choice in choices:
        try:
            choice.reset()
        except Exception as exc:
            log.warning("session.choice_reset_failed error=%s", type(exc).__name__)
            failed.append("choices")

    if state.temp_dir is not None:
        try:
            shutil.rmtree(state.temp_dir)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("session.temp_dir_not_deleted error=%s", type(exc).__name__)
            failed.append("temp_dir")
        state.temp_dir = None

    log.info("session.wiped failed_steps=%s", ",".join(failed) or "none")
    return failed
