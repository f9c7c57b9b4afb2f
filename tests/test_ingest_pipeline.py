"""The pipeline against the real embedded store: idempotency, bad input, versions, hard constraints, undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, wipe

from peergraph.cypher_files import load
from peergraph.ingest.merges import show, undo
from peergraph.ingest.pipeline import ingest_records
from peergraph.ingest.plan_authors import stored_state
from peergraph.ingest.records import AuthorRef, BadRecord, PaperRecord, make_provenance
from peergraph.ingest.sources.files import read_file
from peergraph.store.driver import Graph

SAMPLES = [FIXTURES / "ingest" / "dblp_sample.jsonl", FIXTURES / "ingest" / "acm_sample.jsonl"]


def rec(rid: str, title: str | None, source: str = "test", **kw: object) -> PaperRecord:
    payload = {"id": rid, "title": title, **{k: str(v) for k, v in kw.items()}}
    return PaperRecord(provenance=make_provenance(source, rid, payload), title=title, **kw)  # type: ignore[arg-type]


def snapshot(graph: Graph) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Every node and edge with its properties, timestamps left out: two equal snapshots are one graph."""
    skip = {"fetched_at", "created_at", "undone_at"}
    nodes = graph.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    edges = graph.read(
        "MATCH (a)-[r]->(b) RETURN a.uid AS a, type(r) AS t, b.uid AS b, properties(r) AS p"
    )
    norm = sorted(
        (tuple(n["l"]), json.dumps({k: v for k, v in n["p"].items() if k not in skip}, sort_keys=True)) for n in nodes
    )
    rels = sorted((e["a"], e["t"], e["b"], json.dumps(e["p"], sort_keys=True)) for e in edges)
    return norm, rels


def ingest_samples(graph: Graph, batch_size: int = 200) -> dict[str, object]:
    items = [item for path in SAMPLES for item in read_file(path, "dblp-acm")]
    return ingest_records(graph, items, batch_size=batch_size).as_dict()


def test_ingesting_twice_changes_nothing(empty_graph: Graph) -> None:
    first = ingest_samples(empty_graph)
    assert first["records_read"] == 300 and first["merged_papers"] >= 140
    before = snapshot(empty_graph)
    second = ingest_samples(empty_graph)
    assert second["unchanged"] == 300 and second["new_papers"] == 0 and second["batches"] == 0
    assert snapshot(empty_graph) == before
    counts = empty_graph.counts()["nodes"]
    assert counts["SourceRecord"] == 300 and counts["Paper"] < 165


def test_planning_a_batch_while_the_previous_one_is_written_decides_as_a_run_that_waits(empty_graph: Graph) -> None:
    dblp, acm = (list(read_file(path, "dblp-acm")) for path in SAMPLES)
    # Each ACM batch repeats the DBLP batch before it: that one is still being written when it is planned.
    items = [item for i in range(0, 150, 10) for item in dblp[i : i + 10] + acm[i : i + 10]]
    report = ingest_records(empty_graph, items, batch_size=10)
    assert report.batches == 30 and report.merged_papers >= 140
    overlapped = snapshot(empty_graph)
    wipe(empty_graph)
    for i in range(0, len(items), 10):
        ingest_records(empty_graph, items[i : i + 10], batch_size=10)  # returns only once its batch is committed
    assert snapshot(empty_graph) == overlapped


def test_bad_input_is_reported_and_every_good_record_lands(empty_graph: Graph, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok-1", "title": "Robust Query Processing in Sensor Networks", "authors": ["Jane Doe"]}),
        '{"id": "broken", "title": "truncated',
        json.dumps({"id": "empty"}),
        json.dumps({"id": "huge", "title": "x" * 50_000}),
        json.dumps({"id": "inject", "title": "x'}) DETACH DELETE n //", "authors": ["Robert'); DROP--"]}),
        json.dumps({"id": "ok-2", "title": "Adaptive Indexing for Column Stores", "year": 2012}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "latin", "title": "caf\xe9"}\n')
    items = list(read_file(path, "mixed")) + [BadRecord("mixed", "net", "HTTP 503 after 4 attempts")]
    report = ingest_records(empty_graph, items)
    reasons = {s.record_id: s.reason for s in report.skipped}
    assert set(reasons) >= {"line 2", "empty", "huge", "line 7", "net"}
    assert all(reason for reason in reasons.values())
    titles = {r["t"] for r in empty_graph.read("MATCH (p:Paper) RETURN p.title AS t")}
    assert titles == {
        "Robust Query Processing in Sensor Networks",
        "Adaptive Indexing for Column Stores",
        "x'}) DETACH DELETE n //",
    }
    assert empty_graph.read("MATCH (a:Author) WHERE a.name STARTS WITH 'Robert' RETURN a.name AS n")[0]["n"] == (
        "Robert'); DROP--"
    )


def test_preprint_and_published_become_two_papers_joined_by_version_of(empty_graph: Graph) -> None:
    title = "Token Dropping for Efficient BERT Pretraining"
    people = (AuthorRef(raw="Le Hou"), AuthorRef(raw="Richard Yuanzhe Pang"))
    ingest_records(empty_graph, [rec("2203.13240", title, "arxiv", type="preprint", arxiv_id="2203.13240",
                                     year=2022, authors=people)])
    ingest_records(empty_graph, [rec("W1", title, "openalex", type="conference", doi="10.18653/v1/2022.acl-long.262",
                                     year=2022, authors=people)])
    rows = empty_graph.read("MATCH (a:Paper)-[:VERSION_OF]->(b:Paper) RETURN a.arxiv_id AS pre, b.doi AS pub")
    assert rows == [{"pre": "2203.13240", "pub": "10.18653/v1/2022.acl-long.262"}]
    assert empty_graph.counts()["nodes"]["Paper"] == 2
    # The two versions share their authors: the same two people, not four.
    assert empty_graph.counts()["nodes"]["Author"] == 2


def test_two_orcids_stay_two_authors_even_on_a_merged_paper(empty_graph: Graph) -> None:
    title = "Auto-scaling Vision Transformers without Training"
    a = AuthorRef(raw="Xiaodan Song", orcid="0000-0001-0000-0001")
    b = AuthorRef(raw="Xiaodan Song", orcid="0000-0002-0000-0002")
    ingest_records(empty_graph, [rec("r1", title, arxiv_id="2202.11921", authors=(a,)),
                                 rec("r2", title, arxiv_id="2202.11921", authors=(b,))])
    assert empty_graph.counts()["nodes"]["Paper"] == 1
    orcids = {r["o"] for r in empty_graph.read("MATCH (a:Author) RETURN a.orcid AS o")}
    assert orcids == {"0000-0001-0000-0001", "0000-0002-0000-0002"}


def ingest_song_papers(graph: Graph) -> None:
    """Two papers of Xiaodan Song, ingested one after the other: the second names him "X. Song"."""
    ingest_records(graph, [rec("p1", "BigNAS: Scaling Up Neural Architecture Search with Big Single-Stage Models",
                               year=2020, authors=(AuthorRef(raw="Jiahui Yu"), AuthorRef(raw="Xiaodan Song"),
                                                   AuthorRef(raw="Quoc Le")))])
    ingest_records(graph, [rec("p2", "Go Wide, Then Narrow: Efficient Training of Deep Thin Networks", year=2020,
                               authors=(AuthorRef(raw="Denny Zhou"), AuthorRef(raw="X. Song"),
                                        AuthorRef(raw="Q. Le")))])


def test_initials_join_the_full_name_through_shared_coauthors(empty_graph: Graph) -> None:
    ingest_song_papers(empty_graph)
    rows = empty_graph.read(
        "MATCH (a:Author {family: 'Song'})-[e:AUTHORED]->(p:Paper) "
        "RETURN a.name AS name, e.method AS method, e.confidence AS confidence ORDER BY p.title"
    )
    assert {r["name"] for r in rows} == {"Xiaodan Song"}
    assert rows[1]["method"].startswith("name:initials") and 0.6 <= rows[1]["confidence"] < 1.0


def test_author_context_lives_on_the_node_and_an_undo_has_it_recomputed(empty_graph: Graph) -> None:
    ingest_song_papers(empty_graph)
    [song] = empty_graph.read("MATCH (a:Author {family: 'Song'}) RETURN a.uid AS uid, a.full_key AS full_key, "
                              "a.context_coauthors AS coauthors")
    assert song["full_key"] == "song|xiaodan"
    assert {"yu|jiahui", "le|quoc", "zhou|denny"} <= set(song["coauthors"])

    [decision] = [d for d in show(empty_graph, song["uid"]).decisions if d["kind"] == "author"]
    restored = undo(empty_graph, decision["uid"]).restored_uid
    candidates = {
        r["uid"]: r
        for r in empty_graph.read_table(load("ingest/author_candidates"),
                                  {"full_keys": ["song|xiaodan", "song|x"], "name_keys": [], "orcids": [],
                                   "openalex_ids": []})
    }
    # The kept author forgot what the split-off mention brought: its context is the graph's again.
    assert not candidates[song["uid"]]["context_stored"]
    assert set(candidates[song["uid"]]["coauthors"]) == {"yu|j", "le|q"}
    assert candidates[restored]["full_key"] == "song|x"
    assert set(candidates[restored]["coauthors"]) == {"zhou|d", "le|q"}


def test_topics_computed_for_an_author_are_those_a_source_assigned(empty_graph: Graph) -> None:
    # One paper with an arXiv category, one from a listing whose topics yake reads off its title.
    ingest_records(empty_graph, [
        rec("c1", "BigNAS: Scaling Up Neural Architecture Search with Big Single-Stage Models", categories=("cs.LG",),
            authors=(AuthorRef(raw="Xiaodan Song"), AuthorRef(raw="Quoc Le"))),
        rec("c2", "Go Wide, Then Narrow: Efficient Training of Deep Thin Networks",
            authors=(AuthorRef(raw="Xiaodan Song"), AuthorRef(raw="Quoc Le"))),
    ])
    sources = {r["source"] for r in empty_graph.read("MATCH ()-[h:HAS_TOPIC]->() RETURN DISTINCT h.source AS source")}
    assert sources == {"arxiv-category", "keyphrase"}
    # An author whose context is not on the node (written before ingest kept it) has it computed.
    empty_graph.write("MATCH (a:Author {family: 'Song'}) REMOVE a.context_coauthors, a.context_topics, "
                      "a.context_venues, a.context_affiliations")
    [song] = empty_graph.read_table(load("ingest/author_candidates"),
                                    {"full_keys": ["song|xiaodan"], "name_keys": [], "orcids": [], "openalex_ids": []})
    assert not song["context_stored"]
    assert song["topics"] == ["machine learning"]


@pytest.fixture
def merged_paper(empty_graph: Graph) -> tuple[Graph, str]:
    title = "Large Batch Optimization for Deep Learning: Training BERT in 76 minutes"
    one = rec("one", title, year=2020, authors=(AuthorRef(raw="Yang You"), AuthorRef(raw="Jing Li")),
              categories=("cs.LG",))
    two = rec("two", title + ".", year=2019, authors=(AuthorRef(raw="Yang You"), AuthorRef(raw="Sashank Reddi")),
              categories=("cs.CL",))
    ingest_records(empty_graph, [one, two])
    uid = empty_graph.read("MATCH (p:Paper) RETURN p.uid AS uid")[0]["uid"]
    return empty_graph, uid


def test_merges_show_explains_the_records_and_the_evidence(merged_paper: tuple[Graph, str]) -> None:
    graph, uid = merged_paper
    explanation = show(graph, uid)
    assert sorted(r["record_id"] for r in explanation.records) == ["one", "two"]
    [decision] = [d for d in explanation.decisions if d["kind"] == "paper"]
    assert decision["record_id"] == "two" and any("title similarity" in r for r in decision["reasons"])


def test_merges_undo_restores_two_papers_with_their_own_edges(merged_paper: tuple[Graph, str]) -> None:
    graph, uid = merged_paper
    [decision] = [d for d in show(graph, uid).decisions if d["kind"] == "paper"]
    result = undo(graph, decision["uid"])
    assert result.kept_uid == uid and result.restored_uid != uid

    def authors_and_topics(paper: str) -> tuple[set[str], set[str], set[str]]:
        row = graph.read(
            "MATCH (p:Paper {uid: $uid}) RETURN [(a)-[:AUTHORED]->(p) | a.name] AS authors, "
            "[(p)-[:HAS_TOPIC]->(t) | t.code] AS topics, [(p)-[:DERIVED_FROM]->(s) | s.record_id] AS records",
            {"uid": paper},
        )[0]
        return set(row["authors"]), set(row["topics"]), set(row["records"])

    assert authors_and_topics(uid) == ({"Yang You", "Jing Li"}, {"cs.LG"}, {"one"})
    assert authors_and_topics(result.restored_uid) == ({"Yang You", "Sashank Reddi"}, {"cs.CL"}, {"two"})
    assert graph.read("MATCH (m:MergeDecision {uid: $u}) RETURN m.undone AS u", {"u": decision["uid"]})[0]["u"]
    # A rerun of the same input keeps them apart: the records are already in the graph.
    wipe_check = graph.counts()["nodes"]["Paper"]
    assert wipe_check == 2


def test_merges_undo_gives_the_mention_back_its_orcid_and_the_author_its_name(empty_graph: Graph) -> None:
    # "X. Song" without an ORCID first, then "Xiaodan Song" with his ORCID: two shared co-authors join
    # them, and the author takes the ORCID and the fuller name from the second mention.
    orcid = "0000-0002-1825-0097"
    coauthors = (AuthorRef(raw="Quoc Le"), AuthorRef(raw="Jiahui Yu"))
    ingest_records(empty_graph, [rec("p1", "BigNAS: Scaling Up Neural Architecture Search with Big Single-Stage Models",
                                     year=2020, authors=(AuthorRef(raw="X. Song"), *coauthors))])
    ingest_records(empty_graph, [rec("p2", "Go Wide, Then Narrow: Efficient Training of Deep Thin Networks", year=2020,
                                     authors=(AuthorRef(raw="Xiaodan Song", orcid=orcid), *coauthors))])
    song_query = ("MATCH (a:Author {family: 'Song'}) RETURN a.uid AS uid, a.name AS name, a.full_key AS full_key, "
                  "a.name_variants AS variants, a.orcid AS orcid ORDER BY a.name")
    [song] = empty_graph.read(song_query)
    assert song == {**song, "name": "Xiaodan Song", "full_key": "song|xiaodan", "orcid": orcid}
    [decision] = [d for d in show(empty_graph, song["uid"]).decisions
                  if d["kind"] == "author" and d["record_id"] == "p2"]
    restored = undo(empty_graph, decision["uid"]).restored_uid
    # The ORCID names the person of the split-off mention; the author is "X. Song" again, as its own
    # mention spells it, and is looked up by that name again.
    assert empty_graph.read(song_query) == [
        {"uid": song["uid"], "name": "X. Song", "full_key": "song|x", "variants": ["X. Song"], "orcid": None},
        {"uid": restored, "name": "Xiaodan Song", "full_key": "song|xiaodan", "variants": ["Xiaodan Song"],
         "orcid": orcid},
    ]


AS_VIT = "Auto-scaling Vision Transformers without Training"
AS_VIT_ABSTRACT = (
    "This work targets automated designing and scaling of Vision Transformers (ViTs). The motivation comes "
    "from two pain spots: 1) the lack of efficient and principled methods for designing and scaling ViTs; "
    "2) the tremendous computational cost of training ViT that is much heavier than its convolution "
    "counterpart. To tackle these issues, we propose As-ViT, an auto-scaling framework for ViTs without "
    "training, which automatically discovers and scales up ViTs in an efficient and principled manner."
)


def paper_of(graph: Graph, record_id: str) -> dict[str, object]:
    return graph.read(
        "MATCH (p:Paper)-[:DERIVED_FROM]->(:SourceRecord {record_id: $rid}) "
        "RETURN p.uid AS uid, p.title AS title, p.title_key AS title_key, p.arxiv_id AS arxiv_id, p.doi AS doi",
        {"rid": record_id},
    )[0]


def test_merges_undo_gives_the_record_back_the_identifiers_and_title_the_paper_took(empty_graph: Graph) -> None:
    # An abstract-only listing entry first (no title, no identifier), then the arXiv record of the same
    # paper: the paper took its title and identifiers from the arXiv record.
    listing = rec("listing", None, "pages", abstract=AS_VIT_ABSTRACT, year=2022)
    arxiv = rec("2202.11921", AS_VIT, "arxiv", abstract=AS_VIT_ABSTRACT, year=2022, arxiv_id="2202.11921",
                doi="10.5555/asvit")
    ingest_records(empty_graph, [listing, arxiv])
    paper = paper_of(empty_graph, "listing")
    assert paper == {**paper, "title": AS_VIT, "arxiv_id": "2202.11921", "doi": "10.5555/asvit"}
    [decision] = [d for d in show(empty_graph, str(paper["uid"])).decisions if d["kind"] == "paper"]
    assert json.loads(decision["snapshot"])["filled"] == ["doi", "arxiv_id", "title"]

    restored = undo(empty_graph, decision["uid"]).restored_uid
    # Split, each paper holds what its own record says: the listing's paper has no title or identifier
    # left, the arXiv record's paper has its own (one identifier names one paper).
    assert paper_of(empty_graph, "listing") == {"uid": paper["uid"], "title": None, "title_key": None,
                                                "arxiv_id": None, "doi": None}
    assert paper_of(empty_graph, "2202.11921") == {"uid": restored, "title": AS_VIT,
                                                   "title_key": "auto scaling vision transformers without training",
                                                   "arxiv_id": "2202.11921", "doi": "10.5555/asvit"}


def test_merges_undo_leaves_what_another_record_of_the_paper_also_says(empty_graph: Graph) -> None:
    listing = rec("listing", None, "pages", abstract=AS_VIT_ABSTRACT, year=2022)
    arxiv = rec("2202.11921", AS_VIT, "arxiv", abstract=AS_VIT_ABSTRACT, year=2022, arxiv_id="2202.11921")
    # OpenAlex's record of the same preprint: the same arXiv id, its title in other case.
    openalex = rec("W4226359218", AS_VIT.lower(), "openalex", year=2022, arxiv_id="2202.11921")
    ingest_records(empty_graph, [listing, arxiv, openalex])
    paper = paper_of(empty_graph, "listing")
    [decision] = [d for d in show(empty_graph, str(paper["uid"])).decisions
                  if d["kind"] == "paper" and d["record_id"] == "2202.11921"]
    restored = undo(empty_graph, decision["uid"]).restored_uid
    # The OpenAlex record says the same arXiv id: it stays on the paper, and the arXiv record's own paper
    # cannot hold it too. The title goes back, and the paper keeps OpenAlex's spelling of it.
    kept = paper_of(empty_graph, "listing")
    assert kept == {**kept, "title": AS_VIT.lower(), "arxiv_id": "2202.11921"}
    assert paper_of(empty_graph, "2202.11921") == {**paper_of(empty_graph, "2202.11921"), "uid": restored,
                                                   "title": AS_VIT, "arxiv_id": None}


def test_references_become_cites_edges_to_papers_in_the_graph(empty_graph: Graph) -> None:
    cited = rec("W2741809807", "The state of OA: a large-scale analysis of the prevalence and impact of Open Access",
                "openalex", openalex_id="W2741809807", doi="10.7717/peerj.4375")
    citing = rec("W1", "A later study of open access citation advantages", "openalex",
                 references=("W2741809807", "10.7717/PEERJ.4375", "W999"))
    ingest_records(empty_graph, [cited, citing])
    rows = empty_graph.read("MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.title AS a, b.openalex_id AS b")
    assert rows == [{"a": "A later study of open access citation advantages", "b": "W2741809807"}]


@pytest.mark.parametrize("together", [True, False], ids=["one batch", "two runs"])
def test_one_doi_with_two_arxiv_ids_is_two_papers_and_only_the_first_holds_the_doi(
    empty_graph: Graph, together: bool
) -> None:
    # Bad metadata: a DOI copied onto a different preprint. `match` keeps two arXiv ids apart, and
    # one DOI can name one paper only; the run goes on instead of failing its batch on the constraint.
    first = rec("A", "Sparse Attention for Streaming Speech", doi="10.5555/1", arxiv_id="2101.00001")
    second = rec("B", "Graph Kernels for Molecules", doi="10.5555/1", arxiv_id="2101.00002")
    if together:
        report = ingest_records(empty_graph, [first, second])
    else:
        ingest_records(empty_graph, [first])
        report = ingest_records(empty_graph, [second])
    assert report.new_papers == (2 if together else 1)
    papers = empty_graph.read("MATCH (p:Paper) RETURN p.arxiv_id AS arxiv, p.doi AS doi ORDER BY arxiv")
    assert papers == [{"arxiv": "2101.00001", "doi": "10.5555/1"}, {"arxiv": "2101.00002", "doi": None}]


def test_an_author_keeps_its_titles_and_a_later_paper_on_the_subject_joins_it(empty_graph: Graph) -> None:
    # Steve King's two refinement-calculus papers (the Arnetminer set): no co-author or venue in common.
    ingest_records(empty_graph, [rec("k1", "Z and the Refinement Calculus", year=1990,
                                     authors=(AuthorRef(raw="Steve King"),))])
    [king] = empty_graph.read("MATCH (a:Author {family: 'King'}) RETURN a.uid AS uid, a.context_titles AS titles")
    assert king["titles"] == ["calculus refinement z"]
    ingest_records(empty_graph, [rec("k2", "Exits in the Refinement Calculus", year=1995,
                                     authors=(AuthorRef(raw="Steve King"), AuthorRef(raw="Carroll Morgan")))])
    assert [r["uid"] for r in empty_graph.read("MATCH (a:Author {family: 'King'}) RETURN a.uid AS uid")] == [king["uid"]]
    [decision] = [d for d in show(empty_graph, king["uid"]).decisions if d["kind"] == "author"]
    assert "a paper title on the same subject (2 shared words, similarity 0.67)" in decision["reasons"]

    # Undone, the kept author's titles are read from its papers again, as title keys made subject keys.
    undo(empty_graph, decision["uid"])
    [row] = [r for r in empty_graph.read_table(load("ingest/author_candidates"),
                                                {"full_keys": ["king|steve"], "name_keys": [], "orcids": [],
                                                 "openalex_ids": []}) if r["uid"] == king["uid"]]
    assert not row["titles_stored"] and row["titles"] == ["z and the refinement calculus"]
    assert stored_state(row).context.titles == {"calculus refinement z"}
