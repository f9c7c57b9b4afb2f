"""Edges onto records read for the first time are created, the others merged: a changed record read
again links exactly once, as before."""

from __future__ import annotations

from test_ingest_pipeline import rec

from peergraph.ingest.fresh_edges import split_authored, split_mentions
from peergraph.ingest.pipeline import ingest_records
from peergraph.ingest.records import AuthorRef
from peergraph.store.driver import Graph

SONG, LE = AuthorRef(raw="Xiaodan Song"), AuthorRef(raw="Quoc V. Le")


def edge(author: str, paper: str, record: str, position: int = 0) -> dict[str, object]:
    return {"author": author, "paper": paper, "position": position, "confidence": 1.0, "method": "new",
            "raw_name": "X. Song", "record": record}


def test_one_authored_row_per_author_and_paper_created_only_on_new_papers() -> None:
    rows = [edge("a-1", "p-new", "sr-1"), edge("a-1", "p-new", "sr-2", position=2), edge("a-1", "p-old", "sr-1")]
    create, merge = split_authored(rows, {"p-new"})
    # The first row gives the edge its properties; every record asserting it is kept.
    assert create == [{**{k: v for k, v in rows[0].items() if k != "record"}, "records": ["sr-1", "sr-2"]}]
    assert [(r["paper"], r["records"]) for r in merge] == [("p-old", ["sr-1"])]


def test_mentions_of_fresh_records_are_created_the_others_merged() -> None:
    sources = [{"uid": "a-1", "mentions": [{"record": "sr-new", "role": "author#0"},
                                           {"record": "sr-seen", "role": "author#1"}]}]
    create, merge = split_mentions(sources, {"sr-new"})
    assert create == [{"uid": "a-1", "mentions": [{"record": "sr-new", "role": "author#0"}]}]
    assert merge == [{"uid": "a-1", "mentions": [{"record": "sr-seen", "role": "author#1"}]}]


def test_a_record_read_again_with_a_changed_payload_links_once(empty_graph: Graph) -> None:
    first = rec("R", "Auto-scaling Vision Transformers without Training", year=2022, authors=(SONG, LE))
    ingest_records(empty_graph, [first])
    changed = rec("R", "Auto-scaling Vision Transformers without Training", year=2022, authors=(SONG, LE),
                  venue="ICLR")
    report = ingest_records(empty_graph, [changed])
    assert report.unchanged == 0 and report.merged_papers == 1
    counts = empty_graph.read(
        "MATCH (a:Author)-[e]->(x) WHERE type(e) IN ['AUTHORED', 'DERIVED_FROM'] "
        "RETURN type(e) AS t, count(e) AS n ORDER BY t"
    )
    assert counts == [{"t": "AUTHORED", "n": 2}, {"t": "DERIVED_FROM", "n": 2}]
    records = empty_graph.read("MATCH (:Author)-[e:AUTHORED]->(:Paper) RETURN e.source_records AS records")
    assert [len(r["records"]) for r in records] == [1, 1]
