"""Edges onto records read for the first time are created, the others merged: a changed record read
again links exactly once, as before. The same goes for papers made from such records and for the
decisions about them."""

from __future__ import annotations

import re

from test_ingest_pipeline import rec

from peergraph.cypher_files import load
from peergraph.ingest.fresh_edges import (
    split_authored,
    split_decisions,
    split_mentions,
    split_papers,
    split_records,
    split_sources,
    split_topics,
    split_venues,
)
from peergraph.ingest.pipeline import ingest_records, source_record_uid
from peergraph.ingest.records import AuthorRef
from peergraph.store.driver import Graph

# Both at one institution: one record, one institution, one DERIVED_FROM link.
SONG = AuthorRef(raw="Xiaodan Song", affiliations=("Google Research",))
LE = AuthorRef(raw="Quoc V. Le", affiliations=("Google Research",))


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
    links = empty_graph.read("MATCH (i:Institution)-[e:DERIVED_FROM]->(s:SourceRecord) RETURN i.name AS i, s.record_id AS s")
    assert links == [{"i": "Google Research", "s": "R"}]


def test_institution_links_are_one_per_record_created_only_for_fresh_records() -> None:
    rows = [{"uid": "i-mit", "record": "sr-new", "author": "a-1"}, {"uid": "i-mit", "record": "sr-new", "author": "a-2"},
            {"uid": "i-mit", "record": "sr-seen", "author": "a-1"}]
    create, merge = split_sources(rows, {"sr-new"})
    assert create == [{"uid": "i-mit", "record": "sr-new"}] and merge == [{"uid": "i-mit", "record": "sr-seen"}]


def test_papers_made_from_fresh_records_are_created_the_others_merged() -> None:
    rows = [{"uid": "p-new", "records": ["sr-1"]}, {"uid": "p-stored", "records": ["sr-2"]}]
    create, merge = split_papers(rows, {"p-new"})
    assert create == [rows[0]] and merge == [rows[1]]


def test_decisions_about_fresh_records_are_created_bridges_and_versions_merged() -> None:
    rows = [
        {"uid": "md-1", "kind": "author", "source_record_uid": "sr-new"},
        {"uid": "md-2", "kind": "paper", "source_record_uid": "sr-new"},
        {"uid": "md-3", "kind": "author", "source_record_uid": "sr-seen"},
        # Their uids name only the two entities: an earlier batch may have written the same one.
        {"uid": "md-4", "kind": "author-bridge", "source_record_uid": "sr-new"},
        {"uid": "md-5", "kind": "version", "source_record_uid": "sr-new"},
    ]
    create, merge = split_decisions(rows, {"sr-new"})
    assert [r["uid"] for r in create] == ["md-1", "md-2"]
    assert [r["uid"] for r in merge] == ["md-3", "md-4", "md-5"]


def test_a_changed_record_read_again_keeps_one_paper_and_one_decision_per_mention(empty_graph: Graph) -> None:
    first = rec("R", "Auto-scaling Vision Transformers without Training", year=2022, authors=(SONG, LE))
    twin = rec("T", "Auto-Scaling Vision Transformers Without Training.", year=2022, authors=(SONG, LE))
    ingest_records(empty_graph, [first, twin])
    changed = rec("T", "Auto-Scaling Vision Transformers Without Training.", year=2022, authors=(SONG, LE),
                  venue="ICLR")
    ingest_records(empty_graph, [changed])
    papers = empty_graph.read("MATCH (p:Paper) RETURN p.title AS title")
    assert papers == [{"title": "Auto-scaling Vision Transformers without Training"}]
    decisions = empty_graph.read(
        "MATCH (m:MergeDecision) RETURN m.kind AS kind, m.source_record_uid AS record, count(*) AS n ORDER BY kind, record"
    )
    # The first record's authors are new (no decision); the twin's record joined its paper once and each of
    # its two mentions joined an author once, though the twin was read twice.
    twin_uid = source_record_uid("test", "T")
    assert decisions == [{"kind": "author", "record": twin_uid, "n": 2}, {"kind": "paper", "record": twin_uid, "n": 1}]


def test_created_papers_get_every_property_merged_papers_do() -> None:
    """create_papers.cypher repeats write_papers.cypher's property list without the reads of stored
    values: a property added to one and not the other would differ by how a paper first arrived."""
    def assigned(name: str) -> set[str]:
        return set(re.findall(r"\bp\.(\w+) =", load(f"ingest/{name}")))

    assert assigned("create_papers") == assigned("write_papers")
    assert len(assigned("write_papers")) == 19


def topic_row(paper: str, record: str, label: str = "Machine Learning") -> dict[str, object]:
    return {"uid": "t-" + label, "label": label, "label_key": label.lower(), "scheme": "arxiv", "code": "cs.LG",
            "paper": paper, "score": 1.0, "source": "arxiv", "record": record}


def test_topics_once_and_one_has_topic_per_new_paper_with_every_record_asserting_it() -> None:
    rows = [topic_row("p-new", "sr-1"), topic_row("p-new", "sr-2"), topic_row("p-stored", "sr-3"),
            topic_row("p-new", "sr-1", "Databases")]
    topics, create, merge = split_topics(rows, {"p-new"})
    assert [t["uid"] for t in topics] == ["t-Machine Learning", "t-Databases"]
    assert create == [
        {"uid": "t-Machine Learning", "paper": "p-new", "score": 1.0, "source": "arxiv", "records": ["sr-1", "sr-2"]},
        {"uid": "t-Databases", "paper": "p-new", "score": 1.0, "source": "arxiv", "records": ["sr-1"]},
    ]
    assert merge == [rows[2]]


def test_venues_once_with_the_first_record_naming_them_and_one_edge_per_new_paper() -> None:
    rows = [{"uid": "v-iclr", "name": "ICLR", "name_key": "iclr", "kind": "conference", "paper": p, "record": r}
            for p, r in (("p-stored", "sr-0"), ("p-new", "sr-1"), ("p-new", "sr-2"))]
    venues, create, merge = split_venues(rows, {"p-new"})
    assert venues == [{"uid": "v-iclr", "name": "ICLR", "name_key": "iclr", "kind": "conference", "record": "sr-0"}]
    assert create == [{"uid": "v-iclr", "paper": "p-new", "records": ["sr-1", "sr-2"]}] and merge == [rows[0]]


def test_source_records_never_read_are_created_the_others_merged() -> None:
    rows = [{"uid": "sr-new"}, {"uid": "sr-seen"}]
    assert split_records(rows, {"sr-new"}) == ([rows[0]], [rows[1]])


def test_created_source_records_get_every_property_merged_ones_do() -> None:
    def assigned(name: str) -> set[str]:
        return set(re.findall(r"\bs\.(\w+) =", load(f"ingest/{name}")))

    assert assigned("create_source_records") == assigned("write_source_records")
    assert len(assigned("write_source_records")) == 5


def test_two_records_of_a_new_paper_make_one_topic_edge_and_one_venue_edge(empty_graph: Graph) -> None:
    # An arXiv preprint and its OpenAlex twin, both read for the first time, in one batch.
    first = rec("R", "Auto-scaling Vision Transformers without Training", year=2022, authors=(SONG, LE),
                venue="ICLR", categories=("cs.LG",))
    twin = rec("T", "Auto-Scaling Vision Transformers Without Training.", year=2022, authors=(SONG, LE),
               venue="ICLR", categories=("cs.LG",))
    ingest_records(empty_graph, [first, twin])
    edges = empty_graph.read(
        "MATCH (p:Paper)-[e:HAS_TOPIC]->(t:Topic) RETURN t.label AS topic, e.source_records AS records"
    )
    assert [e["topic"] for e in edges] == ["Machine Learning"]
    assert sorted(edges[0]["records"]) == sorted(source_record_uid("test", r) for r in ("R", "T"))
    venue = empty_graph.read(
        "MATCH (p:Paper)-[e:PUBLISHED_IN]->(v:Venue) "
        "RETURN v.name AS venue, count(e) AS n, [(v)-[:DERIVED_FROM]->(s) | s.record_id] AS records"
    )
    assert venue == [{"venue": "International Conference on Learning Representations", "n": 1, "records": ["R"]}]
    # Read again with a change, the twin keeps those edges as they are: merged, not created again.
    ingest_records(empty_graph, [rec("T", twin.title or "", year=2022, authors=(SONG, LE), venue="ICLR",
                                     categories=("cs.LG",), doi="10.1000/asvit")])
    assert empty_graph.read("MATCH ()-[e:HAS_TOPIC]->() RETURN count(e) AS n") == [{"n": 1}]
    assert empty_graph.read("MATCH ()-[e:PUBLISHED_IN]->() RETURN count(e) AS n") == [{"n": 1}]
