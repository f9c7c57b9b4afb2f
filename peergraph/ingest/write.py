"""The one place ingest writes: a batch's rows, each kind by one `UNWIND ... MERGE` query from
cypher/ingest/, all in one explicit write transaction. A batch is therefore all-or-nothing: a killed
run leaves only whole batches behind, and its SourceRecords are the checkpoint a rerun skips.

Author bridges join stored authors in the same transaction: what each joined author holds is read
first and kept in its MergeDecision's snapshot (for `merges undo`), then its edges move.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from peergraph.cypher_files import load
from peergraph.store.driver import Graph, parameters

# Order matters: edges MATCH the nodes written before them.
ORDER = (
    "new_source_records",
    "source_records",
    "new_papers",
    "papers",
    "author_joins",
    "authors",
    "new_author_sources",
    "author_sources",
    "new_authored",
    "authored",
    "topic_nodes",
    "new_topics",
    "topics",
    "venue_nodes",
    "new_venues",
    "venues",
    "institutions",
    "new_institution_sources",
    "institution_sources",
    "versions",
    "citations",
    "new_merge_decisions",
    "merge_decisions",
)


STATEMENT = {"new_source_records": "ingest/create_source_records", "new_papers": "ingest/create_papers",
             "new_topics": "ingest/create_topic_edges", "new_venues": "ingest/create_venue_edges",
             "new_author_sources": "ingest/create_author_sources",
             "new_authored": "ingest/create_authored", "new_institution_sources": "ingest/create_institution_sources",
             "new_merge_decisions": "ingest/create_merge_decisions"}


@dataclass
class BatchWrite:
    # Nodes and edges that cannot exist yet are created, the others merged (fresh_edges.py).
    new_source_records: list[dict[str, Any]] = field(default_factory=list)
    source_records: list[dict[str, Any]] = field(default_factory=list)
    new_papers: list[dict[str, Any]] = field(default_factory=list)
    papers: list[dict[str, Any]] = field(default_factory=list)
    author_joins: list[dict[str, Any]] = field(default_factory=list)
    authors: list[dict[str, Any]] = field(default_factory=list)
    new_author_sources: list[dict[str, Any]] = field(default_factory=list)
    author_sources: list[dict[str, Any]] = field(default_factory=list)
    new_authored: list[dict[str, Any]] = field(default_factory=list)
    authored: list[dict[str, Any]] = field(default_factory=list)
    topic_nodes: list[dict[str, Any]] = field(default_factory=list)
    new_topics: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    venue_nodes: list[dict[str, Any]] = field(default_factory=list)
    new_venues: list[dict[str, Any]] = field(default_factory=list)
    venues: list[dict[str, Any]] = field(default_factory=list)
    institutions: list[dict[str, Any]] = field(default_factory=list)
    new_institution_sources: list[dict[str, Any]] = field(default_factory=list)
    institution_sources: list[dict[str, Any]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    new_merge_decisions: list[dict[str, Any]] = field(default_factory=list)
    merge_decisions: list[dict[str, Any]] = field(default_factory=list)

    def rows(self) -> list[tuple[str, list[dict[str, Any]]]]:
        return [(kind, getattr(self, kind)) for kind in ORDER if getattr(self, kind)]

    def release(self) -> None:
        """Empty every row once the batch has committed. The driver's results hold their parameters in
        reference cycles that only a full garbage collection frees, and ingest makes those rare
        (pipeline.fewer_collections): emptied, a committed batch's rows are freed at once."""
        for _, rows in self.rows():
            for row in rows:
                row.clear()
            rows.clear()


# Parts of a stored author's snapshot: what it had, and what the kept author already had of the same kind
# (an edge both had stays with the kept author when the bridge is undone).
SHARED = {"affiliated": "kept_institutions", "follows": "kept_follows", "vouches": "kept_vouches",
          "claims": "kept_claims", "invites": "kept_invites"}


def bridge_snapshots(batch: BatchWrite, held: list[dict[str, Any]]) -> dict[str, str]:
    """Each author-bridge decision's snapshot: what the plan recorded (the joined author's node and this
    batch's mentions of it), completed with what the store held for it (`held`: rows of
    author_join_snapshot.cypher) and this batch's affiliations of its mentions. Each edge says whether
    the kept author had it too, so undo leaves those in place."""
    rows = {r["joined"]: r for r in held}
    out: dict[str, str] = {}
    for d in batch.merge_decisions:
        if d["kind"] != "author-bridge":
            continue
        snap = json.loads(d["snapshot"])
        row = rows.get(d["target_uid"]) or {"stored": False, "props": {}, "authored": [], "derived": [],
                                           **{k: [] for k in (*SHARED, *SHARED.values())}}
        records = {m["record"] for m in snap["derived"]}
        kept_batch = {r["uid"] for r in batch.institutions if r["author"] == d["entity_uid"] and r["record"] not in records}
        batch_affiliated = [
            {"institution": r["uid"], "props": {"source": r["source"], "year": r["year"], "status": "inferred"}}
            for r in batch.institutions if r["author"] == d["entity_uid"] and r["record"] in records
        ]
        snap["author"] = {**snap["author"], **{k: v for k, v in row["props"].items() if not k.startswith("context_")}}
        snap["authored"] = row["authored"] + snap["authored"]
        snap["derived"] = row["derived"] + snap["derived"]
        for kind, kept_kind in SHARED.items():
            items = row[kind] + (batch_affiliated if kind == "affiliated" else [])
            kept = set(row[kept_kind]) | (kept_batch if kind == "affiliated" else set())
            snap[kind] = [{"item": i, "shared": (i["institution"] if kind == "affiliated" else i) in kept} for i in items]
        out[d["uid"]] = json.dumps(snap, ensure_ascii=False, sort_keys=True)
    return out


def write_batch(graph: Graph, batch: BatchWrite, chunk: int = 5000) -> None:
    """Write every row of `batch` in one transaction (retried whole by the driver on transient errors)."""
    statements = [(kind, load(STATEMENT.get(kind, f"ingest/write_{kind}")), rows) for kind, rows in batch.rows()]
    kept = {j["joined"]: j["kept"] for j in batch.author_joins}
    snapshots: dict[str, str] = {}
    copies: list[dict[str, Any]] = []  # rows made here: emptied once committed, as BatchWrite.release does

    def work(tx: ManagedTransaction) -> None:
        for kind, cypher, rows in statements:
            if kind == "author_joins":
                rows = [dict(r) for r in tx.run(load("ingest/author_join_snapshot"), parameters(rows=rows))]
                snapshots.update(bridge_snapshots(batch, rows))
                rows = [{"joined": r["joined"], "kept": kept[r["joined"]]} for r in rows if r["stored"]]
            elif kind == "merge_decisions" and batch.author_joins:
                rows = [{**d, "snapshot": snapshots.get(d["uid"], d["snapshot"])} for d in rows]
                copies.extend(rows)
            for start in range(0, len(rows), chunk):
                tx.run(cypher, parameters(rows=rows[start : start + chunk])).consume()

    graph.write_tx(work)
    for row in copies:
        row.clear()
