"""Re-key the venues an older venue rule named: `db migrate` (and so every ingest) gives each stored
Venue the name and key the ingest would give it now, so a new ingest meets the venue it already holds.

Since venues are named by their series (`venues.venue_series`: "ISNN (1)" and "ISNN (2)" are "ISNN"), a
graph written before holds one Venue per volume or edition, and its Authors list those old keys in
`context_venues`. `plan` (pure) works out which venues change uid; `rekey_venues` moves each one's
papers (and its record, when the new venue has none) to the new venue, deletes it, and renames the keys
in authors' context and the venue uids in paper merge snapshots, all in one transaction. Only venues
the pipeline made (uid = `venue_uid(name_key)`) are re-keyed; a venue written by hand with another uid
is left as it is. A second run finds nothing to do."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from peergraph.cypher_files import load
from peergraph.ingest.venues import from_field, paper_type_of, venue_uid
from peergraph.store.driver import Graph, parameters


@dataclass(frozen=True)
class Rekey:
    """One stored venue (`old`, `old_key`) and the venue the ingest would now make of its name."""

    old: str
    old_key: str
    uid: str
    name: str
    name_key: str
    kind: str


def plan(venues: Iterable[Mapping[str, Any]]) -> list[Rekey]:
    """The venues, of rows {uid, name, name_key, kind}, whose uid the current venue rule changes."""
    out: list[Rekey] = []
    for v in venues:
        name, key, uid = v.get("name"), v.get("name_key"), v.get("uid")
        if not name or not key or uid != venue_uid(key):
            continue
        ref = from_field(name, paper_type_of(v.get("kind")))
        if ref is None or venue_uid(ref.name_key) == uid:
            continue
        out.append(Rekey(uid, key, venue_uid(ref.name_key), ref.name, ref.name_key, ref.kind))
    return out


def rekey_venues(graph: Graph) -> int:
    """Re-key the stored venues `plan` finds; the number re-keyed (0 when the store is up to date)."""
    rekeys = plan(graph.read(load("store/venues")))
    if not rekeys:
        return 0
    rows = [{"old": r.old, "uid": r.uid, "name": r.name, "name_key": r.name_key, "kind": r.kind} for r in rekeys]
    steps: list[tuple[str, dict[str, Any]]] = [
        ("store/rekey_venue_papers", {"rows": rows}),
        ("store/rekey_venue_sources", {"rows": [{"old": r.old, "uid": r.uid} for r in rekeys]}),
        ("store/rekey_venue_delete", {"olds": [r.old for r in rekeys]}),
        ("store/rekey_venue_authors", {"keys": {r.old_key: r.name_key for r in rekeys}}),
        ("store/rekey_venue_decisions", {"uids": {r.old: r.uid for r in rekeys}}),
    ]

    def work(tx: ManagedTransaction) -> None:
        for name, params in steps:
            tx.run(load(name), parameters(params)).consume()

    graph.write_tx(work)
    return len(rekeys)
