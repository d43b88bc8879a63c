"""``SessionSignals``: the signals of the session contract (docs/architecture.md, "Session
contract") declared once: ``PatientSession`` emits them, and the stand-ins that tests and the
screenshot tools build in its place inherit them, so neither can drift from the real session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SessionSignals(QObject):
    """What a patient session tells the UI: ``stage_changed(StagePayload)``,
    ``busy_changed(bool, Message)``, ``failed(SessionError)``, ``queue_updated(QueueStatus)``,
    ``provider_ready(ProviderReady)``, ``notice(Message | str)``, ``ended(reason)``,
    ``account_loaded(Account)``, ``connectivity_changed(bool)``, ``reconnecting(bool)`` and
    ``idle_warning(seconds_left)``. GUI thread only."""

    stage_changed = Signal(object)
    busy_changed = Signal(bool, object)  # busy, what it is doing (a Message)
    failed = Signal(object)
    queue_updated = Signal(object)
    provider_ready = Signal(object)
    notice = Signal(object)  # a Message, or the clinic's own text
    ended = Signal(str)
    account_loaded = Signal(object)
    connectivity_changed = Signal(bool)
    reconnecting = Signal(bool)
    idle_warning = Signal(int)
