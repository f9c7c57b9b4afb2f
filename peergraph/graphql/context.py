"""The per-request GraphQL context: the Graph, the request, fresh DataLoaders, a deadline.

Every database read of a request goes through `Context.read`, which runs the (synchronous) driver
call in the thread pool, gives it only the time left before the request's deadline (so the server
abandons a slow query too), and turns store failures into one clear, expected error.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from neo4j import exceptions as nx
from starlette.concurrency import run_in_threadpool

from peergraph.cypher_files import load
from peergraph.errors import PeerGraphError, StoreUnavailable
from peergraph.store.driver import Graph

log = logging.getLogger("peergraph.graphql")

DEFAULT_TIMEOUT_S = 10.0


class RequestTimedOut(PeerGraphError):
    """The request used up its time budget."""


class Context:
    def __init__(self, graph: Graph, request: Any = None, timeout: float = DEFAULT_TIMEOUT_S):
        from peergraph.graphql.loaders import Loaders

        self.graph = graph
        self.request = request
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.loaders = Loaders(self)
        self._account: Any = _UNRESOLVED

    def start_clock(self) -> None:
        """Restart the budget when execution begins (called by the RequestTimeout extension)."""
        self.deadline = time.monotonic() + self.timeout

    async def read(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Rows of `cypher/<name>.cypher`, within the request's remaining time (in the thread pool)."""
        return await run_in_threadpool(self.read_sync, name, params)

    def read_sync(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """The same, on the calling thread: for a resolver that runs several dependent reads in one
        thread-pool hop (the neighborhood walk)."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise RequestTimedOut(f"the request exceeded its {self.timeout:g} s budget; ask for less")
        try:
            return self.graph.read(load(name), params, max(left, 0.05))
        except StoreUnavailable as exc:
            log.warning("graph store unavailable: %s", exc)
            raise StoreUnavailable("the graph store is unavailable right now; retry in a moment") from None
        except nx.ClientError as exc:
            if "timed out" in str(exc).lower() or "Timeout" in (exc.code or ""):
                raise RequestTimedOut(f"the request exceeded its {self.timeout:g} s budget; ask for less") from None
            raise
        except (nx.DriverError, nx.TransientError, nx.DatabaseError) as exc:
            log.warning("graph store error: %s", type(exc).__name__)
            raise StoreUnavailable("the graph store is unavailable right now; retry in a moment") from None

    async def current_account(self, info: Any) -> Any:
        """The calling account (None when anonymous), resolved once per request from the bearer token."""
        if self._account is _UNRESOLVED:
            from peergraph.graphql.auth import current_account

            self._account = await current_account(info) if self.request is not None else None
        return self._account


_UNRESOLVED = object()


def build_context(graph: Graph, request: Any = None, timeout: float = DEFAULT_TIMEOUT_S) -> Context:
    """The context for one execution: `await schema.execute(q, context_value=build_context(graph, request))`."""
    return Context(graph, request, timeout)
