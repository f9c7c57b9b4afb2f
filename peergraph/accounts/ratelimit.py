"""A sliding-window rate limiter (pure: the clock is passed in) for log-in failures.

Kept in process memory: each app process limits on its own. Invitations are limited from the
graph instead (see `invitations.py`), so that limit holds across processes and restarts.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

LOGIN_MAX_FAILURES = 5  # per e-mail
LOGIN_MAX_CLIENT_FAILURES = 20  # per client address: higher, since many people may share one (NAT, proxy)
LOGIN_WINDOW_S = 15 * 60
SIGNUPS_PER_CLIENT_HOUR = 10
MAX_KEYS = 100_000  # bounded memory under a flood of distinct keys


class SlidingWindowLimiter:
    """At most `limit` events per key in any `window` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _prune(self, key: str, now: float) -> deque[float]:
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def retry_after(self, key: str) -> int:
        """0 when `key` may proceed, else the seconds until its oldest event leaves the window."""
        with self._lock:
            now = self.clock()
            events = self._prune(key, now)
            if len(events) < self.limit:
                return 0
            return max(1, int(events[0] + self.window - now + 0.999))

    def record(self, key: str) -> None:
        with self._lock:
            if len(self._events) >= MAX_KEYS:
                self._events.clear()
            self._prune(key, self.clock()).append(self.clock())

    def reset(self, key: str) -> None:
        with self._lock:
            self._events.pop(key, None)


login_failures = SlidingWindowLimiter(LOGIN_MAX_FAILURES, LOGIN_WINDOW_S)
login_client_failures = SlidingWindowLimiter(LOGIN_MAX_CLIENT_FAILURES, LOGIN_WINDOW_S)
signups = SlidingWindowLimiter(SIGNUPS_PER_CLIENT_HOUR, 3600)


def reset_all() -> None:
    """Forget every recorded event (for tests and for an operator after an incident)."""
    for limiter in (login_failures, login_client_failures, signups):
        with limiter._lock:
            limiter._events.clear()
