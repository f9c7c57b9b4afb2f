"""`db migrate` re-keys venues written before a venue was named by its series ("ISNN (1)" -> "ISNN"):
the volumes of one series become one Venue with all their papers, and authors' venue evidence follows."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from peergraph.cypher_files import load
from peergraph.ingest.keys import text_key
from peergraph.ingest.pipeline import ingest_records
from peergraph.ingest.records import PaperRecord, Provenance
from peergraph.ingest.venues import venue_uid
from peergraph.store.driver import Graph
from peergraph.store.migrate import migrate
from peergraph.store.rekey_venues import Rekey, plan

ISNN = venue_uid("isnn")


def old_venue(name: str, kind: str = "conference") -> dict[str, str]:
    """A Venue as the ingest named it before: the venue field as given, keyed by all of it."""
    return {"uid": venue_uid(text_key(name)), "name": name, "name_key": text_key(name), "kind": kind}


def test_plan_names_each_volume_by_its_series_and_leaves_current_and_hand_made_venues() -> None:
    volume_1, volume_2 = old_venue("ISNN (1)"), old_venue("ISNN (2)")
    assert volume_1["name_key"] == "isnn 1"
    current = {"uid": ISNN, "name": "ISNN", "name_key": "isnn", "kind": "conference"}
    by_hand = {"uid": "v_jc", "name": "Journal of Computing 2008", "name_key": "journal of computing 2008",
               "kind": "journal"}
    journal = old_venue("Neural Networks - Volume 02", "journal")
    assert plan([volume_1, volume_2, current, by_hand, journal]) == [
        Rekey(volume_1["uid"], "isnn 1", ISNN, "ISNN", "isnn", "conference"),
        Rekey(volume_2["uid"], "isnn 2", ISNN, "ISNN", "isnn", "conference"),
        Rekey(journal["uid"], "neural networks volume 02", venue_uid("neural networks"), "Neural Networks",
              "neural networks", "journal"),
    ]


def write_old_graph(graph: Graph) -> None:
    """Three papers, the third in both volumes of ISNN, written with the old venue names; an author whose
    venue evidence holds the old keys; a paper merge decision that remembers the first volume."""
    graph.write("UNWIND ['sr-1', 'sr-2', 'sr-3'] AS uid CREATE (:SourceRecord {uid: uid, source: 'dblp', "
                "record_id: uid, payload_hash: uid, fetched_at: 1.0}) "
                "CREATE (:Paper {uid: 'p' + substring(uid, 2), title: 'Paper ' + uid}) RETURN count(*) AS n")
    rows = [{**old_venue("ISNN (1)"), "paper": "p-1", "record": "sr-1"},
            {**old_venue("ISNN (2)"), "paper": "p-2", "record": "sr-2"},
            {**old_venue("ISNN (1)"), "paper": "p-3", "record": "sr-3"},
            {**old_venue("ISNN (2)"), "paper": "p-3", "record": "sr-3"}]
    graph.write(load("ingest/write_venue_nodes"), {"rows": [rows[0], rows[1]]})
    graph.write(load("ingest/write_venues"), {"rows": rows})
    graph.write("CREATE (:Author {uid: 'a-1', name: 'Jun Wang', context_venues: $keys}) RETURN 1 AS ok",
                {"keys": ["isnn 2", "neural computation", "isnn 1"]})
    snapshot = json.dumps({"title": "Paper sr-3", "venue_uid": old_venue("ISNN (1)")["uid"]})
    graph.write("CREATE (:MergeDecision {uid: 'md-1', kind: 'paper', entity_uid: 'p-1', "
                "source_record_uid: 'sr-3', snapshot: $snapshot, undone: false}) RETURN 1 AS ok",
                {"snapshot": snapshot})


def venues(graph: Graph) -> list[dict[str, object]]:
    return graph.read(
        "MATCH (v:Venue) "
        "RETURN v.uid AS uid, v.name AS name, v.name_key AS name_key, v.kind AS kind, "
        "COUNT { (v)-[:DERIVED_FROM]->(:SourceRecord) } AS records, "
        "COUNT { (:Paper)-[:PUBLISHED_IN]->(v) } AS edges, "
        "[(p:Paper)-[:PUBLISHED_IN]->(v) | p.uid] AS papers ORDER BY uid")


def test_migrate_makes_the_volumes_of_a_series_one_venue(empty_graph: Graph) -> None:
    write_old_graph(empty_graph)
    assert len(venues(empty_graph)) == 2

    assert migrate(empty_graph).venues_rekeyed == 2

    [isnn] = venues(empty_graph)
    assert sorted(isnn.pop("papers")) == ["p-1", "p-2", "p-3"]  # type: ignore[call-overload]
    # p-3 was in both volumes: it is published in ISNN once; the venue derives from one record.
    assert isnn == {"uid": ISNN, "name": "ISNN", "name_key": "isnn", "kind": "conference", "records": 1, "edges": 3}
    author = empty_graph.read("MATCH (a:Author {uid: 'a-1'}) RETURN a.context_venues AS keys")[0]
    assert author["keys"] == ["isnn", "neural computation"]
    decision = empty_graph.read("MATCH (d:MergeDecision {uid: 'md-1'}) RETURN d.snapshot AS s")[0]
    assert json.loads(decision["s"])["venue_uid"] == ISNN

    before = (venues(empty_graph), author)
    assert migrate(empty_graph).venues_rekeyed == 0
    after = (venues(empty_graph),
             empty_graph.read("MATCH (a:Author {uid: 'a-1'}) RETURN a.context_venues AS keys")[0])
    assert after == before


def test_old_volumes_join_a_venue_the_new_rule_already_made(empty_graph: Graph) -> None:
    # A graph ingested partly before and partly after the change holds "ISNN (1)" and "ISNN" side by side.
    write_old_graph(empty_graph)
    ingest_records(empty_graph, [PaperRecord(provenance=Provenance("dblp", "new-1", "h1"),
                                             title="Recurrent Networks for Control", venue="ISNN (3)",
                                             type="conference", year=2009)])
    assert {v["name"] for v in venues(empty_graph)} == {"ISNN (1)", "ISNN (2)", "ISNN"}

    assert migrate(empty_graph).venues_rekeyed == 2

    [isnn] = venues(empty_graph)
    assert (isnn["uid"], isnn["records"], isnn["edges"]) == (ISNN, 1, 4)


def test_a_migrated_graph_ingests_a_volume_into_its_venue(empty_graph: Graph) -> None:
    write_old_graph(empty_graph)
    migrate(empty_graph)
    ingest_records(empty_graph, [PaperRecord(provenance=Provenance("dblp", "new-2", "h2"),
                                             title="Spiking Networks for Vision", venue="ISNN (2)",
                                             type="conference", year=2009)])
    [isnn] = venues(empty_graph)
    assert (isnn["uid"], isnn["edges"]) == (ISNN, 4)


def test_db_migrate_prints_how_many_venues_it_re_keyed(empty_graph: Graph) -> None:
    write_old_graph(empty_graph)
    outputs = [subprocess.run([sys.executable, "-m", "peergraph", "db", "migrate"], capture_output=True, text=True,
                              env=dict(os.environ), timeout=120, check=True).stdout for _ in range(2)]
    assert "2 venues re-keyed" in outputs[0]
    assert "re-keyed" not in outputs[1]
