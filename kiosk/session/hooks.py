"""``SessionHooks``: cleanups other layers register to run in every end-of-session wipe."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

#: A cleanup: a plain function, or one returning an awaitable (awaited with a timeout).
Cleanup = Callable[[], Awaitable[object] | object]


class SessionHooks:
    """Cleanups that run at the end of every patient session, in the order added.

    The UI adds one that destroys the call's web view and its off-the-record profile, another
    that clears the clipboard. Hooks stay registered across sessions (register once at start-up)
    and must tolerate running when there is nothing to clean. A hook that raises or hangs does
    not stop the others (the wipe runs each in its own try, with a timeout).
    """

    def __init__(self) -> None:
        self._cleanups: list[Cleanup] = []

    def add_cleanup(self, cleanup: Cleanup) -> Callable[[], None]:
        """Register ``cleanup``; returns a function that unregisters it."""
        self._cleanups.append(cleanup)
        return lambda: self.remove_cleanup(cleanup)

    def remove_cleanup(self, cleanup: Cleanup) -> None:
        """Unregister ``cleanup`` (no error if it was not registered)."""
        if cleanup in self._cleanups:
            self._cleanups.remove(cleanup)

    @property
    def cleanups(self) -> tuple[Cleanup, ...]:
        """The registered cleanups, in the order they run."""
        return tuple(self._cleanups)

    def __repr__(self) -> str:
        return f"<SessionHooks cleanups={len(self._cleanups)}>"
