"""A clock that moves only when a test moves it (``clock.now += 5``): pass it wherever the code
under test takes ``clock: Callable[[], float]`` (monotonic or Unix seconds alike)."""

from __future__ import annotations


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
