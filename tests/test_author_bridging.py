"""Author bridges against the real embedded store: one person whose papers arrived before any paper
that shows it becomes one Author, explainably (a MergeDecision with reasons) and undoably."""

from __future__ import annotations

import pytest
from conftest import wipe
from neo4j.time import Time
from test_ingest_pipeline import rec, snapshot

from peergraph.errors import PeerGraphError
from peergraph.ingest.inflight import InFlight
from peergraph.ingest.lookups import Lookups, author_params, malformed_authors
from peergraph.ingest.merges import show, undo
from peergraph.ingest.pipeline import Ingestor, ingest_records, source_record_uid
from peergraph.ingest.plan_authors import NODE_PROPERTIES, AuthorState, plan_authors, replayable, stored_state
from peergraph.ingest.records import AuthorRef, PaperRecord
from peergraph.ingest.settings import DEFAULT
from peergraph.ingest.write import write_batch
from peergraph.store.driver import Graph

WANG, GONZALEZ, PETERSON = AuthorRef(raw="Lei Wang"), AuthorRef(raw="Maria Gonzalez"), AuthorRef(raw="John Peterson")
# "Lei Wang" is a name hundreds of researchers share: alone it joins nobody; with one shared co-author it does.
FIRST = rec("A", "Sparse Attention for Streaming Speech Recognition", year=2019, authors=(WANG, GONZALEZ))
SECOND = rec("B", "Graph Partitioning Heuristics for Distributed Joins", year=2020, authors=(WANG, PETERSON))
FIRST_AGAIN = rec("A2", "Skew-Aware Shuffles for Distributed Joins", year=2020, authors=(WANG, GONZALEZ))
THIRD = rec("C", "Benchmarking Retrieval Pipelines on Commodity Hardware", year=2021,
            authors=(WANG, GONZALEZ, PETERSON))


def authors_named(graph: Graph, family: str) -> list[dict[str, object]]:
    return graph.read(
        "MATCH (a:Author {family: $family}) RETURN a.uid AS uid, "
        "[(a)-[:AUTHORED]->(p:Paper) | p.title] AS papers, [(a)-[:DERIVED_FROM]->(s) | s.record_id] AS records "
        "ORDER BY a.uid",
        {"family": family},
    )


def ingest_one_by_one(graph: Graph, *records: PaperRecord) -> None:
    for r in records:
        ingest_records(graph, [r])


def decision_entity(graph: Graph, record_id: str) -> str:
    """The author the "author" MergeDecision of the Wang mention on a record names."""
    return str(graph.read(
        "MATCH (s:SourceRecord {record_id: $r}) MATCH (m:MergeDecision {kind: 'author', position: 0})"
        " WHERE m.source_record_uid = s.uid RETURN m.entity_uid AS e",
        {"r": record_id},
    )[0]["e"])


def test_a_later_record_bridges_two_stored_authors_and_undo_splits_them(empty_graph: Graph) -> None:
    ingest_one_by_one(empty_graph, FIRST, SECOND)
    before = authors_named(empty_graph, "Wang")
    assert len(before) == 2  # two papers, no shared co-author: two authors so far
    # A second paper with Maria Gonzalez joins the first author (a MergeDecision about it).
    ingest_records(empty_graph, [FIRST_AGAIN])
    first_author = decision_entity(empty_graph, "A2")
    assert ingest_records(empty_graph, [THIRD]).joined_authors == 1
    [wang] = authors_named(empty_graph, "Wang")
    assert len(wang["papers"]) == 4 and sorted(wang["records"]) == ["A", "A2", "B", "C"]  # type: ignore[arg-type]
    assert decision_entity(empty_graph, "A2") == wang["uid"]  # decisions about a joined author follow it
    assert wang["uid"] == min(str(a["uid"]) for a in before)  # the smaller uid is kept
    [bridge] = [d for d in show(empty_graph, str(wang["uid"])).decisions if d["kind"] == "author-bridge"]
    assert bridge["method"] == "bridge" and bridge["record_id"] == "C" and bridge["score"] >= 0.6
    assert "1 shared co-author(s)" in bridge["reasons"]
    assert bridge["target_uid"] == max(str(a["uid"]) for a in before)

    # Rerunning every input changes nothing.
    after = snapshot(empty_graph)
    ingest_one_by_one(empty_graph, FIRST, SECOND, FIRST_AGAIN, THIRD)
    assert snapshot(empty_graph) == after

    undo(empty_graph, bridge["uid"])
    split = authors_named(empty_graph, "Wang")
    assert [a["uid"] for a in split] == [a["uid"] for a in before]
    by_uid = {a["uid"]: (sorted(a["papers"]), sorted(a["records"])) for a in split}  # type: ignore[arg-type]
    joined_records = tuple(by_uid[bridge["target_uid"]][1])
    assert joined_records in (("A", "A2"), ("B",))
    assert len(by_uid[bridge["target_uid"]][0]) == len(joined_records)
    assert sorted(by_uid[wang["uid"]][1]) == sorted({"A", "A2", "B", "C"} - set(joined_records))
    assert decision_entity(empty_graph, "A2") == first_author
    decision = empty_graph.read("MATCH (m:MergeDecision {uid: $u}) RETURN m.undone AS u", {"u": bridge["uid"]})
    assert decision[0]["u"] is True

    # A person said these are two: a later record that fits both attaches to one and joins nobody.
    ingest_records(empty_graph, [rec("C2", "Energy-Aware Scheduling of Retrieval Pipelines", year=2022,
                                     authors=(WANG, GONZALEZ, PETERSON))])
    assert [a["uid"] for a in authors_named(empty_graph, "Wang")] == [a["uid"] for a in before]
    assert len(empty_graph.read("MATCH (m:MergeDecision {kind: 'author-bridge'}) RETURN m.uid AS u")) == 1


def test_authors_created_in_one_batch_are_bridged_as_across_batches(empty_graph: Graph) -> None:
    ingest_records(empty_graph, [FIRST, SECOND, THIRD])
    one_batch = snapshot(empty_graph)
    [wang] = authors_named(empty_graph, "Wang")
    assert sorted(wang["records"]) == ["A", "B", "C"]  # type: ignore[arg-type]
    wipe(empty_graph)
    ingest_one_by_one(empty_graph, FIRST, SECOND, THIRD)
    nodes, _ = snapshot(empty_graph)
    assert len(nodes) == len(one_batch[0])


@pytest.mark.parametrize(
    ("confirm", "which"),
    [
        # The smaller uid would be kept (and the mention attaches to it), the larger one joined into it.
        ("MATCH (a:Author {uid: $uid}) CREATE (:Claim {uid: 'c1', status: 'pending'})-[:CLAIMS]->(a)", 0),
        ("MATCH (a:Author {uid: $uid}) SET a.verification_level = 'L2'", 1),
    ],
    ids=["claimed-kept-side", "verified-joined-side"],
)
def test_a_claimed_or_verified_author_is_never_bridged(empty_graph: Graph, confirm: str, which: int) -> None:
    ingest_one_by_one(empty_graph, FIRST, SECOND)
    empty_graph.write(confirm, {"uid": authors_named(empty_graph, "Wang")[which]["uid"]})
    ingest_records(empty_graph, [THIRD])
    wangs = authors_named(empty_graph, "Wang")
    assert len(wangs) == 2  # the mention attaches to one of them; nobody is joined
    assert sum(len(a["papers"]) for a in wangs) == 3  # type: ignore[arg-type, misc]
    assert not empty_graph.read("MATCH (m:MergeDecision {kind: 'author-bridge'}) RETURN m.uid")


FOURTH = rec("D", FIRST.title, "other", year=2019, authors=(WANG, GONZALEZ))


def test_a_batch_planned_while_a_bridge_is_written_sees_what_the_store_will_hold(empty_graph: Graph) -> None:
    """The next batch's author lookups, patched with the bridging batch still in flight, equal the
    lookups made once it committed: the joined author is gone, its papers are the kept author's."""
    ingestor = Ingestor(empty_graph, batch_size=1)
    ingestor.run([FIRST])
    ingestor.run([SECOND])
    planned = ingestor._plan([THIRD], None)
    assert planned is not None and planned.write.author_joins
    next_batch = [(source_record_uid("other", "D"), FOURTH)]
    papers = [r["uid"] for r in empty_graph.read("MATCH (p:Paper) RETURN p.uid AS uid")]

    def lookups(inflight: InFlight | None) -> list[AuthorState]:
        lookups = Lookups(empty_graph, inflight)
        rows = lookups.authors(next_batch, papers)
        rows = lookups.with_shared_papers(rows, {str(r["uid"]) for r in rows})
        return [stored_state(r) for r in sorted(rows, key=lambda r: str(r["uid"]))]

    while_written = lookups(planned.inflight)
    write_batch(empty_graph, planned.write)
    assert while_written == lookups(None)
    assert [a.uid for a in while_written if a.family == "Wang"] == [planned.write.author_joins[0]["kept"]]


def test_a_pipelined_run_with_bridges_equals_a_run_that_waits(empty_graph: Graph) -> None:
    items = [FIRST, SECOND, THIRD, FOURTH]
    ingest_records(empty_graph, items, batch_size=1)
    overlapped = snapshot(empty_graph)
    wipe(empty_graph)
    ingest_one_by_one(empty_graph, *items)
    assert snapshot(empty_graph) == overlapped


def test_two_authors_of_one_stored_paper_are_never_bridged(empty_graph: Graph) -> None:
    # Two people on one author list, whose names a later mention fits both of.
    both = rec("E", "Cache-Oblivious Layouts for Sparse Matrices", year=2018,
               authors=(AuthorRef(raw="Barry Wilkinson"), AuthorRef(raw="B. Wilkinson"), GONZALEZ, PETERSON))
    later = rec("F", "Parallel Programming Patterns in Practice", year=2019,
                authors=(AuthorRef(raw="Barry Wilkinson"), GONZALEZ, PETERSON))
    ingest_one_by_one(empty_graph, both, later)
    wilkinsons = authors_named(empty_graph, "Wilkinson")
    assert len(wilkinsons) == 2 and sorted(len(a["papers"]) for a in wilkinsons) == [1, 2]  # type: ignore[arg-type]
    assert not empty_graph.read("MATCH (m:MergeDecision {kind: 'author-bridge'}) RETURN m.uid")


def test_a_run_remembers_namesakes_that_share_a_paper_and_decides_as_a_fresh_run(empty_graph: Graph) -> None:
    both = rec("E", "Cache-Oblivious Layouts for Sparse Matrices", year=2018,
               authors=(AuthorRef(raw="Barry Wilkinson"), AuthorRef(raw="B. Wilkinson"), GONZALEZ, PETERSON))
    later = rec("F", "Parallel Programming Patterns in Practice", year=2019,
                authors=(AuthorRef(raw="Barry Wilkinson"), GONZALEZ, PETERSON))
    again = rec("G", "Message Passing on Commodity Clusters", year=2020,
                authors=(AuthorRef(raw="Barry Wilkinson"), PETERSON))
    ingestor = Ingestor(empty_graph, batch_size=1)
    ingestor.run([both, later, again])
    # Batch F found that the two Wilkinsons wrote E together; batch G starts from it.
    e = empty_graph.read("MATCH (p:Paper {title: 'Cache-Oblivious Layouts for Sparse Matrices'}) RETURN p.uid AS uid")
    wilkinsons = {a["uid"] for a in authors_named(empty_graph, "Wilkinson")}
    assert ingestor.known_shared and set(ingestor.known_shared) <= wilkinsons
    assert set(ingestor.known_shared.values()) == {frozenset({e[0]["uid"]})}
    remembered = snapshot(empty_graph)
    wipe(empty_graph)
    ingest_one_by_one(empty_graph, both, later, again)  # each its own run: nothing remembered
    assert snapshot(empty_graph) == remembered


def test_a_candidate_whose_given_name_conflicts_is_never_built() -> None:
    """A name block ("wang|w") holds authors a spelled-out mention can never be: their co-author sets
    are not built (a batch's memory went mostly to such candidates), and the decision is the same."""
    def stored(uid: str, name: str, coauthors: list[str]) -> dict[str, object]:
        return {"uid": uid, "name": name, "given": "", "family": "", "variants": [name], "coauthors": coauthors,
                "topics": [], "venues": [], "affiliations": [], "listings": [], "papers": [],
                "context_stored": True, "full_key": None}
    candidates = [stored("a-wen", "Wen Wang", ["li|jing"]), stored("a-wei", "Wei Wang", ["li|jing"])]
    batch = [("sr-1", rec("D", "Skew-Aware Shuffles", authors=(AuthorRef(raw="Wei Wang"), AuthorRef(raw="Jing Li"))))]
    plan = plan_authors(batch, {"sr-1": "p-1"}, {}, {}, candidates, DEFAULT)
    assert plan.assigned[("sr-1", 0)] == "a-wei"  # the shared co-author decides, as before
    assert "a-wen" in plan.unread and "a-wen" not in plan.authors


def test_a_final_plan_lets_go_of_the_candidates_it_left_untouched() -> None:
    """Once a batch's plan is final, the stored authors it only compared are dropped (with their
    contexts, most of a batch's memory); what is written is the same."""
    def stored(uid: str, name: str, coauthors: list[str]) -> dict[str, object]:
        return {"uid": uid, "name": name, "given": "", "family": "", "variants": [name], "coauthors": coauthors,
                "topics": [], "venues": [], "affiliations": [], "listings": [], "papers": [],
                "context_stored": True, "full_key": None}
    candidates = [stored("a-wei-1", "Wei Wang", ["li|jing"]), stored("a-wei-2", "Wei Wang", ["chen|mei"]),
                  stored("a-wen", "Wen Wang", ["li|jing"])]
    batch = [("sr-1", rec("D", "Skew-Aware Shuffles", authors=(AuthorRef(raw="Wei Wang"), AuthorRef(raw="Jing Li"))))]
    plan = plan_authors(batch, {"sr-1": "p-1"}, {}, {}, candidates, DEFAULT)
    written = plan.rows()
    assert {"a-wei-1", "a-wei-2"} <= set(plan.authors) and "a-wen" in plan.unread
    plan.release_candidates()
    assert set(plan.authors) == {"a-wei-1", *plan.new} and not plan.unread
    assert plan.rows() == written
    # The stored Wei Wang is sent only what changed (its row had no full key; the paper brings a title),
    # the new Jing Li every property.
    sent = {w["uid"]: w["props"] for w in written.writes}
    assert sent["a-wei-1"] == {"full_key": "wang|wei", "context_titles": ["aware shuffles skew"]}
    (new,) = plan.new
    assert set(sent[new]) == set(NODE_PROPERTIES.values()) and sent[new]["context_coauthors"] == ["wang|wei"]


def test_a_batch_planned_again_repeats_what_it_learnt_cannot_change() -> None:
    """A plan that joins two stored authors, then learns that they wrote a paper together, is made again.
    The mentions before that bridge keep their attachments without being compared again (`replayable`);
    the plan is the one made from scratch with what was learnt."""
    def stored(uid: str, coauthors: list[str]) -> dict[str, object]:
        return {"uid": uid, "name": "Lei Wang", "given": "Lei", "family": "Wang", "variants": ["Lei Wang"],
                "coauthors": coauthors, "topics": [], "venues": [], "affiliations": [], "listings": [], "papers": [],
                "context_stored": True, "full_key": "wang|lei"}
    rows = [stored("a-1", ["gonzalez|maria"]), stored("a-2", ["peterson|john"])]
    batch = [("sr-1", rec("P", "Graph Partitioning Heuristics", authors=(AuthorRef(raw="Jing Li"), GONZALEZ))),
             ("sr-2", THIRD), ("sr-3", FIRST_AGAIN)]
    paper_of = {"sr-1": "p-1", "sr-2": "p-2", "sr-3": "p-3"}
    first = plan_authors(batch, paper_of, {}, {}, rows, DEFAULT)
    assert [(j["kept"], j["joined"]) for j in first.joins] == [("a-1", "a-2")]  # Lei Wang of THIRD bridges them
    informed = [{**row, "papers": ["p-shared"]} for row in rows]  # they wrote p-shared together: two people

    replay = replayable(first, {"a-1", "a-2"})
    assert list(replay) == [("sr-1", 0), ("sr-1", 1)]  # up to the bridge
    again = plan_authors(batch, paper_of, {}, {}, informed, DEFAULT, replay)
    fresh = plan_authors(batch, paper_of, {}, {}, informed, DEFAULT)
    assert not again.joins
    assert (again.assigned, again.decisions, again.authored) == (fresh.assigned, fresh.decisions, fresh.authored)
    assert again.rows() == fresh.rows()
    # Learning of authors no bridge involves changes nothing: every attachment is repeated.
    assert list(replayable(first, {"a-9"})) == [(uid, pos) for uid, r in batch for pos in range(len(r.authors))]


def test_a_torn_candidate_row_is_recognised_by_its_types(empty_graph: Graph) -> None:
    """The rows the store answers with are whole; one whose list column holds another value (once, at
    300k records, `topics` came back as a time: a read meeting a record being rewritten) is named, so
    that `author_candidates` reads again once the in-flight write commits rather than plan on it."""
    ingest_one_by_one(empty_graph, FIRST, SECOND)
    rows = Lookups(empty_graph, None).author_candidates([(source_record_uid("other", "C"), THIRD)])
    assert len([r for r in rows if r["family"] == "Wang"]) == 2
    assert malformed_authors(rows) == []
    torn = [dict(r) for r in rows]
    torn[0]["topics"] = Time(12, 30)
    assert malformed_authors(torn) == [str(torn[0]["uid"])]


def test_a_malformed_answer_is_read_again_after_the_in_flight_write_and_twice_stops_the_run(
    empty_graph: Graph,
) -> None:
    ingest_one_by_one(empty_graph, FIRST, SECOND)
    params = author_params([(source_record_uid("other", "C"), THIRD)])
    settled: list[bool] = []
    lookups = Lookups(empty_graph, None, settle=lambda: settled.append(True))
    answers: list[int] = []

    def torn_once(rows: list[dict[str, object]]) -> list[str]:
        answers.append(len(rows))
        return ["a-torn"] if len(answers) == 1 else []

    rows = lookups._read("ingest/author_candidates", params, torn_once)
    assert settled == [True] and len(answers) == 2 and len(rows) == answers[1]
    with pytest.raises(PeerGraphError, match=r"malformed row\(s\) twice \(first: a-torn\).*run the same ingest again"):
        lookups._read("ingest/author_candidates", params, lambda rows: ["a-torn"])
