"""`peergraph demo load`, as `make run` calls it: the shipped demo data, scored, and idempotent."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import wipe

from peergraph.store.driver import Graph


def demo_load() -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peergraph", "demo", "load", "--json"], capture_output=True,
                          text=True, env=dict(os.environ), timeout=300)


def test_demo_load_is_scored_and_a_second_load_changes_nothing(graph: Graph) -> None:
    wipe(graph)
    first = demo_load()
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["skipped"] == 0 and report["records_read"] > 100
    counts = graph.counts()
    assert counts["nodes"]["Paper"] > 100 and counts["nodes"]["Author"] > 100

    song = graph.read("MATCH (a:Author {name: 'Xiaodan Song'})-[:AUTHORED]->(p:Paper) "
                      "RETURN a.trust_score AS score, a.trust_band AS band, count(p) AS works")
    assert song == [{"score": song[0]["score"], "band": "Emerging", "works": 7}] and song[0]["score"] is not None
    unscored = graph.read("MATCH (a:Author) WHERE a.trust_score IS NULL RETURN count(a) AS n")[0]["n"]
    assert unscored == 0

    second = demo_load()
    assert second.returncode == 0, second.stderr
    assert graph.counts() == counts
