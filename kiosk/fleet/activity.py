"""``SessionActivity``: whether a patient is using the kiosk, read from the session's signals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.session.types import Stage


class SessionActivity(QObject):
    """A patient session is *active* from the tap that starts it (the session is busy at
    Welcome getting things ready) until its wipe is done and Welcome is back. The session
    lock, reload-at-Welcome, the out-of-service switch and the metrics all ask this one
    object. Reads only ``session.stage`` and ``session.busy`` (never the payloads), after the
    session's ``stage_changed`` and ``busy_changed``. GUI thread only."""

    active_changed = Signal(bool)

    def __init__(self, session: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.active = self._read()
        session.stage_changed.connect(self.on_session_changed)
        session.busy_changed.connect(self.on_session_changed)

    @property
    def stage(self) -> Stage:
        stage: Stage = self.session.stage
        return stage

    def _read(self) -> bool:
        return self.session.stage is not Stage.WELCOME or bool(self.session.busy)

    def on_session_changed(self, *_args: object) -> None:
        active = self._read()
        if active != self.active:
            self.active = active
            self.active_changed.emit(active)
