"""The one way to the graph: a `Graph` holding the official neo4j driver.

Every read and write in PeerGraph, in every mode, goes through `Graph.read`/`Graph.write`
(or neomodel, bound to the same driver by `bind_neomodel`). Errors from the driver are
turned into PeerGraph errors with one clear line each.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, ManagedTransaction
from neo4j import exceptions as nx

from peergraph.errors import StoreAuthError, StoreUnavailable
from peergraph.store import embedded
from peergraph.store.settings import Settings, load_settings

T = TypeVar("T")
Params = Mapping[str, Any]


@dataclass
class QueryCounter:
    """Counts round trips; tests use it to prove a request costs a bounded number of queries."""

    count: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self) -> None:
        with self.lock:
            self.count += 1


_counter_var: Any = None  # set lazily to a ContextVar to keep import cheap


def _counter() -> QueryCounter | None:
    return _counter_var.get() if _counter_var is not None else None


@contextlib.contextmanager
def count_queries() -> Iterator[QueryCounter]:
    """Count every query run by this context (thread or asyncio task) inside the block."""
    global _counter_var
    import contextvars

    if _counter_var is None:
        _counter_var = contextvars.ContextVar("peergraph_query_counter", default=None)
    counter = QueryCounter()
    token = _counter_var.set(counter)
    try:
        yield counter
    finally:
        _counter_var.reset(token)


class SizedList(list[Any]):
    """A list parameter whose repr is its size. Packstream packs it as the list it is."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<list of {len(self)}>"


def parameters(params: Params | None = None, **more: Any) -> dict[str, Any]:
    """Query parameters as the driver is given them: every list as a `SizedList`.

    The driver formats each RUN message for a debug log line whether or not anything logs at debug
    (neo4j 6.1 to 6.4, `io/_bolt5.py`: `log.debug(..., " ".join(map(repr, fields)))`), and that repr
    walks every row of a parameter. For ingest's writes it cost about half as much again as packing
    the rows, on the writer thread, holding the interpreter lock the planner needs; and had debug
    logging been on, every row's values would have gone to the log. A list's repr is now its size.
    Every query PeerGraph runs itself goes through here (neomodel's own queries do not)."""
    merged = {**(params or {}), **more}
    return {k: SizedList(v) if type(v) is list else v for k, v in merged.items()}


def translate(exc: Exception, uri: str) -> Exception:
    """A driver exception as a PeerGraph error whose message names the URI and the next step."""
    if isinstance(exc, nx.AuthError):
        return StoreAuthError(
            f"authentication to {uri} failed; check PEERGRAPH_NEO4J_USER and PEERGRAPH_NEO4J_PASSWORD"
        )
    if isinstance(exc, (nx.ServiceUnavailable, nx.SessionExpired, OSError)):
        return StoreUnavailable(f"cannot reach the graph store at {uri}; is it running? ({type(exc).__name__})")
    return exc


class Graph:
    """One driver per process, bound to one database."""

    def __init__(self, uri: str, auth: tuple[str, str], database: str, kind: str, **driver_config: Any):
        self.uri = uri
        self.database = database
        self.kind = kind
        self.user = auth[0]
        driver_config.setdefault("connection_acquisition_timeout", 10.0)
        driver_config.setdefault("max_transaction_retry_time", 5.0)
        driver_config.setdefault("connection_timeout", 5.0)
        driver_config.setdefault("notifications_min_severity", "OFF")
        try:
            self.driver = GraphDatabase.driver(uri, auth=auth, **driver_config)
        except (ValueError, nx.ConfigurationError) as exc:
            raise StoreUnavailable(f"invalid graph store URI {uri}: {exc}") from exc

    @property
    def embedded(self) -> bool:
        return self.kind == "embedded-arcadedb"

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def verify(self) -> None:
        try:
            self.driver.verify_connectivity()
            self.read("RETURN 1 AS ok")
        except Exception as exc:
            raise translate(exc, self.uri) from exc

    def _session(self, access: str) -> neo4j.Session:
        return self.driver.session(database=self.database, default_access_mode=access)

    def read_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run a (retryable, so idempotent) read transaction function."""
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except (nx.ServiceUnavailable, nx.SessionExpired, nx.AuthError, OSError) as exc:
            raise translate(exc, self.uri) from exc

    def write_tx(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run a (retryable, so idempotent) write transaction function."""
        try:
            with self._session(neo4j.WRITE_ACCESS) as session:
                return session.execute_write(work)
        except (nx.ServiceUnavailable, nx.SessionExpired, nx.AuthError, OSError) as exc:
            raise translate(exc, self.uri) from exc

    def read(self, cypher: str, params: Params | None = None, timeout: float | None = None) -> list[dict[str, Any]]:
        """Rows of a read query as dicts."""
        counter = _counter()
        if counter is not None:
            counter.add()

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [r.data() for r in tx.run(cypher, parameters(params))]

        return self.read_tx(neo4j.unit_of_work(timeout=timeout)(work) if timeout else work)

    def read_table(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]]:
        """Rows of a read query that returns them packed, as dicts: each record holds `columns` (a list
        of names) and `rows` (a list of rows, each a list in the order of `columns`), and the query
        returns only plain values (numbers, strings, lists, maps). Ingest lookups return 10^4 rows per
        batch: one record per row costs the driver a Bolt message, a Record and a dict each, and the
        server a result row each (20,000 rows: 0.36-0.54 s, packed 0.13-0.19 s). The queries pack a
        thousand rows to a record, not all of them into one: the driver's receive buffer keeps the size
        of the largest message it has seen, so one record per answer grew memory with the answers."""
        counter = _counter()
        if counter is not None:
            counter.add()

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            rows: list[dict[str, Any]] = []
            for record in tx.run(cypher, parameters(params)):
                columns = record["columns"]
                rows += [dict(zip(columns, row, strict=True)) for row in record["rows"]]
            return rows

        return self.read_tx(work)

    def write(self, cypher: str, params: Params | None = None) -> list[dict[str, Any]]:
        """Rows of a write query as dicts."""
        counter = _counter()
        if counter is not None:
            counter.add()
        return self.write_tx(lambda tx: [r.data() for r in tx.run(cypher, parameters(params))])

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts per label and relationship counts per type."""
        from peergraph.cypher_files import load

        nodes = {r["label"]: r["count"] for r in self.read(load("store/node_counts"))}
        rels = {r["type"]: r["count"] for r in self.read(load("store/relationship_counts"))}
        return {"nodes": nodes, "relationships": rels}


def connect(settings: Settings | None = None, *, start_embedded: bool = True, **driver_config: Any) -> Graph:
    """Open the graph for `settings`: the configured Neo4j, or the embedded server (started if needed)."""
    settings = settings or load_settings()
    if not settings.embedded:
        assert settings.uri is not None
        return Graph(settings.uri, (settings.user, settings.password), settings.database, settings.kind, **driver_config)
    info = embedded.running(settings.home)
    if info is None:
        if not start_embedded:
            raise StoreUnavailable(
                f"the embedded store for {settings.home} is not running; start it with `peergraph db start`"
            )
        info, _ = embedded.start(settings)
    return Graph(info.uri, ("root", embedded.root_password(settings.home)), settings.database, settings.kind, **driver_config)


def connect_reader(settings: Settings | None = None, **driver_config: Any) -> Graph:
    """A graph handle that may only read: the read-only user on the embedded store.

    On Neo4j the READ access mode of `Graph.read` is what the server enforces; there we use the
    configured user (give PeerGraph a reader role in Enterprise for a second line of defence).
    """
    settings = settings or load_settings()
    if not settings.embedded:
        return connect(settings, **driver_config)
    info = embedded.running(settings.home)
    if info is None:
        info, _ = embedded.start(settings)
    return Graph(
        info.uri,
        (embedded.READER_USER, embedded.reader_password(settings.home)),
        settings.database,
        settings.kind,
        **driver_config,
    )


def bind_neomodel(graph: Graph) -> None:
    """Point neomodel at the same driver and database (for schema-level code, never bulk writes)."""
    from neomodel import db, get_config

    get_config().database_name = graph.database
    db.set_connection(driver=graph.driver)
