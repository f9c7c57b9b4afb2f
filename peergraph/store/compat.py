"""The one seam where Neo4j 5 and the embedded ArcadeDB server differ.

Everything else in PeerGraph is the same Cypher on both. Known differences, each covered by
tests/test_store_compat.py:

- Re-creating an existing constraint or index: Neo4j answers
  `Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists`, ArcadeDB
  `ConstraintWithNameAlreadyExists` (this is what breaks neomodel's `install_all_labels` on its
  second run there). `IF NOT EXISTS` avoids both; `is_already_exists` recognises both.
- Neo4j's `CREATE FULLTEXT INDEX` syntax is refused by ArcadeDB: PeerGraph's search does not rely
  on full-text indexes (it ranks candidates from range/text indexes with rapidfuzz instead).
- The embedded server does not enforce the driver's READ access mode: read-only execution there
  relies on a database user whose group may only read (`store.embedded.READER_USER`).
- `elementId()` formats differ: PeerGraph only ever exposes `uid`.
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
