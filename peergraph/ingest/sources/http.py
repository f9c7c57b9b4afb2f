"""The one HTTP client every network source uses: httpx + tenacity retries + a polite delay.

- Retries (exponential backoff) on timeouts, connection errors, HTTP 429 and 5xx; other statuses are
  returned to the caller (arXiv answers a malformed query with 400 and an error feed worth reading).
- A minimum interval between requests (`delay`), e.g. the 3 seconds arXiv asks for; 0 in tests.
- After the last attempt fails, `SourceUnavailable` says which URL and why; query parameters that look
  like secrets (api_key, mailto) are never put into messages.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from typing import Any, Self

import httpx
from tenacity import (
    RetryError,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from peergraph.errors import PeerGraphError

USER_AGENT = "PeerGraph/0.1 (open research knowledge graph; https://github.com/peergraph)"
_SECRET_PARAMS = frozenset({"api_key", "mailto", "key", "token"})


class SourceUnavailable(PeerGraphError):
    """A source could not be reached after all retries; what was committed before stays committed."""


class RetryableStatus(Exception):
    """An HTTP status worth retrying (429, 5xx)."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(f"HTTP {response.status_code}")
        self.response = response


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, RetryableStatus | httpx.TimeoutException | httpx.TransportError)


def redact(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Query parameters safe to show in a message or log."""
    return {k: ("***" if k in _SECRET_PARAMS else v) for k, v in (params or {}).items()}


class HttpClient:
    """A polite, retrying GET client. Use as a context manager or call `close()`."""

    def __init__(
        self,
        *,
        delay: float = 0.0,
        timeout: float = 30.0,
        attempts: int = 4,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.delay = delay
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.requests = 0  # every attempt, retries included: tests and reports read it
        self._last = 0.0
        self._lock = threading.Lock()
        self._client = httpx.Client(
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, **(headers or {})},
            follow_redirects=True,
            transport=transport,
        )

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _wait_politely(self) -> None:
        with self._lock:
            pause = self._last + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self._last = time.monotonic()

    def _attempt(self, url: str, params: Mapping[str, Any] | None) -> httpx.Response:
        self._wait_politely()
        self.requests += 1
        response = self._client.get(url, params=dict(params) if params else None)
        if response.status_code == 429 or response.status_code >= 500:
            raise RetryableStatus(response)
        return response

    def get(self, url: str, params: Mapping[str, Any] | None = None) -> httpx.Response:
        """GET with retries; returns any non-retryable response (2xx, 3xx, 4xx other than 429)."""
        retrying = Retrying(
            retry=retry_if_exception(_retryable),
            stop=stop_after_attempt(self.attempts),
            wait=wait_exponential(multiplier=self.backoff, max=self.max_backoff),
            reraise=False,
        )
        try:
            for attempt in retrying:
                with attempt:
                    return self._attempt(url, params)
        except RetryError as err:
            last = err.last_attempt.exception()
            raise SourceUnavailable(
                f"GET {url} {redact(params)} failed after {self.attempts} attempts: {last or 'no response'}; "
                "rerun later to resume from the last committed page"
            ) from last
        raise SourceUnavailable(f"GET {url} gave no response")  # unreachable: Retrying always yields


class HttpSource:
    """Base of the paged API sources: they own their HttpClient unless one was passed in."""

    def __init__(self, client: HttpClient | None, *, delay: float, timeout: float, attempts: int,
                 backoff: float) -> None:
        self._own_client = client is None
        self.client = client or HttpClient(delay=delay, timeout=timeout, attempts=attempts, backoff=backoff)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own_client:
            self.client.close()
