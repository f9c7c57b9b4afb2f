"""What a long ingest run keeps in memory: a committed batch's rows are let go at once, and the garbage
collector runs less often while the run lasts (then as before)."""

from __future__ import annotations

import gc

from peergraph.ingest.pipeline import GC_YOUNG_THRESHOLD, fewer_collections
from peergraph.ingest.write import BatchWrite


def test_fewer_collections_while_a_run_lasts_then_as_before() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(GC_YOUNG_THRESHOLD, before[0]), *before[1:])
    assert gc.get_threshold() == before


def test_the_threshold_comes_back_when_a_run_fails() -> None:
    before = gc.get_threshold()
    try:
        with fewer_collections():
            raise RuntimeError("a batch failed")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before


def test_a_committed_batch_lets_go_of_its_rows() -> None:
    # The driver keeps a query's parameters in reference cycles: whoever still holds a row (here
    # `held`, standing for them) sees it emptied, so its contents are freed without a full collection.
    coauthors = ["li|jing", "song|xiaodan"]
    author = {"uid": "a-1", "name": "Wei Wang", "coauthors": coauthors}
    batch = BatchWrite(authors=[author], source_records=[{"uid": "sr-1"}])
    held = batch.authors
    batch.release()
    assert held == [] and author == {} and batch.rows() == []
    assert coauthors == ["li|jing", "song|xiaodan"]  # what the next batch's in-flight patch shares stays whole
