"""The one seam where Neo4j 5 and the embedded ArcadeDB server differ.

Everything else in PeerGraph is the same Cypher on both. Known differences (the schema ones covered by
tests/test_store_schema.py, the query ones by tests/test_analysis_runner.py):

- Re-creating an existing constraint or index: Neo4j answers
  `Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists`, ArcadeDB
  `ConstraintWithNameAlreadyExists` (this is what breaks neomodel's `install_all_labels` on its
  second run there). `IF NOT EXISTS` avoids both; `is_already_exists` recognises both.
- Neo4j's `CREATE FULLTEXT INDEX` syntax is refused by ArcadeDB: PeerGraph's search does not rely
  on full-text indexes (it ranks candidates from range/text indexes with rapidfuzz instead).
- The embedded server does not enforce the driver's READ access mode: read-only execution there
  relies on a database user whose group may only read (`store.embedded.READER_USER`). That user's
  CREATE, MERGE, DELETE, FOREACH-with-CREATE and LOAD CSV fail when run; SET and REMOVE appear to
  succeed inside the transaction (the rows show the change) and fail with Security.Forbidden at
  COMMIT: a reader must commit, never just roll back, to see the refusal (`analysis.runner` does).
- Stopping a runaway query (measured on arcadedb-embedded 26.10.2, `MATCH p=(a)-[:CITES*1..8]-(b)
  RETURN count(p)` over 30 ten-paper citation cliques): the server ignores the driver's transaction
  timeout (`unit_of_work(timeout=)`), and closing or killing the client connection does NOT stop the
  work: the server keeps one core busy until the query ends on its own (minutes), although the store
  stays usable for other connections meanwhile. Closing a partly read result is no escape either: the
  driver discards the rest, and the server computes all of it first. What stops the work at once (CPU
  back to idle within a second, store fine afterwards) is `TERMINATE TRANSACTIONS $ids` from another
  session; `SHOW TRANSACTIONS` lists the caller's own transactions with their query text, and the
  read-only user may terminate its own. `analysis.runner` tags each query with a comment and
  terminates it by tag at its deadline or row budget (tests/test_analysis_runner.py, and
  bench/analysis_budget.py for the figures). On Neo4j the transaction timeout is enforced by the
  server and the same two commands exist.
- `elementId()` formats differ: PeerGraph only ever exposes `uid`.
- A read is not isolated from a concurrent transaction that deletes nodes: a read that reaches a node
  deleted meanwhile fails with `Neo.ClientError.Statement.EntityNotFound` (seen when ingest looks up
  batch N+1 while batch N's write joins two authors and deletes one). Neo4j's reads see a consistent
  state. `is_concurrent_delete_race` recognises the error; ingest then waits for its in-flight write to
  commit and reads again (`ingest.lookups`); it shows only under load (bench/ingest_throughput.py at 30k+).
"""

from __future__ import annotations

ALREADY_EXISTS_CODES = (
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
    "ConstraintWithNameAlreadyExists",
    "IndexWithNameAlreadyExists",
)


def is_already_exists(exc: BaseException) -> bool:
    """True when `exc` says a schema rule already exists, in either store's words."""
    code = getattr(exc, "code", None) or ""
    text = f"{code} {exc}"
    return any(marker in text for marker in ALREADY_EXISTS_CODES)


def enforces_read_access_mode(kind: str) -> bool:
    """Whether the server itself refuses writes inside a READ-mode transaction."""
    return kind != "embedded-arcadedb"


ENTITY_NOT_FOUND = "Neo.ClientError.Statement.EntityNotFound"


def is_concurrent_delete_race(exc: BaseException) -> bool:
    """True when a read failed because a concurrent transaction deleted a node it reached."""
    return getattr(exc, "code", None) == ENTITY_NOT_FOUND
