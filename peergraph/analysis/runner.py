"""Run analysts' Cypher so that it cannot write and cannot run away.

Two lines of defence against writes:
1. `guard.check` refuses writing clauses and procedures before anything is sent (`run_text`, `run_saved`).
2. `execute` (the low-level path, no guard) runs in a READ transaction as the graph's user, and refuses
   any user but the read-only one on the embedded store: Neo4j enforces READ access mode; the embedded
   server ignores it, and there the read-only user `peergraph_reader` (its group may only readRecord) gets
   Neo.ClientError.Security.Forbidden for CREATE/MERGE/SET/DELETE and LOAD CSV.

Budgets (defaults; the CLI's `--limit`/`--timeout` and GraphQL's arguments change them within the maxima):
- rows: DEFAULT_ROW_LIMIT = 1000, at most MAX_ROW_LIMIT = 100,000 (the reader group's server-side cap).
  Rows are streamed and fetching stops at the budget; the result says `truncated` and the rest is never read.
- time: DEFAULT_TIMEOUT_S = 30 s, at most MAX_TIMEOUT_S = 300 s, enforced by this process, not left to the server.
- path length: the guard refuses unbounded variable-length patterns and bounds above guard.MAX_PATH_LENGTH.

Why the client enforces the time budget itself: the embedded server ignores the driver's transaction
timeout and its reader group's readTimeout did not stop a runaway path count, and closing the client
connection does not stop the server either (it keeps computing; see store/compat.py). What does stop it is
`TERMINATE TRANSACTIONS`, which a user may run on its own transactions. So every query is tagged with a
one-off comment (`/* peergraph-analysis:<hex> */`), runs in a worker thread, and when the deadline passes
(or the row budget is reached with rows still pending, since closing the result would make the server
compute the rest) the runner finds the tagged transaction with SHOW TRANSACTIONS and terminates it.
On Neo4j the transaction timeout passed with the query stops it server-side as well.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import exceptions as nx

from peergraph.analysis import catalog, guard
from peergraph.errors import BadInput, PeerGraphError
from peergraph.store import embedded
from peergraph.store.driver import Graph, parameters, translate

log = logging.getLogger("peergraph.analysis")

DEFAULT_ROW_LIMIT = 1000
MAX_ROW_LIMIT = embedded.READER_RESULT_LIMIT
DEFAULT_TIMEOUT_S = 30.0
MAX_TIMEOUT_S = 300.0
# After the deadline: how long to keep terminating and waiting for the worker before giving up on it.
STOP_GRACE_S = 10.0
TAG_PREFIX = "peergraph-analysis:"


class BudgetExceeded(PeerGraphError):
    """A query used up its time budget and was stopped."""


class QueryFailed(PeerGraphError):
    """The database refused or failed the query (a write attempt, a syntax error, a missing label...)."""


@dataclass
class RunResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool  # the row budget was reached and more rows were pending
    elapsed_s: float
    limit: int
    notices: list[str] = field(default_factory=list)

    @property
    def notice(self) -> str | None:
        if not self.truncated:
            return None
        return f"stopped after {self.limit} rows (the row budget); add LIMIT to the query or raise --limit"


def check_budgets(limit: int | None, timeout: float | None) -> tuple[int, float]:
    limit = DEFAULT_ROW_LIMIT if limit is None else limit
    timeout = DEFAULT_TIMEOUT_S if timeout is None else timeout
    if not 1 <= limit <= MAX_ROW_LIMIT:
        raise BadInput(f"the row limit must be between 1 and {MAX_ROW_LIMIT}, not {limit}")
    if not 0 < timeout <= MAX_TIMEOUT_S:
        raise BadInput(f"the timeout must be more than 0 and at most {MAX_TIMEOUT_S:g} seconds, not {timeout:g}")
    return limit, timeout


def _require_reader(graph: Graph) -> None:
    """Never run analysts' Cypher as the embedded root user: only the reader has the database's protection."""
    if graph.embedded and graph.user != embedded.READER_USER:
        raise PeerGraphError(
            f"analysis queries run only as the read-only user {embedded.READER_USER}, not {graph.user!r}; "
            "open the graph with peergraph.store.driver.connect_reader"
        )


def _failure(exc: Exception, graph: Graph) -> PeerGraphError | Exception:
    code = getattr(exc, "code", None) or ""
    if "Security.Forbidden" in code or "Security.AuthorizationViolation" in code or "AccessMode" in code:
        return QueryFailed(
            f"the database refused the query: {graph.user} may only read ({code}); "
            "analysis queries cannot change the graph"
        )
    if isinstance(exc, nx.Neo4jError):
        message = (exc.message or "").strip() or "no detail"
        return QueryFailed(f"the database rejected the query ({code or type(exc).__name__}): {message}")
    return translate(exc, graph.uri)


def terminate(graph: Graph, tag: str) -> list[str]:
    """Terminate this user's running transactions whose query text carries `tag`; their ids.

    Auto-commit statements on a fresh session (the worker's connection is busy): both stores accept
    SHOW/TERMINATE TRANSACTIONS there, and a user may terminate its own transactions.
    """
    with graph.driver.session(database=graph.database) as session:
        rows = session.run("SHOW TRANSACTIONS").data()
        ids = [
            r["transactionId"] for r in rows
            if tag in (r.get("currentQuery") or "") and "SHOW TRANSACTIONS" not in (r.get("currentQuery") or "")
        ]
        if ids:
            session.run("TERMINATE TRANSACTIONS $ids", parameters(ids=ids)).consume()
    return ids


class _Worker(threading.Thread):
    """Runs one query in a READ transaction, streaming rows up to the budget."""

    def __init__(self, graph: Graph, text: str, params: dict[str, Any], limit: int, timeout: float, tag: str):
        super().__init__(name="peergraph-analysis-query", daemon=True)
        self.graph, self.text, self.params = graph, text, params
        self.limit, self.timeout, self.tag = limit, timeout, tag
        self.columns: list[str] = []
        self.rows: list[dict[str, Any]] = []
        self.truncated = False
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # handed to the caller's thread, which decides what it means
            if not self.truncated:  # after the row budget, errors come from stopping the rest: the rows stand
                self.error = exc

    def _run(self) -> None:
        g = self.graph
        fetch = min(self.limit + 1, 1000)
        with g.driver.session(database=g.database, default_access_mode=neo4j.READ_ACCESS, fetch_size=fetch) as session:
            tx = session.begin_transaction(timeout=self.timeout)
            try:
                result = tx.run(self.text, parameters(self.params))
                self.columns = list(result.keys())
                for record in result:
                    if len(self.rows) == self.limit:
                        self.truncated = True
                        break
                    self.rows.append(record.data())
                if self.truncated:
                    # Closing now would make the server compute every remaining row: stop it instead.
                    _quietly(terminate, g, self.tag)
                else:
                    # Commit, not roll back: the embedded server checks the reader's permissions when a
                    # transaction commits (a SET is refused there), so a write that slipped through fails loudly.
                    tx.commit()
            finally:
                _quietly(tx.close) if self.truncated else tx.close()


def _quietly(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except Exception as exc:  # stopping is best effort; the query's own outcome is already decided
        log.debug("while stopping a query: %s", exc)
        return None


def execute(
    graph: Graph,
    text: str,
    params: dict[str, Any] | None = None,
    *,
    limit: int | None = None,
    timeout: float | None = None,
) -> RunResult:
    """Run `text` within the budgets, read-only as far as the database is concerned. No guard: callers
    use `run_text`/`run_saved`; this path exists on its own so the database's defence can be tested alone."""
    limit, timeout = check_budgets(limit, timeout)
    _require_reader(graph)
    tag = TAG_PREFIX + secrets.token_hex(8)
    worker = _Worker(graph, f"/* {tag} */ {text}", dict(params or {}), limit, timeout, tag)
    started = time.monotonic()
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        stop_by = time.monotonic() + STOP_GRACE_S
        stopped: list[str] = []
        while worker.is_alive() and time.monotonic() < stop_by:
            stopped += _quietly(terminate, graph, tag) or []
            worker.join(0.5)
        log.info("query %s stopped at its %g s budget (terminated %s)", tag, timeout, stopped or "nothing")
        raise BudgetExceeded(
            f"stopped after {timeout:g} s (the time budget): bound the paths, add WHERE or LIMIT, "
            "or raise --timeout" + ("" if not worker.is_alive() else "; the server may still be finishing it")
        )
    if worker.error is not None:
        exc = worker.error
        code = getattr(exc, "code", None) or ""
        if "TransactionTimedOut" in code or "Transaction.Terminated" in code:
            raise BudgetExceeded(f"stopped after {timeout:g} s (the time budget) by the server ({code})") from None
        raise _failure(exc, graph) from exc
    return RunResult(worker.columns, worker.rows, worker.truncated, time.monotonic() - started, limit)


def run_text(graph: Graph, text: str, params: dict[str, Any] | None = None, *,
             limit: int | None = None, timeout: float | None = None) -> RunResult:
    """A free-text query: guarded, then executed within the budgets."""
    guard.check(text)
    return execute(graph, text, params, limit=limit, timeout=timeout)


def run_saved(graph: Graph, name: str, given: dict[str, Any] | None = None, *,
              limit: int | None = None, timeout: float | None = None) -> RunResult:
    """A saved analysis query by name, parameters checked against its header and defaults filled in."""
    query = catalog.get(name)
    if query.mode != "read":
        raise guard.QueryRefused(f"refused: {query.short_name} is declared Mode: {query.mode}; only reads run here")
    params = catalog.bind(query, dict(given or {}))
    return run_text(graph, query.text, params, limit=limit, timeout=timeout)
