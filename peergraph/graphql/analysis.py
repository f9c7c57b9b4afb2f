"""The saved analysis queries over GraphQL: `savedQueries` and `runSavedQuery(name, params)`.

For signed-in accounts only (any role: an analyst is whoever has an account), with the guarantees of
`peergraph cypher run`: the same guard, a READ transaction as the read-only database user (never the
app's own root connection), and the same budgets, tighter by default because a response is bounded:

- rows: `limit` defaults to DEFAULT_ROWS (100), at most MAX_ROWS (1000);
- time: `timeoutSeconds` defaults to the time left in the request's budget (limits.REQUEST_TIMEOUT_S),
  and never exceeds it;
- at most MAX_CONCURRENT_RUNS runs at once in this process; another caller gets a BusyError.

Expected failures are schema types (the union RunSavedQueryResult), as in the accounts API.
`schema.py` merges `AnalysisQuery` into the root Query type.
"""

from __future__ import annotations

import atexit
import json
import threading
import time
from typing import Annotated, Any

import strawberry
from starlette.concurrency import run_in_threadpool
from strawberry.scalars import JSON

from peergraph.accounts.errors import Forbidden, NotAuthenticated
from peergraph.analysis import catalog, guard, runner
from peergraph.errors import BadInput, NotFound
from peergraph.graphql.accounts import InvalidInputError, NotAuthorizedError, NotFoundError
from peergraph.graphql.auth import require_account
from peergraph.output import render
from peergraph.store.driver import Graph, connect_reader
from peergraph.store.settings import load_settings

DEFAULT_ROWS = 100
MAX_ROWS = 1000
MAX_CONCURRENT_RUNS = 2

_slots = threading.BoundedSemaphore(MAX_CONCURRENT_RUNS)
_readers: dict[tuple[str, str], Graph] = {}
_readers_lock = threading.Lock()


def _reader() -> Graph:
    """One read-only driver per configured store, opened on first use and shared by all requests."""
    settings = load_settings()
    key = (str(settings.home), settings.uri or "embedded")
    with _readers_lock:
        graph = _readers.get(key)
        if graph is None:
            graph = _readers[key] = connect_reader(settings)
        return graph


@atexit.register
def _close_readers() -> None:
    with _readers_lock:
        for graph in _readers.values():
            graph.close()
        _readers.clear()


@strawberry.type(description="A parameter of a saved query, as its header declares it.")
class SavedQueryParam:
    name: str
    type: str
    required: bool
    default: JSON | None
    description: str


@strawberry.type(description="A named, documented read-only Cypher query from cypher/analysis/.")
class SavedQuery:
    name: str
    purpose: str
    params: list[SavedQueryParam]
    returns: str
    columns: list[str]
    cypher: str


@strawberry.type(description="The rows of a saved query. `truncated` says the row budget stopped it early.")
class AnalysisResult:
    name: str
    columns: list[str]
    rows: JSON
    row_count: int
    truncated: bool
    notice: str | None
    elapsed_ms: int


@strawberry.type(description="The query was refused before running (it would write, or is unbounded).")
class QueryRefusedError:
    message: str


@strawberry.type(description="The query used up its time budget and was stopped.")
class BudgetExceededError:
    message: str


@strawberry.type(description="The database refused or failed the query.")
class QueryFailedError:
    message: str


@strawberry.type(description="Too many analysis queries are running; retry in a moment.")
class BusyError:
    message: str


RunSavedQueryResult = Annotated[
    AnalysisResult | NotAuthorizedError | InvalidInputError | NotFoundError | QueryRefusedError
    | BudgetExceededError | QueryFailedError | BusyError,
    strawberry.union("RunSavedQueryResult"),
]


def _saved_query(q: catalog.SavedQuery) -> SavedQuery:
    params = [SavedQueryParam(name=p.name, type=p.type, required=p.required, default=p.default,
                              description=p.description) for p in q.params]
    return SavedQuery(name=q.short_name, purpose=q.purpose, params=params, returns=q.returns,
                      columns=list(q.columns), cypher=q.text)


def _time_left(info: strawberry.Info) -> float | None:
    deadline = getattr(info.context, "deadline", None)
    return None if deadline is None else deadline - time.monotonic()


def _run(name: str, params: dict[str, Any], limit: int, timeout: float) -> AnalysisResult | BusyError:
    if not _slots.acquire(blocking=False):
        return BusyError(message=f"{MAX_CONCURRENT_RUNS} analysis queries are already running; retry in a moment")
    try:
        result = runner.run_saved(_reader(), name, params, limit=limit, timeout=timeout)
    finally:
        _slots.release()
    rows = json.loads(render(result.rows, "json"))  # dates, nodes and paths as plain JSON values
    return AnalysisResult(name=name.removeprefix("analysis/"), columns=result.columns, rows=rows,
                          row_count=len(rows), truncated=result.truncated, notice=result.notice,
                          elapsed_ms=round(result.elapsed_s * 1000))


@strawberry.type
class AnalysisQuery:
    @strawberry.field(description="The saved analysis queries (signed-in accounts only).")
    async def saved_queries(self, info: strawberry.Info) -> list[SavedQuery]:
        await require_account(info)
        return [_saved_query(q) for q in catalog.analysis_queries()]

    @strawberry.field(description=(
        f"Run a saved analysis query read-only (signed-in accounts only). `params` is an object of "
        f"parameter values; `limit` defaults to {DEFAULT_ROWS} rows (at most {MAX_ROWS}); "
        "`timeoutSeconds` defaults to, and never exceeds, the time left in the request's budget."
    ))
    async def run_saved_query(
        self, info: strawberry.Info, name: str, params: JSON | None = None,
        limit: int = DEFAULT_ROWS, timeout_seconds: float | None = None,
    ) -> RunSavedQueryResult:
        try:
            await require_account(info)
        except (NotAuthenticated, Forbidden) as exc:
            return NotAuthorizedError(message=str(exc))
        if params is not None and not isinstance(params, dict):
            return InvalidInputError(message="params must be an object such as {\"author_uid\": \"...\"}")
        if not 1 <= limit <= MAX_ROWS:
            return InvalidInputError(message=f"limit must be between 1 and {MAX_ROWS}, not {limit}")
        if timeout_seconds is not None and timeout_seconds <= 0:
            return InvalidInputError(message=f"timeoutSeconds must be more than 0, not {timeout_seconds:g}")
        left = _time_left(info)
        timeout = timeout_seconds if timeout_seconds is not None else (left or runner.DEFAULT_TIMEOUT_S)
        if left is not None:
            timeout = min(timeout, left)
        if timeout <= 0:
            return BudgetExceededError(message="the request's time budget is used up; ask for less")
        try:
            return await run_in_threadpool(_run, name, dict(params or {}), limit, timeout)
        except guard.QueryRefused as exc:
            return QueryRefusedError(message=str(exc))
        except NotFound as exc:
            return NotFoundError(message=str(exc))
        except BadInput as exc:
            return InvalidInputError(message=str(exc))
        except runner.BudgetExceeded as exc:
            return BudgetExceededError(message=str(exc))
        except runner.QueryFailed as exc:
            return QueryFailedError(message=str(exc))
