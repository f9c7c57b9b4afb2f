"""`peergraph merges show|undo`: why an entity is what it is, and how to split a wrong merge.

`show` lists the SourceRecords an entity derives from and every MergeDecision about it (score,
method, reasons), author bridges included. `undo` splits one decision back apart in one transaction:
the record (or author mention) becomes its own entity again, with the edges it asserted itself, and
a paper gives back the identifiers and title it took from the record (`given_back`); an author
bridge gives the joined author back its uid, properties and edges from the decision's snapshot. The
decision is kept, marked undone.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from peergraph.cypher_files import load
from peergraph.errors import PeerGraphError
from peergraph.ingest.block import title_properties
from peergraph.ingest.keys import abstract_key, name_key, title_key
from peergraph.ingest.plan_authors import author_uid, name_props
from peergraph.ingest.plan_papers import IDS, paper_uid
from peergraph.store.driver import Graph, parameters


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
    props: dict[str, Any] = {
        k: snapshot.get(k)
        for k in ("title", "abstract", "year", "date", "type", "arxiv_version", "keywords", "comment")
        if snapshot.get(k) is not None
    }
    # An identifier the merged paper also holds stays there: identifiers are unique in the graph.
    for k in ("doi", "arxiv_id", "openalex_id"):
        if snapshot.get(k) and snapshot[k] != taken.get(k):
            props[k] = snapshot[k]
    props.update(title_properties(tkey), abstract_key=abstract_key(snapshot.get("abstract")) or None)
    return {k: v for k, v in props.items() if v is not None}


@dataclass(frozen=True)
class GivenBack:
    """What a paper gives back when a record merged into it is split off again."""

    cleared: tuple[str, ...]  # identifiers it loses to the record's own paper
    retitle: bool  # whether its title changes
    title: dict[str, Any]  # the title it keeps instead (None: no title), with its blocking keys


def given_back(snapshot: dict[str, Any], held: dict[str, Any], others: list[dict[str, Any]]) -> GivenBack:
    """What the paper took from the record (`snapshot["filled"]`: it had no such identifier or title
    before) and still holds, unless another record still merged into it (`others`, oldest first)
    carries the same value: an identifier goes back to the record's own paper, the title is replaced
    by the oldest other record's title, or none. A decision made before ingest kept `filled` gives
    nothing back."""
    filled = set(snapshot.get("filled") or ())
    cleared = tuple(
        k for k in IDS
        if k in filled and snapshot.get(k) and held.get(k) == snapshot[k] and all(o.get(k) != snapshot[k] for o in others)
    )
    retitle = bool("title" in filled and snapshot.get("title") and held.get("title") == snapshot["title"]
                   and all(o.get("title") != snapshot["title"] for o in others))
    title = next((o["title"] for o in others if o.get("title")), None) if retitle else None
    return GivenBack(cleared, retitle, {"title": title, **title_properties(title_key(title))})


def identifiers_back(snapshot: dict[str, Any], held: dict[str, Any], others: list[dict[str, Any]]) -> tuple[str, ...]:
    """The identifiers ("orcid", "openalex_id") an author gives back when a mention merged into it is
    split off: those it took from the mention (`snapshot["orcid_back"]`: it had none) and still holds,
    unless another mention or bridged author still part of it (`others`: their decisions' snapshots)
    carries the same one. A decision made before ingest kept the flags gives nothing back."""
    return tuple(
        key for key, flag in (("orcid", "orcid_back"), ("openalex_id", "openalex_back"))
        if snapshot.get(flag) and snapshot.get(key) and held.get(key) == snapshot[key]
        and all(_part(o).get(key) != snapshot[key] for o in others)
    )


def _part(other: dict[str, Any]) -> dict[str, Any]:
    """What another decision's snapshot made part of the author: a mention (its snapshot itself) or a
    bridged author (its node as it was)."""
    return other if "raw" in other else other.get("author") or {}


def _bridge_steps(kept: str, joined: str, snap: dict[str, Any]) -> list[Step]:
    """Split an author bridge: the joined author again, with the edges its snapshot lists."""
    author = dict(snap.get("author") or {})
    if "variants" in author:  # planned in node_row form
        author["name_variants"] = author.pop("variants")
    props = {"verification_level": "L0", "open_to_collaborate": False,
             **{k: v for k, v in author.items() if v is not None and k != "uid"}}
    if not snap.get("orcid_back"):
        props.pop("orcid", None)  # the kept author had it too: identifiers stay unique
    if not snap.get("openalex_back"):
        props.pop("openalex_id", None)

    def flat(kind: str) -> list[dict[str, Any]]:
        return [{"uid": e["item"], "shared": e["shared"]} for e in snap.get(kind, [])]

    return [
        ("ingest/undo_bridge_author", {
            "kept": kept, "joined": joined, "props": props, "orcid_back": bool(snap.get("orcid_back")),
            "openalex_back": bool(snap.get("openalex_back")), "variants_back": snap.get("variants_back", []),
            "kept_name": snap.get("kept_name"), "joined_name": author.get("name", ""),
        }),
        ("ingest/undo_bridge_edges", {
            "kept": kept, "joined": joined, "authored": snap.get("authored", []), "derived": snap.get("derived", []),
            "affiliated": [{**e["item"], "shared": e["shared"]} for e in snap.get("affiliated", [])],
            "follows": flat("follows"), "vouches": flat("vouches"), "claims": flat("claims"),
            "invites": flat("invites"),
            "records": sorted({m["record"] for m in snap.get("derived", []) if str(m["role"]).startswith("author#")}),
        }),
    ]


Step = tuple[str, dict[str, Any]]  # a cypher/ file's name and its parameters


def undo(graph: Graph, decision_uid: str) -> UndoResult:
    rows = [d for d in graph.read(load("ingest/merges_decisions"), {"uid": decision_uid}) if d["uid"] == decision_uid]
    if not rows:
        raise MergeNotFound(f"no merge decision {decision_uid!r}; `peergraph merges show UID` lists an entity's")
    d = rows[0]
    if d["undone"]:
        raise PeerGraphError(f"merge decision {decision_uid} is already undone")
    kind, entity = d["kind"], d["entity_uid"]
    snapshot = json.loads(d["snapshot"]) if d["snapshot"] else {}
    if kind == "paper":
        restored, steps = _paper_steps(graph, d, snapshot)
    elif kind == "author":
        restored, steps = _author_steps(graph, d, snapshot)
    elif kind == "author-bridge":
        restored = d["target_uid"]
        steps = _bridge_steps(entity, restored, snapshot)
    elif kind == "version":
        restored = d["target_uid"]
        steps = [("ingest/undo_version", {"preprint": entity, "published": d["target_uid"]})]
    else:
        raise PeerGraphError(f"merge decision {decision_uid} has unknown kind {kind!r}")
    steps.append(("ingest/undo_mark", {"uid": decision_uid, "at": time.time()}))

    def work(tx: ManagedTransaction) -> None:
        for name, p in steps:
            tx.run(load(name), parameters(p)).consume()

    graph.write_tx(work)
    return UndoResult(decision_uid, kind, entity, restored)


def _others(graph: Graph, decision: dict[str, Any], kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """The snapshots of the other decisions of these kinds that made something part of the same
    entity and still stand, oldest first."""
    entity = decision["entity_uid"]
    return [json.loads(o["snapshot"]) for o in graph.read(load("ingest/merges_decisions"), {"uid": entity})
            if o["kind"] in kinds and o["entity_uid"] == entity and o["uid"] != decision["uid"]
            and not o["undone"] and o["snapshot"]]


def _paper_steps(graph: Graph, d: dict[str, Any], snapshot: dict[str, Any]) -> tuple[str, list[Step]]:
    """Split a record off the paper it was merged into: its own paper again, with what it gave."""
    entity, record = d["entity_uid"], d["source_record_uid"]
    held_rows = graph.read(load("ingest/paper_identifiers"), {"uid": entity})
    held = held_rows[0] if held_rows else {}
    given = given_back(snapshot, held, _others(graph, d, ("paper",)))
    restored = paper_uid(record)
    params = {"entity_uid": entity, "new_uid": restored, "record_uid": record,
              "props": _paper_props(snapshot, {k: v for k, v in held.items() if k not in given.cleared})}
    steps: list[Step] = [
        ("ingest/undo_paper_taken", {"entity_uid": entity, "cleared": list(given.cleared),
                                     "retitle": given.retitle, "title": given.title}),
        ("ingest/undo_paper_node", params),
        ("ingest/undo_paper_authored", {k: params[k] for k in ("entity_uid", "new_uid", "record_uid")}),
        ("ingest/undo_paper_topics", {k: params[k] for k in ("entity_uid", "new_uid", "record_uid")}),
    ]
    if snapshot.get("venue_uid"):
        steps.append(("ingest/undo_paper_venues", {"new_uid": restored, "venue_uid": snapshot["venue_uid"]}))
    return restored, steps


def _author_steps(graph: Graph, d: dict[str, Any], snapshot: dict[str, Any]) -> tuple[str, list[Step]]:
    """Split a mention off the author it was attributed to: its own author again, with the ORCID or
    OpenAlex id it brought; the author drops the mention's spelling and the fuller name it gave."""
    entity = d["entity_uid"]
    restored = author_uid(d["source_record_uid"], int(d["position"]))
    raw, given, family = snapshot.get("raw", "").strip(), snapshot.get("given") or "", snapshot.get("family") or ""
    # Keys from the name as the mention gave it; a display given/family name it lacked is read off the raw name.
    parsed = name_key(raw, given, family)
    props: dict[str, Any] = {
        **name_props(raw, given, family),
        "given": given or parsed.given.title(),
        "family": family or parsed.family.title(),
        "name_variants": [raw],
        "verification_level": "L0",
    }
    held = graph.read(load("ingest/author_identity"), {"uid": entity})
    others = _others(graph, d, ("author", "author-bridge"))
    back = identifiers_back(snapshot, held[0] if held else {}, others)
    props.update({k: snapshot[k] for k in back})
    # The spelling, and the display name it gave, stay while another part of the author spells it so.
    spelled = props["name"] in {spelling for o in others for spelling in _spellings(o)}
    return restored, [(
        "ingest/undo_author",
        {"entity_uid": entity, "new_uid": restored, "props": props, "paper_uid": d["target_uid"],
         "record_uid": d["source_record_uid"], "role": f"author#{d['position']}", "orcid_back": "orcid" in back,
         "openalex_back": "openalex_id" in back,
         "variant_back": props["name"] if snapshot.get("variant_back") and not spelled else None,
         "kept_name": None if spelled else snapshot.get("kept_name")},
    )]


def _spellings(other: dict[str, Any]) -> set[str]:
    """The spellings another decision's snapshot shows to be part of the author: a mention's, or every
    spelling of a bridged author."""
    if "raw" in other:
        return {str(other["raw"]).strip()}
    author = _part(other)
    return {str(v) for v in author.get("variants") or author.get("name_variants") or []} | {str(author.get("name") or "")}
