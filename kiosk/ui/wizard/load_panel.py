"""Loading → content or error + Retry, for sections that wait on the server."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.message import QT_TRANSLATE_NOOP
from kiosk.ui.i18n import live, set_text
from kiosk.ui.theme import set_role
from kiosk.ui.widgets.boxes import framed

log = logging.getLogger("kiosk.ui.wizard")

GENERIC_FAILURE = QT_TRANSLATE_NOOP("LoadPanel", "We couldn't load this just now.")


def failure_text(exc: BaseException) -> str:
    """The exception's patient-safe ``.message`` if it has one, else a generic line."""
    message = getattr(exc, "message", None)
    return message if isinstance(message, str) and message.strip() else GENERIC_FAILURE


class LoadPanel(QStackedWidget):
    """Runs ``load()`` on the qasync loop; shows a busy line, then ``on_loaded(result)``'s widget.

    The UI never blocks: the coroutine runs as a task and the panel only swaps pages. On
    failure it shows the error's ``.message`` and a Retry button. The task is cancelled when the
    panel is destroyed, and results arriving after that are dropped.
    """

    def __init__(
        self,
        load: Callable[[], Awaitable[Any]],
        on_loaded: Callable[[Any], QWidget],
        loading_text: str = QT_TRANSLATE_NOOP("LoadPanel", "Loading…"),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._on_loaded = on_loaded
        self._task: asyncio.Future[Any] | None = None
        self.loading_page = self._loading_page(loading_text)
        self.error_page, self.error_label, self.retry_button = self._error_page()
        self.addWidget(self.loading_page)
        self.addWidget(self.error_page)
        self.content: QWidget | None = None
        task_holder = self._cancel_on_destroy()
        self.destroyed.connect(task_holder)
        self.start()

    def _cancel_on_destroy(self) -> Callable[[], None]:
        holder = self

        def cancel() -> None:
            task = holder._task
            if task is not None and not task.done():
                task.cancel()

        return cancel

    def _loading_page(self, text: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        label = live(QLabel(page), text)
        set_role(label, "muted")
        bar = QProgressBar(page)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        layout.addWidget(label)
        layout.addWidget(bar)
        layout.addStretch(1)
        return page

    def _error_page(self) -> tuple[QWidget, QLabel, QPushButton]:
        page, layout = framed(self, "alert", (24, 20))
        label = QLabel(page)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        retry = live(QPushButton(page), QT_TRANSLATE_NOOP("LoadPanel", "Try again"))
        retry.clicked.connect(self.start)
        layout.addWidget(label)
        layout.addWidget(retry, 0, Qt.AlignmentFlag.AlignLeft)
        return page, label, retry

    @property
    def loading(self) -> bool:
        """True while the load is in flight."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """(Re)start the load; shows the busy page until it ends."""
        if self.loading:
            return
        self.setCurrentWidget(self.loading_page)
        self._task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        try:
            result = await self._load()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("section load failed: %s", type(exc).__name__)
            if shiboken6.isValid(self):
                set_text(self.error_label, f"{failure_text(exc)} Please try again.")
                self.setCurrentWidget(self.error_page)
            return
        if not shiboken6.isValid(self):
            return
        content = self._on_loaded(result)
        if self.content is not None:
            self.removeWidget(self.content)
            self.content.deleteLater()
        self.content = content
        self.addWidget(content)
        self.setCurrentWidget(content)
