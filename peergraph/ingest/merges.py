"""`peergraph merges show|undo`: why an entity is what it is, and how to split a wrong merge.

`show` lists the SourceRecords an entity derives from and every MergeDecision about it (score,
method, reasons). `undo` splits one decision back apart in one transaction: the record (or author
mention) becomes its own entity again, with the edges it asserted itself, and the decision is kept,
marked undone.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from peergraph.cypher_files import load
from peergraph.errors import PeerGraphError
from peergraph.ingest.block import title_blocks
from peergraph.ingest.keys import abstract_key, name_key, title_key
from peergraph.ingest.match_authors import coauthor_key
from peergraph.ingest.plan_authors import author_uid
from peergraph.ingest.plan_papers import paper_uid
from peergraph.store.driver import Graph


class MergeNotFound(PeerGraphError):
    pass


@dataclass(frozen=True)
class Explanation:
    uid: str
    labels: list[str]
    props: dict[str, Any]
    records: list[dict[str, Any]]
    decisions: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "labels": self.labels,
            "properties": self.props,
            "source_records": self.records,
            "decisions": self.decisions,
        }


def show(graph: Graph, uid: str) -> Explanation:
    rows = graph.read(load("ingest/merges_entity"), {"uid": uid})
    decisions = graph.read(load("ingest/merges_decisions"), {"uid": uid})
    if not rows and not decisions:
        raise MergeNotFound(f"no entity or merge decision with uid {uid!r}; `peergraph stats` lists what exists")
    row: dict[str, Any] = rows[0] if rows else {"labels": ["MergeDecision"], "props": {}, "records": []}
    props = {k: v for k, v in row["props"].items() if not k.endswith("_key") and k != "abstract"}
    return Explanation(uid, row["labels"], props, row["records"], decisions)


@dataclass(frozen=True)
class UndoResult:
    decision: str
    kind: str
    kept_uid: str  # the entity the record had been merged into
    restored_uid: str  # the entity the record (or mention) is again


def _paper_props(snapshot: dict[str, Any], taken: dict[str, Any]) -> dict[str, Any]:
    tkey = title_key(snapshot.get("title"))
    blocks = title_blocks(tkey)
    props: dict[str, Any] = {
        k: snapshot.get(k)
        for k in ("title", "abstract", "year", "date", "type", "arxiv_version", "keywords", "comment")
        if snapshot.get(k) is not None
    }
    # An identifier the merged paper also holds stays there: identifiers are unique in the graph.
    for k in ("doi", "arxiv_id", "openalex_id"):
        if snapshot.get(k) and snapshot[k] != taken.get(k):
            props[k] = snapshot[k]
    props.update(
        title_key=tkey or None,
        title_head_key=blocks.head if blocks else None,
        title_tail_key=blocks.tail if blocks else None,
        title_long_key=blocks.longest if blocks else None,
        abstract_key=abstract_key(snapshot.get("abstract")) or None,
    )
    return {k: v for k, v in props.items() if v is not None}


def undo(graph: Graph, decision_uid: str) -> UndoResult:
    rows = [d for d in graph.read(load("ingest/merges_decisions"), {"uid": decision_uid}) if d["uid"] == decision_uid]
    if not rows:
        raise MergeNotFound(f"no merge decision {decision_uid!r}; `peergraph merges show UID` lists an entity's")
    d = rows[0]
    if d["undone"]:
        raise PeerGraphError(f"merge decision {decision_uid} is already undone")
    kind, entity, record = d["kind"], d["entity_uid"], d["source_record_uid"]
    snapshot = json.loads(d["snapshot"]) if d["snapshot"] else {}
    if kind == "paper":
        held = graph.read(load("ingest/paper_identifiers"), {"uid": entity})
        restored = paper_uid(record)
        params = {"entity_uid": entity, "new_uid": restored, "record_uid": record,
                  "props": _paper_props(snapshot, held[0] if held else {})}
        steps = [
            ("ingest/undo_paper_node", params),
            ("ingest/undo_paper_authored", {k: params[k] for k in ("entity_uid", "new_uid", "record_uid")}),
            ("ingest/undo_paper_topics", {k: params[k] for k in ("entity_uid", "new_uid", "record_uid")}),
        ]
        if snapshot.get("venue_uid"):
            steps.append(("ingest/undo_paper_venues", {"new_uid": restored, "venue_uid": snapshot["venue_uid"]}))
    elif kind == "author":
        restored = author_uid(record, int(d["position"]))
        key = name_key(snapshot.get("raw", ""), snapshot.get("given", ""), snapshot.get("family", ""))
        props = {
            "name": snapshot.get("raw", ""),
            "given": snapshot.get("given") or key.given.title(),
            "family": snapshot.get("family") or key.family.title(),
            "initials": key.initials.upper(),
            "name_key": key.block,
            "full_key": coauthor_key(key),
            "name_variants": [snapshot.get("raw", "")],
            "verification_level": "L0",
        }
        steps = [
            (
                "ingest/undo_author",
                {"entity_uid": entity, "new_uid": restored, "props": props, "paper_uid": d["target_uid"],
                 "record_uid": record, "role": f"author#{d['position']}"},
            )
        ]
    elif kind == "version":
        restored = d["target_uid"]
        steps = [("ingest/undo_version", {"preprint": entity, "published": d["target_uid"]})]
    else:
        raise PeerGraphError(f"merge decision {decision_uid} has unknown kind {kind!r}")
    steps.append(("ingest/undo_mark", {"uid": decision_uid, "at": time.time()}))

    def work(tx: ManagedTransaction) -> None:
        for name, p in steps:
            tx.run(load(name), p).consume()

    graph.write_tx(work)
    return UndoResult(decision_uid, kind, entity, restored)
