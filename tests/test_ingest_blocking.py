"""Stop keys: a blocking key that more stored papers carry than `max_block_size` (a coarse title key:
`coarse_block_size`) is skipped, and its papers are not even fetched, so a batch's lookup does not
grow with the corpus; a twin is still found through its other keys."""

from __future__ import annotations

from dataclasses import replace

from peergraph.ingest.block import TitleBlocks, candidate_pairs, paper_keys
from peergraph.ingest.inflight import InFlight
from peergraph.ingest.keys import text_key
from peergraph.ingest.lookups import Lookups
from peergraph.ingest.pipeline import ingest_records
from peergraph.ingest.plan_papers import plan_papers
from peergraph.ingest.records import AuthorRef, PaperRecord, make_provenance
from peergraph.ingest.settings import DEFAULT
from peergraph.store.driver import Graph
from peergraph.store.migrate import migrate

SMALL_BLOCKS = replace(DEFAULT, max_block_size=5)
TOPICS = ("molecule generation", "traffic forecasting", "image segmentation", "speech recognition",
          "causal inference", "protein folding", "query optimization", "robot control")


def paper(rid: str, title: str, year: int = 2021) -> PaperRecord:
    return PaperRecord(provenance=make_provenance("test", rid, {"id": rid, "title": title}), title=title, year=year)


def test_a_stop_key_is_not_fetched_and_a_twin_is_still_found_by_its_other_keys(empty_graph: Graph) -> None:
    # Eight papers share the head key "robust graph neural": with blocks of at most 5 it is a stop key.
    titles = [f"On the Robustness of Graph Neural Networks for {t}" for t in TOPICS]
    ingest_records(empty_graph, [paper(f"r{i}", t) for i, t in enumerate(titles)], settings=SMALL_BLOCKS)
    twin = paper("twin", titles[5].upper() + ".")
    rows, stop_keys = Lookups(empty_graph, None).papers([("sr-twin", twin)], SMALL_BLOCKS.max_block_size)
    assert "head:robust graph neural" in stop_keys
    assert len(rows) == 1  # the one paper sharing its exact title, not the eight of the head key
    report = ingest_records(empty_graph, [twin], settings=SMALL_BLOCKS)
    assert report.merged_papers == 1 and report.new_papers == 0


def test_the_batch_being_written_counts_towards_a_stop_key() -> None:
    stored = [{"param": "head_keys", "key": "on the robust", "uids": ["p1", "p2", "p3", "p4"]},
              {"param": "tail_keys", "key": "of graph models", "uids": None}]
    inflight = InFlight(papers={"p5": {"uid": "p5", "title_head_key": "on the robust"},
                                "p6": {"uid": "p6", "title_head_key": "on the robust"}})
    params = {"head_keys": ["on the robust"], "tail_keys": ["of graph models"]}
    fetch, stopped = inflight.paper_blocks(stored, params, max_block=5)
    assert stopped == {("head_keys", "on the robust"), ("tail_keys", "of graph models")} and fetch == set()
    fetch, stopped = inflight.paper_blocks(stored, params, max_block=6)
    # p5 and p6 come from the batch being written, as it will store them: they are not read.
    assert stopped == {("tail_keys", "of graph models")} and fetch == {"p1", "p2", "p3", "p4"}



CROWDED = replace(DEFAULT, coarse_block_size=3)
# Four titles share the first words, four the last words, and ORIGINAL has both: at 3, both coarse
# keys are crowded. TWIN lost a word in the middle: its exact title and longest words differ.
HEAD_GROUP = [f"Learning contrastive pretraining for {t}" for t in TOPICS[:4]]
TAIL_GROUP = [f"{m} for protein structure prediction"
              for m in ("Sparse attention", "Graph kernels", "Random features", "Diffusion priors")]
ORIGINAL = "Learning contrastive pretraining with evolutionary couplings for protein structure prediction"
TWIN = "Learning contrastive pretraining with couplings for protein structure prediction"


def by(rid: str, title: str, *authors: str) -> PaperRecord:
    return replace(paper(rid, title), authors=tuple(AuthorRef(raw=a) for a in authors))


def test_a_crowded_coarse_key_pairs_nothing_but_a_pair_of_coarse_keys_still_does() -> None:
    titles = {f"h{i}": t for i, t in enumerate(HEAD_GROUP)} | {f"t{i}": t for i, t in enumerate(TAIL_GROUP)}
    keyed = [(k, paper_keys(text_key(t), None, None, None, None))
             for k, t in (titles | {"original": ORIGINAL, "twin": TWIN}).items()]
    pairs = candidate_pairs(keyed, max_block_size=200, coarse_block_size=CROWDED.coarse_block_size)
    assert pairs == {("original", "twin")}  # through first|last words, not through either crowded key
    # Uncapped, each six-paper coarse block pairs all its members (15 + 15, the twins counted once).
    assert len(candidate_pairs(keyed, max_block_size=200)) == 29


def test_crowded_coarse_keys_are_not_fetched_and_the_twin_is_found_through_a_pair_key(empty_graph: Graph) -> None:
    crowd = [by(f"r{i}", t, f"Author {chr(65 + i)}. Number{i}") for i, t in enumerate([*HEAD_GROUP, *TAIL_GROUP])]
    ingest_records(empty_graph, [*crowd, by("original", ORIGINAL, "Maria Garcia", "Kenji Tanaka")], settings=CROWDED)
    twin = by("twin", TWIN, "Maria Garcia", "Kenji Tanaka")
    rows, stop_keys = Lookups(empty_graph, None).papers([("sr-twin", twin)], DEFAULT.max_block_size,
                                                        CROWDED.coarse_block_size)
    assert {"head:learni contra pretra", "tail:protei struct predic"} <= stop_keys
    assert [r["title_key"] for r in rows] == [text_key(ORIGINAL)]
    report = ingest_records(empty_graph, [twin], settings=CROWDED)
    assert report.merged_papers == 1 and report.new_papers == 0


def test_the_batch_being_written_counts_towards_a_crowded_coarse_key() -> None:
    stored = [{"param": "tail_keys", "key": "struct predic", "uids": ["p1", "p2"]},
              {"param": "head_tail_keys", "key": "learni contra|struct predic", "uids": ["p1"]}]
    inflight = InFlight(papers={"p3": {"uid": "p3", "title_tail_key": "struct predic"}})
    params = {"tail_keys": ["struct predic"], "head_tail_keys": ["learni contra|struct predic"]}
    fetch, stopped = inflight.paper_blocks(stored, params, max_block=200, coarse_block=2)
    # Three papers carry the tail key once p3 commits: crowded. The pair key is capped at 200 only.
    assert stopped == {("tail_keys", "struct predic")} and fetch == {"p1"}


# Reworded: no title key in common, yet 89 by token_sort_ratio, enough with the same authors and year.
REWORDED = ("Joins at scale: distributed shuffles that adapt to skew",
            "Adapting distributed shuffles to skew for joins at scale")


def test_the_same_authors_in_the_same_year_pair_a_batch_s_own_records_only() -> None:
    first, second = (replace(by(rid, t, "Maria Garcia", "Kenji Tanaka"), year=2020)
                     for rid, t in zip(("a", "b"), REWORDED, strict=True))
    plan = plan_papers([("sr-a", first), ("sr-b", second)], [], DEFAULT)
    assert plan.entity_of["sr-a"] == plan.entity_of["sr-b"]  # one batch: one paper
    # A stored paper is never searched by author and year, so a record does not meet it because some
    # other record of its batch happened to fetch it.
    stored = {"uid": "p-a", "title_key": text_key(REWORDED[0]), "year": 2020, "type": "other",
              "families": ["Garcia", "Tanaka"]}
    plan = plan_papers([("sr-b", second)], [stored], DEFAULT)
    assert plan.entity_of["sr-b"] != "p-a" and plan.decisions == []


def test_migrate_gives_papers_stored_before_pair_keys_their_pair_keys(empty_graph: Graph) -> None:
    empty_graph.write("CREATE (:Paper {uid: 'old-1', title_key: 'learning sparse attention for proteins', "
                      "title_head_key: 'learni sparse attent', title_tail_key: 'attent protei', "
                      "title_long_key: 'attent learni protei'})")
    assert migrate(empty_graph).backfilled == 1
    row = empty_graph.read("MATCH (p:Paper {uid: 'old-1'}) RETURN p.title_head_tail_key AS ht, "
                           "p.title_head_long_key AS hl, p.title_tail_long_key AS tl")[0]
    blocks = TitleBlocks(head="learni sparse attent", tail="attent protei", longest="attent learni protei")
    assert (row["ht"], row["hl"], row["tl"]) == blocks.pairs
    assert migrate(empty_graph).backfilled == 0
