"""The one place ingest writes: a batch's rows, each kind by one `UNWIND ... MERGE` query from
cypher/ingest/, all in one explicit write transaction. A batch is therefore all-or-nothing: a killed
run leaves only whole batches behind, and its SourceRecords are the checkpoint a rerun skips.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from peergraph.cypher_files import load
from peergraph.store.driver import Graph

# Order matters: edges MATCH the nodes written before them.
ORDER = (
    "source_records",
    "papers",
    "authors",
    "author_sources",
    "authored",
    "topics",
    "venues",
    "institutions",
    "versions",
    "citations",
    "merge_decisions",
)


@dataclass
class BatchWrite:
    source_records: list[dict[str, Any]] = field(default_factory=list)
    papers: list[dict[str, Any]] = field(default_factory=list)
    authors: list[dict[str, Any]] = field(default_factory=list)
    author_sources: list[dict[str, Any]] = field(default_factory=list)
    authored: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    venues: list[dict[str, Any]] = field(default_factory=list)
    institutions: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    merge_decisions: list[dict[str, Any]] = field(default_factory=list)

    def rows(self) -> list[tuple[str, list[dict[str, Any]]]]:
        return [(kind, getattr(self, kind)) for kind in ORDER if getattr(self, kind)]


def write_batch(graph: Graph, batch: BatchWrite, chunk: int = 5000) -> None:
    """Write every row of `batch` in one transaction (retried whole by the driver on transient errors)."""
    statements = [(load(f"ingest/write_{kind}"), rows) for kind, rows in batch.rows()]

    def work(tx: ManagedTransaction) -> None:
        for cypher, rows in statements:
            for start in range(0, len(rows), chunk):
                tx.run(cypher, rows=rows[start : start + chunk]).consume()

    graph.write_tx(work)
