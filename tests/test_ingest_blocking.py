"""Stop keys: a blocking key that more stored papers carry than `max_block_size` is skipped, and its
papers are not even fetched, so a batch's lookup does not grow with the corpus."""

from __future__ import annotations

from dataclasses import replace

from peergraph.ingest.inflight import InFlight
from peergraph.ingest.lookups import Lookups
from peergraph.ingest.pipeline import ingest_records
from peergraph.ingest.records import PaperRecord, make_provenance
from peergraph.ingest.settings import DEFAULT
from peergraph.store.driver import Graph

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


