"""When and how long to wait before trying a call again."""

from __future__ import annotations

import datetime as dt
import email.utils
import random
from dataclasses import dataclass, field
from typing import Protocol

import httpx

from kiosk import constants

#: Statuses worth another try of an idempotent call: timeouts, overload, server faults.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds for retrying idempotent calls (GETs, heartbeats, queue polls).

    ``max_attempts`` counts the first try. No retry starts once ``total_budget_s`` (measured
    from the first try) would be passed. Delays grow as ``base_s * 2**n`` up to ``cap_s``; a
    ``jitter`` share of each is random. A server's ``Retry-After`` is honoured when it is
    longer, up to ``retry_after_cap_s``. Non-idempotent calls are retried only when the
    connection could not even be made (nothing reached the server).
    """

    max_attempts: int = constants.RETRY_MAX_ATTEMPTS
    base_s: float = constants.RETRY_BACKOFF_BASE_S
    cap_s: float = constants.RETRY_BACKOFF_CAP_S
    total_budget_s: float = constants.RETRY_TOTAL_BUDGET_S
    jitter: float = constants.RETRY_JITTER_FRACTION
    retry_after_cap_s: float = constants.RETRY_AFTER_CAP_S
    statuses: frozenset[int] = field(default=RETRY_STATUSES)

    @classmethod
    def never(cls) -> RetryPolicy:
        """One try only."""
        return cls(max_attempts=1)

    def backoff_s(self, attempt: int, rng: random.Random) -> float:
        """Delay after failed try number ``attempt`` (1-based), with jitter."""
        ceiling = min(self.cap_s, self.base_s * 2.0 ** max(0, attempt - 1))
        fixed = ceiling * (1.0 - self.jitter)
        return float(fixed + rng.uniform(0.0, ceiling - fixed))

    def delay_s(self, attempt: int, retry_after: float | None, rng: random.Random) -> float | None:
        """How long to wait before the next try, or None when the server asks for too long."""
        delay = self.backoff_s(attempt, rng)
        if retry_after is not None:
            if retry_after > self.retry_after_cap_s:
                return None
            delay = max(delay, retry_after)
        return delay


class _HasHeaders(Protocol):
    @property
    def headers(self) -> httpx.Headers: ...


def parse_retry_after(response: _HasHeaders, now: float) -> float | None:
    """``Retry-After`` as seconds from ``now`` (delta-seconds or an HTTP date); else None."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - now)
