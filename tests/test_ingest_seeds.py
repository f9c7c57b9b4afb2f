"""Ingesting the five real seed pages: the cross-page duplicates become one paper, nothing else merges."""

from __future__ import annotations

from peergraph.store.driver import Graph


def test_as_vit_is_one_paper_with_three_source_records(seed_graph: Graph) -> None:
    rows = seed_graph.read(
        "MATCH (p:Paper {arxiv_id: '2202.11921'})-[:DERIVED_FROM]->(s:SourceRecord) "
        "RETURN p.title AS title, collect(s.record_id) AS records"
    )
    assert len(rows) == 1
    assert rows[0]["title"] == "Auto-scaling Vision Transformers without Training"
    assert sorted(r.split("#")[0][:3] for r in rows[0]["records"]) == ["000", "001", "004"]


def test_xiaodan_song_is_one_author_with_the_seven_profile_works(seed_graph: Graph) -> None:
    rows = seed_graph.read(
        "MATCH (a:Author) WHERE a.family = 'Song' "
        "RETURN a.name AS name, [(a)-[:AUTHORED]->(p:Paper) | p.title] AS titles"
    )
    assert [r["name"] for r in rows] == ["Xiaodan Song"]
    assert len(rows[0]["titles"]) == 7
    assert "SpineNet: Learning Scale-Permuted Backbone for Recognition and Localization" in rows[0]["titles"]


def test_no_paper_holds_two_records_of_one_page(seed_graph: Graph) -> None:
    # A page lists each work once, so a Paper built from two entries of one page merged two papers.
    rows = seed_graph.read(
        "MATCH (p:Paper)-[:DERIVED_FROM]->(s:SourceRecord) "
        "WITH p, split(s.record_id, '#')[0] AS page, count(s) AS n WHERE n > 1 RETURN p.uid AS uid, page"
    )
    assert rows == []


def test_every_merge_keeps_score_and_reasons(seed_graph: Graph) -> None:
    rows = seed_graph.read("MATCH (m:MergeDecision) RETURN m.kind AS kind, m.score AS score, m.reasons AS reasons")
    assert rows
    assert all(r["score"] is not None and r["reasons"] for r in rows)


def test_every_entity_derives_from_source_records(seed_graph: Graph) -> None:
    rows = seed_graph.read(
        "MATCH (n) WHERE (n:Paper OR n:Author OR n:Venue) AND NOT (n)-[:DERIVED_FROM]->(:SourceRecord) "
        "RETURN count(n) AS orphans"
    )
    assert rows[0]["orphans"] == 0


def test_comment_venues_and_topics(seed_graph: Graph) -> None:
    venues = seed_graph.read(
        "MATCH (p:Paper {arxiv_id: '2202.11921'})-[:PUBLISHED_IN]->(v:Venue) RETURN collect(v.name) AS names"
    )[0]["names"]
    assert "International Conference on Learning Representations" in venues
    edges = seed_graph.read("MATCH ()-[e:HAS_TOPIC]->() RETURN e.score AS score, e.source AS source LIMIT 50")
    assert edges and all(e["score"] is not None and e["source"] for e in edges)
